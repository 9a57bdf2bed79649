//! Validates a [`Node`] tree against the JSON Schema generated from the model types, reporting
//! every unknown key, wrong type and missing field with its location, and pruning what is invalid
//! so that the typed model can still be built from the rest of the file. This is what lets one
//! run of `check` report all problems instead of stopping at the first.

use serde_json::Value;

use super::rules;
use crate::diag::Diagnostic;
use crate::load::{Kind, Node};
use crate::msg;
use crate::source::SourceId;

pub struct Validator<'a> {
    pub root: &'a Value,
    pub source: SourceId,
    pub diags: Vec<Diagnostic>,
    /// Optional fields dropped because their value was invalid: (span of the object, key). Rules
    /// that report missing fields skip these; the invalid value is already reported.
    pub dropped: Vec<(std::ops::Range<usize>, String)>,
    /// What each schema object says, read once: a large plan checks the same schema thousands of
    /// times, and each keyword lookup hashes a string (a tenth of `check` on 1,000 projects).
    /// Shared with the trial validators of `anyOf` branches.
    cache: std::rc::Rc<std::cell::RefCell<Cache<'a>>>,
}

/// Schema objects by address (they live as long as the validator's `root`).
type Cache<'a> = std::collections::HashMap<
    usize,
    std::rc::Rc<Keywords<'a>>,
    std::hash::BuildHasherDefault<AddressHasher>,
>;

/// Addresses are distinct and 8-aligned: one multiplication spreads them.
#[derive(Default)]
struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// The keywords of one (resolved) schema object that `check` reads.
struct Keywords<'a> {
    schema: &'a Value,
    all_of: Option<&'a Vec<Value>>,
    branches: Option<&'a Vec<Value>>,
    types: Option<Vec<&'a str>>,
    allowed: Option<Vec<Value>>,
    items: Option<&'a Value>,
    properties: Option<&'a serde_json::Map<String, Value>>,
    closed: bool,
    required: Vec<&'a str>,
}

impl<'a> Validator<'a> {
    pub fn new(root: &'a Value, source: SourceId) -> Self {
        Validator {
            root,
            source,
            diags: Vec::new(),
            dropped: Vec::new(),
            cache: Default::default(),
        }
    }

