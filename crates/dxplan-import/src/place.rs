//! Placing a Word document's blocks on the framework: the header (issuer, số, place, date), the
//! title, the opening (căn cứ lines and "Thực hiện …"), each Phần and heading matched to the
//! framework, the text under each heading into its section, the evaluation points a) and b)
//! under Phần I.II's items, the signature and Nơi nhận, and the phụ lục tables as the plan's own
//! phụ lục. What is not placed is kept, numbered, in `chua-xep.md`.

use std::path::PathBuf;

use dxplan_core::framework::{Framework, Heading, SectionKind};
use dxplan_core::model::Level;
// Every text of the document goes into the plan's files quoted (`q`).
use dxplan_core::init::yaml_quoted as q;
use dxplan_core::model::values::amount_text;
use unicode_normalization::UnicodeNormalization;

use crate::carry;
use crate::docx::{Block, Document, Para, Table};

/// What an import made and found.
#[derive(Debug, Default)]
pub struct Imported {
    pub files: Vec<(PathBuf, String)>,
    /// Sections that received text, by slug.
    pub sections: Vec<String>,
    /// Metadata recovered, as (what, value) for the report: what in Vietnamese and English.
    pub metadata: Vec<((&'static str, &'static str), String)>,
    /// Headings worded differently from the framework: key → the document's words.
    pub retitled: Vec<(String, String)>,
    /// Paragraph numbers and first words of what could not be placed.
    pub unplaced: Vec<(usize, String)>,
    pub appendices: usize,
    /// The danh mục's "Tổng cộng" as written and the sum of its projects (million VND).
    pub totals: Option<(f64, f64)>,
    pub projects: usize,
    pub targets: usize,
    pub tasks: usize,
    pub citations: usize,
    /// Căn cứ lines of the opening.
    pub grounds: usize,
    /// Items that took dxplan's record of what the page does not show, of the records the file
    /// carried (`carry`).
    pub carried: (usize, usize),
}

/// Lower case, no diacritics (đ → d), single spaces: how headings are compared as a fallback.
pub fn fold(s: &str) -> String {
    let lower = s.to_lowercase().replace('đ', "d");
    let bare: String = lower
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect();
    bare.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// "I. ", "1.2. ", "a) " at the start of a heading: (number, rest).
fn split_number(s: &str) -> (Option<String>, &str) {
    let t = s.trim_start();
    let end = t
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | 'I' | 'V' | 'X' | 'L'))
        .last()
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or(0);
    let num = t[..end].trim_end_matches('.');
    if num.is_empty() {
        return (None, t);
    }
    // "1.2. Tên", and as clerks also type it: "I- Tên", "1) Tên".
    let rest = &t[end..];
    let after = if t[..end].ends_with('.') {
        Some(rest)
    } else {
        rest.strip_prefix('-')
            .or_else(|| rest.strip_prefix(')'))
            .or_else(|| rest.strip_prefix(" -"))
    };
    match after {
        Some(r) if r.starts_with([' ', '\t']) => (Some(num.to_string()), r.trim_start()),
        _ => (None, t),
    }
}

/// A framework heading with its key ("I.II.1") and the section it fills (own or inherited).
#[derive(Clone)]
struct Target {
    key: String,
    number: String,
    title: String,
    part: usize,
    depth: usize,
    section: Option<String>,
    /// The item number under Phần I.II ("1.1") when this heading is an evaluation item or group.
    item: Option<String>,
}

fn targets(fw: &Framework) -> Vec<Target> {
    fn walk(
        h: &Heading,
        path: &mut Vec<String>,
        part: usize,
        inherited: Option<&str>,
        out: &mut Vec<Target>,
    ) {
        path.push(h.number.clone());
        let section = h.section.as_deref().or(inherited);
        out.push(Target {
            key: dxplan_core::framework::heading_key(path),
            number: h.number.clone(),
            title: h.title.clone(),
            part,
            depth: path.len() - 1,
            section: section.map(str::to_string),
            item: (h.section.is_none() && inherited.is_some()).then(|| h.number.clone()),
        });
        for c in &h.children {
            walk(c, path, part, section, out);
        }
        path.pop();
    }
    let mut out = Vec::new();
    for (i, p) in fw.parts.iter().enumerate() {
        let mut path = vec![p.number.clone()];
        for h in &p.children {
            walk(h, &mut path, i, p.section.as_deref(), &mut out);
        }
    }
    out
}

