//! `dxplan check`: every finding of every stage, in the chosen format; `--fix`/`--diff` first.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use dxplan_core::diag::{Severity, Summary};
use dxplan_core::lang::Lang;
use dxplan_core::model::Plan;
use dxplan_core::{msg, print};

use super::{Error, ExitStatus, Result, checked};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(clap::Args)]
pub struct Args {
    /// Thư mục kế hoạch (chứa dxplan.toml)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Định dạng kết quả
    #[arg(long, value_parser = super::choice::<print::Format>(), default_value = "human")]
    pub format: print::Format,
    /// Tô màu kết quả
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Color,
    /// Mức thấp nhất làm lệnh thất bại (mã thoát 1)
    #[arg(long, value_parser = super::choice::<Severity>(), default_value = "error")]
    pub fail_level: Severity,
    /// Không bao giờ thất bại vì kết quả kiểm tra (vẫn thoát 2 khi lỗi đọc tệp)
    #[arg(long)]
    pub exit_zero: bool,
    /// Tự sửa các lỗi sửa được một cách an toàn, ngay trong tệp
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// In các thay đổi mà --fix sẽ làm, không ghi tệp (thoát 1 nếu có thay đổi)
    #[arg(long)]
    pub diff: bool,
}

pub fn run(args: Args, lang: Lang) -> Result {
    if args.diff {
        return diff(&args);
    }
    if args.fix {
        fix(&args, lang)?;
    }
    let (plan, diags) = checked(&args.dir)?;
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let opts = print::Options { lang, color };
    let out = print::render(args.format, &diags, &plan.sources, &opts);
    let _ = std::io::stdout().write_all(out.as_bytes());
    if args.format == print::Format::Github {
        step_summary(&plan, &diags, &opts);
    }
    let failing = diags.iter().any(|d| d.severity <= args.fail_level);
    Ok(if failing && !args.exit_zero {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// `--diff`: what `--fix` would change, as a unified diff; exit 1 when there is something.
fn diff(args: &Args) -> Result {
    let (plan, diags) = checked(&args.dir)?;
    let changes = dxplan_core::fix::plan(&diags, &plan.sources);
    print!("{}", dxplan_core::fix::diff(&changes, &plan.sources));
    Ok(if changes.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Failure
    })
}

/// `--fix`: applies the safe fixes, then reports what it changed on stderr.
fn fix(args: &Args, lang: Lang) -> std::result::Result<(), Error> {
    // Overlapping fixes (an NFC rewrite and a trailing space on one line) need another pass;
    // a few passes settle any real file.
    let mut n = 0;
    let mut touched: Vec<String> = Vec::new();
    for _ in 0..5 {
        let (plan, diags) = checked(&args.dir)?;
        let changes = dxplan_core::fix::plan(&diags, &plan.sources);
        if changes.is_empty() {
            break;
        }
        dxplan_core::fix::write(&changes, &plan.sources).map_err(|e| {
            Error(dxplan_core::lang::io_failed(
                "không ghi được tệp đã sửa",
                "cannot write a fixed file",
                &e,
            ))
        })?;
        n += changes.iter().map(|c| c.fixes).sum::<usize>();
        for c in &changes {
            let name = plan.sources.get(c.source).name.clone();
            if !touched.contains(&name) {
                touched.push(name);
            }
        }
    }
    let files = touched.len();
    let done = msg!(
        "Đã sửa {n} lỗi trong {files} tệp",
        "Fixed {n} findings in {files} files"
    );
    eprintln!("{}", done.get(lang));
    for name in &touched {
        eprintln!("  {name}");
    }
    Ok(())
}

/// GitHub shows ten annotations of a kind per step; beyond that, the step-summary table.
fn step_summary(plan: &Plan, diags: &[dxplan_core::diag::Diagnostic], opts: &print::Options) {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY") else {
        return;
    };
    let s = Summary::of(diags);
    if s.errors <= 10 && s.warnings <= 10 && s.infos <= 10 {
        return;
    }
    let table = print::github::step_summary(diags, &plan.sources, opts);
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
        .and_then(|mut f| f.write_all(table.as_bytes()));
    if let Err(e) = written {
        Error(dxplan_core::lang::io_failed(
            "không ghi được GITHUB_STEP_SUMMARY",
            "cannot write GITHUB_STEP_SUMMARY",
            &e,
        ))
        .print(opts.lang);
    }
}
