//! Every rule of dxplan, one per file. `ALL` is the registry `dxplan rules` lists; `CHECKS` are the
//! rules that run on the typed plan (the others fire while loading or typing it).

use crate::lang::Msg;
use crate::load::Sp;
use crate::msg;

use super::{Ctx, Rule};

pub mod agency_name_case;
pub mod amount_format;
pub mod budget_mismatch;
pub mod citation_date;
pub mod citation_symbol;
pub mod citation_unknown;
pub mod config_missing;
pub mod content_empty;
pub mod date_format;
pub mod deadline_exceeded;
pub mod duplicate_id;
pub mod evaluation_incomplete;
pub mod framework_unknown;
pub mod funding_unknown;
pub mod invalid_date;
pub mod invalid_utf8;
pub mod investment_invalid;
pub mod issued_late;
pub mod limits;
pub mod lint_config;
pub mod metadata_incomplete;
pub mod missing_field;
pub mod not_applicable_invalid;
pub mod not_nfc;
pub mod number_format;
pub mod priority_uncovered;
pub mod project_incomplete;
pub mod section_duplicate;
pub mod section_missing;
pub mod section_unknown;
pub mod signer_format;
pub mod summary_caps;
pub mod suppression_invalid;
pub mod suppression_unused;
pub mod symbol_format;
pub mod syntax;
pub mod target_not_quantitative;
pub mod template_error;
pub mod threshold_not_met;
pub mod timeframe_invalid;
pub mod trailing_whitespace;
pub mod unknown_item;
pub mod unknown_key;
pub mod unknown_metric;
pub mod unknown_priority_task;
pub mod unknown_task_ref;
pub mod wrong_type;

/// All rules, in code order.
pub static ALL: &[&Rule] = &[
    &syntax::SYNTAX,
    &invalid_utf8::INVALID_UTF8,
    &limits::LIMITS,
    &not_nfc::NOT_NFC,
    &framework_unknown::FRAMEWORK_UNKNOWN,
    &config_missing::CONFIG_MISSING,
    &trailing_whitespace::TRAILING_WHITESPACE,
    &unknown_key::UNKNOWN_KEY,
    &wrong_type::WRONG_TYPE,
    &missing_field::MISSING_FIELD,
    &section_missing::SECTION_MISSING,
    &section_duplicate::SECTION_DUPLICATE,
    &section_unknown::SECTION_UNKNOWN,
    &evaluation_incomplete::EVALUATION_INCOMPLETE,
    &content_empty::CONTENT_EMPTY,
    &unknown_item::UNKNOWN_ITEM,
    &priority_uncovered::PRIORITY_UNCOVERED,
    &not_applicable_invalid::NOT_APPLICABLE_INVALID,
    &unknown_priority_task::UNKNOWN_PRIORITY_TASK,
    &target_not_quantitative::TARGET_NOT_QUANTITATIVE,
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
    &symbol_format::SYMBOL_FORMAT,
    &number_format::NUMBER_FORMAT,
    &invalid_date::INVALID_DATE,
    &issued_late::ISSUED_LATE,
    &metadata_incomplete::METADATA_INCOMPLETE,
    &signer_format::SIGNER_FORMAT,
    &date_format::DATE_FORMAT,
    &summary_caps::SUMMARY_CAPS,
    &agency_name_case::AGENCY_NAME_CASE,
    &template_error::TEMPLATE_ERROR,
    &suppression_invalid::SUPPRESSION_INVALID,
    &suppression_unused::SUPPRESSION_UNUSED,
    &lint_config::LINT_CONFIG,
];

/// Rules that run on the typed plan.
pub static CHECKS: &[fn(&mut Ctx)] = &[
    section_missing::check,
    content_empty::check,
    evaluation_incomplete::check,
    unknown_item::check,
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
    symbol_format::check,
    number_format::check,
    invalid_date::check,
    issued_late::check,
    metadata_incomplete::check,
    signer_format::check,
    date_format::check,
    summary_caps::check,
    agency_name_case::check,
];

/// Rules that enforce a requirement of the framework or of Nghị định 30/2020: `[lint]` may raise
/// them but never lower or switch them off, and inline comments cannot suppress them. Reading
/// failures are here too: a file that cannot be read cannot be checked.
pub static LOCKED: &[&str] = &[
    "DX001", // syntax
    "DX002", // invalid UTF-8 (TCVN 6909:2001)
    "DX003", // limits
    "DX006", // dxplan.toml missing (ND30 Điều 8.2 components)
    "DX020", // framework section missing
    "DX023", // a)/b) of the evaluation (framework Phần I.II)
    "DX030", // priority task not addressed (letter 5406)
    "DX031", // not-applicable where the framework does not allow it
    "DX055", // project fields the framework requires (Phần II.VII)
    "DX070", // framework thresholds (Phần II.III.7.4)
    "DX071", // framework deadlines (NV20)
    "DX090", // ký hiệu (ND30 Phụ lục I, II.3)
    "DX091", // số (ND30 Phụ lục I, II.3.c)
    "DX092", // impossible date (ND30 Phụ lục I, II.4.b)
    "DX094", // required components (ND30 Điều 8.2)
    "DX095", // signer authority (ND30 Phụ lục I, II.7)
];

pub fn is_locked(code: &str) -> bool {
    LOCKED.iter().any(|c| c.eq_ignore_ascii_case(code))
}

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
                r.doc_text().contains("Vì sao"),
                "{} has no rationale",
                r.code
            );
            assert!(!r.clause.is_empty(), "{} has no clause", r.code);
            assert!(
                r.doc_en.contains("Why") || r.doc_en.contains("Info only"),
                "{} has no English rationale",
                r.code
            );
        }
    }
}
