//! The parts of the document around the body (ND30 ô 1–9): the DỰ THẢO mark, the two-column
//! header block, the title with its trích yếu, the opening sentence, and the signature row with
//! Nơi nhận.

use minijinja::context;

use super::Composer;
use super::ir::{self, Align, Block, Para, Role, Run};
use super::style::{BODY, body, centered, layout_row, para, rule, run, short_rule, title_line};
use super::{measure, text};
use crate::load::Sp;
use crate::model::{DocKind, Mode, values};

impl Composer<'_> {
    /// "12/KH-UBND", or blanks before the slash in a draft or when the number is not given yet.
    pub(super) fn number_symbol(&self) -> String {
        self.issue.number_symbol(self.draft)
    }

    /// The date of the document being composed, as written.
    pub(super) fn document_date(&self) -> Option<&Sp<String>> {
        self.issue.date
    }

    /// "ngày 05 tháng 01 năm 2023", blanks in a draft.
    pub(super) fn words_date(&self, date: Option<&Sp<String>>) -> String {
        match date.and_then(|d| values::date(&d.value).ok()) {
            Some(d) if !self.draft => d.nd30_words(),
            _ => "ngày      tháng      năm      ".to_string(),
        }
    }

    /// "(Kèm theo Quyết định số … ngày … của …)" when the plan is attached to a decision.
    pub(super) fn attached_to_decision(&mut self) -> Option<String> {
        if self.plan.mode() != Mode::WithDecision {
            return None;
        }
        let d = self.plan.config.as_ref()?.decision.as_ref()?;
        let issue = self.plan.issue(DocKind::Decision);
        let number = match issue.number {
            Some(_) if !self.draft => issue.number_symbol(false),
            _ => "      /QĐ-".to_string(),
        };
        let ctx = context! {
            number => number,
            date => self.words_date(issue.date),
            issuer => d.issuer.value.clone(),
        };
        Some(self.render("attached-to-decision.txt", ctx))
    }

    /// Everything above the first "Phần": mark, header block, title, opening (the plan's only).
    pub(super) fn front_matter(&mut self, blocks: &mut Vec<Block>) {
        if self.draft {
            blocks.push(Block::Paragraph(Para {
                boxed: true,
                ..para(
                    Role::DraftMark,
                    vec![run("DỰ THẢO", true, false)],
                    Align::Right,
                    13.0,
                )
            }));
        }
        blocks.push(self.header_table());
        blocks.extend(self.title_block());
        if self.frame.opening {
            self.opening(blocks);
        }
    }

    /// "Căn cứ …;" lines (italic, one per paragraph) and the "Thực hiện …" sentence.
    fn opening(&mut self, blocks: &mut Vec<Block>) {
        let Some(c) = &self.plan.config else { return };
        let fw = &self.plan.framework;
        let opening = c.opening.as_ref();
        for g in opening.map(|o| o.grounds.as_slice()).unwrap_or_default() {
            blocks.push(ground(ground_text(fw, &g.value)));
        }
        let sentence = match opening.and_then(|o| o.text.as_ref()) {
            Some(t) => t.value.trim().to_string(),
            None => {
                // The guidance letter as the plan calls it: "Văn bản số 5406/…" or "Công văn số …".
                let letter = opening.and_then(|o| o.letter.as_ref());
                let framework = match letter {
                    Some(l) => match fw.citation.split_once(" số ") {
                        Some((_, rest)) => format!("{} số {rest}", l.value.trim()),
                        None => fw.citation.clone(),
                    },
                    None => fw.citation.clone(),
                };
                self.render(
                    "opening.txt",
                    context! {
                        issuer => c.issuer.full_name.value.clone(),
                        framework => framework,
                        title => c.document.title.value.clone(),
                        year => self.plan.year(),
                        verb => if self.plan.mode() == Mode::WithDecision { "xây dựng" } else { "ban hành" },
                    },
                )
            }
        };
        // A blank line starts a new paragraph ("Thực hiện …;" / "Theo đề nghị của …"), as the
        // author laid them out; nothing is joined or dropped.
        let mut paragraphs = vec![String::new()];
        for line in sentence.lines() {
            if line.trim().is_empty() {
                if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                    paragraphs.push(String::new());
                }
            } else if let Some(p) = paragraphs.last_mut() {
                p.push_str(line);
                p.push('\n');
            }
        }
        for paragraph in paragraphs
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
        {
            blocks.push(body(text::inline(paragraph)));
        }
    }

    /// ND30 ô 1–4: issuer and number on the left, national name, motto and place/date on the
    /// right, as a borderless two-column table (Mẫu 1.4: 6.75 | 10.0 cm, indent −0.35 cm).
    fn header_table(&mut self) -> Block {
        // A report is issued on its own, with its number and date, whatever the plan's mode.
        let decision = self.frame.under_decision;
        let (left_w, right_w, indent) = if decision {
            (60.4, 102.5, 1.5)
        } else {
            (67.5, 100.0, -3.5)
        };
        let national = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        let motto = "Độc lập - Tự do - Hạnh phúc";
        let right = vec![
            centered(Role::NationalName, national, 13.0, true, false),
            centered(Role::Motto, motto, 14.0, true, false),
            // ND30 §II.1.b: the line under the motto is exactly as long as the motto.
            rule(measure::width(motto, 14.0, true, false)),
        ];
        let mut table = layout_row(
            vec![left_w, right_w],
            indent,
            vec![self.issuer_lines(left_w), right],
        );
        if !decision {
            table.rows.push(self.number_and_date_row());
        }
        Block::Table(table)
    }

    /// ND30 ô 1: the parent body, the issuing body in bold, and the rule under it.
    fn issuer_lines(&self, column_width: f32) -> Vec<Block> {
        let c = self.plan.config.as_ref();
        let upper = |lines: &[Sp<String>]| -> Vec<String> {
            lines.iter().map(|l| l.value.to_uppercase()).collect()
        };
        let mut left = Vec::new();
        let parent = c.map(|c| upper(&c.issuer.parent)).unwrap_or_default();
        for p in &parent {
            left.push(centered(Role::HeaderParent, p.clone(), 13.0, false, false));
        }
        let room = ir::mm_to_pt(column_width) - 12.0;
        let names: Vec<String> = c
            .map(|c| upper(&c.issuer.name))
            .unwrap_or_default()
            .iter()
            .flat_map(|n| issuer_line_breaks(n, room))
            .collect();
        for n in &names {
            left.push(centered(Role::HeaderIssuer, n.clone(), 13.0, true, false));
        }
        let name_refs: Vec<&str> = names.iter().map(String::as_str).collect();
        left.push(short_rule(&name_refs, 13.0, true, room));
        left
    }

    /// ND30 ô 2 and 4: "Số: …" under the issuer, place and date under the motto.
    fn number_and_date_row(&self) -> ir::Row {
        let place = self.issue.place;
        let date = self.words_date(self.document_date());
        let number = format!("Số: {}", self.number_symbol());
        let cell = |role, runs, size| ir::Cell {
            span: 1,
            blocks: vec![Block::Paragraph(Para {
                space_before: 6.0,
                ..para(role, runs, Align::Center, size)
            })],
        };
        ir::Row {
            kind: ir::RowKind::Body,
            cells: vec![
                cell(Role::HeaderNumber, vec![Run::plain(number)], 13.0),
                cell(
                    Role::PlaceDate,
                    vec![run(format!("{place}, {date}"), false, true)],
                    14.0,
                ),
            ],
        }
    }

    /// ND30 ô 5a: KẾ HOẠCH / trích yếu / (Kèm theo Quyết định …) / short rule.
    fn title_block(&mut self) -> Vec<Block> {
        let title = balanced(&self.frame.summary);
        let mut out = vec![
            title_line(Role::DocType, self.frame.doc_type, 18.0),
            title_line(Role::Summary, title.clone(), 0.0),
        ];
        if let Some(line) = self.frame.attached_to.clone() {
            out.push(Block::Paragraph(Para {
                keep_with_next: true,
                ..para(
                    Role::AttachedTo,
                    vec![run(line, false, true)],
                    Align::Center,
                    BODY,
                )
            }));
        }
        out.push(short_rule(&[&title], BODY, true, 200.0));
        out
    }

    /// Ends the text with the signature row. ND30 practice: the page that carries the signature
    /// carries the end of the text — a clerk sends back a signature alone on its page — so the last
    /// paragraph keeps with the signature (Word: keepNext into the row; typst: a sticky block).
    pub(super) fn sign(&mut self, blocks: &mut Vec<Block>) {
        if let Some(Block::Paragraph(p)) = blocks.last_mut() {
            p.keep_with_next = true;
        }
        blocks.push(self.signature());
    }

    /// ND30 ô 9b and 7: Nơi nhận on the left, authority, title and name on the right, in one row
    /// that never splits across pages.
    pub(super) fn signature(&mut self) -> Block {
        let issue = self.issue.clone();
        self.signature_of(issue.signer, issue.recipients, issue.first_recipient)
    }

    /// The signature row for a signer and recipients; `first` opens the Nơi nhận ("Như Điều 3").
    pub(super) fn signature_of(
        &mut self,
        signer: Option<&crate::model::types::Signer>,
        recipients: Option<&crate::model::types::Recipients>,
        first: Option<&str>,
    ) -> Block {
        let mut left = vec![Block::Paragraph(Para {
            space_before: 12.0,
            ..para(
                Role::RecipientsLabel,
                vec![run("Nơi nhận:", true, true)],
                Align::Left,
                12.0,
            )
        })];
        let recipient = |text: String| {
            Block::Paragraph(para(
                Role::Recipient,
                vec![Run::plain(text)],
                Align::Left,
                11.0,
            ))
        };
        if let Some(f) = first {
            left.push(recipient(format!("- {f};")));
        }
        if let Some(r) = recipients {
            for x in &r.list {
                left.push(recipient(format!("- {};", x.value.trim())));
            }
            let archive = r.archive.value.trim().trim_end_matches('.');
            left.push(recipient(format!("- Lưu: {archive}.")));
        }
        let mut right = Vec::new();
        if let Some(s) = signer {
            for (i, t) in s.titles.iter().enumerate() {
                let before = if i == 0 { 12.0 } else { 0.0 };
                right.push(Block::Paragraph(Para {
                    space_before: before,
                    ..para(
                        Role::SignerTitle,
                        vec![run(t.value.to_uppercase(), true, false)],
                        Align::Center,
                        BODY,
                    )
                }));
            }
            // Room for the signature and the seal; never a drawn seal or signature.
            right.push(Block::Paragraph(Para {
                space_before: 80.0,
                ..para(
                    Role::SignerName,
                    vec![run(s.name.value.clone(), true, false)],
                    Align::Center,
                    BODY,
                )
            }));
        }
        Block::Table(layout_row(vec![53.0, 102.0], 0.0, vec![left, right]))
    }
}

