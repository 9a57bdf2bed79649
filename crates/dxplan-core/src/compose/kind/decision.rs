//! The Quyết định that issues a plan (ND30 mẫu 1.3), alone (`--document quyet-dinh`). Its pages
//! are the same as those that open the plan in `kem-quyet-dinh` mode (`compose/decision.rs`).

use super::{Frame, Kind};
use crate::compose::Composer;
use crate::compose::ir::PageSection;
use crate::model::Mode;

pub struct DecisionDocument;

impl Kind for DecisionDocument {
    fn frame(&self, c: &mut Composer) -> Frame {
        let plan_title = c.plan_title();
        let summary = c
            .plan
            .config
            .as_ref()
            .and_then(|c| c.decision.as_ref())
            .and_then(|d| d.title.as_ref())
            .map(|t| t.value.trim().to_string())
            .unwrap_or_else(|| format!("Ban hành Kế hoạch {plan_title}"));
        Frame {
            doc_type: "QUYẾT ĐỊNH",
            summary,
            attached_to: None,
            under_decision: false,
            opening: false,
            // The file carries the plan's name, as the plan with its decision does.
            metadata_title: format!("Kế hoạch {plan_title}"),
        }
    }

    fn sections(&self, c: &mut Composer) -> Vec<PageSection> {
        if c.plan.mode() != Mode::WithDecision {
            return Vec::new(); // refused by `build` before it gets here
        }
        vec![c.decision_section()]
    }
}
