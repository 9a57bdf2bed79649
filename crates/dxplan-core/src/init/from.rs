//! `dxplan init NEW --from OLD`: next year's plan started from this year's. Phần I (the evaluation
//! of OLD's year) is built from OLD's data — the count of targets by result with its sentence, a
//! phụ lục of target results, one evaluation item per task group with a) drawn from the task
//! results and b) left to write, OLD's projects with their status and disbursement — and Phần II
//! starts from the framework's skeleton, with OLD's căn cứ and the projects that run on carried
//! over. `dxplan check NEW` then lists what is left to write.

use std::path::PathBuf;

use crate::framework::{Framework, SectionKind};
use crate::model::types::{TargetStatus, WorkStatus};
use crate::model::values::{amount, format_amount, period};
use crate::model::{Content, Plan};

/// OLD's text, trimmed, as a quoted YAML value.
fn q(s: &str) -> String {
    super::yaml_quoted(s.trim())
}

/// A text put on one line of a YAML block scalar: a line break in OLD's title or note would end
/// the block and write keys of its own (a forged item, a second `section:`).
fn one_line(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What `init --from` made: the new plan's files, OLD's sections the new framework has no place
/// for, and the new framework's sections OLD did not have (both reported by the command, never
/// dropped or added in silence).
pub struct NextYear {
    pub files: Vec<(PathBuf, String)>,
    pub dropped: Vec<String>,
    pub added: Vec<String>,
}

pub fn from_plan(old: &Plan, fw: &Framework, scaffold: Vec<(PathBuf, String)>) -> NextYear {
    let year = old.year();
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let mut replaced: Vec<&str> = Vec::new();
    let mut extra = Vec::new();
    files.push(("dxplan.toml".into(), config(old, fw, year)));
    replaced.push("dxplan.toml");
    // Phần I from OLD's data.
    for def in fw.sections.iter().filter(|d| d.part == 0) {
        let text = match def.kind {
            SectionKind::Text => Some(targets_text(old, year, &def.slug)),
            SectionKind::Evaluation => Some(evaluation(old, fw, &def.slug)),
            SectionKind::EvaluationBudget => Some(past_projects(old, year, &def.slug)),
            _ => None,
        };
        if let Some(text) = text {
            extra.push((def.slug.clone(), text));
        }
    }
    // The results phụ lục, when OLD had targets (a draft carried on may have none yet).
    if old.targets().next().is_some() {
        files.push((
            format!("phu-luc/ket-qua-{year}.yaml").into(),
            results_appendix(old, year),
        ));
    }
    // Phần II: the skeleton, with the căn cứ and the running projects carried over.
    if let Some(t) = citations(old, fw) {
        extra.push(("can-cu".into(), t));
    }
    if let Some(t) = carried_projects(old, year) {
        extra.push(("danh-muc-du-an".into(), t));
    }
    for (rel, content) in scaffold {
        let name = rel.to_string_lossy().to_string();
        if replaced.contains(&name.as_str()) {
            continue;
        }
        let slug = extra
            .iter()
            .find(|(slug, _)| name.ends_with(&format!("-{slug}.yaml")));
        match slug {
            Some((_, text)) => files.push((rel, text.clone())),
            None => files.push((rel, content)),
        }
    }
    let dropped = old
        .sections
        .iter()
        .filter(|s| fw.section(&s.slug).is_none())
        .map(|s| s.slug.clone())
        .collect();
    let added = fw
        .sections
        .iter()
        .filter(|d| old.framework.section(&d.slug).is_none())
        .map(|d| d.slug.clone())
        .collect();
    NextYear {
        files,
        dropped,
        added,
    }
}

/// The table a TOML line opens ("opening" for `[opening]`), if it is a table header.
fn table_of(line: &str) -> Option<String> {
    let t = line.trim();
    (t.starts_with('[') && !t.starts_with("[[") && t.ends_with(']'))
        .then(|| t.trim_matches(['[', ']']).trim().to_string())
}

/// OLD's dxplan.toml for the next year: a draft (no số, no date) on the new framework, the year
/// and the years in the values moved on by one (comments keep their words: they may speak of any
/// year). The opening cites the new framework's letter — by the default sentence, or a "…"
/// sentence that `check` reports (DX015) while dxplan has no framework for the new year; OLD's
/// report (number, date, proposals) is last year's, not this year's.
fn config(old: &Plan, fw: &Framework, year: i32) -> String {
    let src = old
        .config
        .as_ref()
        .map(|c| old.sources.get(c.source).text.clone())
        .unwrap_or_default();
    let (prev, this, next) = (year - 1, year, year + 1);
    let placeholder = fw.plan_year != next;
    let mut out = String::new();
    let mut table = String::new();
    let mut skipping = false; // inside a dropped multi-line value
    let mut wrote_opening_text = false;
    let opening_text = || {
        let suffix = fw.id.split_once('/').map_or("…", |x| x.1);
        let issuer = if fw.issuer.is_empty() {
            "…"
        } else {
            fw.issuer.as_str()
        };
        let full = old
            .config
            .as_ref()
            .map(|c| c.config.issuer.full_name.value.trim().to_string())
            .unwrap_or_default();
        format!(
            "# Văn bản hướng dẫn năm {next} chưa có trong dxplan: điền số, ngày (dxplan check báo DX015 đến khi điền).\n\
             text = {}\n",
            q(&format!(
                "Thực hiện Văn bản số …/{suffix} ngày … của {issuer} về việc hướng dẫn các bộ, ngành, địa \
                 phương xây dựng Kế hoạch chuyển đổi số năm {next}, {full} ban hành Kế hoạch như sau:"
            ))
        )
    };
    for line in src.lines() {
        let t = line.trim_start();
        if skipping {
            if t.contains("\"\"\"") || t.contains("\'\'\'") {
                skipping = false;
            }
            continue;
        }
        if let Some(name) = table_of(line) {
            if table == "opening" && placeholder && !wrote_opening_text {
                out.push_str(&opening_text());
                wrote_opening_text = true;
            }
            table = name;
        }
        let key = (!t.starts_with('#'))
            .then(|| t.split_once('=').map(|(k, _)| k.trim().to_string()))
            .flatten();
        let drop = match (table.as_str(), key.as_deref()) {
            // The new letter's sentence replaces OLD's own words for the old letter.
            ("opening", Some("text")) => true,
            ("report", Some("number" | "date" | "proposals")) => true,
            ("", Some("framework_file")) => true,
            _ => false,
        };
        if drop {
            let value = t.split_once('=').map_or("", |x| x.1).trim_start();
            for quote in ["\"\"\"", "\'\'\'"] {
                if value.starts_with(quote) && value.matches(quote).count() == 1 {
                    skipping = true;
                }
            }
            if table == "opening" && placeholder && !wrote_opening_text {
                out.push_str(&opening_text());
                wrote_opening_text = true;
            }
            continue;
        }
        let line = if key.is_none() {
            // A comment or a table header keeps its words.
            line.to_string()
        } else if table.is_empty() && key.as_deref() == Some("year") {
            format!("year = {next}")
        } else if table.is_empty() && key.as_deref() == Some("framework") {
            format!("framework = {}", q(&fw.id))
        } else if matches!(key.as_deref(), Some("number" | "date")) && table != "report" {
            // A draft until the new plan is numbered and signed.
            format!("{} = \"\"", key.as_deref().unwrap_or(""))
        } else {
            // Years in the value only: a trailing comment keeps its words.
            let (value, comment) = split_comment(line);
            let value = value
                .replace(&format!("năm {this}"), &format!("năm {next}"))
                .replace(&format!("NĂM {this}"), &format!("NĂM {next}"))
                .replace(&format!("năm {prev}"), &format!("năm {this}"))
                .replace(&format!("NĂM {prev}"), &format!("NĂM {this}"));
            format!("{value}{comment}")
        };
        out.push_str(&line);
        out.push('\n');
    }
    if table == "opening" && placeholder && !wrote_opening_text {
        out.push_str(&opening_text());
        wrote_opening_text = true;
    }
    if placeholder && !wrote_opening_text {
        out.push_str("\n[opening]\n");
        out.push_str(&opening_text());
    }
    out
}

/// A TOML line split before its comment: a `#` outside quotes.
fn split_comment(line: &str) -> (&str, &str) {
    match crate::source::comment_start(line, false) {
        Some(i) => line.split_at(i),
        None => (line, ""),
    }
}

/// Phần I.I: the count of OLD's targets by result, a sentence computed from the data.
fn targets_text(old: &Plan, year: i32, slug: &str) -> String {
    let total = old.targets().count();
    if total == 0 {
        return format!(
            "# Phần I.I: kế hoạch năm {year} chưa ghi mục tiêu nào, nên dxplan không lập được câu đếm chỉ tiêu.\n\
             section: {slug}\ntext: \"\"\n"
        );
    }
    let count = |s: TargetStatus| {
        old.targets()
            .filter(|(_, t)| {
                t.result
                    .as_ref()
                    .map(|r| r.status.value)
                    .unwrap_or(TargetStatus::Unknown)
                    == s
            })
            .count()
    };
    let (done, not_done, not_impl, unknown) = (
        count(TargetStatus::Done),
        count(TargetStatus::NotDone),
        count(TargetStatus::NotImplemented),
        count(TargetStatus::Unknown),
    );
    let c = old.config.as_ref();
    let issuer = c
        .map(|c| c.issuer.full_name.value.clone())
        .unwrap_or_default();
    let plan_ref = c
        .map(|c| {
            let n = c
                .document
                .number
                .as_ref()
                .map(|n| n.value.trim())
                .unwrap_or("");
            let sym = c.document.symbol.value.trim();
            let date = c
                .document
                .date
                .as_ref()
                .and_then(|d| crate::model::values::date(&d.value).ok())
                .map(|d| format!(" ngày {}", d.short()))
                .unwrap_or_default();
            format!("Kế hoạch số {n}/{sym}{date}")
        })
        .unwrap_or_else(|| "Kế hoạch".to_string());
    let mut s = format!(
        "Năm {year}, {issuer} đặt {total} chỉ tiêu chuyển đổi số theo {plan_ref}; đã hoàn thành \
         {done}/{total} chỉ tiêu"
    );
    if not_done > 0 {
        s.push_str(&format!(", {not_done} chỉ tiêu chưa hoàn thành"));
    }
    if not_impl > 0 {
        s.push_str(&format!(", {not_impl} chỉ tiêu không thực hiện"));
    }
    if unknown > 0 {
        s.push_str(&format!(", {unknown} chỉ tiêu chưa có thông tin đánh giá"));
    }
    s.push_str(&format!(
        " (chi tiết tại {{phụ lục:ket-qua-{year}}} kèm theo)."
    ));
    let s = one_line(&s);
    format!(
        "# Phần I.I do `dxplan init --from` lập từ kết quả các mục tiêu năm {year}; câu dưới đây được \
         tính từ dữ liệu.\nsection: {slug}\ntext: |\n  {s}\n"
    )
}

/// The phụ lục of OLD's targets: planned value, result, evaluation.
fn results_appendix(old: &Plan, year: i32) -> String {
    let mut out = format!(
        "# Phụ lục kết quả thực hiện các mục tiêu năm {year}, do `dxplan init --from` lập; hàng „chưa có \
         thông tin đánh giá” là việc còn phải làm.\nappendix: ket-qua-{year}\ntitle: {}\ntable:\n  columns:\n    \
         - {{title: STT, width: 12, align: giua}}\n    - {{title: Mục tiêu}}\n    - {{title: Kế hoạch, width: 30, \
         align: giua}}\n    - {{title: Kết quả, width: 30, align: giua}}\n    - {{title: Đánh giá, width: 40}}\n  rows:\n",
        q(&format!(
            "Kết quả thực hiện các mục tiêu chuyển đổi số năm {year}"
        ))
    );
    for (i, (_, t)) in old.targets().enumerate() {
        // The one value model: last year's planned value with its qualifier, digits and levels,
        // and what was reached at each level.
        let planned = t.planned_words().unwrap_or_default();
        let got = t
            .result
            .as_ref()
            .map(|r| t.reached_words(r))
            .unwrap_or_default();
        let status = TargetStatus::words_of(t.result.as_ref().map(|r| r.status.value));
        out.push_str(&format!(
            "    - [{}, {}, {}, {}, {}]\n",
            q(&(i + 1).to_string()),
            q(&t.text.value),
            q(&planned),
            q(&got),
            q(status)
        ));
    }
    out
}

/// Phần I.II: one evaluation item per task group of OLD, a) from the task results, b) to write.
fn evaluation(old: &Plan, fw: &Framework, slug: &str) -> String {
    let mut out = format!(
        "# Phần I.II do `dxplan init --from` lập: mỗi nhóm nhiệm vụ năm trước một mục; a) lấy từ tình hình \
         thực hiện các nhiệm vụ, b) còn phải viết.\nsection: {slug}\nitems:\n"
    );
    let Some(def) = fw.section(slug) else {
        out.push_str("  []\n");
        return out;
    };
    let mut any = false;
    for group in &def.heading.children {
        // The task group of OLD with the same title (Nhận thức số, Thể chế số …).
        let title = group.title.trim().to_lowercase();
        let tasks: Vec<_> = old
            .sections
            .iter()
            .filter(|s| {
                old.framework
                    .section(&s.slug)
                    .is_some_and(|d| d.heading.title.trim().to_lowercase() == title)
            })
            .filter_map(|s| match &s.content {
                Content::Tasks(t) => Some(t),
                _ => None,
            })
            .flat_map(|t| &t.tasks)
            // A task still without a title (a starter left blank) has nothing to report.
            .filter(|t| !t.title.value.trim().is_empty())
            .collect();
        if tasks.is_empty() {
            continue;
        }
        any = true;
        out.push_str(&format!(
            "  - number: {}\n    results: |\n",
            q(&group.number)
        ));
        for t in tasks {
            let status = WorkStatus::words_of(t.result.as_ref().map(|r| r.status.value));
            let note = t
                .result
                .as_ref()
                .and_then(|r| r.note.as_ref())
                .map(|n| format!(" ({})", one_line(&n.value)))
                .unwrap_or_default();
            out.push_str(&format!(
                "      - {}: {status}{note};\n",
                one_line(&t.title.value).trim_end_matches('.')
            ));
        }
        out.push_str("    limitations: \"\"\n");
    }
    if !any {
        // OLD had no tasks to draw a) from: an empty list, for `check` to report as content to write.
        out = out.replacen("\nitems:\n", "\nitems: []\n", 1);
    }
    out
}

/// Phần I.II.11: OLD's projects, with their status and disbursement.
fn past_projects(old: &Plan, year: i32, slug: &str) -> String {
    let mut out = format!(
        "# Kinh phí và dự án năm {year}, do `dxplan init --from` lập từ danh mục năm {year}.\nsection: {slug}\n\
         text: \"\"\nprojects:\n"
    );
    for (_, p) in old.projects() {
        let status = WorkStatus::words_of(p.result.as_ref().map(|r| r.status.value));
        let disbursed = p
            .result
            .as_ref()
            .and_then(|r| r.disbursed.as_ref())
            .and_then(|a| amount(&a.value))
            .map(|v| format!(", đã giải ngân {} triệu đồng", format_amount(v)))
            .unwrap_or_default();
        out.push_str(&format!("  - name: {}\n", q(&p.name.value)));
        if let Some(o) = &p.objective {
            out.push_str(&format!("    objective: {}\n", q(&o.value)));
        }
        if let Some(v) = p.amount() {
            out.push_str(&format!("    investment: {v}\n"));
        }
        if let Some(f) = &p.funding {
            out.push_str(&format!("    funding: {}\n", q(&f.value)));
        }
        if let Some(t) = &p.timeframe {
            out.push_str(&format!("    timeframe: {}\n", q(&t.value)));
        }
        out.push_str(&format!(
            "    status: {}\n",
            q(&format!("{}{disbursed}", capital(status)))
        ));
    }
    out
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// OLD's căn cứ, without the guidance letter of OLD's year (the new year's is the author's).
fn citations(old: &Plan, fw: &Framework) -> Option<String> {
    let slug = fw
        .sections
        .iter()
        .find(|d| d.kind == SectionKind::Citations)?
        .slug
        .clone();
    let guidance = old
        .framework
        .citations
        .iter()
        .find(|c| c.doc_type == "Công văn")
        .map(|c| c.symbol.clone());
    let mut out = format!(
        "# Căn cứ chép từ kế hoạch năm trước, trừ văn bản hướng dẫn của năm đó: thêm văn bản hướng dẫn năm \
         nay.\nsection: {slug}\ncitations:\n"
    );
    for (_, c) in old.citations() {
        let number = c.number.as_ref().map(|n| n.value.trim().to_string());
        if number.is_some() && number == guidance {
            continue;
        }
        out.push_str(&format!("  - type: {}\n", q(&c.doc_type.value)));
        if let Some(n) = &number {
            out.push_str(&format!("    number: {}\n", q(n)));
        }
        if let Some(d) = &c.date {
            out.push_str(&format!("    date: {}\n", q(&d.value)));
        }
        if let Some(i) = &c.issuer {
            out.push_str(&format!("    issuer: {}\n", q(&i.value)));
        }
        out.push_str(&format!("    title: {}\n", q(&c.title.value)));
    }
    Some(out)
}

/// OLD's projects that go on: those whose timeframe runs past OLD's year (with the rest of it),
/// and those whose last result says they are not done — "đang thực hiện", "chưa triển khai" — even
/// if planned for OLD's year alone (a real plan's SOC phase 2). Carried as "chuyển tiếp" with their
/// id; the author removes what was finished since.
fn carried_projects(old: &Plan, year: i32) -> Option<String> {
    let mut out = "# Dự án chuyển tiếp từ danh mục năm trước: chưa xong theo kết quả ghi nhận, hoặc thời gian thực hiện\n\
         # kéo sang năm nay (thời gian còn lại). Bỏ dự án đã xong từ sau lần ghi kết quả; thêm dự án mới của năm nay.\n\
         section: danh-muc-du-an\nprojects:\n"
        .to_string();
    let mut n = 0;
    for (_, p) in old.projects() {
        let status = p.result.as_ref().map(|r| r.status.value);
        if matches!(status, Some(WorkStatus::Done | WorkStatus::Stopped)) {
            continue;
        }
        let unfinished = matches!(
            status,
            Some(WorkStatus::InProgress | WorkStatus::NotStarted)
        );
        let per = p.timeframe.as_ref().and_then(|tf| period(&tf.value, year));
        let runs_on = per.as_ref().is_some_and(|per| per.end.0 > year);
        if !(runs_on || unfinished) {
            continue;
        }
        n += 1;
        let rest = match per.as_ref().map(|per| per.end.0) {
            Some(end) if end > year + 1 => format!("{}-{end}", year + 1),
            _ => format!("{}", year + 1),
        };
        out.push_str(&format!(
            "  - id: {}\n    name: {}\n",
            q(&p.id.value),
            q(&p.name.value)
        ));
        if let Some(l) = &p.lead {
            out.push_str(&format!("    lead: {}\n", q(&l.value)));
        }
        out.push_str("    status: chuyển tiếp\n");
        if let Some(o) = &p.objective {
            out.push_str(&format!("    objective: {}\n", q(&o.value)));
        }
        out.push_str(&format!("    timeframe: {}\n", q(&rest)));
        if let Some(v) = p.amount() {
            // What was disbursed is said beside the amount, not subtracted: the author knows
            // what the new year's capital plan gives.
            let paid = p
                .result
                .as_ref()
                .and_then(|r| r.disbursed.as_ref())
                .and_then(|a| amount(&a.value))
                .map(|d| {
                    format!(
                        "   # năm {year}: {}, đã giải ngân {} triệu đồng; ghi vốn năm {}",
                        WorkStatus::words_of(status),
                        format_amount(d),
                        year + 1
                    )
                })
                .unwrap_or_default();
            out.push_str(&format!("    investment: {v}{paid}\n"));
        }
        if let Some(f) = &p.funding {
            out.push_str(&format!("    funding: {}\n", q(&f.value)));
        }
        if !p.priority_tasks.is_empty() {
            let ids: Vec<String> = p.priority_tasks.iter().map(|x| q(&x.value)).collect();
            out.push_str(&format!("    priority_tasks: [{}]\n", ids.join(", ")));
        }
    }
    (n > 0).then_some(out)
}