/// A "Căn cứ …;" paragraph: body measures, italic (ND30 template).
pub(super) fn ground(text: String) -> Block {
    match body(vec![run(text, false, true)]) {
        Block::Paragraph(p) => Block::Paragraph(Para {
            role: Role::Ground,
            ..p
        }),
        b => b,
    }
}

/// One "Căn cứ …;" line: a registry symbol is written out in full, other text kept as written.
pub(super) fn ground_text(fw: &crate::framework::Framework, g: &str) -> String {
    let g = g.trim().trim_end_matches([';', '.', ',']).trim();
    let entry = fw
        .registry(g)
        .or_else(|| fw.citations.iter().find(|r| r.name.as_deref() == Some(g)));
    let body = match entry {
        Some(r) => ground_body(r),
        None => g.to_string(),
    };
    let lower = body.to_lowercase();
    if lower.starts_with("căn cứ") {
        format!("{body};")
    } else {
        format!("Căn cứ {body};")
    }
}

/// How a căn cứ line cites a registry document: "Luật Công nghệ thông tin ngày 29/6/2006",
/// "Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ phê duyệt …".
fn ground_body(r: &crate::framework::RegCitation) -> String {
    match &r.name {
        Some(name) => format!("{name} ngày {}", short_date(&r.date)),
        None => format!(
            "{} số {} ngày {} của {} {}",
            r.doc_type,
            r.symbol,
            short_date(&r.date),
            r.issuer,
            r.title
        ),
    }
}

