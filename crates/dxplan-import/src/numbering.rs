//! Word's automatic list numbers, computed as Word prints them (numbering.xml): a `w:num`
//! points at an abstract list whose levels have a start, a format (decimal, upperRoman,
//! lowerLetter …) and a text ("%1.", "%1.%2."); a `w:lvlOverride/w:startOverride` restarts a
//! list. Counters are kept per abstract list (lists that share one continue each other, as in
//! Word), a level resets the levels below it.

use std::collections::HashMap;

use quick_xml::events::Event;

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

#[derive(Debug, Default)]
pub struct Numbering {
    /// abstractNumId → levels by ilvl.
    abstracts: HashMap<String, HashMap<usize, Level>>,
    /// numId → (abstractNumId, start overrides by ilvl).
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
    /// abstractNumId → current counters by level.
    counters: HashMap<String, Vec<Option<u32>>>,
    /// numIds whose overrides were applied already (a restart happens once, at first use).
    started: Vec<String>,
}

impl Numbering {
    pub fn parse(xml: &str) -> Result<Numbering, String> {
        let mut n = Numbering::default();
        if xml.is_empty() {
            return Ok(n);
        }
        let mut r = quick_xml::Reader::from_reader(xml.as_bytes());
        let (mut abs, mut num, mut lvl, mut over): (
            Option<String>,
            Option<String>,
            Option<usize>,
            Option<usize>,
        ) = (None, None, None, None);
        let attr = crate::docx::attr;
        loop {
            match r.read_event().map_err(|e| e.to_string())? {
                Event::DocType(_) => return Err("DTD".into()),
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"abstractNum" => {
                        abs = attr(&e, b"abstractNumId");
                        num = None;
                    }
                    b"num" => {
                        num = attr(&e, b"numId");
                        abs = None;
                    }
                    b"lvl" => {
                        let l = attr(&e, b"ilvl").and_then(|v| v.parse().ok());
                        if let (Some(a), Some(l)) = (&abs, l) {
                            n.abstracts.entry(a.clone()).or_default().insert(
                                l,
                                Level {
                                    start: 1,
                                    format: "decimal".into(),
                                    text: format!("%{}.", l + 1),
                                },
                            );
                        }
                        lvl = l;
                    }
                    b"lvlOverride" => over = attr(&e, b"ilvl").and_then(|v| v.parse().ok()),
                    b"abstractNumId" => {
                        if let (Some(id), Some(a)) = (&num, attr(&e, b"val")) {
                            n.nums.entry(id.clone()).or_default().0 = a;
                        }
                    }
                    b"startOverride" => {
                        if let (Some(id), Some(l), Some(v)) =
                            (&num, over, attr(&e, b"val").and_then(|v| v.parse().ok()))
                        {
                            n.nums.entry(id.clone()).or_default().1.insert(l, v);
                        }
                    }
                    name @ (b"start" | b"numFmt" | b"lvlText") => {
                        let (Some(a), Some(l)) = (&abs, lvl) else {
                            continue;
                        };
                        let v = attr(&e, b"val").unwrap_or_default();
                        if let Some(level) = n.abstracts.get_mut(a).and_then(|m| m.get_mut(&l)) {
                            match name {
                                b"start" => level.start = v.parse().unwrap_or(1),
                                b"numFmt" => level.format = v,
                                _ => level.text = v,
                            }
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == b"lvlOverride" => over = None,
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(n)
    }

    /// The number printed before the next paragraph of list `num_id` at level `ilvl` ("2.1."),
    /// or `None` for a bullet or an unknown list.
    pub fn next(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let (abs, overrides) = self.nums.get(num_id)?.clone();
        let levels = self.abstracts.get(&abs)?.clone();
        let counters = self
            .counters
            .entry(abs.clone())
            .or_insert_with(|| vec![None; 9]);
        if ilvl >= counters.len() {
            return None;
        }
        let first_use = !self.started.iter().any(|s| s == num_id);
        if first_use {
            self.started.push(num_id.to_string());
            for (l, v) in &overrides {
                if *l < counters.len() {
                    // The next number at that level is the override.
                    counters[*l] = Some(v.saturating_sub(1));
                }
            }
        }
        let start = levels.get(&ilvl).map_or(1, |l| l.start);
        counters[ilvl] = Some(counters[ilvl].map_or(start, |c| c + 1));
        for c in counters.iter_mut().skip(ilvl + 1) {
            *c = None;
        }
        let level = levels.get(&ilvl)?;
        if level.format == "bullet" || level.format == "none" {
            return None;
        }
        let mut text = level.text.clone();
        for (l, counter) in counters.iter().enumerate().take(ilvl + 1) {
            let value = counter.unwrap_or_else(|| levels.get(&l).map_or(1, |x| x.start));
            let fmt = levels.get(&l).map_or("decimal", |x| x.format.as_str());
            text = text.replace(&format!("%{}", l + 1), &format_number(value, fmt));
        }
        Some(text)
    }
}

fn format_number(n: u32, fmt: &str) -> String {
    match fmt {
        "upperRoman" => dxplan_core::model::values::roman(n as usize),
        "lowerRoman" => dxplan_core::model::values::roman(n as usize).to_lowercase(),
        "upperLetter" | "lowerLetter" => {
            // Vietnamese documents letter a), b), c), d), đ), e): Word prints Latin letters.
            let letters = "abcdefghijklmnopqrstuvwxyz";
            let c = letters
                .chars()
                .nth(((n.max(1) - 1) % 26) as usize)
                .unwrap_or('a');
            if fmt == "upperLetter" {
                c.to_ascii_uppercase().to_string()
            } else {
                c.to_string()
            }
        }
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_as_word_prints_them() {
        let xml = r#"<w:numbering xmlns:w="w">
          <w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
            <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
          </w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="0"/>
            <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
        </w:numbering>"#;
        let mut n = super::Numbering::parse(xml).unwrap();
        let got: Vec<String> = [
            ("1", 0),
            ("1", 1),
            ("1", 2),
            ("1", 2),
            ("1", 1),
            ("1", 0),
            ("1", 1),
            ("2", 0),
        ]
        .iter()
        .map(|(id, l)| n.next(id, *l).unwrap())
        .collect();
        assert_eq!(got, ["I.", "1.", "1.1.", "1.2.", "2.", "II.", "1.", "I."]);
    }
}
