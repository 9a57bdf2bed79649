//! Helpers of the renderers' tests.

#[path = "../../../../tests/support/plans.rs"]
#[allow(dead_code)]
pub mod plans;
pub use plans::*;