/// Fields of an item read from a line or a row, by their YAML key.
type Fields = Vec<(&'static str, String)>;

/// Text gathered for one section.
#[derive(Default)]
struct Gathered {
    text: Vec<String>,
    /// Evaluation items: number → (results, limitations).
    items: Vec<(String, Vec<String>, Vec<String>)>,
    citations: Vec<String>,
    /// Tasks: (framework item "1.1" if under one, fields by key).
    tasks: Vec<(Option<String>, Fields)>,
    /// Targets: (group, the line).
    targets: Vec<(Option<String>, String, usize)>,
    /// The current target group ("Dữ liệu số" under "a) Dữ liệu số").
    target_group: Option<String>,
    /// Projects read from a danh mục table: (group row above it, fields by key).
    projects: Vec<(String, Fields)>,
    /// Solutions or units with their responsibilities: (title, paragraphs).
    entries: Vec<(String, Vec<String>)>,
    /// Text under a task group's framework items: (item number, paragraphs).
    item_text: Vec<(String, Vec<String>)>,
    /// Kinh phí: the total and the amounts by source dxplan prints from them.
    budget_total: Option<f64>,
    by_source: Vec<(String, f64)>,
    /// Phần I's budget: the share of the state budget, last year's projects (from their phụ lục)
    /// and that phụ lục's label, which the text's reference to it becomes.
    budget_share: Option<f64>,
    past_projects: Vec<Fields>,
    past_label: Option<String>,
}

/// `label` ("Phụ lục II") in `text` as a whole word, written as the reference `{phụ lục:id}`.
fn refer(text: &str, label: &str, id: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(label) {
        let after = &rest[at + label.len()..];
        let whole = !after.starts_with(|c: char| c.is_alphanumeric());
        out.push_str(&rest[..at]);
        if whole {
            out.push_str(&format!("{{phụ lục:{id}}}"));
        } else {
            out.push_str(label);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// "Dự kiến tổng kinh phí thực hiện Kế hoạch: 128.100,5 triệu đồng, trong đó:" → 128100.5.
fn budget_total(t: &str) -> Option<f64> {
    let rest = t.strip_prefix("Dự kiến tổng kinh phí thực hiện Kế hoạch: ")?;
    let (n, tail) = rest.split_once(" triệu đồng")?;
    matches!(tail, "" | "." | ", trong đó:" | ":")
        .then(|| amount_text(n))
        .flatten()
}

/// "Ngân sách trung ương: 5.300 triệu đồng;" → ("ngân sách trung ương", 5300): the source as
/// plans write it (dxplan capitalises it on the page).
fn source_amount(t: &str) -> Option<(String, f64)> {
    let t = t.trim_start_matches(['-', '+', ' ']);
    let t = t.strip_suffix(';').or_else(|| t.strip_suffix('.'))?;
    let (source, n) = t.rsplit_once(": ")?;
    let v = amount_text(n.strip_suffix(" triệu đồng")?)?;
    Some((as_written(source), v))
}

/// A funding source as plans write it, from the page where dxplan capitalises it: "Vốn ODA" →
/// "vốn ODA"; an acronym ("ODA", "NSTW") keeps its capitals.
fn as_written(source: &str) -> String {
    let mut c = source.trim().chars();
    let Some(first) = c.next() else {
        return String::new();
    };
    if c.clone().next().is_some_and(char::is_uppercase) {
        source.trim().to_string()
    } else {
        first.to_lowercase().chain(c).collect()
    }
}

/// The phụ lục of last year's projects that dxplan lays out from Phần I's `projects`: its seven
/// columns (STT, Tên nhiệm vụ/dự án, Mục tiêu, Tổng mức đầu tư, Nguồn vốn, Thời gian thực hiện,
/// Hiệu quả/hiện trạng). Its rows become those projects; the "Tổng cộng" row is dxplan's.
fn past_projects(t: &Table) -> Option<Vec<Fields>> {
    let want = [
        "stt",
        "ten nhiem vu du an",
        "muc tieu",
        "tong muc dau tu trieu dong",
        "nguon von",
        "thoi gian thuc hien",
        "hieu qua hien trang",
    ];
    if !headed(t, &want) {
        return None;
    }
    let mut out = Vec::new();
    for r in t.rows.iter().skip(1) {
        let [_, name, objective, amount, funding, time, status] = r.as_slice() else {
            continue;
        };
        if name.trim().is_empty() || fold(name).starts_with("tong cong") {
            continue;
        }
        let mut f: Fields = vec![("name", name.trim().to_string())];
        for (k, v) in [
            ("objective", objective),
            ("timeframe", time),
            ("status", status),
        ] {
            if !v.trim().is_empty() {
                f.push((k, v.trim().to_string()));
            }
        }
        if !amount.trim().is_empty() {
            match amount_text(amount.trim()) {
                Some(v) => f.push(("investment", v.to_string())),
                None => f.push(("investment_text", amount.trim().to_string())),
            }
        }
        if !funding.trim().is_empty() {
            f.push(("funding", as_written(funding)));
        }
        out.push(f);
    }
    Some(out)
}

fn para_text(p: &Para) -> String {
    let mut s = String::new();
    if let Some(n) = &p.number {
        s.push_str(n);
        s.push(' ');
    }
    s.push_str(p.text.trim());
    s
}

/// A table as CommonMark (cells on one line, `|` escaped).
fn table_markdown(t: &Table) -> String {
    let cell = |c: &str| c.replace('\n', " ").replace('|', "\\|");
    let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = String::new();
    for (i, r) in t.rows.iter().enumerate() {
        let mut cells: Vec<String> = r.iter().map(|c| cell(c)).collect();
        cells.resize(width, String::new());
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
        if i == 0 {
            out.push_str(&format!("|{}\n", "---|".repeat(width)));
        }
    }
    out
}

/// "Số: 215/KH-UBND" → ("215", "KH-UBND"); a draft's "Số:    /KH-UBND" → ("", "KH-UBND").
fn number_symbol(s: &str) -> Option<(String, String)> {
    let rest = s
        .trim()
        .strip_prefix("Số")?
        .trim_start_matches([':', ' ', '\u{a0}']);
    let (n, sym) = rest.split_once('/')?;
    Some((n.trim().to_string(), sym.trim().replace('\u{2060}', "")))
}

/// "Hà Lâm, ngày 07 tháng 12 năm 2022" → ("Hà Lâm", "2022-12-07").
fn place_date(s: &str) -> Option<(String, Option<String>)> {
    let (place, rest) = s.split_once(", ngày")?;
    let nums: Vec<u32> = rest
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|x| x.parse().ok())
        .collect();
    let date = match nums.as_slice() {
        [d, m, y] => Some(format!("{y:04}-{m:02}-{d:02}")),
        _ => None,
    };
    Some((place.trim().to_string(), date))
}

pub fn import(doc: &Document, fw: &Framework, level: Level) -> Imported {
    let mut out = Imported::default();
    let all = targets(fw);
    let blocks = &doc.blocks;
    let mut used = vec![false; blocks.len()];
    let mut meta = Meta::default();

    // 1. Header: the first table (or the paragraphs) before the title.
    let title_at = blocks.iter().position(|b| {
        matches!(b, Block::Para(p) if {
            let t = p.text.trim();
            t == "KẾ HOẠCH" || t == "QUYẾT ĐỊNH"
        })
    });
    let head_end = title_at.unwrap_or(0);
    for (i, b) in blocks[..head_end].iter().enumerate() {
        let lines: Vec<String> = match b {
            Block::Table(t) => t
                .rows
                .iter()
                .flatten()
                .flat_map(|c| c.lines().map(str::to_string).collect::<Vec<_>>())
                .collect(),
            Block::Para(p) => vec![p.text.clone()],
        };
        for l in &lines {
            let l = l.trim();
            if let Some((n, s)) = number_symbol(l) {
                meta.number = Some(n);
                meta.symbol = Some(s);
            } else if let Some((place, date)) = place_date(l) {
                meta.place = Some(place);
                meta.date = date;
            } else if l.starts_with("CỘNG HÒA")
                || l.starts_with("Độc lập")
                || l.is_empty()
                || l.chars().all(|c| c == '_' || c == '-')
            {
            } else if l
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(|c| !c.is_lowercase())
                && meta.symbol.is_none()
            {
                // "BỘ HÀNG HẢI" / "VÀ ĐƯỜNG THỦY": one name broken to fit the column.
                match meta.issuer.last_mut() {
                    Some(prev) if l.starts_with("VÀ ") || l.starts_with("- ") => {
                        prev.push(' ');
                        prev.push_str(l);
                    }
                    _ => meta.issuer.push(l.to_string()),
                }
            }
        }
        used[i] = true;
    }
    // 2. Title and trích yếu: after "KẾ HOẠCH", the lines up to the first that is not bold or
    // centred.
    let mut at = head_end;
    if let Some(t) = title_at {
        used[t] = true;
        if let Block::Para(p) = &blocks[t] {
            meta.title_word = p.text.trim().to_string();
        }
        at = t + 1;
        let mut title = Vec::new();
        while let Some(Block::Para(p)) = blocks.get(at) {
            let text = p.text.trim();
            let f = fold(text);
            if text.is_empty()
                || !(p.bold || p.center)
                || f.starts_with("phan ")
                || f.starts_with("phu luc")
                || text.starts_with("(Kèm theo")
            {
                break;
            }
            if !text.chars().all(|c| c == '_' || c == '-') {
                title.push(text.replace('\n', " "));
            }
            used[at] = true;
            at += 1;
        }
        if !title.is_empty() {
            meta.title = Some(title.join(" "));
        }
    }

    // A Quyết định that issues the plan comes first (a ministry's plan): its parts go to
    // `[decision]`, and the plan begins at its own title "KẾ HOẠCH".
    if meta.title_word == "QUYẾT ĐỊNH" {
        let start = at;
        let plan_at = blocks[start..]
            .iter()
            .position(|b| matches!(b, Block::Para(p) if p.text.trim() == "KẾ HOẠCH"))
            .map(|k| start + k);
        if let Some(k) = plan_at {
            decision(&blocks[start..k], &mut meta, &mut used[start..k]);
            // The plan's own header (issuer) and "(Kèm theo Quyết định …)".
            used[k] = true;
            if k > 0 && matches!(blocks[k - 1], Block::Table(_)) {
                used[k - 1] = true;
            }
            let mut j = k + 1;
            let mut title = Vec::new();
            while let Some(Block::Para(p)) = blocks.get(j) {
                let t = p.text.trim();
                if t.starts_with("(Kèm theo") {
                    if let Some(by) = t.rsplit_once(" của ").map(|x| x.1.trim_end_matches(')')) {
                        meta.decision_issuer = Some(by.to_string());
                    }
                    used[j] = true;
                    j += 1;
                    continue;
                }
                if t.is_empty() || !(p.bold || p.center) {
                    break;
                }
                title.push(t.to_string());
                used[j] = true;
                j += 1;
            }
            meta.decision_title = meta.title.take();
            if !title.is_empty() {
                meta.title = Some(title.join(" "));
            }
            at = j;
        }
    }

    // 3. The body: opening, then Phần by Phần.
    let mut gathered: Vec<(String, Gathered)> = Vec::new();
    let mut current: Option<Target> = None;
    let mut part: Option<usize> = None;
    let mut point: Option<usize> = None; // 0 = a), 1 = b) under the current item
    let mut in_signature = false;
    let mut appendix: Option<(String, Vec<String>)> = None; // (label, title lines)
    let mut priorities: Vec<PriorityRow> = Vec::new();
    for i in at..blocks.len() {
        let b = &blocks[i];
        match b {
            Block::Table(t) => {
                if let Some(rows) = danh_muc(t) {
                    // The danh mục nhiệm vụ, dự án: projects, which dxplan lays out and totals again.
                    appendix = None;
                    let g = entry(&mut gathered, "danh-muc-du-an");
                    g.projects.extend(rows.projects);
                    out.totals = rows.total.map(|written| (written, rows.sum));
                    used[i] = true;
                    continue;
                }
                if let Some((label, title)) = appendix.take() {
                    out.appendices += 1;
                    let id = format!("phu-luc-{}", out.appendices);
                    if let Some(rows) = past_projects(t) {
                        // Last year's projects: Phần I's own, laid out again by dxplan.
                        out.appendices -= 1;
                        if let Some(sec) = fw
                            .sections
                            .iter()
                            .find(|d| d.kind == SectionKind::EvaluationBudget)
                        {
                            let g = entry(&mut gathered, &sec.slug);
                            g.past_projects.extend(rows);
                            g.past_label = Some(label.clone());
                        }
                        used[i] = true;
                        continue;
                    }
                    let file = match priority_table(t, fw) {
                        // The table dxplan lays out from the plan's links: its rows give the
                        // links back, and the phụ lục is generated again.
                        Some(rows) => {
                            priorities.extend(rows);
                            generated_appendix(&id, &label, &title, t.index)
                        }
                        None => appendix_file(&id, &label, &title, t),
                    };
                    out.files.push((format!("phu-luc/{id}.yaml").into(), file));
                    used[i] = true;
                    continue;
                }
                let has_recipients = t
                    .rows
                    .iter()
                    .flatten()
                    .any(|c| c.trim_start().starts_with("Nơi nhận"));
                if in_signature || has_recipients {
                    // The signature row: Nơi nhận on the left, the signer on the right.
                    signature(t, &mut meta);
                    in_signature = false;
                    used[i] = true;
                    continue;
                }
                if let Some(sec) = current.as_ref().and_then(|c| c.section.clone()) {
                    entry(&mut gathered, &sec).text.push(table_markdown(t));
                    used[i] = true;
                }
            }
            Block::Para(p) => {
                let text = para_text(p);
                let t = text.trim();
                if t.is_empty() {
                    used[i] = true;
                    continue;
                }
                // A phụ lục: "Phụ lục I" then its title lines, then its table.
                if fold(t).starts_with("phu luc") && t.len() < 40 {
                    meta.arabic_appendices |= t.ends_with(|c: char| c.is_ascii_digit());
                    appendix = Some((t.to_string(), Vec::new()));
                    in_signature = false;
                    used[i] = true;
                    continue;
                }
                if let Some((_, title)) = appendix.as_mut() {
                    title.push(t.to_string());
                    used[i] = true;
                    continue;
                }
                if t.starts_with("Nơi nhận") {
                    in_signature = true;
                    used[i] = true;
                    continue;
                }
                // Phần I / PHẦN I. TITLE
                let f = fold(t);
                if let Some(rest) = f.strip_prefix("phan ") {
                    // "Phần I", and "Phần thứ nhất / thứ hai" as some plans write it.
                    let rest = rest
                        .replacen("thu nhat", "i", 1)
                        .replacen("thu hai", "ii", 1)
                        .replacen("thu ba", "iii", 1);
                    let rest = rest.as_str();
                    let numeral = rest.split(' ').next().unwrap_or("").to_uppercase();
                    if let Some(pi) = fw.parts.iter().position(|x| x.number == numeral) {
                        part = Some(pi);
                        current = None;
                        point = None;
                        used[i] = true;
                        // Two-line form: the next paragraph is the Phần's title.
                        let one_line = rest.split(' ').count() > 1;
                        if !one_line
                            && let Some(Block::Para(n)) = blocks.get(i + 1)
                            && n.bold
                        {
                            let title = n.text.trim().to_string();
                            retitle(&mut out, &fw.parts[pi].number, &fw.parts[pi].title, &title);
                        } else if one_line {
                            let title = t.split_once('.').map_or("", |x| x.1).trim();
                            retitle(&mut out, &fw.parts[pi].number, &fw.parts[pi].title, title);
                        }
                        // The part's own section, if any.
                        if let Some(sec) = &fw.parts[pi].section {
                            current = Some(Target {
                                key: fw.parts[pi].number.clone(),
                                number: fw.parts[pi].number.clone(),
                                title: fw.parts[pi].title.clone(),
                                part: pi,
                                depth: 0,
                                section: Some(sec.clone()),
                                item: None,
                            });
                        }
                        continue;
                    }
                }
                // The part's title line (two-line form).
                if part.is_some()
                    && i > 0
                    && matches!(&blocks[i - 1], Block::Para(prev) if {
                        // The two-line form only: "Phần I" alone on the line above.
                        let f = fold(prev.text.trim());
                        let n = f.split(' ').count();
                        f.starts_with("phan ") && (n == 2 || (n == 3 && f.starts_with("phan thu ")))
                    })
                    && p.bold
                {
                    used[i] = true;
                    continue;
                }
                // A heading of the framework?
                let (num, words) = split_number(t);
                let heading_like = p.bold || p.heading.is_some() || p.number.is_some();
                // Under Giải pháp and Tổ chức thực hiện, a numbered heading is one of the plan's
                // solutions or units ("1. Đẩy mạnh …", "2. Vụ Kế hoạch - Tài chính"), even when
                // its words are the framework's: dxplan prints them from `solutions` and
                // `responsibilities`, which is where they go back.
                let here = current.as_ref().and_then(|c| c.section.clone());
                let entry_kind = here
                    .as_deref()
                    .and_then(|sec| fw.section(sec))
                    .map(|d| d.kind)
                    .filter(|k| matches!(k, SectionKind::Solutions | SectionKind::Organization));
                let numbered = p.number.is_some()
                    || num
                        .as_deref()
                        .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
                if heading_like
                    && numbered
                    && entry_kind.is_some()
                    && t.chars().count() < 250
                    && let Some(sec) = &here
                {
                    let other = part.and_then(|pi| match_heading(&all, pi, num.as_deref(), words));
                    if other.is_none_or(|h| h.section.as_deref() == Some(sec.as_str())) {
                        let title = if p.number.is_some() { t } else { words };
                        entry(&mut gathered, sec)
                            .entries
                            .push((title.trim().to_string(), Vec::new()));
                        used[i] = true;
                        continue;
                    }
                }
                if heading_like
                    && t.chars().count() < 250
                    && let Some(pi) = part
                    && let Some(h) = match_heading(&all, pi, num.as_deref(), words)
                {
                    if fold(words) != fold(&h.title) {
                        retitle(&mut out, &h.key, &h.title, words);
                    }
                    current = Some(h);
                    point = None;
                    used[i] = true;
                    continue;
                }
                // Evaluation points.
                let Some(cur) = current.clone() else {
                    // Before the first Phần: the opening.
                    if part.is_none() {
                        if fold(t).starts_with("can cu") {
                            meta.grounds
                                .push(t.trim_end_matches([';', '.']).to_string());
                        } else {
                            meta.opening.push(t.to_string());
                        }
                        used[i] = true;
                    }
                    continue;
                };
                let Some(sec) = cur.section.clone() else {
                    continue;
                };
                let kind = fw.section(&sec).map(|d| d.kind);
                if kind == Some(SectionKind::Evaluation) {
                    let (label, body) = match f.as_str() {
                        x if x.starts_with("a ket qua dat duoc") => (Some(0), after_label(t)),
                        x if x.starts_with("b ton tai han che") => (Some(1), after_label(t)),
                        _ => (None, t.to_string()),
                    };
                    if let Some(l) = label {
                        point = Some(l);
                    }
                    if let (Some(item), Some(pt)) = (cur.item.clone(), point) {
                        let g = entry(&mut gathered, &sec);
                        let pos = match g.items.iter().position(|x| x.0 == item) {
                            Some(p) => p,
                            None => {
                                g.items.push((item.clone(), Vec::new(), Vec::new()));
                                g.items.len() - 1
                            }
                        };
                        if !body.trim().is_empty() {
                            if pt == 0 {
                                g.items[pos].1.push(body);
                            } else {
                                g.items[pos].2.push(body);
                            }
                        }
                        used[i] = true;
                        continue;
                    }
                }
                // What dxplan prints from a budget's numbers: read back as numbers.
                if kind == Some(SectionKind::Budget) {
                    let g = entry(&mut gathered, &sec);
                    if let Some(v) = budget_total(t) {
                        g.budget_total = Some(v);
                        used[i] = true;
                        continue;
                    }
                    if g.budget_total.is_some()
                        && let Some(x) = source_amount(t)
                    {
                        g.by_source.push(x);
                        used[i] = true;
                        continue;
                    }
                }
                if kind == Some(SectionKind::EvaluationBudget)
                    && let Some(v) = t
                        .strip_prefix("Tỷ lệ chi so với tổng chi ngân sách nhà nước: ")
                        .and_then(|x| x.strip_suffix("%."))
                        .and_then(amount_text)
                {
                    entry(&mut gathered, &sec).budget_share = Some(v);
                    used[i] = true;
                    continue;
                }
                if kind == Some(SectionKind::Citations)
                    && (t.starts_with("- ")
                        || f.starts_with("nghi quyet")
                        || f.starts_with("quyet dinh")
                        || f.starts_with("luat ")
                        || f.starts_with("nghi dinh")
                        || f.starts_with("chi thi"))
                {
                    entry(&mut gathered, &sec).citations.push(
                        t.trim_start_matches("- ")
                            .trim_end_matches([';', '.'])
                            .to_string(),
                    );
                    used[i] = true;
                    continue;
                }
                // A task: "- Title: content. Đơn vị chủ trì: X; phối hợp: Y; thời gian thực hiện: Z."
                if kind == Some(SectionKind::Tasks)
                    && let Some(fields) = task_fields(t)
                {
                    let item = cur.item.clone();
                    let mut fields = fields;
                    fields.push(("from", format!("đoạn {}", p.index)));
                    entry(&mut gathered, &sec).tasks.push((item, fields));
                    used[i] = true;
                    continue;
                }
                // Targets: lettered groups ("a) Dữ liệu số") and one line each.
                if kind == Some(SectionKind::Targets) {
                    let g = entry(&mut gathered, &sec);
                    if let Some(name) = letter_heading(t) {
                        g.target_group = Some(name);
                        used[i] = true;
                        continue;
                    }
                    if t.starts_with("- ") || t.starts_with("+ ") {
                        let group = g.target_group.clone();
                        g.targets.push((group, t[2..].trim().to_string(), p.index));
                        used[i] = true;
                        continue;
                    }
                }
                let line = if p.number.is_some() || t.starts_with("- ") || t.starts_with("+ ") {
                    list_line(p)
                } else {
                    t.to_string()
                };
                // A manual line break stays one: "\" at the end of a line, as plan files write it.
                let line = line.replace('\n', "\\\n");
                let g = entry(&mut gathered, &sec);
                match (g.entries.last_mut(), kind, &cur.item) {
                    (Some(e), _, _) => e.1.push(line),
                    // Text under a framework item ("1.1") of a task group: the item's own text.
                    (None, Some(SectionKind::Tasks), Some(n)) => {
                        match g.item_text.iter_mut().find(|x| x.0 == *n) {
                            Some(x) => x.1.push(line),
                            None => g.item_text.push((n.clone(), vec![line])),
                        }
                    }
                    _ => g.text.push(line),
                }
                used[i] = true;
            }
        }
    }
    for (i, b) in blocks.iter().enumerate() {
        if used[i] {
            continue;
        }
        let first = match b {
            Block::Para(p) => para_text(p),
            Block::Table(t) => table_markdown(t),
        };
        if first.trim().is_empty() {
            continue;
        }
        out.unplaced.push((i + 1, first));
    }
    for (_, g) in &gathered {
        out.projects += g.projects.len();
        out.targets += g.targets.len();
        out.tasks += g.tasks.len();
        out.citations += g.citations.len();
    }
    out.grounds = meta.grounds.len() + meta.bases.len();
    meta.full_name = full_name(&meta.issuer, blocks);
    meta.report(&mut out);
    write_files(
        &mut out,
        fw,
        level,
        &meta,
        gathered,
        &doc.carried,
        &priorities,
    );
    out
}

/// "a) Dữ liệu số" (a lettered group heading, short, no final stop) → "Dữ liệu số".
fn letter_heading(t: &str) -> Option<String> {
    let (label, rest) = t.split_once(") ")?;
    let ok = label.chars().count() == 1 && label.chars().all(char::is_alphabetic);
    (ok && rest.chars().count() < 80 && !rest.ends_with('.') && !rest.contains(':'))
        .then(|| rest.trim().to_string())
}

/// A task line as dxplan and many plans print it.
fn task_fields(t: &str) -> Option<Fields> {
    let body = t.trim_start_matches(['-', '+', ' ']);
    let (head, rest) = body.split_once(". Đơn vị chủ trì: ")?;
    let (title, content) = match head.split_once(": ") {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (head.trim(), None),
    };
    let mut f = vec![("title", title.to_string())];
    if let Some(c) = content {
        f.push(("content", c.to_string()));
    }
    let rest = rest.trim_end_matches('.');
    // "X; phối hợp: A; B; thời gian thực hiện: Z; sản phẩm: P"
    let (lead, after) = match rest.split_once("; ") {
        Some((l, a)) => (l, a),
        None => (rest, ""),
    };
    f.push(("lead", lead.trim().to_string()));
    let mut coop = "";
    let mut tail = after;
    if let Some(x) = after.strip_prefix("phối hợp: ") {
        match x.split_once("; thời gian thực hiện: ") {
            Some((c, t)) => {
                coop = c;
                tail = t;
            }
            None => {
                coop = x;
                tail = "";
            }
        }
    } else if let Some(x) = after.strip_prefix("thời gian thực hiện: ") {
        tail = x;
    }
    if !coop.is_empty() {
        f.push(("cooperating", coop.to_string()));
    }
    let (time, product) = match tail.split_once("; sản phẩm: ") {
        Some((a, b)) => (a, Some(b)),
        None => (tail, None),
    };
    f.push(("timeframe", time.trim().to_string()));
    if let Some(p) = product {
        f.push(("product", p.trim().to_string()));
    }
    Some(f)
}

/// A target line: "text: [qualifier] value unit" (or levels "cấp tỉnh 70%, cấp huyện 50%"), else
/// the sentence as it is (then `check` asks for a number, DX040).
fn target_yaml(id: &str, group: Option<&str>, line: &str) -> String {
    let line = line.trim_end_matches(['.', ';']);
    // "…: 100% (thời hạn: Quý I/2023)": the deadline as dxplan prints it, read off first (its
    // ": " is not the value's).
    let (line, deadline) = match line
        .strip_suffix(')')
        .and_then(|l| l.rsplit_once(" (thời hạn: "))
    {
        Some((l, d)) if !d.trim().is_empty() => (l, Some(d.trim())),
        _ => (line, None),
    };
    let mut s = format!(
        "  - id: {}
",
        q(id)
    );
    if let Some(g) = group {
        s.push_str(&format!(
            "    group: {}
",
            q(g)
        ));
    }
    let parsed = line.rsplit_once(": ").and_then(|(text, value)| {
        let (qualifier, rest) = ["tối thiểu ", "ít nhất ", "trên ", "đạt ", "dưới "]
            .iter()
            .find_map(|p| value.strip_prefix(p).map(|r| (Some(p.trim()), r)))
            .unwrap_or((None, value));
        // Levels: "cấp tỉnh 70%, cấp huyện 50%".
        if rest.contains(", ") && rest.starts_with("cấp ") {
            let mut levels = Vec::new();
            let mut unit = String::new();
            for part in rest.split(", ") {
                let (name, v) = part.rsplit_once(' ')?;
                let num: String = v
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                    .collect();
                unit = v[num.len()..].to_string();
                levels.push((name.to_string(), amount_text(&num)?));
            }
            return Some((text, qualifier, None, unit, levels, 0));
        }
        let num: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
            .collect();
        let v = amount_text(&num)?;
        let unit = rest[num.len()..].trim().to_string();
        let digits = if num.starts_with('0') && num.len() > 1 {
            num.len()
        } else {
            0
        };
        Some((text, qualifier, Some(v), unit, Vec::new(), digits))
    });
    match parsed {
        Some((text, qualifier, value, unit, levels, digits)) => {
            s.push_str(&format!(
                "    text: {}
",
                q(text.trim())
            ));
            if let Some(qf) = qualifier {
                s.push_str(&format!(
                    "    qualifier: {}
",
                    q(qf)
                ));
            }
            if let Some(v) = value {
                s.push_str(&format!(
                    "    value: {v}
"
                ));
            }
            if !levels.is_empty() {
                s.push_str(
                    "    levels:
",
                );
                for (l, v) in &levels {
                    s.push_str(&format!(
                        "      - {{level: {}, value: {v}}}
",
                        q(l)
                    ));
                }
            }
            if !unit.is_empty() {
                s.push_str(&format!(
                    "    unit: {}
",
                    q(&unit)
                ));
            }
            if digits > 1 {
                s.push_str(&format!(
                    "    digits: {digits}
"
                ));
            }
        }
        None => s.push_str(&format!(
            "    text: {}
",
            q(line)
        )),
    }
    if let Some(d) = deadline {
        s.push_str(&format!("    deadline: {}\n", q(d)));
    }
    s
}

/// Projects read from a danh mục table.
struct DanhMuc {
    projects: Vec<(String, Fields)>,
    total: Option<f64>,
    sum: f64,
}

/// The danh mục nhiệm vụ, dự án: a table whose header names a project, a lead unit and an amount.
/// Its rows become projects (group rows say which task group follows; the totals row is checked).
fn danh_muc(t: &Table) -> Option<DanhMuc> {
    // A two-row header ("Dự kiến kinh phí" over "Tổng số", "Ngân sách trung ương" …): the words
    // of both rows name a column; the body starts after them.
    let first = t.rows.first()?;
    let second_is_header = t.rows.get(1).is_some_and(|r| {
        r.iter().any(|c| !c.trim().is_empty())
            && r.iter()
                .all(|c| amount_text(c).is_none() || c.trim().chars().count() <= 2)
            && fold(&r.concat()).contains("ngan sach")
    });
    let header: Vec<String> = (0..first.len())
        .map(|i| {
            let mut h = fold(&first[i]);
            if second_is_header && let Some(c) = t.rows[1].get(i) {
                h = format!("{h} {}", fold(c));
            }
            h
        })
        .collect();
    let body_from = if second_is_header { 2 } else { 1 };
    let col = |keys: &[&str]| {
        header
            .iter()
            .position(|h| keys.iter().any(|k| h.contains(k)))
    };
    let name = col(&["ten nhiem vu", "ten du an"])?;
    let lead = col(&["chu tri"])?;
    // The total: "tổng mức đầu tư", "kinh phí" (its "tổng" column when split by source).
    let amount = header
        .iter()
        .position(|h| (h.contains("kinh phi") || h.contains("muc dau tu")) && h.contains("tong"))
        .or_else(|| col(&["muc dau tu", "kinh phi"]))?;
    // Columns of one funding source each ("… ngân sách địa phương").
    let sources: Vec<(usize, String)> = header
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != amount)
        .filter_map(|(i, h)| {
            [
                "ngan sach trung uong",
                "ngan sach dia phuong",
                "oda",
                "xa hoi hoa",
            ]
            .iter()
            .zip([
                "ngân sách trung ương",
                "ngân sách địa phương",
                "vốn ODA",
                "xã hội hóa",
            ])
            .find(|(k, _)| h.contains(*k))
            .map(|(_, name)| (i, name.to_string()))
        })
        .collect();
    let cooperating = col(&["phoi hop"]);
    let status = col(&["chuyen tiep"]);
    let objective = col(&["muc tieu"]);
    let timeframe = col(&["thoi gian"]);
    let funding = col(&["nguon von"]);
    let mut out = DanhMuc {
        projects: Vec::new(),
        total: None,
        sum: 0.0,
    };
    let mut group = String::new();
    for (row_no, r) in t.rows.iter().enumerate().skip(body_from) {
        let cell = |i: Option<usize>| {
            i.and_then(|i| r.get(i))
                .map(|c| c.replace('\n', " ").trim().to_string())
                .unwrap_or_default()
        };
        let n = cell(Some(name));
        let filled = r.iter().filter(|c| !c.trim().is_empty()).count();
        if fold(&r.concat()).starts_with("tong cong")
            || fold(&n).starts_with("tong cong")
            || fold(&cell(Some(0))).starts_with("tong cong")
        {
            // The amount column (spans keep columns aligned); else the row's last number.
            out.total = amount_text(&cell(Some(amount)))
                .or_else(|| r.iter().rev().find_map(|c| amount_text(c)));
            continue;
        }
        if filled <= 2 && cell(Some(lead)).is_empty() {
            group = r
                .iter()
                .filter(|c| !c.trim().is_empty())
                .cloned()
                .collect::<Vec<_>>()
                .join(" ");
            continue;
        }
        if n.is_empty() {
            continue;
        }
        let mut f: Fields = vec![("name", n)];
        let l = cell(Some(lead));
        if !l.is_empty() {
            f.push(("lead", l));
        }
        let c = cell(cooperating);
        if !c.is_empty() {
            f.push(("cooperating", c));
        }
        match fold(&cell(status)).as_str() {
            "moi" => f.push(("status", "mới".into())),
            "chuyen tiep" => f.push(("status", "chuyển tiếp".into())),
            _ => {}
        }
        for (key, i) in [("objective", objective), ("timeframe", timeframe)] {
            let v = cell(i);
            if !v.is_empty() {
                f.push((key, v));
            }
        }
        let a = cell(Some(amount));
        match amount_text(&a) {
            Some(v) => {
                out.sum += v;
                f.push(("investment", format!("{v}")));
            }
            None if !a.is_empty() => f.push(("investment_text", a)),
            None => {}
        }
        let fu = cell(funding);
        // No funding column: the one source column with an amount says it.
        let by_source: Vec<&String> = sources
            .iter()
            .filter(|(i, _)| amount_text(&cell(Some(*i))).is_some_and(|v| v > 0.0))
            .map(|(_, n)| n)
            .collect();
        if fu.is_empty() && by_source.len() == 1 {
            f.push(("funding", by_source[0].clone()));
        }
        if !fu.is_empty() {
            // The table capitalises the cell; the framework's sources are lower case.
            let mut ch = fu.chars();
            let lower = ch
                .next()
                .map(|c| c.to_lowercase().chain(ch).collect())
                .unwrap_or_default();
            f.push(("funding", lower));
        }
        f.push(("from", format!("bảng {}, dòng {}", t.index, row_no + 1)));
        out.projects.push((group.clone(), f));
    }
    (!out.projects.is_empty()).then_some(out)
}

/// "a) Kết quả đạt được: …" → "…".
fn after_label(t: &str) -> String {
    t.split_once(':')
        .map_or(String::new(), |x| x.1.trim().to_string())
}

/// A list line as CommonMark: a Word-numbered item keeps its printed number.
fn list_line(p: &Para) -> String {
    match &p.number {
        Some(n) => format!("{n} {}", p.text.trim()),
        None => p.text.trim().to_string(),
    }
}

fn entry<'a>(g: &'a mut Vec<(String, Gathered)>, slug: &str) -> &'a mut Gathered {
    let i = match g.iter().position(|x| x.0 == slug) {
        Some(i) => i,
        None => {
            g.push((slug.to_string(), Gathered::default()));
            g.len() - 1
        }
    };
    &mut g[i].1
}

