//! The plain case of a plan file read straight from the parser's events, without serde.
//!
//! serde-saphyr's span-keeping deserialisation costs about three times the parse itself (each
//! node is a `Spanned` struct of a value and two locations, each a map to serde), and it was two
//! thirds of `check` on large plans (docs/PERFORMANCE.md). Plan files are nearly always plain:
//! mappings, sequences, strings and decimal numbers. This builds the same [`Node`] tree from the
//! same parser's events for exactly that case, and declines — `None`, for serde-saphyr to read the
//! file as before — on anything whose reading it does not reproduce: anchors, aliases, tags, a
//! second document, a duplicate or non-text key, a scalar that might be a YAML 1.1 boolean, a
//! non-decimal or unusual number, anything near a budget, any syntax error (so every message and
//! every refusal still comes from serde-saphyr). A test reads every YAML file of the repository
//! both ways and compares the trees.

use std::borrow::Cow;
use std::ops::Range;

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};

use super::node::{Key, Kind, Node};

/// Well inside serde-saphyr's budgets (`yaml::options`): near them the slow path decides.
pub(super) const MAX_DEPTH: usize = 40;
pub(super) const MAX_NODES: usize = 200_000;
pub(super) const MAX_SCALAR_BYTES: usize = 4 << 20;
pub(super) const MAX_KEY_BYTES: usize = 256;

enum Frame {
    Seq {
        start: Range<usize>,
        items: Vec<Node>,
    },
    Map {
        start: Range<usize>,
        entries: Vec<(Key, Node)>,
        key: Option<Key>,
    },
}

/// What a plain scalar is, as serde-saphyr would read it; `None` when unsure. Takes the parser's
/// value so that a text (nearly every scalar) moves into the tree without a second copy.
pub(super) fn plain(value: Cow<'_, str>, raw: &str) -> Option<Kind> {
    let v: &str = &value;
    match v {
        "" | "~" | "null" | "Null" | "NULL" => return Some(Kind::Null),
        "true" | "True" | "TRUE" => return Some(Kind::Bool(true)),
        "false" | "False" | "FALSE" => return Some(Kind::Bool(false)),
        _ => {}
    }
    // YAML 1.1 booleans serde-saphyr accepts, and the non-finite spellings a float parser may
    // (all short: longer words are not lowered, which costs an allocation per scalar).
    let word = v.trim_start_matches(['+', '-']);
    if word.len() <= 8
        && ["y", "n", "yes", "no", "on", "off", "nan", "inf", "infinity"]
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w))
    {
        return None;
    }
    let first = v.chars().next()?;
    if !(first.is_ascii_digit() || matches!(first, '+' | '-' | '.')) {
        return Some(Kind::Str(value.into_owned()));
    }
    let body = v.strip_prefix(['+', '-']).unwrap_or(v);
    let b = body.as_bytes();
    // "0x…", "0o…", "0b…": radix numbers.
    if b.len() > 1 && b[0] == b'0' && b[1].is_ascii_alphabetic() {
        return None;
    }
    let numeric =
        |c: u8| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-' | b'_');
    if !b.iter().all(|c| numeric(*c)) {
        // A character no number has ("9/2022", "12,5", "30%"): text.
        return Some(Kind::Str(value.into_owned()));
    }
    // A sign inside that does not follow an exponent ("2023-2024"): text.
    if b.iter()
        .enumerate()
        .skip(1)
        .any(|(i, c)| matches!(c, b'+' | b'-') && !matches!(b[i - 1], b'e' | b'E'))
    {
        return Some(Kind::Str(value.into_owned()));
    }
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let no_leading_zero = |s: &[u8]| s == b"0" || (s.first() != Some(&b'0'));
    let negative = v.starts_with('-');
    if !v.starts_with('+') && digits(b) && no_leading_zero(b) && b.len() <= 18 {
        let n: i64 = body.parse().ok()?;
        let n = if negative { -n } else { n };
        return Some(Kind::Num {
            value: n as f64,
            int: Some(n),
            raw: raw.to_string(),
        });
    }
    if !v.starts_with('+')
        && let Some((whole, frac)) = body.split_once('.')
        && digits(whole.as_bytes())
        && no_leading_zero(whole.as_bytes())
        && digits(frac.as_bytes())
        && body.len() <= 24
    {
        let f: f64 = v.parse().ok()?;
        return Some(Kind::Num {
            value: f,
            int: None,
            raw: raw.to_string(),
        });
    }
    None
}

