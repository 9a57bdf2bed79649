//! Rules that fire while reading the plan's files; `load` emits them, `check::rules` lists them.

pub mod config_missing;
pub mod control_character;
pub mod invalid_utf8;
pub mod limits;
pub mod not_nfc;
pub mod syntax;
pub mod trailing_whitespace;

pub use config_missing::CONFIG_MISSING;
pub use control_character::CONTROL_CHARACTER;
pub use invalid_utf8::INVALID_UTF8;
pub use limits::LIMITS;
pub use not_nfc::NOT_NFC;
pub use syntax::SYNTAX;
pub use trailing_whitespace::TRAILING_WHITESPACE;