fn retitle(out: &mut Imported, key: &str, framework: &str, written: &str) {
    let w = written.trim();
    if !w.is_empty() && fold(w) != fold(framework) && !out.retitled.iter().any(|x| x.0 == key) {
        out.retitled.push((key.to_string(), w.to_string()));
    }
}

/// The framework heading a document heading is, within Phần `part`: its number and words, or
/// its words alone (diacritics-insensitive), "Về …" accepted.
fn match_heading(all: &[Target], part: usize, num: Option<&str>, words: &str) -> Option<Target> {
    let w = fold(words);
    let w = w.strip_prefix("ve ").unwrap_or(&w).to_string();
    let cands = all.iter().filter(|t| t.part == part);
    let same_words = |t: &&Target| fold(&t.title) == w;
    if let Some(n) = num {
        if let Some(t) = cands.clone().find(|t| t.number == n && same_words(t)) {
            return Some(t.clone());
        }
        // A mục ("I.", "II.") is unique within its Phần: its number decides, in other words.
        if n.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
            && let Some(t) = cands.clone().find(|t| t.number == n && t.depth == 1)
        {
            return Some(t.clone());
        }
        if let Some(t) = cands.clone().find(|t| t.number == n && t.depth >= 2) {
            // Decimal numbers ("7.4") are unique within a Phần: the number decides.
            return (n.contains('.') || n.chars().all(|c| c.is_ascii_digit()))
                .then(|| t.clone())
                .filter(|_| {
                    let f = fold(&t.title);
                    f.split(' ').take(2).collect::<Vec<_>>()
                        == w.split(' ').take(2).collect::<Vec<_>>()
                });
        }
    }
    cands.clone().find(same_words).cloned()
}

