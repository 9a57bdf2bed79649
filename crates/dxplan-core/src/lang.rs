//! Bilingual user-facing text. Vietnamese is the default; `--lang en` switches every message.

/// The language of everything a user reads.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl crate::choice::Choice for Lang {
    const ALL: &'static [(Self, &'static str, &'static str)] =
        &[(Lang::Vi, "vi", ""), (Lang::En, "en", "")];
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

/// "không đọc được plan/dxplan.toml: không có tệp hoặc thư mục này": what failed (`vi`, `en`)
/// and the system's reason, said in Vietnamese for the kinds users meet; any other keeps the
/// system's words.
pub fn io_failed(vi: &str, en: &str, e: &std::io::Error) -> Msg {
    use std::io::ErrorKind as K;
    let (rv, re) = match e.kind() {
        K::NotFound => ("không có tệp hoặc thư mục này", "no such file or directory"),
        K::PermissionDenied => ("không có quyền truy cập", "permission denied"),
        K::NotADirectory => ("không phải thư mục", "not a directory"),
        K::IsADirectory => ("là một thư mục, không phải tệp", "is a directory"),
        K::AlreadyExists => ("đã có", "already exists"),
        K::StorageFull => ("ổ đĩa đã đầy", "no space left on the device"),
        K::ReadOnlyFilesystem => ("ổ đĩa chỉ cho đọc", "read-only file system"),
        K::InvalidData => ("dữ liệu không hợp lệ", "invalid data"),
        K::Other if e.to_string() == crate::fsutil::NOT_REGULAR => (
            "không phải tệp thường (một liên kết, thiết bị hay thư mục), không ghi đè",
            "not a regular file (a link, a device or a directory); not replaced",
        ),
        _ => {
            return Msg::new(format!("{vi}: lỗi hệ thống ({e})"), format!("{en}: {e}"));
        }
    };
    Msg::new(format!("{vi}: {rv}"), format!("{en}: {re}"))
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
