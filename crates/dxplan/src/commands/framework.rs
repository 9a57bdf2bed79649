//! `dxplan framework list | new | check`: the frameworks dxplan knows, a new year's framework file
//! the week its guidance letter arrives, and a framework file checked with located findings.

use std::path::{Path, PathBuf};

use dxplan_core::diag::Diagnostic;
use dxplan_core::framework::{self, BUILTIN, Framework};
use dxplan_core::lang::Lang;
use dxplan_core::model::rules::framework_unknown::NoFramework;
use dxplan_core::msg;
use dxplan_core::print;
use dxplan_core::source::{SourceFile, Sources};

use super::{Error, ExitStatus, Result, builtin_framework};

#[derive(clap::Subcommand)]
pub enum Command {
    /// Liệt kê các Khung có sẵn: năm kế hoạch, văn bản, ngày, cơ quan, mức dữ liệu
    List,
    /// Lập tệp Khung của một năm mới từ Khung có sẵn (khi văn bản hướng dẫn năm mới vừa đến)
    New {
        /// Khung gốc (đề cương lấy từ đây), ví dụ 5511/BKHCN-CĐSQG
        #[arg(long)]
        from: String,
        /// Năm kế hoạch
        #[arg(long)]
        year: i32,
        /// Số, ký hiệu văn bản hướng dẫn, ví dụ "4321/BKHCN-CĐSQG" (bỏ trống: „…”)
        #[arg(long)]
        letter: Option<String>,
        /// Ngày văn bản hướng dẫn, YYYY-MM-DD
        #[arg(long)]
        date: Option<String>,
        /// Tệp sẽ ghi
        #[arg(short, long)]
        output: PathBuf,
        /// Ghi đè tệp đã có
        #[arg(long)]
        force: bool,
    },
    /// Kiểm tra một tệp dữ liệu Khung: cú pháp, trường, năm, ngày, chỗ trống
    Check {
        /// Tệp Khung (YAML)
        file: PathBuf,
    },
}

pub fn run(cmd: Command, lang: Lang) -> Result {
    match cmd {
        Command::List => list(lang),
        Command::New {
            from,
            year,
            letter,
            date,
            output,
            force,
        } => new(
            &from,
            year,
            letter.as_deref(),
            date.as_deref(),
            &output,
            force,
            lang,
        ),
        Command::Check { file } => check(&file, lang),
    }
}

fn list(lang: Lang) -> Result {
    use std::fmt::Write as _;
    let mut out = String::new();
    let head = msg!(
        "năm   văn bản               ngày         cơ quan ban hành                 dữ liệu",
        "year  letter                date         issuer                           data"
    );
    let _ = writeln!(out, "{}", head.get(lang));
    for (id, _) in BUILTIN {
        let fw = builtin_framework(id)?;
        let date = dxplan_core::model::values::date(&fw.date)
            .map(|d| d.short())
            .unwrap_or_default();
        let data = match (fw.completeness, lang) {
            (c, Lang::Vi) => c.words().to_string(),
            (framework::Completeness::Full, Lang::En) => "full".into(),
            (framework::Completeness::Partial, Lang::En) => "partial".into(),
        };
        let _ = writeln!(
            out,
            "{:<5} {:<21} {:<12} {:<32} {data}",
            fw.plan_year, fw.id, date, fw.issuer
        );
        if !fw.unknown.is_empty() {
            let u = fw.unknown.join("; ");
            let _ = writeln!(
                out,
                "      {}",
                msg!("chưa có: {u}", "missing: {u}").get(lang)
            );
        }
    }
    // A closed pipe (`| head`) is not an error of the listing.
    let _ = std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes());
    Ok(ExitStatus::Success)
}

fn new(
    from: &str,
    year: i32,
    letter: Option<&str>,
    date: Option<&str>,
    output: &Path,
    force: bool,
    lang: Lang,
) -> Result {
    let base = builtin_framework(from)?;
    if let Some(d) = date
        && dxplan_core::model::values::date(d).is_err()
    {
        return Err(Error(msg!(
            "--date „{d}” không phải ngày (YYYY-MM-DD)",
            "--date „{d}” is not a date (YYYY-MM-DD)"
        )));
    }
    if output.exists() && !force {
        let p = output.display();
        return Err(Error(msg!(
            "tệp đã có: {p} (dùng --force để ghi đè)",
            "file exists: {p} (use --force to overwrite)"
        )));
    }
    let text = framework::new_file(&base, year, letter, date);
    // The scaffold must itself be a valid framework: it is what the author starts from.
    Framework::parse(&text).expect("a new framework file parses");
    dxplan_core::fsutil::write_atomic(output, text.as_bytes()).map_err(|e| {
        let p = output.display();
        Error(dxplan_core::lang::io_failed(
            &format!("không ghi được {p}"),
            &format!("cannot write {p}"),
            &e,
        ))
    })?;
    let p = output.display();
    let mut said = format!("{}\n", msg!("Đã ghi {p}", "Wrote {p}").get(lang));
    if letter.is_none() || date.is_none() {
        said.push_str(&format!(
            "{}\n",
            msg!(
                "Còn „…” ở số, ngày văn bản hướng dẫn: điền khi văn bản đến (`dxplan check` báo DX015 đến lúc đó).",
                "The guidance letter's number and date are „…”: fill them in when it arrives (`dxplan check` reports DX015 until then)."
            )
            .get(lang)
        ));
    }
    let _ = std::io::Write::write_all(&mut std::io::stdout(), said.as_bytes());
    Ok(ExitStatus::Success)
}

fn check(file: &Path, lang: Lang) -> Result {
    let bytes = std::fs::read(file).map_err(|e| {
        let p = file.display();
        Error(dxplan_core::lang::io_failed(
            &format!("không đọc được {p}"),
            &format!("cannot read {p}"),
            &e,
        ))
    })?;
    let text = String::from_utf8(bytes).map_err(|_| {
        let p = file.display();
        Error(msg!("{p} không phải UTF-8", "{p} is not UTF-8"))
    })?;
    let mut sources = Sources::default();
    let name = file.to_string_lossy().into_owned();
    let src = sources.add(SourceFile::new(file.to_path_buf(), name, text.clone()));
    let at_line = |line: usize| {
        let f = sources.get(src);
        let start = f.offset_of(line.max(1), 1);
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        start..end
    };
    let mut diags = Vec::new();
    match Framework::parse(&text) {
        Err(e) => {
            let span = at_line(e.line);
            let (vi, en) = dxplan_core::load::yaml::explain(&e.message);
            let found = NoFramework::Invalid {
                message: if lang == Lang::Vi { vi } else { en },
                line: e.line,
                column: e.column,
            };
            diags.push(Diagnostic::of(&found).at(src, span));
        }
        Ok(fw) => {
            for (line, m) in framework::validate(&fw, &text) {
                let found = NoFramework::Invalid {
                    message: m.get(lang).to_string(),
                    line,
                    column: 1,
                };
                diags.push(Diagnostic::of(&found).at(src, at_line(line)));
            }
        }
    }
    let opts = print::Options { lang, color: false };
    if diags.is_empty() {
        let p = file.display();
        println!(
            "{}",
            msg!("{p}: Khung hợp lệ", "{p}: a valid framework").get(lang)
        );
        return Ok(ExitStatus::Success);
    }
    print!(
        "{}",
        print::render(print::Format::Human, &diags, &sources, &opts)
    );
    Ok(ExitStatus::Failure)
}
