//! The commonest plan files read line by line, without a YAML tokenizer.
//!
//! Even from its events (`load::fast`), the YAML parser was half of `check` on a large plan: a
//! general tokenizer pays for YAML's every form on every character. Plan files use few of them —
//! block mappings and sequences indented with spaces, one-line scalars (plain, quoted without
//! escapes, `[a, b]` lists of plain words) and `|` texts — and those can be read by looking at
//! each line's indentation and first characters. This reads exactly that subset into the tree
//! `load::fast` would build, and declines (`None`) on anything else: tabs, carriage returns,
//! control or byte-order characters, flow mappings, escapes, multi-line plain or quoted scalars,
//! empty values, folded or `|+` blocks, anchors, tags, directives, documents markers, duplicate or
//! non-text keys, numbers `load::fast` would not take. Then the next reader decides, so every
//! message still comes from serde-saphyr. Tests compare the trees, spans included, with
//! serde-saphyr's on every YAML file of the repository, on scalars of every kind, and on mutated
//! plans.

use std::borrow::Cow;

use super::fast::{MAX_DEPTH, MAX_KEY_BYTES, MAX_NODES, MAX_SCALAR_BYTES, over, plain};
use super::node::{Key, Kind, Node};

/// One line: where its text starts and ends (without the line break), and its indentation.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    indent: usize,
    /// Nothing but spaces, or a comment.
    empty: bool,
}

struct Reader<'t> {
    text: &'t str,
    lines: Vec<Line>,
    /// The next line not yet read.
    at: usize,
    nodes: usize,
    scalar_bytes: usize,
}

/// The tree of a plan file in the line subset, or `None` for `load::fast` to read it.
pub fn parse(text: &str) -> Option<Node> {
    // Characters whose YAML meaning this reader does not reproduce: tabs, carriage returns, other
    // C0 controls, DEL, C1 controls and NEL, byte-order marks and U+2028/2029 (0xE2 0x80
    // 0xA8/0xA9, 0xEF 0xBB 0xBF).
    let b = text.as_bytes();
    if super::may_hold_control(text, b"\n")
        || b.windows(3).any(|w| {
            w == [0xef, 0xbb, 0xbf]
                || (w[0] == 0xe2 && w[1] == 0x80 && w[2] >= 0xa8 && w[2] <= 0xa9)
        })
    {
        return None;
    }
    let mut lines = Vec::with_capacity(b.len() / 24 + 1);
    let mut start = 0;
    while start < b.len() {
        let end = text[start..].find('\n').map_or(b.len(), |i| start + i);
        let indent = b[start..end].iter().take_while(|&&c| c == b' ').count();
        let first = b.get(start + indent).copied();
        lines.push(Line {
            start,
            end,
            indent,
            empty: start + indent == end || first == Some(b'#'),
        });
        start = end + 1;
    }
    let mut r = Reader {
        text,
        lines,
        at: 0,
        nodes: 0,
        scalar_bytes: 0,
    };
    let first = r.next_content()?;
    let line = r.lines[first];
    // A root indented, or a directive or document marker: the next reader's.
    if line.indent != 0
        || matches!(b[line.start], b'%')
        || r.line_text(first).starts_with("---")
        || r.line_text(first).starts_with("...")
    {
        return None;
    }
    let root = r.block(first, 0, 0)?;
    // Nothing may follow the root.
    if r.next_content().is_some() {
        return None;
    }
    Some(root)
}

