//! TOML (`dxplan.toml`) → [`Node`], keeping spans.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::node::{Key, Kind, Node};

pub struct TomlError {
    pub message: String,
    pub span: Range<usize>,
}

/// The parser's message in the user's words: (Vietnamese, English), as `yaml::explain`.
pub fn explain(message: &str) -> (String, String) {
    const KNOWN: &[(&str, &str, &str)] = &[
        (
            "string values must be quoted",
            "giá trị chữ phải đặt trong ngoặc kép, ví dụ `place = \"Hà Lâm\"`",
            "text values must be quoted, e.g. `place = \"Hà Lâm\"`",
        ),
        (
            "key with no value",
            "khóa thiếu dấu „=” và giá trị",
            "a key without „=” and a value",
        ),
        (
            "duplicate key",
            "khóa xuất hiện hai lần (hoặc bảng `[…]` được mở hai lần)",
            "a key appears twice (or a `[…]` table is opened twice)",
        ),
        (
            "invalid basic string",
            "chuỗi thiếu dấu ngoặc kép đóng",
            "a string lacks its closing quote",
        ),
        (
            "invalid boolean",
            "giá trị không hợp lệ: chữ phải đặt trong ngoặc kép",
            "invalid value: text must be quoted",
        ),
        (
            "missing comma between array elements",
            "danh sách thiếu dấu „,” giữa các phần tử (hoặc thiếu „]”)",
            "a list lacks a „,” between items (or its „]”)",
        ),
        (
            "unclosed array",
            "danh sách thiếu dấu „]” đóng",
            "a list lacks its closing „]”",
        ),
        (
            "unclosed table",
            "thiếu dấu „]” đóng tên bảng",
            "a table name lacks its „]”",
        ),
        (
            "unexpected key or value",
            "thừa nội dung sau giá trị: mỗi dòng chỉ một `khóa = giá trị`",
            "something follows the value: one `key = value` per line",
        ),
        (
            "missing escaped value",
            "ký tự sau „\\” trong chuỗi không hợp lệ: viết „\\\\” cho dấu gạch ngược, hoặc dùng ngoặc đơn",
            "invalid character after „\\” in a string: write „\\\\” for a backslash, or use single quotes",
        ),
        ("invalid float", "số không hợp lệ", "invalid number"),
    ];
    match KNOWN.iter().find(|(k, _, _)| message.contains(k)) {
        Some((_, vi, en)) => (vi.to_string(), en.to_string()),
        None => (
            format!("(trình đọc TOML báo) {message}"),
            message.to_string(),
        ),
    }
}

pub fn parse(text: &str) -> Result<Node, TomlError> {
    let table = DeTable::parse(text).map_err(|e| TomlError {
        message: e.message().to_string(),
        span: e.span().unwrap_or(0..0),
    })?;
    let span = table.span();
    Ok(Node::new(table_kind(table.into_inner(), text), span))
}

fn table_kind(t: DeTable<'_>, text: &str) -> Kind {
    Kind::Map(
        t.into_iter()
            .map(|(k, v)| {
                let key = Key {
                    name: k.get_ref().to_string(),
                    span: k.span(),
                };
                let span = v.span();
                (
                    key,
                    Node::new(value_kind(v.into_inner(), text, &span), span),
                )
            })
            .collect(),
    )
}

fn value_kind(v: DeValue<'_>, text: &str, span: &Range<usize>) -> Kind {
    let raw = || text.get(span.clone()).unwrap_or("").to_string();
    match v {
        DeValue::String(s) => Kind::Str(s.into_owned()),
        DeValue::Integer(i) => {
            let n = i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok();
            Kind::Num {
                value: n.map(|n| n as f64).unwrap_or(f64::NAN),
                int: n,
                raw: raw(),
            }
        }
        DeValue::Float(f) => Kind::Num {
            value: f.as_str().replace('_', "").parse().unwrap_or(f64::NAN),
            int: None,
            raw: raw(),
        },
        DeValue::Boolean(b) => Kind::Bool(b),
        // Dates are validated by the model as text, like YAML dates.
        DeValue::Datetime(d) => Kind::Str(d.to_string()),
        DeValue::Array(items) => Kind::Seq(
            items
                .into_iter()
                .map(|item| {
                    let span = item.span();
                    Node::new(value_kind(item.into_inner(), text, &span), span)
                })
                .collect(),
        ),
        DeValue::Table(t) => table_kind(t, text),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn parser_messages_in_the_users_words() {
        for (text, want) in [
            ("place = Hà Lâm\n", "phải đặt trong ngoặc kép"),
            ("year 2023\n", "thiếu dấu „=”"),
            ("a = 1\na = 2\n", "xuất hiện hai lần"),
            ("a = [1\n", "thiếu dấu „]”"),
        ] {
            let e = super::parse(text).unwrap_err();
            let (vi, _) = super::explain(e.message.trim());
            assert!(vi.contains(want), "{text:?}: {vi}");
        }
    }
}
