//! `dxplan build`: check, then render the requested formats; findings go to stderr.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use dxplan_core::lang::Lang;
use dxplan_core::{msg, print};
use dxplan_render::{self as render, build};

use super::{Error, ExitStatus, Result};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum PdfStandard {
    /// PDF/A-2b (lưu trữ)
    #[value(name = "a-2b")]
    A2b,
}

/// Which document of the plan to issue.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DocumentKind {
    /// Kế hoạch (mặc định)
    #[value(name = "ke-hoach")]
    Plan,
    /// Báo cáo kết quả thực hiện kế hoạch (số, ngày ở [report] trong dxplan.toml)
    #[value(name = "bao-cao")]
    Report,
    /// Quyết định ban hành kế hoạch, riêng (chế độ kem-quyet-dinh)
    #[value(name = "quyet-dinh")]
    Decision,
}

/// The period a report covers: nam, 6-thang, quy-1 … quy-4.
pub fn parse_period(s: &str) -> std::result::Result<dxplan_core::compose::Period, String> {
    use dxplan_core::compose::Period;
    match s {
        "nam" => Ok(Period::Year),
        "6-thang" => Ok(Period::Half),
        _ => match s.strip_prefix("quy-").and_then(|q| q.parse::<u8>().ok()) {
            Some(q @ 1..=4) => Ok(Period::Quarter(q)),
            _ => Err("nam, 6-thang, quy-1, quy-2, quy-3, quy-4".into()),
        },
    }
}

#[derive(clap::Args)]
pub struct Args {
    /// Thư mục kế hoạch (chứa dxplan.toml)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// Định dạng (mặc định: theo đuôi của -o, không có thì docx)
    #[arg(long, value_parser = super::choice::<build::Format>())]
    pub format: Option<build::Format>,
    /// Tệp kết quả (mặc định: THƯ_MỤC/build/<tên văn bản>.<đuôi>); với --format all, đuôi được thay
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Vẫn xuất khi kế hoạch còn lỗi
    #[arg(long)]
    pub force: bool,
    /// Bản dự thảo: để trống số, ngày và ghi DỰ THẢO
    #[arg(long)]
    pub draft: bool,
    /// Văn bản: ke-hoach (kế hoạch) hoặc bao-cao (báo cáo kết quả thực hiện)
    #[arg(long, value_enum, default_value = "ke-hoach")]
    pub document: DocumentKind,
    /// Kỳ báo cáo (với --document bao-cao): nam, 6-thang, quy-1 … quy-4
    #[arg(long, default_value = "nam", value_parser = parse_period)]
    pub period: dxplan_core::compose::Period,
    /// Thêm thư mục phông chữ (PDF)
    #[arg(long)]
    pub font_dir: Vec<PathBuf>,
    /// Chuẩn PDF: a-2b để lưu trữ
    #[arg(long, value_enum)]
    pub pdf_standard: Option<PdfStandard>,
}

/// The format asked for, or the one the output's extension names: `-o ke-hoach.pdf` means a
/// PDF, and a DOCX is never written under a `.pdf` name.
fn format_of(args: &Args) -> std::result::Result<build::Format, Error> {
    let ext = args
        .output
        .as_ref()
        .and_then(|o| o.extension())
        .map(|e| e.to_string_lossy().to_lowercase());
    let named = match ext.as_deref() {
        Some("docx") => Some(build::Format::Docx),
        Some("pdf") => Some(build::Format::Pdf),
        _ => None,
    };
    match (args.format, named) {
        // With `all` the extension is replaced; a directory or an odd name takes the format given.
        (Some(f @ build::Format::All), _) | (Some(f), None) => Ok(f),
        (Some(f), Some(n)) if f == n => Ok(f),
        (Some(_), Some(_)) => {
            let e = ext.unwrap_or_default();
            Err(Error(msg!(
                "tệp kết quả có đuôi .{e} nhưng --format khác; bỏ --format hoặc đổi đuôi tệp",
                "the output ends in .{e} but --format says otherwise; drop --format or change the extension"
            )))
        }
        (None, n) => Ok(n.unwrap_or(build::Format::Docx)),
    }
}

pub fn run(args: Args, lang: Lang) -> Result {
    let format = format_of(&args)?;
    if !build::supported(format) {
        return Err(Error(msg!(
            "bản dxplan này được biên dịch không có PDF (tính năng `pdf`)",
            "this dxplan was built without PDF support (feature `pdf`)"
        )));
    }
    if let Some(missing) = args.font_dir.iter().find(|d| !d.is_dir()) {
        let missing = missing.display();
        return Err(Error(msg!(
            "không có thư mục phông chữ {missing}",
            "no font directory {missing}"
        )));
    }
    let opts = build::Options {
        document: match args.document {
            DocumentKind::Plan => dxplan_core::compose::DocKind::Plan,
            DocumentKind::Report => dxplan_core::compose::DocKind::Report(args.period),
            DocumentKind::Decision => dxplan_core::compose::DocKind::Decision,
        },
        format,
        output: args.output,
        force: args.force,
        draft: args.draft,
        context: render::Context {
            timestamp: render::source_date_epoch(),
            pdf: render::PdfOptions {
                font_dirs: args.font_dir,
                pdf_a: args.pdf_standard.is_some(),
            },
            plan_dir: Some(args.dir.clone()),
        },
    };
    let outcome = build::build(&args.dir, &opts)?;
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let print_opts = print::Options { lang, color };
    let show = |diags: &[dxplan_core::diag::Diagnostic]| {
        if !diags.is_empty() {
            let out = print::render(
                print::Format::Human,
                diags,
                &outcome.plan.sources,
                &print_opts,
            );
            let _ = std::io::stderr().write_all(out.as_bytes());
        }
    };
    if outcome.refused {
        show(&outcome.diags);
        let m = msg!(
            "Không xuất văn bản vì kế hoạch còn lỗi (dùng --force để vẫn xuất).",
            "Not building: the plan has errors (use --force to build anyway)."
        );
        eprintln!("{}", m.get(lang));
        return Ok(ExitStatus::Failure);
    }
    // The plan's findings and the renderers' in one list with one summary line.
    let all: Vec<_> = outcome
        .diags
        .iter()
        .chain(&outcome.render_diags)
        .cloned()
        .collect();
    show(&all);
    if outcome.forced {
        let m = msg!(
            "Cảnh báo: kế hoạch còn lỗi; văn bản được xuất do có --force.",
            "Warning: the plan has errors; built anyway because of --force."
        );
        eprintln!("{}", m.get(lang));
    }
    let wrote = msg!("Đã ghi", "Wrote");
    for p in &outcome.outputs {
        println!("{} {}", wrote.get(lang), p.display());
    }
    for f in &outcome.failures {
        Error(f.clone()).print(lang);
    }
    Ok(if outcome.failures.is_empty() {
        ExitStatus::Success
    } else {
        ExitStatus::Error
    })
}
