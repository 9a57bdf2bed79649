//! The results report (Báo cáo kết quả thực hiện kế hoạch) for a period: the ND30 frame with the
//! report's own Số and date (`[report]`), the body computed from the results (`compose/report.rs`),
//! the signature of the plan's signer (or its decision's), and the phụ lục of target results.

use minijinja::context;

use super::{Frame, Kind};
use crate::compose::Composer;
use crate::compose::appendix::text_section;
use crate::compose::ir::PageSection;
use crate::model::Period;

pub struct ReportDocument(pub Period);

impl Kind for ReportDocument {
    fn frame(&self, c: &mut Composer) -> Frame {
        let year = c.plan.year();
        let summary = c.render(
            "report-title.txt",
            context! { year => year, period => self.0.words() },
        );
        Frame {
            doc_type: "BÁO CÁO",
            metadata_title: format!("Báo cáo {summary}"),
            summary,
            attached_to: None,
            under_decision: false,
            opening: false,
        }
    }

    fn sections(&self, c: &mut Composer) -> Vec<PageSection> {
        let label = "Phụ lục I".to_string();
        let mut blocks = Vec::new();
        c.front_matter(&mut blocks);
        c.report_body(&label, &mut blocks);
        c.sign(&mut blocks);
        vec![text_section(blocks), c.results_appendix(&label)]
    }
}
