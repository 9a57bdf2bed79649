//! The registry of every rule of dxplan, one per file. `ALL` is what `dxplan rules` lists; the rules
//! of the first stages live beside the stage that emits them (`load::rules`, `model::rules`,
//! `compose::rules`), the rest here. `CHECKS` are the rules that run on the typed plan.

use crate::lang::Msg;
use crate::load::Sp;
use crate::msg;

use super::{Ctx, Rule};

pub mod agency_name_case;
pub mod amount_format;
pub mod appendix_ref;
pub mod appendix_table;
pub mod budget_mismatch;
pub mod citation_after_plan;
pub mod citation_date;
pub mod citation_in_force;
pub mod citation_in_text;
pub mod citation_issuer;
pub mod citation_symbol;
pub mod citation_unknown;
pub mod content_empty;
pub mod date_format;
pub mod deadline_exceeded;
pub mod decision_signer;
pub mod duplicate_id;
pub mod evaluation_grouped;
pub mod evaluation_incomplete;
pub mod framework_partial;
pub mod funding_unknown;
pub mod ground_comma;
pub mod heading_override;
pub mod heading_unknown;
pub mod import_guess;
pub mod import_unplaced;
pub mod invalid_date;
pub mod investment_invalid;
pub mod issued_late;
pub mod lint_config;
pub mod metadata_incomplete;
pub mod not_applicable_invalid;
pub mod number_format;
pub mod placeholder;
pub mod plan_incomplete;
pub mod priority_uncovered;
pub mod project_incomplete;
pub mod result_after_report;
pub mod result_contradiction;
pub mod result_missing;
pub mod result_unit;
pub mod section_missing;
pub mod signer_format;
pub mod summary_caps;
pub mod suppression_invalid;
pub mod suppression_unused;
pub mod symbol_format;
pub mod target_not_quantitative;
pub mod task_six_clear;
pub mod threshold_not_met;
pub mod timeframe_invalid;
pub mod unknown_item;
pub mod unknown_metric;
pub mod unknown_priority_task;
pub mod unknown_task_ref;

/// All rules, in code order.
pub static ALL: &[&Rule] = &[
    &crate::load::rules::SYNTAX,
    &crate::load::rules::INVALID_UTF8,
    &crate::load::rules::LIMITS,
    &crate::load::rules::NOT_NFC,
    &crate::model::rules::FRAMEWORK_UNKNOWN,
    &crate::load::rules::CONFIG_MISSING,
    &crate::load::rules::TRAILING_WHITESPACE,
    &crate::load::rules::CONTROL_CHARACTER,
    &crate::model::rules::UNKNOWN_KEY,
    &crate::model::rules::WRONG_TYPE,
    &crate::model::rules::MISSING_FIELD,
    &framework_partial::FRAMEWORK_PARTIAL,
    &placeholder::PLACEHOLDER,
    &import_guess::IMPORT_GUESS,
    &import_unplaced::IMPORT_UNPLACED,
    &section_missing::SECTION_MISSING,
    &crate::model::rules::SECTION_DUPLICATE,
    &crate::model::rules::SECTION_UNKNOWN,
    &evaluation_incomplete::EVALUATION_INCOMPLETE,
    &content_empty::CONTENT_EMPTY,
    &unknown_item::UNKNOWN_ITEM,
    &heading_override::HEADING_OVERRIDE,
    &heading_unknown::HEADING_UNKNOWN,
    &appendix_ref::APPENDIX_REF,
    &appendix_table::APPENDIX_TABLE,
    &priority_uncovered::PRIORITY_UNCOVERED,
    &not_applicable_invalid::NOT_APPLICABLE_INVALID,
    &unknown_priority_task::UNKNOWN_PRIORITY_TASK,
    &evaluation_grouped::EVALUATION_GROUPED,
    &target_not_quantitative::TARGET_NOT_QUANTITATIVE,
    &task_six_clear::TASK_SIX_CLEAR,
    &duplicate_id::DUPLICATE_ID,
    &unknown_task_ref::UNKNOWN_TASK_REF,
    &investment_invalid::INVESTMENT_INVALID,
    &funding_unknown::FUNDING_UNKNOWN,
    &timeframe_invalid::TIMEFRAME_INVALID,
    &project_incomplete::PROJECT_INCOMPLETE,
    &amount_format::AMOUNT_FORMAT,
    &budget_mismatch::BUDGET_MISMATCH,
    &threshold_not_met::THRESHOLD_NOT_MET,
    &deadline_exceeded::DEADLINE_EXCEEDED,
    &unknown_metric::UNKNOWN_METRIC,
    &citation_symbol::CITATION_SYMBOL,
    &citation_date::CITATION_DATE,
    &citation_unknown::CITATION_UNKNOWN,
    &citation_in_text::CITATION_IN_TEXT,
    &citation_after_plan::CITATION_AFTER_PLAN,
    &citation_in_force::CITATION_IN_FORCE,
    &citation_issuer::CITATION_ISSUER,
    &plan_incomplete::PLAN_INCOMPLETE,
    &ground_comma::GROUND_COMMA,
    &symbol_format::SYMBOL_FORMAT,
    &number_format::NUMBER_FORMAT,
    &invalid_date::INVALID_DATE,
    &issued_late::ISSUED_LATE,
    &metadata_incomplete::METADATA_INCOMPLETE,
    &signer_format::SIGNER_FORMAT,
    &date_format::DATE_FORMAT,
    &summary_caps::SUMMARY_CAPS,
    &agency_name_case::AGENCY_NAME_CASE,
    &decision_signer::DECISION_SIGNER,
    &crate::compose::rules::TEMPLATE_ERROR,
    &suppression_invalid::SUPPRESSION_INVALID,
    &suppression_unused::SUPPRESSION_UNUSED,
    &lint_config::LINT_CONFIG,
    &crate::render_rules::PDF_FONT,
    &crate::render_rules::LAYOUT_WARNING,
    &result_unit::RESULT_UNIT,
    &result_contradiction::RESULT_CONTRADICTION,
    &result_missing::RESULT_MISSING,
    &result_after_report::RESULT_AFTER_REPORT,
];

