//! The roll-up as one self-contained HTML page: the same sections as tables, a bar chart of the
//! budget by funding source in inline SVG, nothing loaded from anywhere.

use super::{Rollup, TaskState};
use dxplan_core::model::values::format_amount;

fn esc(s: &str) -> String {
    // Control characters (ESC, NUL …) shown escaped, never passed to the page.
    dxplan_core::print::escape_controls(s, false)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn render(r: &Rollup) -> String {
    let mut s = String::from(concat!(
        "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">",
        "<title>Tổng hợp kế hoạch chuyển đổi số</title><style>",
        "body{font-family:'Times New Roman',serif;margin:2em}table{border-collapse:collapse;margin:1em 0}",
        "td,th{border:1px solid #555;padding:2px 6px;font-size:13px}th{background:#eee}",
        ".num{text-align:right}.no{background:#fdd}.na{color:#666}tr>:first-child{min-width:14em}",
        "@media print{body{margin:0}}</style></head><body>\n",
        "<h1>Tổng hợp kế hoạch chuyển đổi số</h1>\n",
    ));
    overview(&mut s, r);
    matrix(&mut s, r);
    budget(&mut s, r);
    s
}

/// Tổng quan: one row per plan; an unreadable plan is a row with its error.
fn overview(s: &mut String, r: &Rollup) {
    s.push_str("<h2 id=\"tong-quan\">Tổng quan</h2>\n<table><tr><th>Cơ quan</th><th>Cấp</th><th>Số, ký hiệu</th><th>Ngày</th><th>Lỗi</th><th>Cảnh báo</th><th>Mục tiêu</th><th>Nhiệm vụ</th><th>Dự án</th><th>Kinh phí (triệu đồng)</th></tr>\n");
    for p in &r.plans {
        if let Some(e) = &p.error {
            s.push_str(&format!(
                "<tr><td>{}</td><td colspan=\"9\" class=\"no\">{}</td></tr>\n",
                esc(&p.dir),
                esc(e)
            ));
            continue;
        }
        s.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            esc(&p.issuer),
            p.level_words(),
            esc(&p.number),
            esc(&p.date),
            p.errors,
            p.warnings,
            p.targets,
            p.tasks,
            p.projects,
            format_amount(p.total)
        ));
    }
    s.push_str("</table>\n");
}

/// Nhiệm vụ trọng tâm: plans × tasks with totals, then the coverage chart.
fn matrix(s: &mut String, r: &Rollup) {
    s.push_str(
        "<h2 id=\"nhiem-vu-trong-tam\">Nhiệm vụ trọng tâm</h2>\n<table><tr><th>Cơ quan</th>",
    );
    for id in &r.priority_tasks {
        s.push_str(&format!("<th>{}</th>", esc(id)));
    }
    s.push_str("<th>Số nhiệm vụ có</th></tr>\n");
    for p in r.plans.iter().filter(|p| p.error.is_none()) {
        s.push_str(&format!("<tr><td>{}</td>", esc(&p.issuer)));
        for st in &p.priority {
            let short = st.short();
            let class = match st {
                TaskState::Missing => " class=\"no\"",
                TaskState::NotApplicable(_) | TaskState::Unknown => " class=\"na\"",
                TaskState::Covered => "",
            };
            s.push_str(&format!(
                "<td{class} title=\"{}\">{short}</td>",
                esc(&st.words())
            ));
        }
        s.push_str(&format!("<td class=\"num\">{}</td></tr>\n", p.covered()));
    }
    let totals = r.task_totals();
    s.push_str("<tr><th>Số kế hoạch có</th>");
    for t in &totals {
        s.push_str(&format!("<th class=\"num\">{}</th>", t.covered));
    }
    s.push_str("<th></th></tr>\n</table>\n<h3>Số kế hoạch theo nhiệm vụ trọng tâm</h3>\n");
    coverage_chart(s, &totals);
}

/// Kinh phí: a bar per funding source, then the table with the total.
fn budget(s: &mut String, r: &Rollup) {
    s.push_str("<h2 id=\"kinh-phi\">Kinh phí theo nguồn vốn (triệu đồng)</h2>\n");
    // Bars scaled to the largest source.
    let max = r
        .total_by_source
        .iter()
        .map(|(_, v)| *v)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let h = 24 * r.total_by_source.len() + 8;
    s.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"{h}\" role=\"img\" aria-label=\"Kinh phí theo nguồn vốn\">"
    ));
    for (i, (src, v)) in r.total_by_source.iter().enumerate() {
        let y = 4 + 24 * i;
        let w = (400.0 * v / max).round();
        s.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text><rect x=\"170\" y=\"{y}\" width=\"{w}\" height=\"18\" fill=\"#4a6fa5\"/><text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>",
            y + 14,
            esc(&dxplan_core::compose::capitalize(src)),
            175.0 + w,
            y + 14,
            format_amount(*v)
        ));
    }
    s.push_str("</svg>\n<table><tr><th>Nguồn vốn</th><th>Tổng</th></tr>\n");
    for (src, v) in &r.total_by_source {
        s.push_str(&format!(
            "<tr><td>{}</td><td class=\"num\">{}</td></tr>\n",
            esc(&dxplan_core::compose::capitalize(src)),
            format_amount(*v)
        ));
    }
    s.push_str(&format!(
        "<tr><th>Tổng cộng</th><th class=\"num\">{}</th></tr>\n</table>\n</body></html>\n",
        format_amount(r.total)
    ));
}

/// One stacked bar per priority task: plans that address it, declare it not applicable, or have
/// nothing for it — the gaps the central agency follows up, visible at a glance.
fn coverage_chart(s: &mut String, totals: &[super::TaskTotals]) {
    let plans = totals
        .first()
        .map_or(0, |t| t.covered + t.not_applicable + t.missing);
    if plans == 0 {
        return;
    }
    let h = 18 * totals.len() + 30;
    s.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"{h}\" role=\"img\" aria-label=\"Số kế hoạch theo nhiệm vụ trọng tâm\">"
    ));
    let unit = 400.0 / plans as f64;
    for (i, t) in totals.iter().enumerate() {
        let y = 4 + 18 * i;
        s.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"12\">{}</text>",
            y + 12,
            esc(&t.id)
        ));
        let mut x = 60.0;
        for (n, colour, what) in [
            (t.covered, "#4a8a4a", "có"),
            (t.not_applicable, "#b0b0b0", "không áp dụng"),
            (t.missing, "#c85050", "chưa có"),
        ] {
            if n == 0 {
                continue;
            }
            let w = unit * n as f64;
            s.push_str(&format!(
                "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"14\" fill=\"{colour}\"><title>{} — {what}: {n}</title></rect>",
                esc(&t.id)
            ));
            x += w;
        }
    }
    let y = 18 * totals.len() + 20;
    s.push_str(&format!(
        "<text x=\"60\" y=\"{y}\" font-size=\"12\"><tspan fill=\"#4a8a4a\">■ có</tspan>  <tspan fill=\"#808080\">■ không áp dụng</tspan>  <tspan fill=\"#c85050\">■ chưa có</tspan> ({plans} kế hoạch)</text></svg>\n"
    ));
}
