//! TOML (`dxplan.toml`) → [`Node`], keeping spans.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use super::node::{Key, Kind, Node};

pub struct TomlError {
    pub message: String,
    pub span: Range<usize>,
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
