//! `dxplan init`: a plan skeleton for a level and a framework.

use std::path::PathBuf;

use dxplan_core::init::{self, InitError};
use dxplan_core::lang::Lang;
use dxplan_core::model::Level;
use dxplan_core::msg;

use dxplan_core::framework::Framework;

use super::{Error, ExitStatus, Result, builtin_framework};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum InitLevel {
    /// Tỉnh, thành phố trực thuộc trung ương
    Tinh,
    /// Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ
    Bo,
}

pub fn run(dir: PathBuf, level: InitLevel, framework: &str, force: bool, lang: Lang) -> Result {
    let fw = builtin_framework(framework)?;
    let level = match level {
        InitLevel::Tinh => Level::Tinh,
        InitLevel::Bo => Level::Bo,
    };
    report(init::write(&dir, &fw, level, force), &dir, lang)
}

/// `init NEW --from OLD`: next year's plan from this year's data, on the framework of the new year:
/// `--framework-file`, `--framework`, else the built-in framework of OLD's year + 1, else OLD's
/// own (with a warning that says what to do when the new letter arrives).
pub fn from(
    dir: PathBuf,
    old: &std::path::Path,
    framework: Option<&str>,
    framework_file: Option<&std::path::Path>,
    force: bool,
    lang: Lang,
) -> Result {
    // NEW inside OLD: its files would become sections of OLD (and OLD's walk would read them).
    let canon = |p: &std::path::Path| {
        std::fs::canonicalize(p).ok().or_else(|| {
            let parent = p.parent().filter(|x| !x.as_os_str().is_empty())?;
            Some(std::fs::canonicalize(parent).ok()?.join(p.file_name()?))
        })
    };
    if let (Some(n), Some(o)) = (canon(&dir), canon(old))
        && n.starts_with(&o)
    {
        return report(Err(InitError::InsideOld(o)), &dir, lang);
    }
    let compiled =
        dxplan_render::compile_without_layout(old, &dxplan_core::compose::Options { draft: false })
            .map_err(|e| {
                let p = e.path.display();
                Error(dxplan_core::lang::io_failed(
                    &format!("không đọc được {p}"),
                    &format!("cannot read {p}"),
                    &e.error,
                ))
            })?;
    let plan = compiled.plan;
    let next = plan.year() + 1;
    let given = framework_file
        .map(|f| super::framework_file(f, Some(next)))
        .transpose()?;
    let fw = match (&given, framework) {
        (Some((_, f)), _) => f.clone(),
        (None, Some(id)) => Framework::builtin_for(id, Some(next))
            .ok_or_else(|| Error(msg!("không có Khung „{id}”", "no framework „{id}”")))?,
        (None, None) => match Framework::builtin_of_year(next) {
            Some(f) => Framework::builtin_for(&f.id, Some(next)).expect("built in"),
            None => {
                let id = plan.framework.id.clone();
                eprintln!(
                    "{}",
                    msg!(
                        "cảnh báo: dxplan chưa có Khung năm {next}; kế hoạch mới theo đề cương của Khung {id}, câu mở đầu để trống số, ngày văn bản hướng dẫn (DX015). Khi văn bản năm {next} đến: dxplan framework new --from {id} --year {next} --letter SỐ/KÝ-HIỆU --date YYYY-MM-DD -o khung.yaml, rồi chạy lại init với --framework-file khung.yaml",
                        "warning: dxplan has no framework for {next}; the new plan follows framework {id}'s skeleton and its opening leaves the guidance letter's number and date blank (DX015). When the {next} letter arrives: dxplan framework new --from {id} --year {next} --letter NUMBER/SYMBOL --date YYYY-MM-DD -o khung.yaml, then init again with --framework-file khung.yaml"
                    )
                    .get(lang)
                );
                Framework::builtin_for(&id, Some(next))
                    .or_else(|| {
                        // OLD on a framework file: its file, read again for the new year.
                        let c = plan.config.as_ref()?;
                        let f = c.config.framework_file.as_ref()?;
                        let text = std::fs::read_to_string(old.join(&f.value)).ok()?;
                        Framework::parse_for(&text, Some(next)).ok()
                    })
                    .unwrap_or_else(|| plan.framework.clone())
            }
        },
    };
    let level = plan.level().unwrap_or(Level::Tinh);
    let made = init::from::from_plan(&plan, &fw, init::scaffold_for(&fw, level, next));
    let mut files = made.files;
    if let Some((text, _)) = given {
        super::carry_framework_file(&mut files, text);
    }
    let id = &fw.id;
    println!(
        "{}",
        msg!(
            "Kế hoạch năm {next} theo Khung {id}",
            "A {next} plan on framework {id}"
        )
        .get(lang)
    );
    for slug in &made.dropped {
        eprintln!(
            "{}",
            msg!(
                "Mục `{slug}` của kế hoạch cũ không có trong Khung {id}: không chép sang",
                "Section `{slug}` of the old plan is not in framework {id}: not carried over"
            )
            .get(lang)
        );
    }
    for slug in &made.added {
        eprintln!(
            "{}",
            msg!(
                "Mục `{slug}` mới có ở Khung {id}: tệp mới để điền",
                "Section `{slug}` is new in framework {id}: a new file to fill in"
            )
            .get(lang)
        );
    }
    report(init::write_files(&dir, files, force), &dir, lang)
}

fn report(
    written: std::result::Result<Vec<PathBuf>, InitError>,
    dir: &std::path::Path,
    lang: Lang,
) -> Result {
    match written {
        Ok(files) => {
            let n = files.len();
            println!(
                "{}",
                msg!("Đã tạo {n} tệp trong", "Created {n} files in").get(lang)
            );
            println!("  {}", dir.display());
            let d = dir.display();
            let next = msg!(
                "Điền nội dung rồi chạy: dxplan check {d}",
                "Fill them in, then run: dxplan check {d}"
            );
            println!("{}", next.get(lang));
            Ok(ExitStatus::Success)
        }
        Err(InitError::Exists(p)) => {
            let p = p.display();
            Err(Error(msg!(
                "tệp đã có: {p} (dùng --force để ghi đè)",
                "file exists: {p} (use --force to overwrite)"
            )))
        }
        Err(InitError::Link(p)) => {
            let p = p.display();
            Err(Error(msg!(
                "không ghi: {p} là một liên kết tượng trưng; tạo kế hoạch ở một thư mục thật",
                "not writing: {p} is a symbolic link; make the plan in a real directory"
            )))
        }
        Err(InitError::NotADirectory(p)) => {
            let p = p.display();
            Err(Error(msg!(
                "{p} là một tệp, không phải thư mục: chọn tên thư mục khác cho kế hoạch mới",
                "{p} is a file, not a directory: choose another directory for the new plan"
            )))
        }
        Err(InitError::InsideOld(p)) => {
            let p = p.display();
            Err(Error(msg!(
                "không tạo kế hoạch mới bên trong kế hoạch cũ ({p}): các tệp mới sẽ thành một phần của kế hoạch cũ; chọn thư mục bên ngoài",
                "not making the new plan inside the old one ({p}): its files would join the old plan; choose a directory outside it"
            )))
        }
        Err(InitError::Io(p, e)) => {
            let p = p.display();
            Err(Error(dxplan_core::lang::io_failed(
                &format!("không ghi được {p}"),
                &format!("cannot write {p}"),
                &e,
            )))
        }
    }
}
