//! The Quyết định that issues a plan (ND30 mẫu 1.3), composed before the plan in
//! `kem-quyet-dinh` mode: header, QUYẾT ĐỊNH and its trích yếu, the authority line, căn cứ,
//! "QUYẾT ĐỊNH:", Điều 1–3, and its own signature and Nơi nhận (starting "Như Điều 3").

use super::Composer;
use super::front::{ground, ground_text};
use super::ir::{Align, Block, PageSection, Para, Role};
use super::style::{BODY, body_para, para, run};

impl Composer<'_> {
    /// The decision's pages: a portrait section of its own; the plan follows on a new page with
    /// its own numbering.
    pub(super) fn decision_section(&mut self) -> PageSection {
        let mut blocks = Vec::new();
        self.front_matter(&mut blocks);
        let plan = self.plan;
        let fw = &plan.framework;
        let c = plan.config.as_ref();
        let d = c.and_then(|c| c.decision.as_ref());
        let plan_title = c
            .map(|c| c.document.title.value.trim().to_string())
            .unwrap_or_default();
        // Footnote 6 of Mẫu 1.3: the head of the body who issues it, in capitals.
        let authority = d
            .and_then(|d| d.authority.as_ref())
            .map(|a| a.value.trim().to_uppercase())
            .or_else(|| d.map(|d| d.issuer.value.trim().to_uppercase()))
            .unwrap_or_default();
        blocks.push(centred_bold(Role::Authority, authority, 6.0));
        let bases = d.map(|d| d.bases.as_slice()).unwrap_or_default();
        let proposer = d.and_then(|d| d.proposer.as_ref());
        for b in bases {
            blocks.push(ground(ground_text(fw, &b.value)));
        }
        if let Some(p) = proposer {
            let p = p.value.trim().trim_end_matches(['.', ',', ';']);
            blocks.push(ground(format!("Theo đề nghị của {p}.")));
        }
        blocks.push(centred_bold(Role::Authority, "QUYẾT ĐỊNH:".into(), 6.0));
        let effect = d
            .and_then(|d| d.effect.as_ref())
            .map(|e| e.value.trim().trim_end_matches('.').to_string())
            .unwrap_or_else(|| "thi hành kể từ ngày ký".to_string());
        let executors: Vec<String> = d
            .map(|d| {
                d.executors
                    .iter()
                    .map(|e| e.value.trim().to_string())
                    .collect()
            })
            .unwrap_or_default();
        let executors = if executors.is_empty() {
            "Thủ trưởng các cơ quan, đơn vị có liên quan".to_string()
        } else {
            executors.join(", ")
        };
        for (n, text) in [
            (
                1,
                format!("Ban hành kèm theo Quyết định này Kế hoạch {plan_title}."),
            ),
            (2, format!("Quyết định này có hiệu lực {effect}.")),
            (
                3,
                format!("{executors} chịu trách nhiệm thi hành Quyết định này./."),
            ),
        ] {
            // Only "Điều N." is bold; the article runs on upright (the template's measure).
            blocks.push(Block::Paragraph(body_para(vec![
                run(format!("Điều {n}. "), true, false),
                run(text, false, false),
            ])));
        }
        self.sign(&mut blocks);
        super::appendix::text_section(blocks)
    }
}

fn centred_bold(role: Role, text: String, before: f32) -> Block {
    Block::Paragraph(Para {
        space_before: before,
        keep_with_next: true,
        ..para(role, vec![run(text, true, false)], Align::Center, BODY)
    })
}