#[derive(Default)]
struct Meta {
    issuer: Vec<String>,
    /// The issuer as a sentence writes it, found in the text ("Ủy ban nhân dân tỉnh Hà Lâm").
    full_name: Option<String>,
    /// "KẾ HOẠCH", or "QUYẾT ĐỊNH" when a decision issues the plan.
    title_word: String,
    decision_title: Option<String>,
    decision_issuer: Option<String>,
    authority: Option<String>,
    bases: Vec<String>,
    proposer: Option<String>,
    effect: Option<String>,
    executors: Vec<String>,
    decision_signer: Vec<String>,
    decision_recipients: Vec<String>,
    decision_archive: Option<String>,
    /// The document numbers its phụ lục 1, 2 (not I, II).
    arabic_appendices: bool,
    number: Option<String>,
    symbol: Option<String>,
    place: Option<String>,
    date: Option<String>,
    title: Option<String>,
    grounds: Vec<String>,
    opening: Vec<String>,
    recipients: Vec<String>,
    archive: Option<String>,
    signer: Vec<String>,
}

impl Meta {
    fn report(&self, out: &mut Imported) {
        let mut m = |k: (&'static str, &'static str), v: String| out.metadata.push((k, v));
        if !self.issuer.is_empty() {
            m(("cơ quan ban hành", "issuer"), self.issuer.join(" / "));
        }
        if let Some(s) = &self.symbol {
            let n = self.number.clone().unwrap_or_default();
            m(("số, ký hiệu", "number and symbol"), format!("{n}/{s}"));
        }
        if let Some(p) = &self.place {
            m(("địa danh", "place"), p.clone());
        }
        if let Some(d) = &self.date {
            m(("ngày", "date"), d.clone());
        }
        if let Some(t) = &self.title {
            m(("trích yếu", "title"), t.clone());
        }
        if !self.signer.is_empty() {
            m(("người ký", "signer"), self.signer.join(" / "));
        }
        if !self.recipients.is_empty() {
            m(
                ("nơi nhận", "recipients"),
                self.recipients.len().to_string(),
            );
        }
    }
}

