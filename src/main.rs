//! The `dxplan` command line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use dxplan::diag::{Severity, Summary};
use dxplan::framework::Framework;
use dxplan::lang::Lang;
use dxplan::model::Level;
use dxplan::{build, check, init, model, print, render, status};

#[derive(Parser)]
#[command(
    name = "dxplan",
    version,
    about = "Trình biên dịch Kế hoạch Chuyển đổi số: kiểm tra theo Khung và xuất văn bản theo Nghị định 30/2020/NĐ-CP",
    long_about = None
)]
struct Cli {
    /// Ngôn ngữ thông báo (vi: tiếng Việt, en: English)
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "vi",
        env = "DXPLAN_LANG"
    )]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum PdfStandard {
    /// PDF/A-2b (lưu trữ)
    #[value(name = "a-2b")]
    A2b,
}

#[derive(Clone, Copy, ValueEnum)]
enum InitLevel {
    /// Tỉnh, thành phố trực thuộc trung ương
    Tinh,
    /// Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ
    Bo,
}

#[derive(Subcommand)]
enum Command {
    /// Kiểm tra toàn bộ kế hoạch trong một lần chạy
    Check {
        /// Thư mục kế hoạch (chứa dxplan.toml)
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Định dạng kết quả
        #[arg(long, value_enum, default_value = "human")]
        format: print::Format,
        /// Tô màu kết quả
        #[arg(long, value_enum, default_value = "auto")]
        color: Color,
        /// Mức thấp nhất làm lệnh thất bại (mã thoát 1)
        #[arg(long, value_enum, default_value = "error")]
        fail_level: Severity,
        /// Không bao giờ thất bại vì kết quả kiểm tra (vẫn thoát 2 khi lỗi đọc tệp)
        #[arg(long)]
        exit_zero: bool,
        /// Tự sửa các lỗi sửa được một cách an toàn, ngay trong tệp
        #[arg(long, conflicts_with = "diff")]
        fix: bool,
        /// In các thay đổi mà --fix sẽ làm, không ghi tệp (thoát 1 nếu có thay đổi)
        #[arg(long)]
        diff: bool,
    },
    /// Tạo khung thư mục kế hoạch: dxplan.toml và một tệp YAML cho mỗi mục của Khung
    Init {
        /// Thư mục sẽ tạo
        dir: PathBuf,
        /// Cấp kế hoạch
        #[arg(long, value_enum)]
        level: InitLevel,
        /// Khung kế hoạch
        #[arg(long, default_value = model::DEFAULT_FRAMEWORK)]
        framework: String,
        /// Ghi đè tệp đã có
        #[arg(long)]
        force: bool,
    },
    /// Xuất văn bản chính thức (DOCX, PDF) theo Nghị định 30/2020/NĐ-CP
    Build {
        /// Thư mục kế hoạch (chứa dxplan.toml)
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Định dạng
        #[arg(long, value_enum, default_value = "docx")]
        format: build::Format,
        /// Tệp kết quả (mặc định: THƯ_MỤC/build/<tên văn bản>.<đuôi>); với --format all, đuôi được thay
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Vẫn xuất khi kế hoạch còn lỗi
        #[arg(long)]
        force: bool,
        /// Bản dự thảo: để trống số, ngày và ghi DỰ THẢO
        #[arg(long)]
        draft: bool,
        /// Thêm thư mục phông chữ (PDF)
        #[arg(long)]
        font_dir: Vec<PathBuf>,
        /// Chuẩn PDF: a-2b để lưu trữ
        #[arg(long, value_enum)]
        pdf_standard: Option<PdfStandard>,
    },
    /// In JSON Schema (draft-07) của các tệp YAML mục kế hoạch
    Schema {
        /// Khung kế hoạch
        #[arg(long, default_value = model::DEFAULT_FRAMEWORK)]
        framework: String,
        /// In schema của dxplan.toml thay vì của tệp mục
        #[arg(long)]
        config: bool,
    },
    /// Bảng theo dõi 23 nhiệm vụ trọng tâm và kinh phí theo nguồn vốn, nhóm nhiệm vụ
    Status {
        /// Thư mục kế hoạch (chứa dxplan.toml)
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// Định dạng: table (màn hình), markdown (bình luận pull request), json
        #[arg(long, value_enum, default_value = "table")]
        format: status::Format,
    },
    /// Liệt kê mọi quy tắc kiểm tra
    Rules,
    /// Giải thích một quy tắc: kiểm tra gì, vì sao, ví dụ sai và cách sửa
    Explain {
        /// Mã quy tắc, ví dụ DX030
        code: String,
    },
}

