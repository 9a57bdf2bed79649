//! Bilingual user-facing text. Vietnamese is the default; `--lang en` switches every message.

/// The language of everything a user reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// A message in both languages, chosen when printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub vi: String,
    pub en: String,
}

impl Msg {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Msg {
            vi: vi.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// `msg!("vi {x}", "en {x}")` formats both languages with the same arguments in scope.
#[macro_export]
macro_rules! msg {
    ($vi:literal, $en:literal $(,)?) => {
        $crate::lang::Msg::new(format!($vi), format!($en))
    };
    ($vi:literal, $en:literal, $($arg:expr),+ $(,)?) => {
        $crate::lang::Msg::new(format!($vi, $($arg),+), format!($en, $($arg),+))
    };
}