/// The Quyết định's body: authority, căn cứ, proposer, Điều 1–3, its signature and recipients.
fn decision(blocks: &[Block], meta: &mut Meta, used: &mut [bool]) {
    for (i, b) in blocks.iter().enumerate() {
        match b {
            Block::Table(t)
                if t.rows
                    .iter()
                    .flatten()
                    .any(|c| c.trim_start().starts_with("Nơi nhận")) =>
            {
                let mut sig = Meta::default();
                signature(t, &mut sig);
                meta.decision_signer = sig.signer;
                // "Như Điều 3" is dxplan's to print.
                meta.decision_recipients = sig
                    .recipients
                    .into_iter()
                    .filter(|r| !r.starts_with("Như Điều 3"))
                    .collect();
                meta.decision_archive = sig.archive;
                used[i] = true;
            }
            Block::Table(_) => {}
            Block::Para(p) => {
                let t = p.text.trim();
                let f = fold(t);
                if t.is_empty() || t == "QUYẾT ĐỊNH:" || t.starts_with("Điều 1.") {
                    // Điều 1 says the decision issues the plan: dxplan writes it.
                    used[i] = true;
                } else if f.starts_with("can cu") {
                    meta.bases.push(
                        t.trim_start_matches("Căn cứ ")
                            .trim_end_matches([';', '.', ','])
                            .to_string(),
                    );
                    used[i] = true;
                } else if let Some(x) = t.strip_prefix("Theo đề nghị của ") {
                    meta.proposer = Some(x.trim_end_matches(['.', ';']).to_string());
                    used[i] = true;
                } else if let Some(x) = t.strip_prefix("Điều 2. ") {
                    // dxplan prints "Quyết định này có hiệu lực {effect}.".
                    let x = x.trim();
                    meta.effect = Some(
                        x.strip_prefix("Quyết định này có hiệu lực ")
                            .map_or(x, |e| e.trim_end_matches('.'))
                            .to_string(),
                    );
                    used[i] = true;
                } else if let Some(x) = t.strip_prefix("Điều 3. ") {
                    let who = x.split(" chịu trách nhiệm").next().unwrap_or(x);
                    meta.executors = who.split(", ").map(|w| w.trim().to_string()).collect();
                    used[i] = true;
                } else if p.bold && p.center && meta.authority.is_none() {
                    meta.authority = Some(t.to_string());
                    used[i] = true;
                }
            }
        }
    }
}

/// The signature row: "Nơi nhận:" list on the left (the last "- Lưu: …" is the archive), the
/// signer's titles and name on the right.
fn signature(t: &Table, meta: &mut Meta) {
    for row in &t.rows {
        for (c, cell) in row.iter().enumerate() {
            for line in cell.lines().map(str::trim).filter(|l| !l.is_empty()) {
                if line.starts_with("Nơi nhận") {
                    continue;
                }
                if c == 0 {
                    let l = line
                        .trim_start_matches(['-', ' '])
                        .trim_end_matches([';', '.', ',']);
                    match l.strip_prefix("Lưu:") {
                        Some(a) => meta.archive = Some(a.trim().to_string()),
                        None => meta.recipients.push(l.to_string()),
                    }
                } else {
                    meta.signer.push(line.to_string());
                }
            }
        }
    }
}

/// A row of the phụ lục of priority tasks: the framework's task, the titles of the tasks and
/// projects said to carry it out, and the reason it does not apply, if so.
pub(crate) struct PriorityRow {
    id: String,
    work: Vec<String>,
    not_applicable: Option<String>,
    table: usize,
}

/// Whether a table's first row is exactly these column headings (folded): a table dxplan lays out.
fn headed(t: &Table, want: &[&str]) -> bool {
    t.rows.first().is_some_and(|head| {
        head.len() == want.len() && head.iter().zip(want).all(|(h, w)| fold(h) == *w)
    })
}

/// The phụ lục „Việc thực hiện các nhiệm vụ trọng tâm” (STT, Nhiệm vụ trọng tâm, Nhiệm vụ, dự án
/// thực hiện, Tình trạng): each row's task is the framework's of the same words (else of its
/// number), its third cell the tasks and projects that carry it out, "Không áp dụng: …" its reason.
fn priority_table(t: &Table, fw: &Framework) -> Option<Vec<PriorityRow>> {
    let want = [
        "stt",
        "nhiem vu trong tam",
        "nhiem vu du an thuc hien",
        "tinh trang",
    ];
    if !headed(t, &want) {
        return None;
    }
    let mut out = Vec::new();
    for r in t.rows.iter().skip(1) {
        let [n, text, work, state] = r.as_slice() else {
            continue;
        };
        let words = fold(text);
        let pt = fw
            .priority_tasks
            .iter()
            .find(|p| fold(&p.text) == words)
            .or_else(|| {
                let k: usize = n.trim().parse().ok()?;
                fw.priority_tasks.get(k.checked_sub(1)?)
            });
        let Some(pt) = pt else { continue };
        out.push(PriorityRow {
            id: pt.id.clone(),
            work: work
                .split("; ")
                .map(|w| w.trim().to_string())
                .filter(|w| !w.is_empty())
                .collect(),
            not_applicable: state
                .trim()
                .strip_prefix("Không áp dụng:")
                .map(|r| r.trim().to_string())
                .filter(|r| !r.is_empty()),
            table: t.index,
        });
    }
    Some(out)
}

fn generated_appendix(id: &str, label: &str, title: &[String], table: usize) -> String {
    let title: Vec<&str> = title
        .iter()
        .map(String::as_str)
        .filter(|l| !l.starts_with("(Kèm theo") && !l.chars().all(|c| c == '_' || c == '-'))
        .collect();
    let label = dxplan_core::print::escape_controls(&label.replace('\n', " "), true);
    format!(
        "# {label}, nhập từ tệp Word (`dxplan import`, bảng {table}): bảng các nhiệm vụ trọng tâm, dxplan lập lại\n\
         # từ `priority_tasks` của các nhiệm vụ, dự án và `not_applicable` của mục tiêu.\nappendix: {id}\ntitle: {}\ngenerate: nhiem-vu-trong-tam\n",
        q(&title.join(" "))
    )
}

fn appendix_file(id: &str, label: &str, title: &[String], t: &Table) -> String {
    // "(Kèm theo …)" is dxplan's to print; the rest is the title.
    let title: Vec<&str> = title
        .iter()
        .map(String::as_str)
        .filter(|l| !l.starts_with("(Kèm theo") && !l.chars().all(|c| c == '_' || c == '-'))
        .collect();
    // The label goes into a comment: no control character or line break may end it.
    let label = dxplan_core::print::escape_controls(&label.replace('\n', " "), true);
    let mut s = format!(
        "# {label}, nhập từ tệp Word (`dxplan import`): bảng ghi tay. Nếu đây là danh mục nhiệm vụ, dự án, chuyển\n\
         # các dòng thành `projects` của mục danh-muc-du-an để dxplan lập bảng và kiểm tra tổng.\nappendix: {id}\ntitle: {}\ntable:\n  columns:\n",
        q(&title.join(" "))
    );
    let header = t.rows.first().cloned().unwrap_or_default();
    for c in &header {
        s.push_str(&format!("    - {{title: {}}}\n", q(&c.replace('\n', " "))));
    }
    s.push_str("  rows:\n");
    let width = header.len();
    for r in t.rows.iter().skip(1) {
        let mut cells: Vec<String> = r.iter().map(|c| q(&c.replace('\n', " "))).collect();
        // A row of one cell is a group row; others are padded to the columns.
        if cells.len() != 1 {
            cells.resize(width.max(1), q(""));
            cells.truncate(width.max(1));
        }
        s.push_str(&format!("    - [{}]\n", cells.join(", ")));
    }
    s
}

