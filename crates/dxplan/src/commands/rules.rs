//! `dxplan rules` and `dxplan explain CODE`, both from the rule registry.

use dxplan_core::check;
use dxplan_core::lang::Lang;
use dxplan_core::msg;

use super::{Error, ExitStatus, Result};

pub fn list(lang: Lang) -> Result {
    let locked = msg!("bắt buộc", "locked");
    for r in check::rules::ALL {
        let sev = r.severity.label(lang);
        let lock = if r.locked { locked.get(lang) } else { "" };
        println!(
            "{}  {:<10} {:<8} {:<26} {}  [{}]",
            r.code,
            sev,
            lock,
            r.name,
            r.summary.get(lang),
            r.clause
        );
    }
    Ok(ExitStatus::Success)
}

pub fn explain(code: &str, lang: Lang) -> Result {
    let Some(r) = check::find(code) else {
        return Err(Error(msg!(
            "không có quy tắc „{code}”; xem `dxplan rules`",
            "no rule „{code}”; see `dxplan rules`"
        )));
    };
    let locked = if r.locked {
        msg!(
            ", bắt buộc: không hạ mức hay tắt được",
            ", locked: cannot be lowered or suppressed"
        )
        .get(lang)
        .to_string()
    } else {
        String::new()
    };
    println!("{} {} ({}{locked})", r.code, r.name, r.severity.label(lang));
    println!("{}", r.summary.get(lang));
    println!("{}: {}\n", msg!("Căn cứ", "Clause").get(lang), r.clause);
    println!("{}", r.doc(lang));
    Ok(ExitStatus::Success)
}
