//! One composer per document kind. Every kind is framed the same way (ND30: header block, Số and
//! ký hiệu, place and date, title and trích yếu, body, signature and Nơi nhận, phụ lục) and only
//! says what differs, as data ([`Frame`]) and as its body ([`Kind::sections`]); who issues it
//! comes from `Plan::issue`. Adding a document kind is one file here plus its templates.

mod decision;
mod plan;
mod report;

use super::Composer;
use super::ir::PageSection;
use crate::model::DocKind;

/// What the ND30 frame of a document says, besides its issuance (`Composer::issue`).
#[derive(Default)]
pub(in crate::compose) struct Frame {
    /// "KẾ HOẠCH", "QUYẾT ĐỊNH", "BÁO CÁO".
    pub doc_type: &'static str,
    /// The trích yếu under it.
    pub summary: String,
    /// "(Kèm theo Quyết định …)" under the trích yếu, for a plan issued with a decision.
    pub attached_to: Option<String>,
    /// Issued through a decision: its header has no Số/date row (the decision carries them) and
    /// the ministry geometry.
    pub under_decision: bool,
    /// "Căn cứ …" and "Thực hiện …" after the title (the plan's own opening).
    pub opening: bool,
    /// The document's name in file metadata ("Kế hoạch …").
    pub metadata_title: String,
}

/// A kind of document a plan issues.
pub(in crate::compose) trait Kind {
    /// The frame around the body.
    fn frame(&self, c: &mut Composer) -> Frame;
    /// The page sections: front matter, body, signature, phụ lục.
    fn sections(&self, c: &mut Composer) -> Vec<PageSection>;
}

/// The composer of a kind.
pub(in crate::compose) fn of(kind: DocKind) -> Box<dyn Kind> {
    match kind {
        DocKind::Plan => Box::new(plan::PlanDocument),
        DocKind::Decision => Box::new(decision::DecisionDocument),
        DocKind::Report(period) => Box::new(report::ReportDocument(period)),
    }
}
