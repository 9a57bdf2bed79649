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

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn q(s: &str) -> String {
    serde_json::to_string(s.trim()).expect("a string serialises")
}

/// The new plan's files, and the OLD sections the new framework has no place for (reported by
/// the command, never dropped in silence).
pub fn from_plan(
    old: &Plan,
    fw: &Framework,
    scaffold: Vec<(PathBuf, String)>,
) -> (Vec<(PathBuf, String)>, Vec<String>) {
    let year = old.year();
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    let mut replaced: Vec<&str> = Vec::new();
    let mut extra = Vec::new();
    files.push(("dxplan.toml".into(), config(old, year)));
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
    files.push((
        format!("phu-luc/ket-qua-{year}.yaml").into(),
        results_appendix(old, year),
    ));
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
    let missing = old
        .sections
        .iter()
        .filter(|s| fw.section(&s.slug).is_none())
        .map(|s| s.slug.clone())
        .collect();
    (files, missing)
}

/// OLD's dxplan.toml for the next year: a draft (no số, no date), the year and the years in the
/// titles moved on by one.
fn config(old: &Plan, year: i32) -> String {
    let src = old
        .config
        .as_ref()
        .map(|c| old.sources.get(c.source).text.clone())
        .unwrap_or_default();
    let (prev, this, next) = (year - 1, year, year + 1);
    let mut out = String::new();
    for line in src.lines() {
        let t = line.trim_start();
        let line = if t.starts_with("year =") {
            format!("year = {next}")
        } else if t.starts_with("number =") || t.starts_with("date =") {
            // A draft until the new plan is numbered and signed.
            let key = t.split('=').next().unwrap_or("").trim();
            format!("{key} = \"\"")
        } else {
            line.replace(&format!("năm {this}"), &format!("năm {next}"))
                .replace(&format!("NĂM {this}"), &format!("NĂM {next}"))
                .replace(&format!("năm {prev}"), &format!("năm {this}"))
                .replace(&format!("NĂM {prev}"), &format!("NĂM {this}"))
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Phần I.I: the count of OLD's targets by result, a sentence computed from the data.
fn targets_text(old: &Plan, year: i32, slug: &str) -> String {
    let total = old.targets().count();
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
        return out;
    };
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
            .collect();
        if tasks.is_empty() {
            continue;
        }
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
                .map(|n| format!(" ({})", n.value.trim()))
                .unwrap_or_default();
            out.push_str(&format!(
                "      - {}: {status}{note};\n",
                t.title.value.trim().trim_end_matches('.')
            ));
        }
        out.push_str("    limitations: \"\"\n");
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

/// OLD's projects that run past its year, carried into the new danh mục as "chuyển tiếp" with
/// the rest of their timeframe.
fn carried_projects(old: &Plan, year: i32) -> Option<String> {
    let mut out = "# Dự án chuyển tiếp từ danh mục năm trước (thời gian còn lại); thêm dự án mới của năm nay.\n\
         section: danh-muc-du-an\nprojects:\n"
        .to_string();
    let mut n = 0;
    for (_, p) in old.projects() {
        let Some(tf) = &p.timeframe else { continue };
        let Some(per) = period(&tf.value, year) else {
            continue;
        };
        if per.end.0 <= year {
            continue;
        }
        let stopped = p
            .result
            .as_ref()
            .is_some_and(|r| matches!(r.status.value, WorkStatus::Done | WorkStatus::Stopped));
        if stopped {
            continue;
        }
        n += 1;
        let rest = if per.end.0 == year + 1 {
            format!("{}", year + 1)
        } else {
            format!("{}-{}", year + 1, per.end.0)
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
            out.push_str(&format!("    investment: {v}\n"));
        }
        if let Some(f) = &p.funding {
            out.push_str(&format!("    funding: {}\n", q(&f.value)));
        }
        if !p.priority_tasks.is_empty() {
            let ids: Vec<String> = p.priority_tasks.iter().map(|x| x.value.clone()).collect();
            out.push_str(&format!("    priority_tasks: [{}]\n", ids.join(", ")));
        }
    }
    (n > 0).then_some(out)
}