/// Runs `check` on a plan directory; an unreadable directory or file is reported and becomes exit 2.
fn checked(
    dir: &std::path::Path,
    lang: Lang,
) -> Result<(model::Plan, Vec<dxplan::diag::Diagnostic>), ExitCode> {
    dxplan::check_dir(dir).map_err(|f| {
        let what = match lang {
            Lang::Vi => "lỗi: không đọc được",
            Lang::En => "error: cannot read",
        };
        eprintln!("{what} {}: {}", f.path.display(), f.error);
        ExitCode::from(2)
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang;
    let t = |vi: &str, en: &str| match lang {
        Lang::Vi => vi.to_string(),
        Lang::En => en.to_string(),
    };
    match cli.command {
        Command::Check {
            dir,
            format,
            color,
            fail_level,
            exit_zero,
            fix,
            diff,
        } => {
            if fix || diff {
                let (plan, diags) = match checked(&dir, lang) {
                    Ok(r) => r,
                    Err(code) => return code,
                };
                let changes = dxplan::fix::plan(&diags, &plan.sources);
                if diff {
                    print!("{}", dxplan::fix::diff(&changes, &plan.sources));
                    return if changes.is_empty() {
                        ExitCode::SUCCESS
                    } else {
                        ExitCode::from(1)
                    };
                }
                if let Err(e) = dxplan::fix::write(&changes, &plan.sources) {
                    eprintln!("{} {e}", t("lỗi: không ghi được:", "error: cannot write:"));
                    return ExitCode::from(2);
                }
                let n: usize = changes.iter().map(|c| c.fixes).sum();
                eprintln!(
                    "{} {n} {} {} {}",
                    t("Đã sửa", "Fixed"),
                    t("lỗi trong", "findings in"),
                    changes.len(),
                    t("tệp", "files")
                );
                for c in &changes {
                    eprintln!("  {}", plan.sources.get(c.source).name);
                }
            }
            let (plan, diags) = match checked(&dir, lang) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let color = match color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            let opts = print::Options { lang, color };
            let out = print::render(format, &diags, &plan.sources, &opts);
            let _ = std::io::stdout().write_all(out.as_bytes());
            if format == print::Format::Github
                && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY")
            {
                let s = Summary::of(&diags);
                // GitHub shows ten annotations of a kind per step; beyond that, the summary table.
                if s.errors > 10 || s.warnings > 10 || s.infos > 10 {
                    let table = print::github::step_summary(&diags, &plan.sources, &opts);
                    let written = std::fs::OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(&path)
                        .and_then(|mut f| f.write_all(table.as_bytes()));
                    if let Err(e) = written {
                        eprintln!(
                            "{} GITHUB_STEP_SUMMARY: {e}",
                            t("lỗi: không ghi được", "error: cannot write")
                        );
                    }
                }
            }
            let failing = diags.iter().any(|d| d.severity <= fail_level);
            if failing && !exit_zero {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Command::Build {
            dir,
            format,
            output,
            force,
            draft,
            font_dir,
            pdf_standard,
        } => {
            if !build::supported(format) {
                eprintln!(
                    "{}",
                    t(
                        "lỗi: bản dxplan này được biên dịch không có PDF (tính năng `pdf`)",
                        "error: this dxplan was built without PDF support (feature `pdf`)",
                    )
                );
                return ExitCode::from(2);
            }
            if let Some(missing) = font_dir.iter().find(|d| !d.is_dir()) {
                eprintln!(
                    "{} {}",
                    t(
                        "lỗi: không có thư mục phông chữ",
                        "error: no font directory"
                    ),
                    missing.display()
                );
                return ExitCode::from(2);
            }
            let opts = build::Options {
                format,
                output,
                force,
                draft,
                context: render::Context {
                    timestamp: render::source_date_epoch(),
                    font_dirs: font_dir,
                    pdf_a: pdf_standard.is_some(),
                    plan_dir: Some(dir.clone()),
                },
            };
            let outcome = match build::build(&dir, &opts) {
                Ok(o) => o,
                Err(f) => {
                    eprintln!(
                        "{} {}: {}",
                        t("lỗi: không đọc được", "error: cannot read"),
                        f.path.display(),
                        f.error
                    );
                    return ExitCode::from(2);
                }
            };
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            if !outcome.diags.is_empty() {
                let out = print::render(
                    print::Format::Human,
                    &outcome.diags,
                    &outcome.plan.sources,
                    &print::Options { lang, color },
                );
                let _ = std::io::stderr().write_all(out.as_bytes());
            }
            if outcome.refused {
                eprintln!(
                    "{}",
                    t(
                        "Không xuất văn bản vì kế hoạch còn lỗi (dùng --force để vẫn xuất).",
                        "Not building: the plan has errors (use --force to build anyway).",
                    )
                );
                return ExitCode::from(1);
            }
            if outcome.forced {
                eprintln!(
                    "{}",
                    t(
                        "Cảnh báo: kế hoạch còn lỗi; văn bản được xuất do có --force.",
                        "Warning: the plan has errors; built anyway because of --force.",
                    )
                );
            }
            for w in &outcome.warnings {
                eprintln!("{} {w}", t("cảnh báo:", "warning:"));
            }
            for p in &outcome.outputs {
                println!("{} {}", t("Đã ghi", "Wrote"), p.display());
            }
            for f in &outcome.failures {
                eprintln!("{} {f}", t("lỗi:", "error:"));
            }
            if outcome.failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            }
        }
        Command::Init {
            dir,
            level,
            framework,
            force,
        } => {
            let Some(fw) = Framework::builtin(&framework) else {
                eprintln!(
                    "{} „{framework}”",
                    t("lỗi: không có Khung", "error: no framework")
                );
                return ExitCode::from(2);
            };
            let level = match level {
                InitLevel::Tinh => Level::Tinh,
                InitLevel::Bo => Level::Bo,
            };
            match init::write(&dir, &fw, level, force) {
                Ok(files) => {
                    println!(
                        "{} {} {}",
                        t("Đã tạo", "Created"),
                        files.len(),
                        t("tệp trong", "files in")
                    );
                    println!("  {}", dir.display());
                    println!(
                        "{}",
                        t(
                            "Điền nội dung rồi chạy: dxplan check <thư mục>",
                            "Fill them in, then run: dxplan check <dir>",
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(init::InitError::Exists(p)) => {
                    eprintln!(
                        "{} {} {}",
                        t("lỗi: tệp đã có:", "error: file exists:"),
                        p.display(),
                        t("(dùng --force để ghi đè)", "(use --force to overwrite)")
                    );
                    ExitCode::from(2)
                }
                Err(init::InitError::Io(p, e)) => {
                    eprintln!(
                        "{} {}: {e}",
                        t("lỗi: không ghi được", "error: cannot write"),
                        p.display()
                    );
                    ExitCode::from(2)
                }
            }
        }
        Command::Schema { framework, config } => {
            let Some(fw) = Framework::builtin(&framework) else {
                eprintln!(
                    "{} „{framework}”",
                    t("lỗi: không có Khung", "error: no framework")
                );
                return ExitCode::from(2);
            };
            let v = if config {
                model::schema::config_schema().clone()
            } else {
                model::schema::plan_file_schema(&fw)
            };
            println!(
                "{}",
                serde_json::to_string_pretty(&v).expect("schema serialises")
            );
            ExitCode::SUCCESS
        }
        Command::Status { dir, format } => {
            let (plan, _) = match checked(&dir, lang) {
                Ok(r) => r,
                Err(code) => return code,
            };
            let c = status::coverage(&plan);
            let out = match format {
                status::Format::Table => status::table(&c, lang),
                status::Format::Markdown => status::markdown(&c, lang),
                status::Format::Json => {
                    serde_json::to_string_pretty(&c).expect("coverage serialises") + "\n"
                }
            };
            let _ = std::io::stdout().write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Command::Rules => {
            for r in check::rules::ALL {
                let sev = r.severity.label(lang);
                let summary = match lang {
                    Lang::Vi => r.summary.0,
                    Lang::En => r.summary.1,
                };
                let locked = if check::rules::is_locked(r.code) {
                    t("bắt buộc", "locked")
                } else {
                    String::new()
                };
                println!(
                    "{}  {:<10} {:<8} {:<26} {summary}  [{}]",
                    r.code, sev, locked, r.name, r.clause
                );
            }
            ExitCode::SUCCESS
        }
        Command::Explain { code } => match check::find(&code) {
            Some(r) => {
                let summary = match lang {
                    Lang::Vi => r.summary.0,
                    Lang::En => r.summary.1,
                };
                let locked = if check::rules::is_locked(r.code) {
                    t(
                        ", bắt buộc: không hạ mức hay tắt được",
                        ", locked: cannot be lowered or suppressed",
                    )
                } else {
                    String::new()
                };
                println!("{} {} ({}{locked})", r.code, r.name, r.severity.label(lang));
                println!("{summary}");
                println!("{}: {}\n", t("Căn cứ", "Clause"), r.clause);
                match lang {
                    Lang::Vi => println!("{}", r.doc_text()),
                    Lang::En => println!("{}", r.doc_en),
                }
                ExitCode::SUCCESS
            }
            None => {
                eprintln!(
                    "{} „{code}”; {}",
                    t("lỗi: không có quy tắc", "error: no rule"),
                    t("xem `dxplan rules`", "see `dxplan rules`")
                );
                ExitCode::from(2)
            }
        },
    }
}