    /// The keywords of `schema` after its `$ref`s, read once per schema object.
    fn keywords(&self, schema: &'a Value) -> std::rc::Rc<Keywords<'a>> {
        let key = schema as *const Value as usize;
        if let Some(k) = self.cache.borrow().get(&key) {
            return k.clone();
        }
        let schema = self.resolve(schema);
        let consts: Option<Vec<Value>> = schema
            .get("oneOf")
            .and_then(Value::as_array)
            .and_then(|o| o.iter().map(|v| v.get("const").cloned()).collect());
        let branches = schema
            .get("anyOf")
            .or_else(|| schema.get("oneOf"))
            .and_then(Value::as_array)
            .filter(|_| consts.is_none());
        let types = schema.get("type").map(|types| match types {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        });
        let allowed = schema
            .get("enum")
            .and_then(Value::as_array)
            .cloned()
            .or_else(|| consts.clone());
        let k = std::rc::Rc::new(Keywords {
            schema,
            all_of: schema.get("allOf").and_then(Value::as_array),
            branches,
            types,
            allowed,
            items: schema.get("items"),
            properties: schema.get("properties").and_then(Value::as_object),
            closed: schema.get("additionalProperties") == Some(&Value::Bool(false)),
            required: schema
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default(),
        });
        self.cache.borrow_mut().insert(key, k.clone());
        k
    }

    fn resolve(&self, mut schema: &'a Value) -> &'a Value {
        for _ in 0..16 {
            let Some(r) = schema.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let Some(name) = r.rsplit('/').next() else {
                break;
            };
            match self
                .root
                .get("definitions")
                .or_else(|| self.root.get("$defs"))
                .and_then(|d| d.get(name))
            {
                Some(s) => schema = s,
                None => break,
            }
        }
        schema
    }

    /// The schema behind a reference, also when schemars wraps a described `$ref` as
    /// `allOf: [{$ref}]`.
    fn unwrap_ref(&self, schema: &'a Value) -> &'a Value {
        let s = self.resolve(schema);
        match s.get("allOf").and_then(Value::as_array) {
            Some(all) if all.len() == 1 => self.resolve(&all[0]),
            _ => s,
        }
    }

    /// Returns false when the node is invalid and must be dropped by its parent.
    pub fn check(&mut self, node: &mut Node, schema: &'a Value, path: &str) -> bool {
        match path {
            "" => self.check_at(node, schema, &Path::Root),
            p => self.check_at(node, schema, &Path::Key(&Path::Root, p)),
        }
    }

    fn check_at(&mut self, node: &mut Node, schema: &'a Value, path: &Path<'_>) -> bool {
        let k = self.keywords(schema);
        let schema = k.schema;
        // schemars writes a described `$ref` as `allOf: [{$ref}]`.
        if let Some(all) = k.all_of {
            return all.iter().all(|s| self.check_at(node, s, path));
        }
        // Documented enum variants come as `oneOf` of `const`s: an enum, not alternatives.
        if let Some(branches) = k.branches {
            return self.check_branches(node, schema, branches, path);
        }
        if let Some(types) = &k.types
            && !types.iter().any(|t| matches(node, t))
        {
            self.type_error(node, schema, types, path);
            return false;
        }
        // An enum is `enum: [...]`, or — when its variants are documented — `oneOf` of `const`s.
        if let Some(allowed) = &k.allowed
            && !allowed.iter().any(|a| enum_eq(a, node))
        {
            let names: Vec<String> = allowed
                .iter()
                .filter_map(|a| a.as_str())
                .map(quote)
                .collect();
            let list = names.join(", ");
            let got = node.as_str().unwrap_or("");
            let candidates: Vec<&str> = allowed.iter().filter_map(Value::as_str).collect();
            let wrong = rules::wrong_type::Wrong::Word {
                path: path.to_string(),
                got: got.to_string(),
                allowed: list,
                closest: did_you_mean(got, &candidates).map(str::to_string),
            };
            let mut d = Diagnostic::of(&wrong).at(self.source, node.span.clone());
            if let Some(exact) = same_but_case_or_space(got, &candidates) {
                d = d.fix(
                    msg!("viết „{exact}”", "write „{exact}”"),
                    node.span.clone(),
                    exact,
                );
            }
            self.diags.push(d);
            return false;
        }
        match &mut node.kind {
            Kind::Map(_) => self.check_object(node, &k, path),
            Kind::Seq(items) => {
                if let Some(item_schema) = k.items {
                    let mut i = 0;
                    items.retain_mut(|item| {
                        let item_path = Path::Index(path, i);
                        i += 1;
                        let ok = self.check_at(item, item_schema, &item_path);
                        // An empty string in a list is a forgotten entry — except a table cell
                        // of a phụ lục, which may well be empty.
                        if ok
                            && matches!(&item.kind, Kind::Str(s) if s.trim().is_empty())
                            && !path.to_string().starts_with("table.rows[")
                        {
                            let empty = rules::missing_field::Missing::Empty {
                                path: item_path.to_string(),
                                description: None,
                            };
                            self.diags
                                .push(Diagnostic::of(&empty).at(self.source, item.span.clone()));
                            return false;
                        }
                        ok
                    });
                }
                true
            }
            _ => true,
        }
    }

    fn check_branches(
        &mut self,
        node: &mut Node,
        schema: &'a Value,
        branches: &'a [Value],
        path: &Path<'_>,
    ) -> bool {
        // A branch that accepts the node without any finding wins.
        for b in branches {
            let mut trial = node.clone();
            let mut v = Validator::new(self.root, self.source);
            v.cache = self.cache.clone();
            if v.check_at(&mut trial, b, path) && v.diags.is_empty() {
                *node = trial;
                return true;
            }
        }
        // Otherwise report against the branch whose type fits the node (e.g. the object branch of
        // `Option<Struct>`), or a type error listing every accepted type.
        for b in branches {
            let rb = self.resolve(b);
            let fits = match rb.get("type") {
                Some(Value::String(t)) => matches(node, t),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .filter_map(Value::as_str)
                    .any(|t| matches(node, t)),
                _ => false,
            };
            if fits {
                return self.check_at(node, b, path);
            }
        }
        let mut types = Vec::new();
        for b in branches {
            match self.resolve(b).get("type") {
                Some(Value::String(t)) => types.push(t.as_str()),
                Some(Value::Array(ts)) => types.extend(ts.iter().filter_map(Value::as_str)),
                _ => {}
            }
        }
        self.type_error(node, schema, &types, path);
        false
    }

    fn check_object(&mut self, node: &mut Node, k: &Keywords<'a>, path: &Path<'_>) -> bool {
        static EMPTY: std::sync::OnceLock<serde_json::Map<String, Value>> =
            std::sync::OnceLock::new();
        let props = k
            .properties
            .unwrap_or_else(|| EMPTY.get_or_init(serde_json::Map::new));
        let closed = k.closed;
        let required = &k.required;
        let obj_span = node.span.clone();
        let Kind::Map(entries) = &mut node.kind else {
            return true;
        };
        let mut valid = true;
        let mut kept = Vec::with_capacity(entries.len());
        let mut invalid_required: Vec<String> = Vec::new();
        for (key, mut value) in std::mem::take(entries) {
            let child_path = Path::Key(path, &key.name);
            match props.get(&key.name) {
                Some(s) => {
                    let is_required = required.contains(&key.name.as_str());
                    let reported = self.diags.len();
                    if self.check_at(&mut value, s, &child_path) {
                        // A list emptied of its blank entries was reported entry by entry.
                        if is_required && is_blank(&value) && self.diags.len() == reported {
                            // Present but empty: the scaffold's way of saying "still to write".
                            let desc = description(self.resolve(s));
                            let empty = rules::missing_field::Missing::Empty {
                                path: child_path.to_string(),
                                description: Some(desc),
                            };
                            self.diags
                                .push(Diagnostic::of(&empty).at(self.source, value.span.clone()));
                        }
                        kept.push((key, value));
                    } else if is_required {
                        // Keep the object (its field is already reported) so other rules do not
                        // report it again, e.g. a task whose lead is wrong is still a task.
                        match placeholder(self.unwrap_ref(s), &value.span) {
                            Some(p) => kept.push((key, p)),
                            None => {
                                valid = false;
                                // Reported as invalid; not "missing" as well.
                                invalid_required.push(key.name.clone());
                            }
                        }
                    } else {
                        self.dropped.push((obj_span.clone(), key.name.clone()));
                    }
                }
                None if closed => self.unknown_key(&key, props),
                None => kept.push((key, value)),
            }
        }
        let still: Vec<&str> = required
            .iter()
            .copied()
            .filter(|r| !invalid_required.iter().any(|i| i == r))
            .collect();
        valid &= self.missing_required(&still, props, path, &obj_span, &mut kept);
        *entries = kept;
        valid
    }

    /// Reports required fields the object lacks and stands in a placeholder for each, so the
    /// object survives (false when a field has no placeholder and the object must go).
    fn missing_required(
        &mut self,
        required: &[&str],
        props: &'a serde_json::Map<String, Value>,
        path: &Path<'_>,
        obj_span: &std::ops::Range<usize>,
        kept: &mut Vec<(crate::load::Key, Node)>,
    ) -> bool {
        let mut valid = true;
        for r in required {
            if !kept.iter().any(|(k, _)| k.name == *r) {
                let field = Path::Key(path, r);
                let desc = props
                    .get(*r)
                    .map(|s| description(self.resolve(s)))
                    .unwrap_or_default();
                let head = obj_span.start..obj_span.start;
                let missing = rules::missing_field::Missing::Field {
                    path: field.to_string(),
                    name: r.to_string(),
                    description: desc.clone(),
                };
                self.diags
                    .push(Diagnostic::of(&missing).at(self.source, head.clone()));
                let stand_in = props
                    .get(*r)
                    .and_then(|s| placeholder(self.resolve(s), &head));
                match stand_in {
                    Some(p) => kept.push((
                        crate::load::Key {
                            name: r.to_string(),
                            span: head,
                        },
                        p,
                    )),
                    None => valid = false,
                }
            }
        }
        valid
    }

    /// A key the schema does not allow, with the closest allowed one.
    fn unknown_key(&mut self, key: &crate::load::Key, props: &serde_json::Map<String, Value>) {
        let name = &key.name;
        let names: Vec<&str> = props.keys().map(String::as_str).collect();
        let unknown = rules::unknown_key::UnknownKey {
            name: name.clone(),
            allowed: names.join(", "),
            closest: did_you_mean(name, &names).map(str::to_string),
        };
        self.diags
            .push(Diagnostic::of(&unknown).at(self.source, key.span.clone()));
    }

    fn type_error(&mut self, node: &Node, schema: &Value, types: &[&str], path: &Path<'_>) {
        let desc = description(schema);
        if matches!(node.kind, Kind::Null) {
            let empty = rules::missing_field::Missing::Empty {
                path: path.to_string(),
                description: Some(desc),
            };
            self.diags
                .push(Diagnostic::of(&empty).at(self.source, node.span.clone()));
            return;
        }
        let want_vi = types
            .iter()
            .filter(|t| **t != "null")
            .map(|t| type_vi(t))
            .collect::<Vec<_>>()
            .join(" hoặc ");
        let want_en = types
            .iter()
            .filter(|t| **t != "null")
            .copied()
            .collect::<Vec<_>>()
            .join(" or ");
        let got_vi = type_vi(node.type_name());
        let got_en = node.type_name();
        let wrong = rules::wrong_type::Wrong::Type {
            path: path.to_string(),
            want: crate::lang::Msg::new(want_vi, want_en),
            got: crate::lang::Msg::new(got_vi, got_en),
            description: desc,
        };
        self.diags
            .push(Diagnostic::of(&wrong).at(self.source, node.span.clone()));
    }
}

/// An empty value of a text or list field, standing in for one that is missing or invalid.
fn placeholder(schema: &Value, span: &std::ops::Range<usize>) -> Option<Node> {
    // An enum stands in with its first value, so an invalid `level` keeps the rest of the file
    // (and every other finding) instead of dropping the whole `dxplan.toml`.
    let first_const = schema
        .get("oneOf")
        .and_then(Value::as_array)
        .and_then(|o| o.first())
        .and_then(|v| v.get("const"))
        .or_else(|| {
            schema
                .get("enum")
                .and_then(Value::as_array)
                .and_then(|e| e.first())
        })
        .and_then(Value::as_str);
    let kind = match (first_const, schema.get("type")) {
        (Some(c), _) => Kind::Str(c.to_string()),
        (None, Some(Value::String(t))) if t == "string" => Kind::Str(String::new()),
        (None, Some(Value::String(t))) if t == "array" => Kind::Seq(Vec::new()),
        // A required whole number (the plan's year) stands in as 0, which the model reads as
        // "unknown" (`Plan::year` falls back on the framework's year).
        (None, Some(Value::String(t))) if t == "integer" => Kind::Num {
            value: 0.0,
            int: Some(0),
            raw: "0".into(),
        },
        _ => return None,
    };
    Some(Node::new(kind, span.clone()))
}

fn is_blank(n: &Node) -> bool {
    match &n.kind {
        Kind::Str(s) => s.trim().is_empty(),
        Kind::Seq(items) => items.is_empty(),
        _ => false,
    }
}

fn quote(s: &str) -> String {
    format!("„{s}”")
}

fn description(schema: &Value) -> String {
    schema
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or("")
        .replace('\n', " ")
}

pub(crate) fn type_vi(t: &str) -> &'static str {
    match t {
        "string" => "chuỗi văn bản",
        "number" => "số",
        "integer" => "số nguyên",
        "boolean" => "true/false",
        "array" => "danh sách",
        "object" => "bảng khóa–giá trị",
        "null" => "trống",
        _ => "giá trị khác",
    }
}

fn matches(node: &Node, t: &str) -> bool {
    match (&node.kind, t) {
        (Kind::Null, "null") => true,
        (Kind::Bool(_), "boolean") => true,
        (Kind::Num { .. }, "number") => true,
        (Kind::Num { int: Some(_), .. }, "integer") => true,
        // Numbers are accepted where text is expected: `number: 05` is the text "05".
        (Kind::Str(_) | Kind::Num { .. }, "string") => true,
        (Kind::Seq(_), "array") => true,
        (Kind::Map(_), "object") => true,
        _ => false,
    }
}

fn enum_eq(a: &Value, node: &Node) -> bool {
    match (a, &node.kind) {
        (Value::String(s), _) => node.as_str() == Some(s.as_str()),
        (Value::Null, Kind::Null) => true,
        _ => false,
    }
}

/// The closest candidate, if it is close enough to be a likely typo.
pub fn did_you_mean<'c>(got: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let got_l = got.to_lowercase();
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(&got_l, &c.to_lowercase()), *c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The candidate that `got` differs from only in letter case or spacing: correcting to it cannot
/// change meaning, so it is offered as an automatic fix.
pub fn same_but_case_or_space<'c>(got: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let g = case_space_key(got);
    candidates
        .iter()
        .copied()
        .find(|c| case_space_key(c) == g && *c != got)
}

/// What [`same_but_case_or_space`] compares: words joined by one space, lower-cased.
fn case_space_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// [`same_but_case_or_space`] over one list asked many times (every lead and cooperating unit of
/// a plan against the agency names): the list is normalised once, each distinct text once.
pub struct CaseIndex<'c> {
    by_key: std::collections::HashMap<String, Vec<&'c str>>,
    seen: std::collections::HashMap<String, Option<&'c str>>,
}

impl<'c> CaseIndex<'c> {
    pub fn new(candidates: &[&'c str]) -> CaseIndex<'c> {
        let mut by_key: std::collections::HashMap<String, Vec<&'c str>> =
            std::collections::HashMap::new();
        for c in candidates {
            by_key.entry(case_space_key(c)).or_default().push(c);
        }
        CaseIndex {
            by_key,
            seen: std::collections::HashMap::new(),
        }
    }

    /// As `same_but_case_or_space(got, candidates)`.
    pub fn find(&mut self, got: &str) -> Option<&'c str> {
        if let Some(hit) = self.seen.get(got) {
            return *hit;
        }
        let hit = self
            .by_key
            .get(&case_space_key(got))
            .and_then(|cs| cs.iter().copied().find(|c| *c != got));
        self.seen.insert(got.to_string(), hit);
        hit
    }
}

/// Where a node is in its file ("tasks[3].lead"), written out only for a finding: the validator
/// visits every node, and formatting each one's path cost more than checking it.
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl std::fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, k) => f.write_str(k),
            Path::Key(parent, k) => write!(f, "{parent}.{k}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}
