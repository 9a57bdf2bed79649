//! One file per subcommand. Each takes its parsed arguments and returns an [`ExitStatus`] or an
//! [`Error`] (a bilingual message, exit 2); `main` only parses and dispatches (ripgrep's
//! `main → run`, ruff's `commands/*.rs`).

pub mod build;
pub mod check;
pub mod framework;
pub mod import;
pub mod init;
pub mod rollup;
pub mod rules;
pub mod schema;
pub mod status;

use std::path::Path;
use std::process::ExitCode;

use dxplan_core::choice::Choice;
use dxplan_core::diag::Diagnostic;
use dxplan_core::framework::Framework;
use dxplan_core::lang::{Lang, Msg};
use dxplan_core::model::Plan;
use dxplan_core::msg;

/// A clap value parser for a core type whose words the core declares (`Choice`): the core has
/// no command-line parser, and the words and their help stay beside the type.
pub fn choice<T: Choice>() -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    let values = T::ALL.iter().map(|(_, word, help)| {
        let v = PossibleValue::new(*word);
        if help.is_empty() { v } else { v.help(*help) }
    });
    PossibleValuesParser::new(values).map(|word| {
        T::ALL
            .iter()
            .find(|(_, w, _)| *w == word)
            .map(|(v, ..)| *v)
            .expect("clap accepts only the declared words")
    })
}

/// How a command ended: 0 clean, 1 findings at or above the fail level (or a refused build),
/// 2 a usage or file error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Success,
    Failure,
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(s: ExitStatus) -> ExitCode {
        match s {
            ExitStatus::Success => ExitCode::SUCCESS,
            ExitStatus::Failure => ExitCode::from(1),
            ExitStatus::Error => ExitCode::from(2),
        }
    }
}

/// A failure to run at all (bad arguments, unreadable files): printed as "lỗi: …", exit 2.
#[derive(Debug)]
pub struct Error(pub Msg);

impl Error {
    pub fn print(&self, lang: Lang) {
        let prefix = msg!("lỗi:", "error:");
        eprintln!("{} {}", prefix.get(lang), self.0.get(lang));
    }
}

impl From<dxplan_core::load::IoFailure> for Error {
    fn from(f: dxplan_core::load::IoFailure) -> Error {
        let path = f.path.display();
        Error(dxplan_core::lang::io_failed(
            &format!("không đọc được {path}"),
            &format!("cannot read {path}"),
            &f.error,
        ))
    }
}

pub type Result = std::result::Result<ExitStatus, Error>;

/// Runs `check` on a plan directory; an unreadable directory or file is an [`Error`].
pub fn checked(dir: &Path) -> std::result::Result<(Plan, Vec<Diagnostic>), Error> {
    Ok(dxplan_render::check_dir(dir)?)
}

/// A built-in framework by id, or an [`Error`] naming it.
pub fn builtin_framework(id: &str) -> std::result::Result<Framework, Error> {
    Framework::builtin(id)
        .ok_or_else(|| Error(msg!("không có Khung „{id}”", "no framework „{id}”")))
}

/// A framework file (`--framework-file`) read for the plan year `year`: its text, to travel with
/// the plan, and the framework.
pub fn framework_file(
    f: &std::path::Path,
    year: Option<i32>,
) -> std::result::Result<(String, Framework), Error> {
    let p = f.display();
    let text = std::fs::read_to_string(f).map_err(|e| {
        Error(dxplan_core::lang::io_failed(
            &format!("không đọc được {p}"),
            &format!("cannot read {p}"),
            &e,
        ))
    })?;
    let fw = Framework::parse_for(&text, year).map_err(|e| {
        let m = &e.message;
        let l = e.line;
        Error(msg!(
            "tệp Khung {p} không hợp lệ (dòng {l}): {m}",
            "framework file {p} is invalid (line {l}): {m}"
        ))
    })?;
    Ok((text, fw))
}

/// A framework given as a file travels with the new plan as `khung.yaml` (dxplan reads only files
/// inside the plan), and its dxplan.toml pins it.
pub fn carry_framework_file(files: &mut Vec<(std::path::PathBuf, String)>, text: String) {
    files.push(("khung.yaml".into(), text));
    for (rel, content) in files.iter_mut() {
        if rel.as_os_str() == "dxplan.toml" {
            *content = content
                .lines()
                .map(|l| {
                    if l.trim_start().starts_with("framework =") {
                        format!("{l}\nframework_file = \"khung.yaml\"")
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
                + "\n";
        }
    }
}
