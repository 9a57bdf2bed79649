//! The `dxplan` command line: parses the arguments and dispatches to `commands/`.

mod commands;
mod rollup;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use commands::init::InitLevel;
use dxplan_core::lang::Lang;
use dxplan_core::{model, status};

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
        value_parser = commands::choice::<Lang>(),
        default_value = "vi",
        env = "DXPLAN_LANG"
    )]
    lang: Lang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Kiểm tra toàn bộ kế hoạch trong một lần chạy
    Check(commands::check::Args),
    /// Tạo khung thư mục kế hoạch: dxplan.toml và một tệp YAML cho mỗi mục của Khung
    Init {
        /// Thư mục sẽ tạo
        dir: PathBuf,
        /// Cấp kế hoạch (bỏ qua khi có --from: lấy theo kế hoạch cũ)
        #[arg(long, value_enum, required_unless_present = "from")]
        level: Option<InitLevel>,
        /// Kế hoạch năm trước: Phần I lập từ kết quả của nó, căn cứ và dự án chuyển tiếp chép sang
        #[arg(long)]
        from: Option<PathBuf>,
        /// Tệp dữ liệu Khung của năm mới (thay cho --framework), với --from
        #[arg(long, requires = "from")]
        framework_file: Option<PathBuf>,
        /// Khung kế hoạch (mặc định 5406/BTTTT-CĐSQG; với --from: Khung của năm sau, `dxplan framework list`)
        #[arg(long)]
        framework: Option<String>,
        /// Ghi đè tệp đã có
        #[arg(long)]
        force: bool,
    },
    /// Xuất văn bản chính thức (DOCX, PDF) theo Nghị định 30/2020/NĐ-CP
    Build(commands::build::Args),
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
        #[arg(long, value_parser = commands::choice::<status::Format>(), default_value = "table")]
        format: status::Format,
    },
    /// Tổng hợp nhiều kế hoạch: bảng tính XLSX, trang HTML, JSON hoặc Markdown
    Rollup {
        /// Các thư mục kế hoạch, hoặc thư mục chứa các thư mục kế hoạch
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Định dạng (mặc định theo đuôi tệp kết quả)
        #[arg(long, value_enum)]
        format: Option<commands::rollup::Format>,
        /// Tệp kết quả
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Nhập kế hoạch từ tệp Word (.docx): lập thư mục kế hoạch, in những gì nhận ra và những đoạn chưa xếp được
    Import {
        /// Tệp Word (.docx)
        file: PathBuf,
        /// Thư mục kế hoạch sẽ tạo
        #[arg(short, long)]
        output: PathBuf,
        /// Khung kế hoạch của văn bản (mặc định: Khung có sẵn của năm mà trích yếu nêu)
        #[arg(long)]
        framework: Option<String>,
        /// Tệp Khung (YAML, như `dxplan framework new` lập); được chép vào kế hoạch thành khung.yaml
        #[arg(long, conflicts_with = "framework")]
        framework_file: Option<PathBuf>,
        /// Cấp kế hoạch (mặc định: theo cơ quan ban hành ở đầu văn bản — „BỘ …” là bộ, „ỦY BAN NHÂN
        /// DÂN …” là tỉnh; không rõ thì tỉnh)
        #[arg(long, value_enum)]
        level: Option<InitLevel>,
        /// Ghi vào thư mục đã có tệp
        #[arg(long)]
        force: bool,
    },
    /// Các Khung kế hoạch: liệt kê, lập Khung năm mới, kiểm tra tệp Khung
    #[command(subcommand)]
    Framework(commands::framework::Command),
    /// Liệt kê mọi quy tắc kiểm tra
    Rules,
    /// Giải thích một quy tắc: kiểm tra gì, vì sao, ví dụ sai và cách sửa
    Explain {
        /// Mã quy tắc, ví dụ DX030
        code: String,
    },
}

// Counts the bytes the process holds, so a plan's own PDF layout meets its memory budget
// (dxplan_render::memory); only a binary may choose the allocator.
#[global_allocator]
static GLOBAL: dxplan_render::memory::Counting = dxplan_render::memory::Counting;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang;
    dxplan_render::memory::set_lang(lang);
    let result = match cli.command {
        Command::Check(args) => commands::check::run(args, lang),
        Command::Build(args) => commands::build::run(args, lang),
        Command::Init {
            dir,
            level,
            from,
            framework_file,
            framework,
            force,
        } => match from {
            Some(old) => commands::init::from(
                dir,
                &old,
                framework.as_deref(),
                framework_file.as_deref(),
                force,
                lang,
            ),
            None => commands::init::run(
                dir,
                level.expect("clap requires --level without --from"),
                framework.as_deref().unwrap_or(model::DEFAULT_FRAMEWORK),
                force,
                lang,
            ),
        },
        Command::Framework(cmd) => commands::framework::run(cmd, lang),
        Command::Import {
            file,
            output,
            framework,
            framework_file,
            level,
            force,
        } => commands::import::run(
            &file,
            output,
            framework.as_deref(),
            framework_file.as_deref(),
            level,
            force,
            lang,
        ),
        Command::Schema { framework, config } => commands::schema::run(&framework, config),
        Command::Status { dir, format } => commands::status::run(&dir, format, lang),
        Command::Rollup {
            dirs,
            format,
            output,
        } => commands::rollup::run(&dirs, format, &output),
        Command::Rules => commands::rules::list(lang),
        Command::Explain { code } => commands::rules::explain(&code, lang),
    };
    match result {
        Ok(status) => status.into(),
        Err(e) => {
            e.print(lang);
            commands::ExitStatus::Error.into()
        }
    }
}
