//! The plan (Kế hoạch): opening, the framework's Phần I and II, its signature when issued on its
//! own, then the phụ lục. Issued with a decision (`kem-quyet-dinh`), the Quyết định comes first, on
//! its own pages and numbering, and the plan carries "(Kèm theo Quyết định …)" instead of a Số.

use super::{Frame, Kind};
use crate::compose::Composer;
use crate::compose::appendix::text_section;
use crate::compose::ir::PageSection;
use crate::model::appendices::AppendixKind;
use crate::model::{DocKind, Mode};

pub struct PlanDocument;

impl Kind for PlanDocument {
    fn frame(&self, c: &mut Composer) -> Frame {
        let title = c.plan_title();
        Frame {
            doc_type: "KẾ HOẠCH",
            summary: title.clone(),
            attached_to: c.attached_to_decision(),
            under_decision: c.plan.mode() == Mode::WithDecision,
            opening: true,
            metadata_title: format!("Kế hoạch {title}"),
        }
    }

    fn sections(&self, c: &mut Composer) -> Vec<PageSection> {
        let mut sections = Vec::new();
        if c.plan.mode() == Mode::WithDecision {
            sections.push(c.as_kind(DocKind::Decision, |c| c.decision_section()));
        }
        let mut blocks = Vec::new();
        c.front_matter(&mut blocks);
        c.body(&mut blocks);
        if c.plan.mode() == Mode::Standalone {
            c.sign(&mut blocks);
        }
        let mut main = text_section(blocks);
        // After its decision, the plan starts on its own page and numbering.
        main.restart_numbering = !sections.is_empty();
        sections.push(main);
        for a in &c.plan.appendix_list() {
            sections.push(match a.kind {
                AppendixKind::Projects => c.projects_appendix(&a.label),
                AppendixKind::PastProjects => c.past_appendix(&a.label),
                AppendixKind::Own(own) => c.own_appendix(&a.label, &own.file),
            });
        }
        sections
    }
}
