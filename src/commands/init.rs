//! `dxplan init`: a plan skeleton for a level and a framework.

use std::path::PathBuf;

use dxplan::init::{self, InitError};
use dxplan::lang::Lang;
use dxplan::model::Level;
use dxplan::msg;

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
    match init::write(&dir, &fw, level, force) {
        Ok(files) => {
            let n = files.len();
            println!(
                "{}",
                msg!("Đã tạo {n} tệp trong", "Created {n} files in").get(lang)
            );
            println!("  {}", dir.display());
            let next = msg!(
                "Điền nội dung rồi chạy: dxplan check <thư mục>",
                "Fill them in, then run: dxplan check <dir>"
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
        Err(InitError::Io(p, e)) => {
            let p = p.display();
            Err(Error(msg!(
                "không ghi được {p}: {e}",
                "cannot write {p}: {e}"
            )))
        }
    }
}