/// A collection's span: from its first token over its last child (as `yaml::convert` extends it).
pub(super) fn over(start: Range<usize>, end: Option<usize>) -> Range<usize> {
    match end {
        Some(e) if e > start.end => start.start..e,
        _ => start,
    }
}

/// The tree of a plain plan file, or `None` for serde-saphyr to read it.
pub fn parse(text: &str) -> Option<Node> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let (mut documents, mut nodes, mut scalar_bytes) = (0usize, 0usize, 0usize);
    for item in Parser::new_from_str(text) {
        let (event, span) = item.ok()?;
        let at = span.start.byte_offset()?..span.end.byte_offset()?;
        let done: Node = match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => continue,
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return None;
                }
                continue;
            }
            Event::Scalar(value, style, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                nodes += 1;
                scalar_bytes += value.len();
                if nodes > MAX_NODES || scalar_bytes > MAX_SCALAR_BYTES {
                    return None;
                }
                let kind = match style {
                    ScalarStyle::Plain => {
                        let raw = text.get(at.clone())?.trim();
                        plain(value, raw)?
                    }
                    _ => Kind::Str(value.into_owned()),
                };
                Node::new(kind, at)
            }
            Event::SequenceStart(_, anchor, ref tag) | Event::MappingStart(_, anchor, ref tag) => {
                if anchor != 0 || tag.is_some() || stack.len() >= MAX_DEPTH {
                    return None;
                }
                nodes += 1;
                let map = matches!(event, Event::MappingStart(..));
                stack.push(if map {
                    Frame::Map {
                        start: at,
                        entries: Vec::new(),
                        key: None,
                    }
                } else {
                    Frame::Seq {
                        start: at,
                        items: Vec::new(),
                    }
                });
                continue;
            }
            Event::SequenceEnd => match stack.pop()? {
                Frame::Seq { start, items } => {
                    let end = items.iter().map(|n| n.span.end).max();
                    Node::new(Kind::Seq(items), over(start, end))
                }
                Frame::Map { .. } => return None,
            },
            Event::MappingEnd => match stack.pop()? {
                Frame::Map {
                    start,
                    entries,
                    key: None,
                    ..
                } => {
                    let end = entries
                        .iter()
                        .map(|(k, v)| k.span.end.max(v.span.end))
                        .max();
                    Node::new(Kind::Map(entries), over(start, end))
                }
                _ => return None,
            },
            // Aliases, anchors' metadata, anything else: serde-saphyr's to read.
            _ => return None,
        };
        match stack.last_mut() {
            None => {
                if root.is_some() {
                    return None;
                }
                root = Some(done);
            }
            Some(Frame::Seq { items, .. }) => items.push(done),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                Some(k) => entries.push((k, done)),
                None => {
                    // Text keys only, each once ("<<" is a merge key to serde-saphyr).
                    let Kind::Str(name) = done.kind else {
                        return None;
                    };
                    // A plan's mappings have a dozen keys: a scan is cheaper than a set.
                    if name.len() > MAX_KEY_BYTES
                        || name == "<<"
                        || entries.iter().any(|(k, _)| k.name == name)
                    {
                        return None;
                    }
                    *key = Some(Key {
                        name,
                        span: done.span,
                    });
                }
            },
        }
    }
    if !stack.is_empty() {
        return None;
    }
    root
}
