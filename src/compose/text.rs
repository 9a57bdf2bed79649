//! Authors' light markup → paragraphs of runs: blank lines separate paragraphs, lines starting
//! with "- " or "+ " are list items, `**bold**` and `*italic*` inside.

use super::ir::Run;

#[derive(Debug, PartialEq)]
pub enum TextBlock {
    Para(Vec<Run>),
    Item(Vec<Run>),
}

pub fn blocks(src: &str) -> Vec<TextBlock> {
    let mut out = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let flush = |para: &mut Vec<&str>, out: &mut Vec<TextBlock>| {
        if !para.is_empty() {
            out.push(TextBlock::Para(inline(&para.join(" "))));
            para.clear();
        }
    };
    let mut item: Option<String> = None;
    for line in src.lines() {
        let t = line.trim();
        if t.is_empty() {
            if let Some(i) = item.take() {
                out.push(TextBlock::Item(inline(&i)));
            }
            flush(&mut para, &mut out);
            continue;
        }
        if let Some(rest) = t.strip_prefix("- ").or_else(|| t.strip_prefix("+ ")) {
            flush(&mut para, &mut out);
            if let Some(i) = item.take() {
                out.push(TextBlock::Item(inline(&i)));
            }
            item = Some(rest.to_string());
        } else if let Some(i) = item.as_mut().filter(|_| line.starts_with([' ', '\t'])) {
            // An indented line continues the list item; an unindented one starts a paragraph.
            i.push(' ');
            i.push_str(t);
        } else {
            if let Some(i) = item.take() {
                out.push(TextBlock::Item(inline(&i)));
            }
            para.push(t);
        }
    }
    if let Some(i) = item.take() {
        out.push(TextBlock::Item(inline(&i)));
    }
    flush(&mut para, &mut out);
    out
}

/// `**bold**` and `*italic*`; an unmatched marker stays literal.
pub fn inline(s: &str) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut bold = false;
    let mut italic = false;
    let mut cur = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let push = |cur: &mut String, runs: &mut Vec<Run>, bold: bool, italic: bool| {
        if !cur.is_empty() {
            runs.push(Run {
                text: std::mem::take(cur),
                bold,
                italic,
            });
        }
    };
    let rest_has =
        |from: usize, pat: &str| -> bool { chars[from..].iter().collect::<String>().contains(pat) };
    while i < chars.len() {
        if chars[i] == '*' && chars.get(i + 1) == Some(&'*') && (bold || rest_has(i + 2, "**")) {
            push(&mut cur, &mut runs, bold, italic);
            bold = !bold;
            i += 2;
            continue;
        }
        if chars[i] == '*' && chars.get(i + 1) != Some(&'*') && (italic || rest_has(i + 1, "*")) {
            push(&mut cur, &mut runs, bold, italic);
            italic = !italic;
            i += 1;
            continue;
        }
        cur.push(chars[i]);
        i += 1;
    }
    push(&mut cur, &mut runs, bold, italic);
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_lists_and_emphasis() {
        let b = blocks("Một hai\nba.\n\n- mục **đậm** và *nghiêng*\n  tiếp\n- hai\nSau.");
        assert_eq!(b.len(), 4);
        assert_eq!(b[0], TextBlock::Para(vec![Run::plain("Một hai ba.")]));
        match &b[1] {
            TextBlock::Item(runs) => {
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
    }
}