fn write_files(
    out: &mut Imported,
    fw: &Framework,
    level: Level,
    meta: &Meta,
    gathered: Vec<(String, Gathered)>,
    carried: &[crate::docx::Carried],
    priorities: &[PriorityRow],
) {
    let mut pool = carry::Pool::new(carried);
    let mut matched = Matched {
        priority_words: fw
            .priority_tasks
            .iter()
            .map(|p| (p.id.clone(), pairs(&format!("{} {}", p.label, p.text))))
            .collect(),
        metric_words: fw
            .metrics
            .iter()
            .map(|m| (m.id.clone(), pairs(&format!("{} {}", m.label, m.quote))))
            .collect(),
        ..Matched::default()
    };
    for r in priorities {
        for w in &r.work {
            matched.table_links.push((fold(w), r.id.clone(), r.table));
        }
        if let Some(reason) = &r.not_applicable {
            matched
                .not_applicable
                .push((r.id.clone(), reason.clone(), r.table));
        }
    }
    // "Không áp dụng" rows belong to the targets' file: make sure it is written.
    let mut gathered = gathered;
    if !matched.not_applicable.is_empty()
        && let Some(slug) = fw
            .sections
            .iter()
            .find(|d| d.kind == SectionKind::Targets)
            .map(|d| d.slug.clone())
    {
        entry(&mut gathered, &slug);
    }
    let mut used_ids = std::collections::HashSet::new();
    for (slug, g) in &gathered {
        for (k, (_, line, _)) in g.targets.iter().enumerate() {
            if let Some(m) = pool.take("target", line) {
                matched.targets.insert((slug.clone(), k), m);
            }
        }
        for (k, (_, fields)) in g.tasks.iter().enumerate() {
            let title = field(fields, "title");
            if let Some(m) = pool.take("task", title) {
                let id = carry::fresh_id(&m, &mut used_ids);
                matched.tasks.insert((slug.clone(), k), (id, m));
            }
        }
        for (k, (_, fields)) in g.projects.iter().enumerate() {
            if let Some(m) = pool.take("project", field(fields, "name")) {
                matched.projects.insert((slug.clone(), k), m);
            }
        }
    }
    out.carried = (pool.taken, pool.offered);
    // Every task's id: its record's, else numbered in its section ("NV-6.01"), never one that
    // another task has.
    for (slug, g) in &gathered {
        let n = fw
            .section(slug)
            .map_or(String::new(), |d| d.heading.number.clone());
        for k in 0..g.tasks.len() {
            let key = (slug.clone(), k);
            if let Some(id) = matched.tasks.get(&key).and_then(|x| x.0.clone()) {
                matched.ids.insert(key, id);
                continue;
            }
            let mut i = k + 1;
            let id = loop {
                let c = format!("NV-{n}.{i:02}");
                if used_ids.insert(c.clone()) {
                    break c;
                }
                i += 1;
            };
            matched.ids.insert(key, id);
        }
    }
    let year = meta
        .title
        .as_deref()
        .and_then(|t| {
            t.split(|c: char| !c.is_ascii_digit())
                .filter(|x| x.len() == 4)
                .filter_map(|x| x.parse::<i32>().ok())
                .next_back()
        })
        .unwrap_or(fw.plan_year);
    // The tasks as they will be written (group number, id, their words), for the projects' links.
    let mut tasks: Vec<(String, String, String)> = Vec::new();
    for (slug, g) in &gathered {
        let n = fw
            .section(slug)
            .map_or(String::new(), |d| d.heading.number.clone());
        for (k, (_, fields)) in g.tasks.iter().enumerate() {
            let words = fields
                .iter()
                .filter(|(key, _)| matches!(*key, "title" | "content"))
                .map(|(_, v)| fold(v))
                .collect::<Vec<_>>()
                .join(" ");
            tasks.push((n.clone(), matched.task_id(slug, k), words));
        }
    }
    let scaffold = dxplan_core::init::scaffold_for(fw, level, year);
    for (rel, content) in scaffold {
        let name = rel.to_string_lossy().to_string();
        if name == "dxplan.toml" {
            out.files
                .push((rel, config(fw, level, meta, year, &out.retitled)));
            continue;
        }
        let found = gathered
            .iter()
            .find(|(slug, _)| name.ends_with(&format!("-{slug}.yaml")));
        match found {
            Some((slug, g)) => {
                out.sections.push(slug.clone());
                out.files
                    .push((rel, section_file(fw, slug, g, &tasks, &matched)));
            }
            None => out.files.push((rel, content)),
        }
    }
    let mut rest = String::from(
        "# Những đoạn `dxplan import` chưa xếp được vào mục nào của Khung, theo số đoạn trong tệp Word.\n\
         # Chuyển từng đoạn vào tệp của mục đúng rồi xóa khỏi đây (tệp .md không phải tệp kế hoạch).\n\n",
    );
    for (n, t) in &out.unplaced {
        rest.push_str(&format!("## Đoạn {n}\n\n{t}\n\n"));
    }
    out.files.push(("chua-xep.md".into(), rest));
}

/// The task a project of danh mục group `group` ("III.1 Nhận thức số") most likely serves: among
/// the tasks of that group, the one sharing clearly most words with the project (at least two,
/// more than any other), or the group's only task; `None` when it is not clear.
fn project_task(group: &str, project: &str, tasks: &[(String, String, String)]) -> Option<String> {
    let number = group
        .split_whitespace()
        .next()?
        .rsplit('.')
        .next()?
        .to_string();
    let candidates: Vec<&(String, String, String)> =
        tasks.iter().filter(|t| t.0 == number).collect();
    if candidates.len() == 1 {
        return Some(candidates[0].1.clone());
    }
    let mine: std::collections::BTreeSet<String> = fold(project)
        .split(' ')
        .filter(|w| w.len() > 2)
        .map(str::to_string)
        .collect();
    let mut scored: Vec<(usize, &String)> = candidates
        .iter()
        .map(|t| {
            let theirs: std::collections::BTreeSet<&str> = t.2.split(' ').collect();
            (
                mine.iter().filter(|w| theirs.contains(w.as_str())).count(),
                &t.1,
            )
        })
        .collect();
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    match scored.as_slice() {
        [(best, id), rest @ ..] if *best >= 2 && rest.first().is_none_or(|r| r.0 < *best) => {
            Some((*id).clone())
        }
        _ => None,
    }
}

type Record = serde_json::Map<String, serde_json::Value>;
/// By (section, position in it).
type ByItem<T> = std::collections::HashMap<(String, usize), T>;

/// The items that took a record of dxplan's own DOCX (`carry`), by (section, position).
#[derive(Default)]
struct Matched {
    targets: ByItem<Record>,
    /// The record's id when no other item had it.
    tasks: ByItem<(Option<String>, Record)>,
    projects: ByItem<Record>,
    /// Every task's id, by (section, position).
    ids: ByItem<String>,
    /// The phụ lục of priority tasks: (folded title of a task or project, priority task, table).
    table_links: Vec<(String, String, usize)>,
    /// (priority task, reason, table) of its "Không áp dụng" rows.
    not_applicable: Vec<(String, String, usize)>,
    /// Each priority task's word pairs (its label and text), for guesses.
    priority_words: Vec<(String, Pairs)>,
    /// Each threshold or deadline of the framework (`metrics`): its label and quote, for guessing
    /// which a target states.
    metric_words: Vec<(String, Pairs)>,
}

type Pairs = std::collections::HashSet<(String, String)>;

/// Consecutive word pairs of a text, folded: "kỹ năng số" → (ky, nang), (nang, so). Pairs, not
/// words, so that "dữ liệu" and "an toàn" count as what they are.
fn pairs(text: &str) -> Pairs {
    let f = fold(text);
    let w: Vec<&str> = f.split(' ').filter(|x| !x.is_empty()).collect();
    w.windows(2)
        .map(|p| (p[0].to_string(), p[1].to_string()))
        .collect()
}

/// The priority task whose words a task's carry most clearly: the share of the task's word pairs
/// found in the priority task's label and text, at least 30 % and 3 pairs, and a quarter more
/// than the next one's. Measured on tinh-ha-lam's DOCX without dxplan's record (48 linked tasks and
/// projects): 39 guessed, 38 of them right, 9 left for the author (DECISIONS 64).
fn guess_priority(all: &[(String, Pairs)], words: &str) -> Option<(String, f64)> {
    let mine = pairs(words);
    if mine.is_empty() {
        return None;
    }
    let mut scored: Vec<(f64, usize, &String)> = all
        .iter()
        .map(|(id, theirs)| {
            let n = mine.intersection(theirs).count();
            (n as f64 / mine.len() as f64, n, id)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(b.2)));
    let (best, n, id) = *scored.first()?;
    let second = scored.get(1).map_or(0.0, |x| x.0);
    (best >= 0.3 && n >= 3 && best >= 1.25 * second).then(|| (id.clone(), best))
}

impl Matched {
    /// The priority tasks the phụ lục of priority tasks links to the task or project `title`, and
    /// that table's number.
    fn table_links(&self, title: &str) -> (Vec<String>, Option<usize>) {
        let f = fold(title);
        let mut ids = Vec::new();
        let mut table = None;
        for (t, id, n) in &self.table_links {
            if *t == f && !ids.contains(id) {
                ids.push(id.clone());
                table = Some(*n);
            }
        }
        (ids, table)
    }