impl<'t> Reader<'t> {
    fn line_text(&self, i: usize) -> &'t str {
        let l = self.lines[i];
        &self.text[l.start..l.end]
    }

    /// The index of the next line with content (skipping blank and comment lines), not consumed.
    fn next_content(&mut self) -> Option<usize> {
        while self.at < self.lines.len() && self.lines[self.at].empty {
            self.at += 1;
        }
        (self.at < self.lines.len()).then_some(self.at)
    }

    /// The next line of a collection at column `col` (`seq`: a sequence, whose lines start with
    /// "- "): `Some(Some(line))` to go on, `Some(None)` where the collection ends (a line to the
    /// left, the end of the file, or at this column an entry of the other kind — the parent's, as
    /// in "key:\n- a\nnext: b"), `None` for a line indented past it (not this subset).
    fn next_at(&mut self, col: usize, seq: bool) -> Option<Option<usize>> {
        let Some(next) = self.next_content() else {
            return Some(None);
        };
        let n = self.lines[next];
        if n.indent > col {
            return None;
        }
        if n.indent < col {
            return Some(None);
        }
        let rest = &self.text[n.start + col..n.end];
        let item = rest == "-" || rest.starts_with("- ");
        Some((item == seq).then_some(next))
    }

    fn count(&mut self, bytes: usize) -> Option<()> {
        self.nodes += 1;
        self.scalar_bytes += bytes;
        (self.nodes <= MAX_NODES && self.scalar_bytes <= MAX_SCALAR_BYTES).then_some(())
    }

    /// The block collection whose first line is `line`, its content at column `col` (the line's
    /// indentation, or further right after a sequence's "- ").
    fn block(&mut self, line: usize, col: usize, depth: usize) -> Option<Node> {
        if depth >= MAX_DEPTH {
            return None;
        }
        let l = self.lines[line];
        let rest = &self.text[l.start + col..l.end];
        if rest == "-" || rest.starts_with("- ") {
            self.sequence(line, col, depth, false)
        } else {
            self.mapping(line, col, depth)
        }
    }

    /// A block sequence whose items start with "- " at column `col`; `indentless` when at the
    /// column of its parent's key ("key:\n- a"), which the YAML parser spans from the first item.
    fn sequence(
        &mut self,
        first: usize,
        col: usize,
        depth: usize,
        indentless: bool,
    ) -> Option<Node> {
        if depth >= MAX_DEPTH {
            return None;
        }
        self.count(0)?;
        let mut start = self.lines[first].start + col;
        let mut items = Vec::new();
        let mut line = first;
        // Each item starts its line here ("- - a", a sequence in a sequence, is declined below).
        loop {
            let l = self.lines[line];
            let from = l.start + col;
            let rest = &self.text[from..l.end];
            if !rest.starts_with("- ") {
                // "-" alone (an item on the next lines) or anything else: not this subset.
                return None;
            }
            let spaces = rest[2..].bytes().take_while(|&c| c == b' ').count();
            let p = from + 2 + spaces;
            let item_col = p - l.start;
            if indentless && items.is_empty() {
                start = p;
            }
            self.at = line + 1;
            let content = &self.text[p..l.end];
            if content.is_empty() || content.starts_with('#') || content.starts_with("- ") {
                return None;
            }
            let flow_or_quoted = matches!(content.as_bytes()[0], b'{' | b'[' | b'"' | b'\'');
            let item = if !flow_or_quoted && key_end(content).is_some() {
                self.mapping(line, item_col, depth + 1)?
            } else {
                self.scalar(line, p, col)?
            };
            items.push(item);
            match self.next_at(col, true)? {
                Some(next) => line = next,
                None => break,
            }
        }
        let end = items.iter().map(|n| n.span.end).max();
        Some(Node::new(Kind::Seq(items), over(start..start, end)))
    }

    /// A block mapping whose keys stand at column `col`, the first on line `first`.
    fn mapping(&mut self, first: usize, col: usize, depth: usize) -> Option<Node> {
        self.count(0)?;
        let start = self.lines[first].start + col;
        let mut entries: Vec<(Key, Node)> = Vec::new();
        let mut line = first;
        loop {
            let l = self.lines[line];
            let from = l.start + col;
            let rest = &self.text[from..l.end];
            let k = key_end(rest)?;
            let name = &rest[..k];
            if !plain_key(name) {
                return None;
            }
            let key_span = from..from + k;
            let Kind::Str(name) = plain(Cow::Borrowed(name), name)? else {
                return None;
            };
            if name.len() > MAX_KEY_BYTES
                || name == "<<"
                || entries.iter().any(|(e, _)| e.name == name)
            {
                return None;
            }
            self.count(name.len())?;
            let after = &rest[k + 1..];
            let spaces = after.bytes().take_while(|&c| c == b' ').count();
            let p = from + k + 1 + spaces;
            let value_text = &self.text[p..l.end];
            self.at = line + 1;
            let value = if value_text.is_empty() || value_text.starts_with('#') {
                // The value on the lines below: a nested block, or a sequence at this column.
                let next = self.next_content()?;
                let n = self.lines[next];
                let nrest = &self.text[n.start + n.indent..n.end];
                let seq = nrest == "-" || nrest.starts_with("- ");
                if n.indent > col {
                    self.block(next, n.indent, depth + 1)?
                } else if n.indent == col && seq {
                    self.sequence(next, col, depth + 1, true)?
                } else {
                    // An empty value: its span is the YAML parser's to say.
                    return None;
                }
            } else {
                // `key_end` found ": ", so the value follows a space.
                self.scalar(line, p, col)?
            };
            entries.push((
                Key {
                    name,
                    span: key_span,
                },
                value,
            ));
            match self.next_at(col, false)? {
                Some(next) => line = next,
                None => break,
            }
        }
        let end = entries
            .iter()
            .map(|(k, v)| k.span.end.max(v.span.end))
            .max();
        Some(Node::new(Kind::Map(entries), over(start..start, end)))
    }

    /// The scalar starting at byte `p` of line `line`, inside a collection at column `parent`.
    fn scalar(&mut self, line: usize, p: usize, parent: usize) -> Option<Node> {
        let l = self.lines[line];
        let text = &self.text[p..l.end];
        let node = match text.as_bytes()[0] {
            b'"' => {
                let close = text[1..].find('"')? + 1;
                let inner = &text[1..close];
                if inner.contains('\\') || !trailer(&text[close + 1..]) {
                    return None;
                }
                self.count(inner.len())?;
                Node::new(Kind::Str(inner.to_string()), p..p + close + 1)
            }
            b'\'' => {
                let mut value = String::new();
                let mut i = 1;
                let b = text.as_bytes();
                let close = loop {
                    let j = text[i..].find('\'')? + i;
                    value.push_str(&text[i..j]);
                    if b.get(j + 1) == Some(&b'\'') {
                        value.push('\'');
                        i = j + 2;
                    } else {
                        break j;
                    }
                };
                if !trailer(&text[close + 1..]) {
                    return None;
                }
                self.count(value.len())?;
                Node::new(Kind::Str(value), p..p + close + 1)
            }
            b'[' | b'{' => self.flow(text, p)?,
            b'|' => {
                let header = &text[1..];
                let strip = header.starts_with('-');
                let header = if strip { &header[1..] } else { header };
                if !(header.is_empty() || header.starts_with(' ') && trailer(header)) {
                    return None;
                }
                return self.literal(line, parent, strip);
            }
            b'>' | b'&' | b'*' | b'!' | b'%' | b'@' | b'`' | b'?' | b',' | b']' | b'}' | b'#'
            | b':' => return None,
            b'-' if text.len() == 1 || text.as_bytes()[1] == b' ' => return None,
            _ => {
                let value = match text.find(" #") {
                    Some(c) => &text[..c],
                    None => text,
                };
                let value = value.trim_end_matches(' ');
                if value.contains(": ") || value.ends_with(':') {
                    return None;
                }
                self.count(value.len())?;
                let kind = plain(Cow::Borrowed(value), value)?;
                Node::new(kind, p..p + value.len())
            }
        };
        // A scalar continued on more-indented lines (multi-line plain text) is the next reader's.
        if let Some(next) = self.next_content()
            && self.lines[next].indent > parent
        {
            return None;
        }
        Some(node)
    }

    /// `[a, "b, c"]` or `{k: v, k2: [x, y]}` on one line, of plain or quoted words.
    fn flow(&mut self, text: &str, p: usize) -> Option<Node> {
        let mut i = 0;
        let node = self.flow_at(text, p, &mut i, 0)?;
        trailer(&text[i..]).then_some(node)
    }

    /// The flow collection opening at byte `*i` of `text` (the line from byte `p` of the file);
    /// `*i` ends after its closing bracket.
    fn flow_at(&mut self, text: &str, p: usize, i: &mut usize, depth: usize) -> Option<Node> {
        let b = text.as_bytes();
        let map = b[*i] == b'{';
        let closer = if map { b'}' } else { b']' };
        let opener = p + *i..p + *i + 1;
        self.count(0)?;
        let mut items = Vec::new();
        let mut entries: Vec<(Key, Node)> = Vec::new();
        *i += 1;
        let skip = |i: &mut usize| {
            while b.get(*i) == Some(&b' ') {
                *i += 1;
            }
        };
        loop {
            skip(i);
            if map {
                // A plain key, then ": ".
                let k = text[*i..].find(':')? + *i;
                let name = &text[*i..k];
                if !plain_key(name)
                    || name.contains([',', '[', ']', '{', '}', '"', '\'', '#'])
                    || b.get(k + 1) != Some(&b' ')
                {
                    return None;
                }
                let Kind::Str(owned) = plain(Cow::Borrowed(name), name)? else {
                    return None;
                };
                if owned == "<<" || entries.iter().any(|(e, _)| e.name == owned) {
                    return None;
                }
                self.count(name.len())?;
                let key = Key {
                    name: owned,
                    span: p + *i..p + k,
                };
                *i = k + 1;
                skip(i);
                let value = self.flow_word(text, p, i, closer, depth)?;
                entries.push((key, value));
            } else {
                items.push(self.flow_word(text, p, i, closer, depth)?);
            }
            skip(i);
            match b.get(*i) {
                Some(b',') => {
                    *i += 1;
                    skip(i);
                    // A trailing comma: the YAML parser's to read.
                    if b.get(*i) == Some(&closer) {
                        return None;
                    }
                }
                Some(c) if *c == closer => break,
                _ => return None,
            }
        }
        *i += 1;
        Some(if map {
            let end = entries
                .iter()
                .map(|(k, v)| k.span.end.max(v.span.end))
                .max();
            Node::new(Kind::Map(entries), over(opener, end))
        } else {
            let end = items.iter().map(|n| n.span.end).max();
            Node::new(Kind::Seq(items), over(opener, end))
        })
    }

    /// One item of a flow collection from byte `*i` of `text`: quoted, plain, or one level of
    /// nested collection.
    fn flow_word(
        &mut self,
        text: &str,
        p: usize,
        i: &mut usize,
        closer: u8,
        depth: usize,
    ) -> Option<Node> {
        let b = text.as_bytes();
        let start = *i;
        let node = match *b.get(start)? {
            b'[' | b'{' if depth == 0 => return self.flow_at(text, p, i, depth + 1),
            b'"' => {
                let close = text[start + 1..].find('"')? + start + 1;
                let inner = &text[start + 1..close];
                if inner.contains('\\') {
                    return None;
                }
                *i = close + 1;
                Node::new(Kind::Str(inner.to_string()), p + start..p + close + 1)
            }
            b'\'' => {
                let close = text[start + 1..].find('\'')? + start + 1;
                // A doubled quote inside: the YAML parser's to read.
                if b.get(close + 1) == Some(&b'\'') {
                    return None;
                }
                *i = close + 1;
                let inner = &text[start + 1..close];
                Node::new(Kind::Str(inner.to_string()), p + start..p + close + 1)
            }
            first => {
                let end = text[start..].find([',', closer as char])? + start;
                let word = text[start..end].trim_end_matches(' ');
                let dash_indicator =
                    first == b'-' && word.as_bytes().get(1).is_none_or(|c| *c == b' ');
                if word.is_empty()
                    || dash_indicator
                    || word.contains(['[', ']', '{', '}', '"', '\'', '#', ':'])
                    || matches!(
                        first,
                        b'&' | b'*' | b'!' | b'%' | b'@' | b'`' | b'?' | b'|' | b'>'
                    )
                {
                    return None;
                }
                *i = start + word.len();
                let kind = plain(Cow::Borrowed(word), word)?;
                Node::new(kind, p + start..p + start + word.len())
            }
        };
        self.count(node.span.len())?;
        Some(node)
    }

    /// A `|` text whose header is at byte `p` of line `line`, in a collection at column `parent`.
    fn literal(&mut self, line: usize, parent: usize, strip: bool) -> Option<Node> {
        // The text's indentation is its first non-blank line's.
        let mut i = line + 1;
        let is_blank = |l: &Line| l.start + l.indent == l.end;
        while i < self.lines.len() && is_blank(&self.lines[i]) {
            i += 1;
        }
        let m = self.lines.get(i)?.indent;
        // Leading blank lines move where the YAML parser starts the text: its to say.
        if m <= parent || i != line + 1 {
            return None;
        }
        // Leading blank lines indented past the text are an error to YAML; blank lines indented
        // past it further down are spaces of the text, left to the next reader.
        let end_of_block = self.lines[i..]
            .iter()
            .position(|l| !is_blank(l) && l.indent < m)
            .map_or(self.lines.len(), |k| i + k);
        if self.lines[line + 1..end_of_block]
            .iter()
            .any(|l| is_blank(l) && l.indent > m)
        {
            return None;
        }
        let mut value = String::new();
        let mut last = line + 1;
        let mut j = line + 1;
        while j < self.lines.len() {
            let l = self.lines[j];
            if is_blank(&l) {
                if l.indent > m {
                    value.push_str(&self.text[l.start + m..l.end]);
                }
                value.push('\n');
            } else if l.indent >= m {
                value.push_str(&self.text[l.start + m..l.end]);
                value.push('\n');
                last = j;
            } else {
                break;
            }
            j += 1;
        }
        // Clip keeps one final line break, strip none; trailing blank lines go either way.
        let keep = value.trim_end_matches('\n').len();
        value.truncate(keep);
        if !strip {
            value.push('\n');
        }
        self.count(value.len())?;
        self.at = last + 1;
        // As the YAML parser spans it: from the first line's text to where it stopped reading,
        // the indentation of the line that ends the text (or the end of the file).
        let start = self.lines[i].start + m;
        let end = match self.lines.get(end_of_block) {
            Some(l) => l.start + l.indent,
            None => self.text.len(),
        };
        if let Some(next) = self.next_content()
            && self.lines[next].indent > parent
        {
            return None;
        }
        Some(Node::new(Kind::Str(value), start..end))
    }
}

