//! Rules that fire while typing the plan (framework, schema, sections); `model` emits them,
//! `check::rules` lists them.

pub mod framework_unknown;
pub mod missing_field;
pub mod section_duplicate;
pub mod section_unknown;
pub mod unknown_key;
pub mod wrong_type;

pub use framework_unknown::FRAMEWORK_UNKNOWN;
pub use missing_field::MISSING_FIELD;
pub use section_duplicate::SECTION_DUPLICATE;
pub use section_unknown::SECTION_UNKNOWN;
pub use unknown_key::UNKNOWN_KEY;
pub use wrong_type::WRONG_TYPE;
