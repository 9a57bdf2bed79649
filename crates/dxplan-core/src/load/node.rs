//! A located document tree shared by YAML and TOML input, and a serde `Deserializer` over it.
//!
//! Both parsers are turned into [`Node`]s with byte spans so that everything after `load` reports
//! positions the same way, whatever the file format. Typed model structs are then derived with
//! serde from a tree that the schema validator has already cleaned, and [`Sp<T>`] fields keep the
//! span of the node they came from.

use std::fmt;
use std::ops::Range;

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub span: Range<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Null,
    Bool(bool),
    /// A number with the text it was written as, so `05` can still be read as the string "05".
    Num {
        value: f64,
        int: Option<i64>,
        raw: String,
    },
    Str(String),
    Seq(Vec<Node>),
    /// Keys are always strings (a YAML key `7.4` keeps its spelling) with their own span.
    Map(Vec<(Key, Node)>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub name: String,
    pub span: Range<usize>,
}

impl Node {
    pub fn new(kind: Kind, span: Range<usize>) -> Self {
        Node { kind, span }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            Kind::Map(entries) => entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            Kind::Str(s) => Some(s),
            Kind::Num { raw, .. } => Some(raw),
            _ => None,
        }
    }

    /// The JSON-schema type name of this node, for messages.
    pub fn type_name(&self) -> &'static str {
        match &self.kind {
            Kind::Null => "null",
            Kind::Bool(_) => "boolean",
            Kind::Num { int: Some(_), .. } => "integer",
            Kind::Num { .. } => "number",
            Kind::Str(_) => "string",
            Kind::Seq(_) => "array",
            Kind::Map(_) => "object",
        }
    }
}

/// A value with the byte span of the node it was read from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub struct Sp<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Sp<T> {
    pub fn new(value: T, span: Range<usize>) -> Self {
        Sp { value, span }
    }
}

impl<T> std::ops::Deref for Sp<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

const SP_NAME: &str = "$dxplan::Sp";
const SP_FIELDS: &[&str] = &["$start", "$end", "$value"];

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Sp<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct SpVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for SpVisitor<T> {
            type Value = Sp<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a located value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Sp<T>, A::Error> {
                let mut start = 0usize;
                let mut end = 0usize;
                let mut value = None;
                while let Some(key) = map.next_key::<&str>()? {
                    match key {
                        "$start" => start = map.next_value()?,
                        "$end" => end = map.next_value()?,
                        _ => value = Some(map.next_value()?),
                    }
                }
                let value = value.ok_or_else(|| de::Error::missing_field("$value"))?;
                Ok(Sp::new(value, start..end))
            }
        }
        d.deserialize_struct(SP_NAME, SP_FIELDS, SpVisitor(std::marker::PhantomData))
    }
}

impl<T: schemars::JsonSchema> schemars::JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> std::borrow::Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(g)
    }
}

/// Error of deserializing a typed value from a [`Node`]. The schema validator runs first and
/// reports located diagnostics, so this only surfaces for shapes the schema cannot express.
#[derive(Debug)]
pub struct NodeError {
    pub message: String,
    pub span: Option<Range<usize>>,
}

impl fmt::Display for NodeError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for NodeError {}

impl de::Error for NodeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        NodeError {
            message: msg.to_string(),
            span: None,
        }
    }
}

impl<'de> IntoDeserializer<'de, NodeError> for &'de Node {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

fn locate<T>(r: Result<T, NodeError>, span: &Range<usize>) -> Result<T, NodeError> {
    r.map_err(|mut e| {
        e.span.get_or_insert(span.clone());
        e
    })
}

