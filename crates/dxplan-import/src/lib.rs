//! `dxplan import`: a plan written in Word (a DOCX from anywhere) in, a plan directory out, laid
//! out as `dxplan init` lays it out. The framework says where each paragraph belongs: headings are
//! matched to its headings (by number and words, diacritics-insensitive as a fallback, typed or
//! Word-numbered), the text under them goes to their sections. Nothing is lost: what cannot be
//! placed goes to `chua-xep.md` with its paragraph number, and the command lists it.
//!
//! Stage: `docx` (bounded reading) → `place` (structure on the framework) → files.

pub mod docx;
pub mod numbering;
pub mod place;

pub use place::{Imported, import};
