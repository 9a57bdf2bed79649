//! Authors' free text → blocks, read as CommonMark with tables (pulldown-cmark): paragraphs
//! separated by a blank line, `- ` / `+ ` bullets (a nested list is the "+" level of Vietnamese
//! documents), `1.` numbered items, `### ` sub-headings, pipe tables with a header row,
//! `**bold**` lead-ins and `*italic*`. A line break ending in two spaces or `\` is kept; a link
//! prints its text and then its address in brackets (paper has no links).

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::ir::{Align, Run};

#[derive(Debug, PartialEq)]
pub enum TextBlock {
    Para(Vec<Run>),
    /// A bullet at a nesting depth (0 = "- ", 1+ = "+ ").
    Item(usize, Vec<Run>),
    /// A numbered item: its label ("1.") and text.
    Numbered(String, Vec<Run>),
    /// A sub-heading inside the text (level 1 = `#`).
    Heading(u8, Vec<Run>),
    Table(TextTable),
}

#[derive(Debug, PartialEq)]
pub struct TextTable {
    pub aligns: Vec<Align>,
    pub header: Vec<Vec<Run>>,
    pub rows: Vec<Vec<Vec<Run>>>,
}

/// What the parser is inside of.
#[derive(Default)]
struct State {
    out: Vec<TextBlock>,
    runs: Vec<Run>,
    bold: bool,
    italic: bool,
    /// Open lists: the next number of an ordered one, `None` for bullets.
    lists: Vec<Option<u64>>,
    /// The label of the list item being read, when it starts a paragraph of its own.
    item: Option<ItemLabel>,
    heading: Option<u8>,
    table: Option<TextTable>,
    row: Vec<Vec<Run>>,
    in_head: bool,
    /// The address of the link being read: printed after its text, as a paper document must.
    link: Option<String>,
}

#[derive(Clone)]
enum ItemLabel {
    Bullet(usize),
    Number(String),
}

impl State {
    fn text(&mut self, t: &str) {
        if let Some(last) = self.runs.last_mut()
            && last.bold == self.bold
            && last.italic == self.italic
        {
            last.text.push_str(t);
            return;
        }
        self.runs.push(Run {
            text: t.to_string(),
            bold: self.bold,
            italic: self.italic,
        });
    }

    /// Ends a paragraph-like run of text: an item's first paragraph carries the item's label.
    fn flush(&mut self) {
        let mut runs = std::mem::take(&mut self.runs);
        trim_runs(&mut runs);
        if runs.is_empty() {
            return;
        }
        let block = match (self.heading, self.item.take()) {
            (Some(level), _) => TextBlock::Heading(level, runs),
            (None, Some(ItemLabel::Bullet(depth))) => TextBlock::Item(depth, runs),
            (None, Some(ItemLabel::Number(n))) => TextBlock::Numbered(n, runs),
            (None, None) => TextBlock::Para(runs),
        };
        self.out.push(block);
    }
}

pub fn blocks(src: &str) -> Vec<TextBlock> {
    let mut st = State::default();
    let parser = Parser::new_ext(src, Options::ENABLE_TABLES);
    for ev in parser {
        match ev {
            Event::Start(tag) => start(&mut st, tag),
            Event::End(tag) => end(&mut st, tag),
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => st.text(&t),
            Event::SoftBreak => st.text(" "),
            Event::HardBreak => st.text("\n"),
            _ => {}
        }
    }
    st.flush();
    st.out
}

fn start(st: &mut State, tag: Tag) {
    match tag {
        Tag::Paragraph => {}
        Tag::Heading { level, .. } => {
            st.flush();
            st.heading = Some(heading_level(level));
        }
        Tag::List(first) => {
            st.flush();
            st.lists.push(first);
        }
        Tag::Item => {
            st.flush();
            let depth = st.lists.len().saturating_sub(1);
            st.item = Some(match st.lists.last_mut() {
                Some(Some(n)) => {
                    let label = format!("{n}.");
                    *n += 1;
                    ItemLabel::Number(label)
                }
                _ => ItemLabel::Bullet(depth),
            });
        }
        Tag::Table(aligns) => {
            st.flush();
            st.table = Some(TextTable {
                aligns: aligns.iter().map(align).collect(),
                header: Vec::new(),
                rows: Vec::new(),
            });
        }
        Tag::TableHead => st.in_head = true,
        Tag::TableRow => st.row.clear(),
        Tag::TableCell => st.runs.clear(),
        Tag::Strong => st.bold = true,
        Tag::Emphasis => st.italic = true,
        Tag::Link { dest_url, .. } => st.link = Some(dest_url.to_string()),
        _ => {}
    }
}