/// Where the key of `line` ends: at its first ':' followed by a space or the line's end.
fn key_end(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut from = 0;
    loop {
        let i = line[from..].find(':')? + from;
        if i + 1 == b.len() || b[i + 1] == b' ' {
            return Some(i);
        }
        from = i + 1;
    }
}

/// A key this reader takes: a plain word, not starting with an indicator, without a comment or a
/// space before its colon.
fn plain_key(name: &str) -> bool {
    let Some(&first) = name.as_bytes().first() else {
        return false;
    };
    !matches!(
        first,
        b'-' | b'?'
            | b':'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
    ) && !name.ends_with(' ')
        && !name.contains(" #")
}

/// What may follow a scalar on its line: spaces, then a comment or nothing.
fn trailer(rest: &str) -> bool {
    let t = rest.trim_start_matches(' ');
    t.is_empty() || (t.starts_with('#') && t.len() < rest.len())
}
#[cfg(test)]
mod tests {
    use crate::load::yaml::parse_serde;

    /// Each snippet read by lines is read so by serde-saphyr too, spans included; the ones marked
    /// `true` must be read by lines (the subset is not allowed to shrink unnoticed).
    #[test]
    fn snippets_read_as_serde_saphyr_does() {
        let cases: &[(&str, bool)] = &[
            ("a: b\n", true),
            ("a: b", true),
            ("a: |\n  x\n  y\n", true),
            ("a: |\n  x\n  y", true),
            ("a: |-\n  x\n\n  y\n\n\nb: c\n", true),
            ("a: |\n  x\n   \n  y\n", false),
            ("a: |\n  x\n# c\nb: d\n", true),
            ("a: |\n    x\n  # c\nb: d\n", true),
            ("a: |\n  x\n    more\n  y\nb: d\n", true),
            ("a: |\n\n  x\n", false),
            ("a: | # note\n  x\n", true),
            ("a: |2\n  x\n", false),
            ("a: |+\n  x\n\n", false),
            ("a: >\n  x\n", false),
            ("- |\n  x\n- z\n", true),
            ("k:\n- a\n- b\nm: c\n", true),
            ("k:\n  - a\n  - b\nm: c\n", true),
            ("- a: 1\n  b: 2\n- a: 3\n", true),
            ("-   a: 1\n    b: 2\n", true),
            ("a: 'it''s'\n", true),
            ("a: \"x, y\" # c\n", true),
            ("a: \"x\\ty\"\n", false),
            ("a: [x, \"y, z\", 'w']\n", true),
            ("a: [x, [q, z]]\n", true),
            ("a: {b: 1, c: [x], d: \"%\"}\n", true),
            ("- {b: 1, c: 2}\n- {b: 3}\n", true),
            ("a: [x, ]\n", false),
            ("a: []\n", false),
            ("a: {}\n", false),
            ("a: [x,\n  y]\n", false),
            ("a: b\n  c\n", false),
            ("a:\nb: c\n", false),
            ("a: b # c\n", true),
            ("a: C#\n", true),
            ("a: x: y\n", false),
            ("a: 12:30\n", true),
            ("a: http://x.vn\n", true),
            ("a b: c\n", true),
            ("a : b\n", false),
            ("a: b\na: c\n", false),
            ("a: yes\n", false),
            ("a: 05\n", false),
            ("a: 1.5\n", true),
            ("a: -5\n", true),
            ("a: - 5\n", false),
            ("a: ~\n", true),
            ("7: x\n", false),
            ("a:\n  b:\n    c: d\n  e: f\n", true),
            ("a: &x b\n", false),
            ("a: !t b\n", false),
            ("---\na: b\n", false),
            ("a: b\n---\nc: d\n", false),
            ("a: b\n...\n", false),
            ("a: b\r\n", false),
            ("a:\tb\n", false),
            ("\u{feff}a: b\n", false),
            ("a: b\n c: d\n", false),
            ("- a\n - b\n", false),
            ("a:\n  - b\n   - c\n", false),
            ("# only a comment\na: b\n\n# end\n", true),
            ("a: \"Hà Lâm\"\n", true),
            ("- - a\n", false),
            ("-\n  a: b\n", false),
            ("a: [b: c]\n", false),
            ("a: {b: {c: d}}\n", true),
            ("a: {b: {c: {d: e}}}\n", false),
            ("a: \"x\" y\n", false),
            ("a: 'x\n  y'\n", false),
        ];
        for (text, must) in cases {
            let lines = super::parse(text);
            if *must {
                assert!(lines.is_some(), "not read by lines: {text:?}");
            }
            if let Some(n) = lines {
                assert_eq!(Some(&n), parse_serde(text).as_ref().ok(), "{text:?}");
            }
        }
    }

    /// Plan files with one to three random edits: wherever the line reader reads one, serde-saphyr
    /// reads the same tree.
    #[test]
    fn mutated_plans_read_as_serde_saphyr_does() {
        let bits = [
            " ", "\n", ":", "- ", "#", "'", "\"", "|", "|-", ">", "[", "]", "{", "}", ",", "  ",
            ": ", " #", "\n\n", "\n  ", "\n- ", "''", "\\", "~", "-", "0", "&a ", "!", "? ",
        ];
        let (mut tried, mut read) = (0, 0);
        crate::load::yaml::tests::each_mutated_example(0x9e37_79b9_7f4a_7c15, 150, 3, &bits, |t| {
            tried += 1;
            if let Some(n) = super::parse(t) {
                read += 1;
                assert_eq!(Some(&n), parse_serde(t).as_ref().ok(), "{t:?}");
            }
        });
        assert!(read * 5 > tried, "{read} of {tried}");
    }
}