    /// The `priority_tasks:` line of a task or project: what its record and the phụ lục of
    /// priority tasks say, else a guess from its words (`guess_priority`), said as one.
    fn priority_line(
        &self,
        record: Option<&serde_json::Map<String, serde_json::Value>>,
        title: &str,
        words: &str,
    ) -> String {
        let mut said = record
            .map(|m| carry::texts(m, "priority_tasks"))
            .unwrap_or_default();
        let (from_table, table) = self.table_links(title);
        for id in from_table {
            if !said.contains(&id) {
                said.push(id);
            }
        }
        if !said.is_empty() {
            let why = match table {
                Some(n) => format!("   # theo bảng {n} (phụ lục nhiệm vụ trọng tâm)"),
                None => String::new(),
            };
            return format!("    priority_tasks: {}{why}\n", carry::flow(&said));
        }
        // A record with no links says the plan had none: no guess over it.
        if record.is_some() {
            return String::new();
        }
        match guess_priority(&self.priority_words, words) {
            Some((id, share)) => format!(
                "    priority_tasks: [{}]   # đoán: {}% cụm từ giống lời nhiệm vụ trọng tâm này; kiểm tra lại\n",
                q(&id),
                (share * 100.0).round()
            ),
            None => String::new(),
        }
    }

    fn task_id(&self, slug: &str, k: usize) -> String {
        self.ids
            .get(&(slug.to_string(), k))
            .cloned()
            .unwrap_or_default()
    }
}

fn field<'a>(fields: &'a Fields, key: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |x| x.1.as_str())
}