fn end(st: &mut State, tag: TagEnd) {
    match tag {
        TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock | TagEnd::BlockQuote(_) => st.flush(),
        TagEnd::Heading(_) => {
            st.flush();
            st.heading = None;
        }
        TagEnd::List(_) => {
            st.flush();
            st.lists.pop();
        }
        TagEnd::TableCell => {
            let mut runs = std::mem::take(&mut st.runs);
            trim_runs(&mut runs);
            st.row.push(runs);
        }
        TagEnd::TableHead => {
            // The header cells come without a row of their own.
            if let Some(t) = st.table.as_mut() {
                t.header = std::mem::take(&mut st.row);
            }
            st.in_head = false;
        }
        TagEnd::TableRow => {
            let row = std::mem::take(&mut st.row);
            if let Some(t) = st.table.as_mut() {
                if st.in_head {
                    t.header = row;
                } else {
                    t.rows.push(row);
                }
            }
        }
        TagEnd::Table => {
            if let Some(t) = st.table.take() {
                st.out.push(TextBlock::Table(t));
            }
        }
        TagEnd::Strong => st.bold = false,
        TagEnd::Emphasis => st.italic = false,
        TagEnd::Link => {
            if let Some(url) = st.link.take()
                && !st
                    .runs
                    .last()
                    .is_some_and(|r| r.text.ends_with(url.as_str()))
            {
                st.text(&format!(" ({url})"));
            }
        }
        _ => {}
    }
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

fn align(a: &Alignment) -> Align {
    match a {
        Alignment::Center => Align::Center,
        Alignment::Right => Align::Right,
        Alignment::Left | Alignment::None => Align::Left,
    }
}

/// No leading or trailing whitespace on the paragraph, empty runs dropped.
fn trim_runs(runs: &mut Vec<Run>) {
    if let Some(first) = runs.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = runs.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    runs.retain(|r| !r.text.is_empty());
}

/// One line of text with `**bold**` and `*italic*`, never read as a list or heading (template
/// output, sentences dxplan writes): a leading block marker is escaped first.
pub fn inline(s: &str) -> Vec<Run> {
    let t = s.trim();
    // A backslash escapes ASCII punctuation only: before the marker, or before the "." of "1.".
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    // "- ", "* ", "+ " open a list and "---", "***" are rules; "**đậm**" is emphasis, kept.
    let list_or_rule = t.starts_with(['-', '+', '*'])
        && (t[1..].starts_with(char::is_whitespace)
            || t.len() == 1
            || t.chars().all(|c| matches!(c, '-' | '*' | '_' | ' ')));
    let src = if list_or_rule || t.starts_with(['#', '>', '|', '=']) {
        format!("\\{t}")
    } else if digits > 0 && t[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &t[..digits], &t[digits..])
    } else {
        t.to_string()
    };
    let mut runs = Vec::new();
    for b in blocks(&src) {
        if let TextBlock::Para(r) = b {
            if !runs.is_empty() {
                runs.push(Run::plain(" "));
            }
            runs.extend(r);
        }
    }
    if runs.is_empty() && !t.is_empty() {
        runs.push(Run::plain(t));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_emphasis() {
        let b = blocks("Một hai\nba.\n\n- mục **đậm** và *nghiêng*\n  tiếp\n- hai\n\nSau.");
        assert_eq!(b.len(), 4);
        assert_eq!(b[0], TextBlock::Para(vec![Run::plain("Một hai ba.")]));
        match &b[1] {
            TextBlock::Item(0, runs) => {
                assert_eq!(
                    runs[1],
                    Run {
                        text: "đậm".into(),
                        bold: true,
                        italic: false
                    }
                );
                assert_eq!(
                    runs[3],
                    Run {
                        text: "nghiêng".into(),
                        bold: false,
                        italic: true
                    }
                );
                assert_eq!(runs[4].text, " tiếp");
            }
            x => panic!("{x:?}"),
        }
        assert_eq!(inline("5 * 3"), vec![Run::plain("5 * 3")]);
        assert_eq!(
            inline("- không phải danh sách"),
            vec![Run::plain("- không phải danh sách")]
        );
        assert_eq!(inline("1. Không phải"), vec![Run::plain("1. Không phải")]);
    }

    #[test]
    fn headings_numbered_nested_and_tables() {
        let src = "### I.1. Về hạ tầng\n\n1. Một\n2. Hai\n   - con\n\n| Chỉ tiêu | Kết quả |\n|---|--:|\n| Tỷ lệ | 38% |\n";
        let b = blocks(src);
        assert_eq!(
            b[0],
            TextBlock::Heading(3, vec![Run::plain("I.1. Về hạ tầng")])
        );
        assert_eq!(
            b[1],
            TextBlock::Numbered("1.".into(), vec![Run::plain("Một")])
        );
        assert_eq!(
            b[2],
            TextBlock::Numbered("2.".into(), vec![Run::plain("Hai")])
        );
        assert_eq!(b[3], TextBlock::Item(1, vec![Run::plain("con")]));
        match &b[4] {
            TextBlock::Table(t) => {
                assert_eq!(t.aligns, [Align::Left, Align::Right]);
                assert_eq!(t.header[1], vec![Run::plain("Kết quả")]);
                assert_eq!(
                    t.rows,
                    vec![vec![vec![Run::plain("Tỷ lệ")], vec![Run::plain("38%")]]]
                );
            }
            x => panic!("{x:?}"),
        }
    }
}