/// The inverse of [`ground_text`], for `dxplan import`: the short form a plan writes ("749/QĐ-TTg",
/// "Luật Công nghệ thông tin") of a căn cứ line that cites a registry document exactly as dxplan
/// prints it; `None` for any other line, which is kept as written.
pub fn ground_key(fw: &crate::framework::Framework, line: &str) -> Option<String> {
    let norm = |s: &str| {
        let s = s.trim().trim_end_matches([';', '.', ',']).trim();
        let s = s
            .strip_prefix("Căn cứ ")
            .or_else(|| s.strip_prefix("căn cứ "))
            .unwrap_or(s);
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let line = norm(line);
    fw.citations
        .iter()
        .find(|r| norm(&ground_body(r)) == line)
        .map(|r| r.name.clone().unwrap_or_else(|| r.symbol.clone()))
}

fn short_date(iso: &str) -> String {
    crate::model::values::date(iso)
        .map(|d| d.short())
        .unwrap_or_else(|_| iso.to_string())
}

/// A trích yếu whose last line would hold one word ("… năm" / "2023") keeps its last two words
/// together (a no-break space), so the word never stands alone. Lines are found as the renderers
/// set them: greedily, bold 14 pt, across the portrait text width.
fn balanced(title: &str) -> String {
    let width = ir::mm_to_pt(210.0 - super::style::PORTRAIT.left - super::style::PORTRAIT.right);
    let words: Vec<&str> = title.split(' ').filter(|w| !w.is_empty()).collect();
    let fits = |line: &[&str]| measure::width(&line.join(" "), BODY, true, false) <= width;
    let mut start = 0;
    let mut lines = 0;
    while start < words.len() {
        let mut end = start + 1;
        while end < words.len() && fits(&words[start..=end]) {
            end += 1;
        }
        lines += 1;
        if end == words.len() && end - start == 1 && lines > 1 {
            let (head, last) = title.trim_end().rsplit_once(' ').unwrap_or((title, ""));
            return format!("{head}\u{a0}{last}");
        }
        start = end;
    }
    title.to_string()
}

/// An issuer's name line too wide for its column, broken the way clerks break it: before "VÀ"
/// ("BỘ TÀI NGUYÊN" / "VÀ MÔI TRƯỜNG") when both halves fit, else where the two lines come out
/// most even — never the renderer's greedy wrap that leaves "THỦY" alone on the second line.
fn issuer_line_breaks(line: &str, room: f32) -> Vec<String> {
    let fits = |s: &str| measure::width(s, 13.0, true, false) <= room;
    let words: Vec<&str> = line.split_whitespace().collect();
    if fits(line) || words.len() < 2 {
        return vec![line.to_string()];
    }
    let halves = |i: usize| (words[..i].join(" "), words[i..].join(" "));
    let at_and = (1..words.len()).rev().find(|&i| {
        let (a, b) = halves(i);
        words[i] == "VÀ" && fits(&a) && fits(&b)
    });
    let i = at_and.unwrap_or_else(|| {
        (1..words.len())
            .min_by(|&i, &j| {
                let w = |k: usize| {
                    let (a, b) = halves(k);
                    measure::width(&a, 13.0, true, false).max(measure::width(&b, 13.0, true, false))
                };
                w(i).total_cmp(&w(j))
            })
            .unwrap_or(1)
    });
    let (a, b) = halves(i);
    // A half still too wide (a very long name) is broken again.
    let mut out = issuer_line_breaks(&a, room);
    if fits(&b) || b.split_whitespace().count() < 2 {
        out.push(b);
    } else {
        out.extend(issuer_line_breaks(&b, room));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn issuer_lines_break_before_va_or_evenly() {
        use super::issuer_line_breaks;
        assert_eq!(
            issuer_line_breaks("BỘ HÀNG HẢI VÀ ĐƯỜNG THỦY", 160.0),
            ["BỘ HÀNG HẢI", "VÀ ĐƯỜNG THỦY"]
        );
        assert_eq!(issuer_line_breaks("TỈNH HÀ LÂM", 160.0), ["TỈNH HÀ LÂM"]);
        let even = issuer_line_breaks("SỞ KHOA HỌC CÔNG NGHỆ THÔNG TIN TRUYỀN THÔNG", 160.0);
        assert!(
            even.len() >= 2 && even.iter().all(|l| l.contains(' ')),
            "{even:?}"
        );
    }

    #[test]
    fn a_title_never_ends_on_one_word() {
        use super::{BODY, ir, measure};
        // As many words as fill the first line, then one more: that one would stand alone.
        let width = ir::mm_to_pt(155.0);
        let mut words: Vec<String> = Vec::new();
        let mut n = 0;
        while measure::width(&words.join(" "), BODY, true, false) <= width {
            words.push(format!("chuyển{n}"));
            n += 1;
        }
        // `words` now overflows by its last word: the greedy break leaves it alone.
        let title = words.join(" ");
        let t = super::balanced(&title);
        let (head, last) = title.rsplit_once(' ').unwrap();
        assert_eq!(t, format!("{head}\u{a0}{last}"));
        assert_eq!(
            super::balanced("Chuyển đổi số tỉnh Hà Lâm năm 2023"),
            "Chuyển đổi số tỉnh Hà Lâm năm 2023"
        );
    }
}