fn section_file(
    fw: &Framework,
    slug: &str,
    g: &Gathered,
    tasks: &[(String, String, String)],
    matched: &Matched,
) -> String {
    let kind = fw.section(slug).map(|d| d.kind);
    // dxplan prints "(Chi tiết tại Phụ lục I kèm theo)" after the danh mục's intro itself.
    let text = g
        .text
        .iter()
        .filter(|t| {
            let f = fold(t);
            let generated = (kind == Some(SectionKind::Projects) && !g.projects.is_empty())
                || (kind == Some(SectionKind::EvaluationBudget) && !g.past_projects.is_empty());
            !(generated
                && f.starts_with("chi tiet tai phu luc")
                && f.ends_with("kem theo")
                && f.split(' ').count() <= 9)
        })
        .map(|t| match &g.past_label {
            // "(Danh mục dự án tại Phụ lục II kèm theo)": the reference follows the phụ lục's
            // number when dxplan numbers the phụ lục again.
            Some(label) => refer(t, label, dxplan_core::model::appendices::PAST_ID),
            None => t.clone(),
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let mut s = format!(
        "# yaml-language-server: $schema=../.dxplan/plan-section.schema.json\n# Nhập từ tệp Word (`dxplan import`).\nsection: {slug}\n"
    );
    let key = match kind {
        Some(
            SectionKind::Text
            | SectionKind::EvaluationBudget
            | SectionKind::Budget
            | SectionKind::Organization,
        ) => "text",
        _ => "intro",
    };
    if !text.is_empty() {
        s.push_str(&format!("{key}: {}\n", q(&text)));
    }
    match kind {
        Some(SectionKind::Evaluation) => {
            s.push_str("items:\n");
            for (n, a, b) in &g.items {
                s.push_str(&format!(
                    "  - number: {}\n    results: {}\n    limitations: {}\n",
                    q(n),
                    q(&a.join("\n\n")),
                    q(&b.join("\n\n"))
                ));
            }
            if g.items.is_empty() {
                s = s.replace("items:\n", "items: []\n");
            }
        }
        Some(SectionKind::Citations) => {
            s.push_str("citations:\n");
            for c in &g.citations {
                let (ty, rest) = split_type(c);
                s.push_str(&format!("  - type: {}\n    title: {}\n", q(ty), q(rest)));
            }
            if g.citations.is_empty() {
                s = s.replace("citations:\n", "citations: []\n");
            }
        }
        Some(SectionKind::Tasks) if !g.tasks.is_empty() || !g.item_text.is_empty() => {
            if !g.item_text.is_empty() {
                s.push_str("items:\n");
                for (n, text) in &g.item_text {
                    s.push_str(&format!(
                        "  - number: {}\n    text: {}\n",
                        q(n),
                        q(&text.join("\n\n"))
                    ));
                }
            }
            s.push_str(if g.tasks.is_empty() {
                "tasks: []\n"
            } else {
                "tasks:\n"
            });
            for (k, (item, fields)) in g.tasks.iter().enumerate() {
                let from = fields
                    .iter()
                    .find(|(k, _)| *k == "from")
                    .map_or("", |x| x.1.as_str());
                let record = matched.tasks.get(&(slug.to_string(), k)).map(|x| &x.1);
                let carried = if record.is_some() {
                    " — mã và liên kết theo dữ liệu dxplan kèm tệp"
                } else {
                    ""
                };
                s.push_str(&format!(
                    "  - id: {}   # {from}{carried}\n",
                    q(&matched.task_id(slug, k))
                ));
                if let Some(it) = item {
                    s.push_str(&format!("    item: {}\n", q(it)));
                }
                if let Some(metric) = record.and_then(|m| carry::text(m, "metric")) {
                    s.push_str(&format!("    metric: {}\n", q(&metric)));
                }
                // Priority tasks: the record's, and the phụ lục of priority tasks' (both as the
                // page or the file says); else a guess from the task's words.
                let words = format!("{} {}", field(fields, "title"), field(fields, "content"));
                s.push_str(&matched.priority_line(record, field(fields, "title"), &words));
                for (key, v) in fields {
                    if *key == "from" {
                        continue;
                    }
                    if *key == "cooperating" {
                        let list: Vec<String> = v.split("; ").map(|x| q(x.trim())).collect();
                        s.push_str(&format!("    cooperating: [{}]\n", list.join(", ")));
                    } else {
                        s.push_str(&format!("    {key}: {}\n", q(v)));
                    }
                }
            }
        }
        Some(SectionKind::Tasks) => s.push_str("tasks: []\n"),
        Some(SectionKind::Targets) if !g.targets.is_empty() => {
            s.push_str("targets:\n");
            for (k, (group, line, from)) in g.targets.iter().enumerate() {
                let id = format!("MT{:02}", k + 1);
                match matched.targets.get(&(slug.to_string(), k)) {
                    Some(m) => {
                        s.push_str(&format!(
                            "  # đoạn {from} — các trường theo dữ liệu dxplan kèm tệp (câu in không đổi)\n"
                        ));
                        s.push_str(&carry::target_yaml(m, group.as_deref(), &id));
                    }
                    None => {
                        s.push_str(&format!("  # đoạn {from}\n"));
                        s.push_str(&target_yaml(&id, group.as_deref(), line));
                        // The framework's threshold or deadline the sentence states, if clearly
                        // one: `check` then weighs it (DX070, DX071) instead of asking for it.
                        if let Some((metric, share)) = guess_priority(&matched.metric_words, line) {
                            s.push_str(&format!(
                                "    metric: {}   # đoán: {}% cụm từ giống lời ngưỡng này của Khung; kiểm tra lại\n",
                                q(&metric),
                                (share * 100.0).round()
                            ));
                        }
                    }
                }
            }
        }
        Some(SectionKind::Targets) => s.push_str("targets: []\n"),
        Some(SectionKind::Projects) if !g.projects.is_empty() => {
            s.push_str("projects:\n");
            // Ids: a record's where no other project has it, then "DA01" … for the rest.
            let mut used = std::collections::HashSet::new();
            let mut ids: Vec<Option<String>> = (0..g.projects.len())
                .map(|n| {
                    matched
                        .projects
                        .get(&(slug.to_string(), n))
                        .and_then(|m| carry::fresh_id(m, &mut used))
                })
                .collect();
            let mut next = 0;
            let ids: Vec<String> = ids
                .iter_mut()
                .map(|id| {
                    id.take().unwrap_or_else(|| {
                        loop {
                            next += 1;
                            let c = format!("DA{next:02}");
                            if used.insert(c.clone()) {
                                break c;
                            }
                        }
                    })
                })
                .collect();
            let mut last_group = String::new();
            for (n, (group, fields)) in g.projects.iter().enumerate() {
                if *group != last_group {
                    // A comment line carries the group's words; control characters are no YAML.
                    let shown =
                        dxplan_core::print::escape_controls(&group.replace('\n', " "), true);
                    s.push_str(&format!(
                        "  # {shown} — ghi `tasks:` là mã các nhiệm vụ của nhóm này mà dự án thực hiện\n"
                    ));
                    last_group = group.clone();
                }
                let from = fields
                    .iter()
                    .find(|(k, _)| *k == "from")
                    .map_or("", |x| x.1.as_str());
                let record = matched.projects.get(&(slug.to_string(), n));
                let carried = if record.is_some() {
                    " — mã và liên kết theo dữ liệu dxplan kèm tệp"
                } else {
                    ""
                };
                s.push_str(&format!("  - id: {}   # {from}{carried}\n", q(&ids[n])));
                let name = field(fields, "name");
                // The record's tasks that this import wrote (a task rewritten in Word has a new id).
                let linked: Vec<String> = record
                    .map(|m| carry::texts(m, "tasks"))
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|t| tasks.iter().any(|x| x.1 == *t))
                    .collect();
                if !linked.is_empty() {
                    s.push_str(&format!("    tasks: {}\n", carry::flow(&linked)));
                } else if let Some(task) = project_task(group, name, tasks) {
                    s.push_str(&format!(
                        "    tasks: [{}]   # đoán theo nhóm và lời của nhiệm vụ: kiểm tra lại\n",
                        q(&task)
                    ));
                }
                let words = format!("{name} {}", field(fields, "objective"));
                s.push_str(&matched.priority_line(record, name, &words));
                for (k, v) in fields {
                    match *k {
                        "from" => {}
                        "investment" => s.push_str(&format!("    investment: {v}\n")),
                        // Not a number as written: kept as text, for `check` to point at.
                        "investment_text" => s.push_str(&format!("    investment: {}\n", q(v))),
                        "cooperating" => s.push_str(&format!(
                            "    cooperating: [{}]\n",
                            // "Các sở, ban, ngành" is one unit: only ";" and line breaks separate.
                            v.split([';', '\n'])
                                .map(str::trim)
                                .filter(|x| !x.is_empty())
                                .map(q)
                                .collect::<Vec<_>>()
                                .join(", ")
                        )),
                        _ => s.push_str(&format!("    {k}: {}\n", q(v))),
                    }
                }
            }
        }
        Some(SectionKind::Projects) => s.push_str("projects: []\n"),
        Some(SectionKind::Budget) => {
            if let Some(t) = g.budget_total {
                s.push_str(&format!("total: {t}\n"));
            }
            if !g.by_source.is_empty() {
                s.push_str("by_source:\n");
                for (source, v) in &g.by_source {
                    s.push_str(&format!("  - {{source: {}, amount: {v}}}\n", q(source)));
                }
            }
        }
        Some(SectionKind::EvaluationBudget) => {
            if let Some(v) = g.budget_share {
                s.push_str(&format!("budget_share: {v}\n"));
            }
            if !g.past_projects.is_empty() {
                s.push_str("projects:\n");
                for f in &g.past_projects {
                    let mut first = true;
                    for (k, v) in f {
                        let lead = if first { "  - " } else { "    " };
                        first = false;
                        match *k {
                            "investment" => s.push_str(&format!("{lead}investment: {v}\n")),
                            "investment_text" => {
                                s.push_str(&format!("{lead}investment: {}\n", q(v)))
                            }
                            _ => s.push_str(&format!("{lead}{k}: {}\n", q(v))),
                        }
                    }
                }
            }
        }
        Some(kind @ (SectionKind::Solutions | SectionKind::Organization)) => {
            let (list, head) = if kind == SectionKind::Solutions {
                ("solutions", "title")
            } else {
                ("responsibilities", "unit")
            };
            if g.entries.is_empty() {
                s.push_str(&format!("{list}: []\n"));
            } else {
                s.push_str(&format!("{list}:\n"));
                for (title, text) in &g.entries {
                    s.push_str(&format!(
                        "  - {head}: {}\n    text: {}\n",
                        q(title),
                        q(&text.join("\n\n"))
                    ));
                }
            }
        }
        _ => {}
    }
    if kind == Some(SectionKind::Targets) && !matched.not_applicable.is_empty() {
        s.push_str("not_applicable:\n");
        for (id, reason, table) in &matched.not_applicable {
            s.push_str(&format!(
                "  - priority_task: {}   # bảng {table}\n    reason: {}\n",
                q(id),
                q(reason)
            ));
        }
    }
    s
}

/// "Nghị quyết số 52-NQ/TW ngày … về …" → ("Nghị quyết", the rest as written).
fn split_type(c: &str) -> (&str, &str) {
    for ty in [
        "Nghị quyết",
        "Quyết định",
        "Nghị định",
        "Chỉ thị",
        "Kế hoạch",
        "Công văn",
        "Văn bản",
        "Thông tư",
        "Luật",
        "Thông báo",
    ] {
        if let Some(rest) = c.strip_prefix(ty) {
            return (ty, rest.trim());
        }
    }
    ("Văn bản", c)
}

fn config(
    fw: &Framework,
    level: Level,
    meta: &Meta,
    year: i32,
    retitled: &[(String, String)],
) -> String {
    let lv = level.code();
    let with_decision = meta.title_word == "QUYẾT ĐỊNH";
    let mode = if with_decision {
        "kem-quyet-dinh"
    } else {
        "ke-hoach"
    };
    // Under a decision the số, date and place are the decision's; the plan's symbol is its
    // type's ("KH-…") with the decision's issuer part.
    let (symbol, number, place, date) = if with_decision {
        let sym = meta
            .symbol
            .as_deref()
            .and_then(|s| s.split_once('-'))
            .map_or(String::new(), |(_, tail)| format!("KH-{tail}"));
        (
            sym,
            String::new(),
            meta.place.clone().unwrap_or_default(),
            String::new(),
        )
    } else {
        (
            meta.symbol.clone().unwrap_or_default(),
            meta.number.clone().unwrap_or_default(),
            meta.place.clone().unwrap_or_default(),
            meta.date.clone().unwrap_or_default(),
        )
    };
    let mut s = format!(
        "# Nhập từ tệp Word (`dxplan import`): kiểm tra từng giá trị rồi chạy `dxplan check .`\nframework = {}\nlevel = \"{lv}\"\nyear = {year}\nmode = \"{mode}\"\n\n[issuer]\nname = [{}]\nfull_name = {}\n\n[document]\nsymbol = {}\nnumber = {}\nplace = {}\ndate = {}\ntitle = {}\n",
        q(&fw.id),
        meta.issuer
            .iter()
            .map(|l| q(l))
            .collect::<Vec<_>>()
            .join(", "),
        q(&meta
            .full_name
            .clone()
            .or_else(|| meta.issuer.last().map(|l| capitalise_issuer(l)))
            .unwrap_or_default()),
        q(&symbol),
        q(&number),
        q(&place),
        q(&date),
        q(meta.title.as_deref().unwrap_or("")),
    );
    // A căn cứ line that cites a registry document as dxplan prints it goes back to the short
    // form plans write ("749/QĐ-TTg"); `check` then knows the document. Others stay as written.
    let short = |v: &[String]| -> Vec<String> {
        v.iter()
            .map(|g| dxplan_core::compose::ground_key(fw, g).unwrap_or_else(|| g.clone()))
            .collect()
    };
    if with_decision {
        let list = |v: &[String]| v.iter().map(|x| q(x)).collect::<Vec<_>>().join(", ");
        s.push_str(&format!(
            "\n[decision]\nnumber = {}\ndate = {}\nissuer = {}\nplace = {}\n",
            q(&format!(
                "{}/{}",
                meta.number.clone().unwrap_or_default(),
                meta.symbol.clone().unwrap_or_default()
            )),
            q(meta.date.as_deref().unwrap_or("")),
            q(meta.decision_issuer.as_deref().unwrap_or("")),
            q(meta.place.as_deref().unwrap_or("")),
        ));
        if let Some(a) = &meta.authority {
            s.push_str(&format!("authority = {}\n", q(a)));
        }
        if let Some(t) = &meta.decision_title {
            s.push_str(&format!("title = {}\n", q(t)));
        }
        s.push_str(&format!("bases = [{}]\n", list(&short(&meta.bases))));
        if let Some(p) = &meta.proposer {
            s.push_str(&format!("proposer = {}\n", q(p)));
        }
        if let Some(e) = &meta.effect {
            s.push_str(&format!("effect = {}\n", q(e)));
        }
        s.push_str(&format!("executors = [{}]\n", list(&meta.executors)));
        if let Some((name, titles)) = meta.decision_signer.split_last() {
            s.push_str(&format!(
                "signer = {{ titles = [{}], name = {} }}\n",
                list(titles),
                q(name)
            ));
        }
        s.push_str(&format!(
            "recipients = {{ list = [{}], archive = {} }}\n",
            list(&meta.decision_recipients),
            q(meta.decision_archive.as_deref().unwrap_or(""))
        ));
    }
    if !meta.grounds.is_empty() || !meta.opening.is_empty() {
        s.push_str("\n[opening]\n");
        if !meta.grounds.is_empty() {
            s.push_str(&format!(
                "grounds = [{}]\n",
                short(&meta.grounds)
                    .iter()
                    .map(|g| q(g))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if !meta.opening.is_empty() {
            s.push_str(&format!("text = {}\n", q(&meta.opening.join("\n\n"))));
        }
    }
    if !meta.signer.is_empty() {
        let (name, titles) = meta.signer.split_last().expect("non-empty");
        s.push_str(&format!(
            "\n[signer]\ntitles = [{}]\nname = {}\n",
            titles.iter().map(|t| q(t)).collect::<Vec<_>>().join(", "),
            q(name)
        ));
    }
    if !meta.recipients.is_empty() {
        s.push_str(&format!(
            "\n[recipients]\nlist = [{}]\narchive = {}\n",
            meta.recipients
                .iter()
                .map(|r| q(r))
                .collect::<Vec<_>>()
                .join(", "),
            q(meta.archive.as_deref().unwrap_or(""))
        ));
    }
    if meta.arabic_appendices {
        s.push_str("\n[appendices]\nnumbering = \"so\"\n");
    }
    if !retitled.is_empty() {
        s.push_str("\n# Tên mục trong tệp Word khác lời của Khung:\n[headings]\n");
        for (k, t) in retitled {
            s.push_str(&format!("{} = {}\n", q(k), q(t)));
        }
    }
    s
}

/// The issuer's lines ("ỦY BAN NHÂN DÂN", "TỈNH HÀ LÂM") as the text itself writes them in a
/// sentence, matched word for word whatever the case.
fn full_name(issuer: &[String], blocks: &[Block]) -> Option<String> {
    let want = fold(&issuer.join(" "));
    let n = want.split(' ').count();
    if want.is_empty() {
        return None;
    }
    blocks.iter().find_map(|b| {
        let Block::Para(p) = b else { return None };
        let words: Vec<&str> = p.text.split_whitespace().collect();
        (0..words.len().saturating_sub(n - 1)).find_map(|i| {
            let w = words[i..i + n].join(" ");
            (fold(&w) == want && w != issuer.join(" "))
                .then(|| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string())
        })
    })
}

/// "TỈNH HÀ LÂM" under "ỦY BAN NHÂN DÂN" → the name as a sentence writes it is left to the
/// author; a first guess capitalises each word's first letter.
fn capitalise_issuer(line: &str) -> String {
    line.split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| {
                    f.to_uppercase()
                        .chain(c.flat_map(char::to_lowercase))
                        .collect::<String>()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn heading_numbers_as_clerks_type_them() {
        use super::split_number;
        assert_eq!(
            split_number("1.2. Tên mục"),
            (Some("1.2".into()), "Tên mục")
        );
        assert_eq!(split_number("I- KẾT QUẢ"), (Some("I".into()), "KẾT QUẢ"));
        assert_eq!(
            split_number("2) Thể chế số"),
            (Some("2".into()), "Thể chế số")
        );
        assert_eq!(split_number("2023 là năm"), (None, "2023 là năm"));
    }
}