impl<'de> Deserializer<'de> for &'de Node {
    type Error = NodeError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, NodeError> {
        let r = match &self.kind {
            Kind::Null => v.visit_unit(),
            Kind::Bool(b) => v.visit_bool(*b),
            Kind::Num { int: Some(i), .. } => v.visit_i64(*i),
            Kind::Num { value, .. } => v.visit_f64(*value),
            Kind::Str(s) => v.visit_borrowed_str(s),
            Kind::Seq(items) => v.visit_seq(SeqAcc(items.iter())),
            Kind::Map(entries) => v.visit_map(MapAcc {
                iter: entries.iter(),
                value: None,
            }),
        };
        locate(r, &self.span)
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, NodeError> {
        match &self.kind {
            // A number where text is expected keeps its spelling: `number: 05` is "05".
            Kind::Num { raw, .. } => v.visit_borrowed_str(raw),
            _ => self.deserialize_any(v),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, NodeError> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, NodeError> {
        match self.kind {
            Kind::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, NodeError> {
        if name == SP_NAME {
            return v.visit_map(SpAcc {
                node: self,
                step: 0,
            });
        }
        self.deserialize_any(v)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, NodeError> {
        match &self.kind {
            Kind::Str(s) => locate(v.visit_enum(s.as_str().into_deserializer()), &self.span),
            _ => self.deserialize_any(v),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, NodeError> {
        match &self.kind {
            Kind::Num { value, .. } => v.visit_f64(*value),
            _ => self.deserialize_any(v),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, NodeError> {
        self.deserialize_f64(v)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 char bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map identifier ignored_any
    }
}

struct SeqAcc<'a>(std::slice::Iter<'a, Node>);

impl<'de> SeqAccess<'de> for SeqAcc<'de> {
    type Error = NodeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, NodeError> {
        self.0.next().map(|n| seed.deserialize(n)).transpose()
    }
}

struct MapAcc<'a> {
    iter: std::slice::Iter<'a, (Key, Node)>,
    value: Option<&'a Node>,
}

impl<'de> MapAccess<'de> for MapAcc<'de> {
    type Error = NodeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, NodeError> {
        match self.iter.next() {
            Some((k, v)) => {
                self.value = Some(v);
                let key: de::value::BorrowedStrDeserializer<'de, NodeError> =
                    de::value::BorrowedStrDeserializer::new(&k.name);
                seed.deserialize(key).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, NodeError> {
        let v = self
            .value
            .take()
            .ok_or_else(|| <NodeError as de::Error>::custom("value without key"))?;
        seed.deserialize(v)
    }
}

/// Feeds `$start`, `$end` and `$value` to [`Sp`]'s visitor.
struct SpAcc<'a> {
    node: &'a Node,
    step: u8,
}

impl<'de> MapAccess<'de> for SpAcc<'de> {
    type Error = NodeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, NodeError> {
        let Some(&name) = SP_FIELDS.get(self.step as usize) else {
            return Ok(None);
        };
        let key: de::value::BorrowedStrDeserializer<'de, NodeError> =
            de::value::BorrowedStrDeserializer::new(name);
        seed.deserialize(key).map(Some)
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, NodeError> {
        let step = self.step;
        self.step += 1;
        match step {
            0 => seed.deserialize((self.node.span.start as u64).into_deserializer()),
            1 => seed.deserialize((self.node.span.end as u64).into_deserializer()),
            _ => seed.deserialize(self.node),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str, span: Range<usize>) -> Node {
        Node::new(Kind::Str(v.into()), span)
    }

    #[test]
    fn sp_keeps_spans_and_numbers_read_as_text() {
        #[derive(Deserialize)]
        struct T {
            a: Sp<String>,
            b: Option<Sp<f64>>,
            n: Sp<String>,
        }
        let node = Node::new(
            Kind::Map(vec![
                (
                    Key {
                        name: "a".into(),
                        span: 0..1,
                    },
                    s("x", 3..4),
                ),
                (
                    Key {
                        name: "b".into(),
                        span: 5..6,
                    },
                    Node::new(
                        Kind::Num {
                            value: 2.5,
                            int: None,
                            raw: "2.5".into(),
                        },
                        8..11,
                    ),
                ),
                (
                    Key {
                        name: "n".into(),
                        span: 12..13,
                    },
                    Node::new(
                        Kind::Num {
                            value: 5.0,
                            int: Some(5),
                            raw: "05".into(),
                        },
                        15..17,
                    ),
                ),
            ]),
            0..17,
        );
        let t = T::deserialize(&node).unwrap();
        assert_eq!(t.a.value, "x");
        assert_eq!(t.a.span, 3..4);
        assert_eq!(t.b.unwrap().value, 2.5);
        assert_eq!(t.n.value, "05");
    }
}