/// Rules that run on the typed plan.
pub static CHECKS: &[fn(&mut Ctx)] = &[
    section_missing::check,
    content_empty::check,
    evaluation_incomplete::check,
    unknown_item::check,
    heading_override::check,
    heading_unknown::check,
    appendix_ref::check,
    appendix_table::check,
    priority_uncovered::check,
    not_applicable_invalid::check,
    unknown_priority_task::check,
    target_not_quantitative::check,
    duplicate_id::check,
    unknown_task_ref::check,
    investment_invalid::check,
    funding_unknown::check,
    timeframe_invalid::check,
    project_incomplete::check,
    amount_format::check,
    budget_mismatch::check,
    threshold_not_met::check,
    deadline_exceeded::check,
    unknown_metric::check,
    citation_symbol::check,
    citation_date::check,
    citation_unknown::check,
    citation_in_text::check,
    citation_after_plan::check,
    citation_in_force::check,
    citation_issuer::check,
    framework_partial::check,
    placeholder::check,
    import_guess::check,
    import_unplaced::check,
    task_six_clear::check,
    ground_comma::check,
    symbol_format::check,
    number_format::check,
    invalid_date::check,
    issued_late::check,
    metadata_incomplete::check,
    signer_format::check,
    date_format::check,
    summary_caps::check,
    agency_name_case::check,
    result_unit::check,
    result_contradiction::check,
    result_missing::check,
    result_after_report::check,
    decision_signer::check,
];

/// True when an optional text is absent or only whitespace.
pub fn blank(t: &Option<Sp<String>>) -> bool {
    t.as_ref().is_none_or(|s| s.value.trim().is_empty())
}

/// "Did you mean" for a value among candidates.
pub fn suggest(got: &str, candidates: &[&str]) -> Msg {
    match crate::model::validate::did_you_mean(got, candidates) {
        Some(best) => msg!("Có phải ý bạn là „{best}”?", "Did you mean „{best}”?"),
        None => msg!("Kiểm tra lại mã.", "Check the id."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_documented() {
        let mut codes: Vec<&str> = ALL.iter().map(|r| r.code).collect();
        codes.sort();
        let n = codes.len();
        codes.dedup();
        assert_eq!(n, codes.len(), "duplicate rule code");
        for r in ALL {
            assert!(
                r.doc(crate::lang::Lang::Vi).contains("Vì sao"),
                "{} has no rationale",
                r.code
            );
            assert!(!r.clause.is_empty(), "{} has no clause", r.code);
            assert!(
                r.doc.en.contains("Why") || r.doc.en.contains("Info only"),
                "{} has no English rationale",
                r.code
            );
        }
    }
}
