//! Who issues each document of a plan, under which số and ký hiệu, where and when, signed by whom
//! and sent to whom. One answer per document kind — the plan, the Quyết định that issues it, the
//! results report — read by compose (header, signature, "Kèm theo" lines, metadata date), by the
//! rules (DX093, DX072) and by the roll-up, so none of them decides it again.

use crate::load::Sp;
use crate::model::types::{Recipients, Signer};
use crate::model::values::{self, Date};
use crate::model::{Mode, Plan};

/// Which document of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// The plan (after its decision in `kem-quyet-dinh` mode).
    Plan,
    /// The Quyết định that issues the plan (`kem-quyet-dinh`), alone.
    Decision,
    /// The results report for a period.
    Report(Period),
}

/// The period a results report covers (`build --document bao-cao --period …`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Year,
    Half,
    Quarter(u8),
}

impl Period {
    /// "năm", "6 tháng đầu năm", "quý II năm": the words before the year in the title.
    pub fn words(self) -> String {
        match self {
            Period::Year => "năm".into(),
            Period::Half => "6 tháng đầu năm".into(),
            Period::Quarter(q) => format!("quý {} năm", values::roman(q as usize)),
        }
    }
}

/// The issuance of one document.
#[derive(Debug, Clone)]
pub struct Issue<'a> {
    pub kind: DocKind,
    /// The số, trimmed; `None` while blank (a draft).
    pub number: Option<&'a str>,
    /// The ký hiệu after the slash: "KH-UBND", "BC-UBND", "QĐ-BHHĐT" (empty for a decision
    /// number written without one).
    pub symbol: String,
    /// The date as written, where findings point.
    pub date: Option<&'a Sp<String>>,
    pub place: &'a str,
    pub signer: Option<&'a Signer>,
    pub recipients: Option<&'a Recipients>,
    /// The Nơi nhận line the document itself adds first ("Như Điều 3" of a decision).
    pub first_recipient: Option<&'static str>,
}

impl Issue<'_> {
    /// The date it is issued on; `None` when blank or invalid (reported elsewhere).
    pub fn on(&self) -> Option<Date> {
        values::date(&self.date?.value).ok()
    }

    /// Số or date still blank: the document is a draft.
    pub fn is_blank(&self) -> bool {
        self.number.is_none() || self.date.is_none_or(|d| d.value.trim().is_empty())
    }

    /// "215/KH-UBND" after "Số:", or blanks before the slash in a draft or while unnumbered.
    pub fn number_symbol(&self, draft: bool) -> String {
        match self.number {
            Some(n) if !draft && self.symbol.is_empty() => n.to_string(),
            Some(n) if !draft => format!("{n}/{}", self.symbol),
            _ if self.symbol.is_empty() && self.kind == DocKind::Decision => "      /QĐ-".into(),
            _ => format!("      /{}", self.symbol),
        }
    }
}

impl Plan {
    /// The issuance of a document of this plan.
    pub fn issue(&self, kind: DocKind) -> Issue<'_> {
        let c = self.config.as_ref();
        let place = c.map_or("", |c| c.document.place.value.as_str());
        let decision = c.and_then(|c| c.decision.as_ref());
        // A decision's number is written whole ("1468/QĐ-BHHĐT").
        let decision_issue = |kind| {
            let whole = text(decision.and_then(|d| d.number.as_ref()));
            let (number, symbol) = match whole.map(|w| w.split_once('/')) {
                Some(Some((n, s))) => (Some(n), s.to_string()),
                Some(None) => (whole, String::new()),
                None => (None, "QĐ-".to_string()),
            };
            Issue {
                kind,
                number,
                symbol,
                date: decision.and_then(|d| d.date.as_ref()),
                place: decision
                    .and_then(|d| d.place.as_ref())
                    .map_or(place, |p| p.value.as_str()),
                signer: decision.and_then(|d| d.signer.as_ref()),
                recipients: decision.and_then(|d| d.recipients.as_ref()),
                first_recipient: Some("Như Điều 3"),
            }
        };
        let plan_symbol = c.map_or(String::new(), |c| c.document.symbol.value.clone());
        match kind {
            DocKind::Decision => decision_issue(kind),
            // A plan issued with a decision is issued by it: its số and date are the decision's
            // (its own header carries none).
            DocKind::Plan if self.mode() == Mode::WithDecision => Issue {
                place,
                first_recipient: None,
                ..decision_issue(kind)
            },
            DocKind::Plan => Issue {
                kind,
                number: text(c.and_then(|c| c.document.number.as_ref())),
                symbol: plan_symbol,
                date: c.and_then(|c| c.document.date.as_ref()),
                place,
                signer: c.and_then(|c| c.signer.as_ref()),
                recipients: c.and_then(|c| c.recipients.as_ref()),
                first_recipient: None,
            },
            // The report has its own số, ký hiệu and date (`[report]`), and is signed by the
            // plan's signer, or through its decision's.
            DocKind::Report(_) => {
                let report = c.and_then(|c| c.report.as_ref());
                let symbol = match report {
                    Some(r) => r.symbol.value.clone(),
                    // Not configured yet: "BC-…" after the plan's issuer part ("KH-UBND" →
                    // "BC-UBND"), never the plan's own symbol.
                    None => match plan_symbol.split_once('-') {
                        Some((_, rest)) => format!("BC-{rest}"),
                        None => "BC".to_string(),
                    },
                };
                Issue {
                    kind,
                    number: text(report.and_then(|r| r.number.as_ref())),
                    symbol,
                    date: report.and_then(|r| r.date.as_ref()),
                    place,
                    signer: c
                        .and_then(|c| c.signer.as_ref())
                        .or_else(|| decision.and_then(|d| d.signer.as_ref())),
                    recipients: c
                        .and_then(|c| c.recipients.as_ref())
                        .or_else(|| decision.and_then(|d| d.recipients.as_ref())),
                    first_recipient: None,
                }
            }
        }
    }
}

/// A text field's trimmed value, `None` while blank.
fn text(t: Option<&Sp<String>>) -> Option<&str> {
    t.map(|t| t.value.trim()).filter(|t| !t.is_empty())
}
