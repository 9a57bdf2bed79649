//! The roll-up as Markdown: for a pull request or an e-mail.

use super::Rollup;
use dxplan_core::model::values::format_amount;

/// A table cell: any text from a plan (issuer, names, error messages) is input. Line breaks (CR
/// too: it ended the row) become spaces, control characters are shown escaped, and every
/// character that could end the cell or open markup — `|`, `\\`, HTML `<` `>`, links and images
/// `[ ] !`, emphasis `* _ ~`, code `` ` `` — is backslash-escaped (CommonMark: any ASCII
/// punctuation may be).
fn cell(s: &str) -> String {
    let s = dxplan_core::print::escape_controls(&s.replace(['\r', '\n'], " "), true);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '|' | '\\' | '<' | '>' | '[' | ']' | '!' | '*' | '_' | '~' | '`' | '#' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub fn render(r: &Rollup) -> String {
    let mut s = String::from("# Tổng hợp kế hoạch chuyển đổi số\n\n## Tổng quan\n\n");
    s.push_str("| Cơ quan | Cấp | Số, ký hiệu | Ngày | Đúng hạn | Lỗi | Cảnh báo | Mục tiêu | Nhiệm vụ | Dự án | Kinh phí (triệu đồng) |\n");
    s.push_str("|---|---|---|---|---|---:|---:|---:|---:|---:|---:|\n");
    for p in &r.plans {
        if let Some(e) = &p.error {
            s.push_str(&format!(
                "| {} | | | | | | | | | | {} |\n",
                cell(&p.dir),
                cell(e)
            ));
            continue;
        }
        let on_time = match p.on_time {
            Some(true) => "có",
            Some(false) => "không",
            None => "",
        };
        s.push_str(&format!(
            "| {} | {} | {} | {} | {on_time} | {} | {} | {} | {} | {} | {} |\n",
            cell(&p.issuer),
            p.level_words(),
            cell(&p.number),
            p.date,
            p.errors,
            p.warnings,
            p.targets,
            p.tasks,
            p.projects,
            format_amount(p.total)
        ));
    }
    s.push_str("\n## Nhiệm vụ trọng tâm\n\n| Cơ quan |");
    for id in &r.priority_tasks {
        s.push_str(&format!(" {id} |"));
    }
    s.push_str(" Số nhiệm vụ có |\n|---|");
    s.push_str(&"---|".repeat(r.priority_tasks.len()));
    s.push_str("---:|\n");
    for p in r.plans.iter().filter(|p| p.error.is_none()) {
        s.push_str(&format!("| {} |", cell(&p.issuer)));
        for st in &p.priority {
            s.push_str(&format!(" {} |", st.short()));
        }
        s.push_str(&format!(" {} |\n", p.covered()));
    }
    s.push_str("| **Số kế hoạch có** |");
    for t in r.task_totals() {
        s.push_str(&format!(" **{}** |", t.covered));
    }
    s.push_str(" |\n");
    s.push_str("\n## Kinh phí theo nguồn vốn (triệu đồng)\n\n| Nguồn vốn | Tổng |\n|---|---:|\n");
    for (src, v) in &r.total_by_source {
        let src = dxplan_core::compose::capitalize(src);
        s.push_str(&format!("| {} | {} |\n", cell(&src), format_amount(*v)));
    }
    s.push_str(&format!(
        "| **Tổng cộng** | **{}** |\n",
        format_amount(r.total)
    ));
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn cells_cannot_end_rows_or_open_markup() {
        let c = super::cell(
            "A\r## H\n| x ![i](http://e/x.png) <img src=x onerror=alert(1)> \u{1b}[31m",
        );
        assert!(
            !c.contains('\r') && !c.contains('\n') && !c.contains('\u{1b}'),
            "{c}"
        );
        assert!(
            c.contains("\\|") && c.contains("\\!\\[") && c.contains("\\<img"),
            "{c}"
        );
    }
}
