//! `dxplan rollup`: many plans into one workbook, page, JSON or Markdown.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use crate::rollup;
use dxplan_core::fsutil::write_atomic;
use dxplan_core::msg;

use super::{Error, ExitStatus, Result};

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Xlsx,
    Html,
    Json,
    Markdown,
}

/// The format named by the output's extension, when `--format` is not given.
fn from_extension(out: &Path) -> Option<Format> {
    match out.extension()?.to_str()? {
        "xlsx" => Some(Format::Xlsx),
        "html" | "htm" => Some(Format::Html),
        "json" => Some(Format::Json),
        "md" | "markdown" => Some(Format::Markdown),
        _ => None,
    }
}

pub fn run(dirs: &[PathBuf], format: Option<Format>, output: &Path) -> Result {
    let format = format.or_else(|| from_extension(output)).ok_or_else(|| {
        let p = output.display();
        Error(msg!(
            "không biết định dạng của {p}: dùng --format xlsx|html|json|markdown",
            "cannot tell the format of {p}: use --format xlsx|html|json|markdown"
        ))
    })?;
    let plans = rollup::plan_dirs(dirs);
    if plans.is_empty() {
        return Err(Error(msg!(
            "không có thư mục kế hoạch nào (thư mục có dxplan.toml)",
            "no plan directory (a directory with dxplan.toml)"
        )));
    }
    // A progress bar on a terminal only: nothing of it reaches a pipe or a file.
    let bar = std::io::stderr().is_terminal().then(|| {
        let b = indicatif::ProgressBar::new(plans.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} kế hoạch")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let r = rollup::rollup(&plans, &|| {
        if let Some(b) = &bar {
            b.inc(1);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let bytes = match format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&r)
                .map_err(|e| Error(msg!("JSON: {e}", "JSON: {e}")))?;
            s.push('\n');
            s.into_bytes()
        }
        Format::Markdown => rollup::markdown::render(&r).into_bytes(),
        Format::Html => rollup::html::render(&r).into_bytes(),
        Format::Xlsx => rollup::xlsx::render(&r, dxplan_render::source_date_epoch())
            .map_err(|e| Error(msg!("không tạo được XLSX: {e}", "cannot write XLSX: {e}")))?,
    };
    write_atomic(output, &bytes).map_err(|e| {
        let p = output.display();
        Error(dxplan_core::lang::io_failed(
            &format!("không ghi được {p}"),
            &format!("cannot write {p}"),
            &e,
        ))
    })?;
    let cut = rollup::xlsx::cut_cells();
    if matches!(format, Format::Xlsx) && cut > 0 {
        eprintln!(
            "{}",
            msg!(
                "cảnh báo: {cut} ô dài quá 32.767 ký tự (giới hạn của Excel) đã bị cắt, cuối ô ghi „[đã cắt]”; bản JSON, HTML giữ đủ",
                "warning: {cut} cells longer than 32,767 characters (Excel's limit) were cut, ending in „[đã cắt]”; the JSON and HTML keep them whole"
            )
            .get(dxplan_core::lang::Lang::Vi)
        );
    }
    let n = r.plans.len();
    let p = output.display();
    eprintln!(
        "{}",
        msg!(
            "Đã tổng hợp {n} kế hoạch vào {p}",
            "Rolled up {n} plans into {p}"
        )
        .get(dxplan_core::lang::Lang::Vi)
    );
    Ok(ExitStatus::Success)
}
