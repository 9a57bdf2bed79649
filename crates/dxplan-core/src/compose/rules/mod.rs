//! Rules that fire while composing the document (template overrides); `compose` emits them,
//! `check::rules` lists them.

pub mod template_error;

pub use template_error::{TEMPLATE_ERROR, TemplateFault};
