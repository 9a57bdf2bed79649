//! Documents cited in free text agree with the registry and with each other.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::framework::RegCitation;
use crate::lang::Msg;
use crate::model::mentions::Mention;
use crate::model::values::{Date, date};
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: văn bản được nhắc trong lời văn (Phần I, mở đầu, nhiệm vụ …) dưới dạng „số, ký
    /// hiệu ngày …” — ví dụ „Kế hoạch số 38/KH-UBND ngày 15/02/2022” — khớp với danh mục căn cứ của
    /// Khung (ngày, ký hiệu đúng) và khớp với chính nó ở chỗ khác trong kế hoạch (cùng một văn bản
    /// không được ghi hai ngày khác nhau, kể cả so với mục Căn cứ).
    ///
    /// Vì sao: mục Căn cứ được kiểm tra từng trường (DX080, DX081), nhưng lời văn nhắc lại văn bản
    /// thì không; chép sai ngày hay chép lại ký hiệu in nhầm của Khung („2323/BTTTT-THH”) là lỗi
    /// hay gặp ở kế hoạch thật.
    ///
    /// Ví dụ sai: mục Căn cứ ghi `749/QĐ-TTg` ngày 03/6/2020, Phần I viết „Quyết định số 749/QĐ-TTg
    /// ngày 03/6/2021”.
    /// Sửa: cùng một ngày, đúng ngày ban hành.
    CITATION_IN_TEXT {
        code: "DX083",
        name: "citation-in-text",
        severity: Warning,
        summary: ("Văn bản nhắc trong lời văn sai ngày hoặc ký hiệu", "Document cited in text with a wrong date or symbol"),
        clause: "NĐ 30/2020, Phụ lục I, mục II.6.a",
        en: "Checks documents cited in free text as „<symbol> ngày <date>”: the date agrees with the framework's registry and with every other citation of the same document in the plan (the Căn cứ list included), and the symbol is not a misprint the registry knows. Why: structured citations are checked field by field, repeated ones in prose were not; wrong dates and copied misprints are common in real plans. Fix: the date or symbol the message gives.",
    }
}

/// Where a document was first given a date: the Căn cứ list, or a file of the plan.
struct First {
    symbol: String,
    date: Date,
    /// (vi, en)
    place: (String, String),
}

pub fn check(ctx: &mut Ctx) {
    let plan = ctx.plan;
    // Dates the structured Căn cứ list gives, the reference for the text.
    let mut first: Vec<First> = plan
        .citations()
        .filter_map(|(_, c)| {
            Some(First {
                symbol: c.number.as_ref()?.value.trim().to_string(),
                date: date(&c.date.as_ref()?.value).ok()?,
                place: ("mục Căn cứ".into(), "the Căn cứ list".into()),
            })
        })
        .collect();
    let mut out = Vec::new();
    for m in plan.mentions() {
        let Some(when) = m.date else {
            out.push(malformed(m));
            continue;
        };
        if let Some(d) = ctx
            .fw
            .registry(&m.symbol)
            .and_then(|r| against_registry(r, m, when))
        {
            out.push(d);
            continue;
        }
        match first.iter().find(|f| f.symbol == m.symbol) {
            Some(f) if f.date != when => out.push(two_dates(f, m, when)),
            Some(_) => {}
            None => {
                let name = plan.sources.get(m.source).name.clone();
                first.push(First {
                    symbol: m.symbol.clone(),
                    date: when,
                    place: (name.clone(), name),
                });
            }
        }
    }
    ctx.report_all(out);
}

fn malformed(m: &Mention) -> Diagnostic {
    let found = InText::Malformed {
        symbol: m.symbol.clone(),
        raw: m.raw.clone(),
    };
    Diagnostic::of(&found).at(m.source, m.span.clone())
}

/// The framework's misprinted symbol, or a date other than the registry's.
fn against_registry(r: &RegCitation, m: &Mention, when: Date) -> Option<Diagnostic> {
    if r.framework_symbol.as_deref() == Some(m.symbol.as_str()) {
        let found = InText::Misprint {
            written: m.symbol.clone(),
            symbol: r.symbol.clone(),
        };
        return Some(Diagnostic::of(&found).at(m.source, m.span.clone()));
    }
    let want = date(&r.date).ok().filter(|w| *w != when)?;
    let found = InText::OtherDate {
        symbol: m.symbol.clone(),
        cited: when.short(),
        dated: want.short(),
    };
    Some(Diagnostic::of(&found).at(m.source, m.span.clone()))
}

fn two_dates(f: &First, m: &Mention, when: Date) -> Diagnostic {
    let found = InText::TwoDates {
        symbol: m.symbol.clone(),
        cited: when.short(),
        first: f.date.short(),
        place: Msg::new(f.place.0.clone(), f.place.1.clone()),
    };
    Diagnostic::of(&found).at(m.source, m.span.clone())
}

/// A document cited in prose whose date or symbol disagrees.
enum InText {
    Malformed {
        symbol: String,
        raw: String,
    },
    /// The framework's misprint of a registry symbol.
    Misprint {
        written: String,
        symbol: String,
    },
    /// Another date than the registry's.
    OtherDate {
        symbol: String,
        cited: String,
        dated: String,
    },
    /// Another date than where the plan first cites it (`place`: the Căn cứ list or a file).
    TwoDates {
        symbol: String,
        cited: String,
        first: String,
        place: Msg,
    },
}

impl Violation for InText {
    fn rule(&self) -> &'static Rule {
        &CITATION_IN_TEXT
    }

    fn message(&self) -> Msg {
        match self {
            InText::Malformed { symbol: n, raw } => msg!(
                "Ngày của {n} viết sai dạng: „{raw}”",
                "The date of {n} is malformed: „{raw}”"
            ),
            InText::Misprint {
                written: bad,
                symbol: good,
            } => msg!(
                "„{bad}” là ký hiệu Khung in nhầm; ký hiệu đúng là {good}",
                "„{bad}” is the framework's misprint; the symbol is {good}"
            ),
            InText::OtherDate {
                symbol: n,
                cited: g,
                dated: w,
            } => msg!(
                "{n} được nhắc với ngày {g}, nhưng văn bản ban hành ngày {w}",
                "{n} is cited as of {g}, but it is dated {w}"
            ),
            InText::TwoDates {
                symbol: n,
                cited: g,
                first: w,
                place,
            } => {
                let (vi, en) = (&place.vi, &place.en);
                msg!(
                    "{n} được nhắc với ngày {g}, nhưng {vi} ghi ngày {w}",
                    "{n} is cited as of {g}, but {en} gives {w}"
                )
            }
        }
    }

    fn hint(&self) -> Option<Msg> {
        match self {
            InText::Malformed { .. } => Some(msg!(
                "Viết „ngày 31 tháng 3 năm 2022” hoặc „ngày 31/3/2022”.",
                "Write „ngày 31 tháng 3 năm 2022” or „ngày 31/3/2022”."
            )),
            InText::Misprint { .. } => None,
            InText::OtherDate { dated: w, .. } => Some(msg!("Sửa thành {w}.", "Change it to {w}.")),
            InText::TwoDates { .. } => Some(msg!(
                "Cùng một văn bản phải cùng một ngày; đối chiếu với bản gốc.",
                "One document has one date; check against the original."
            )),
        }
    }
}
