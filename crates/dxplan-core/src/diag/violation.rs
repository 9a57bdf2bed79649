//! Typed findings, as ruff's `Violation`: a rule's finding is a value of its own type that carries
//! what the rule found (a number, a symbol, a date); the words the user reads — message, hint, a
//! refined clause — and the finding's severity are methods of that type. Detection says *what* it
//! found, the type says *how to tell it*, and a finding cannot be reported under another rule's
//! code or with a severity rewritten by hand.
//!
//! ```
//! use dxplan_core::diag::{Diagnostic, Rule, Severity, Violation};
//! use dxplan_core::lang::Msg;
//! use dxplan_core::msg;
//!
//! dxplan_core::declare_rule! {
//!     /// Kiểm tra: ví dụ.
//!     EXAMPLE {
//!         code: "DX999",
//!         name: "example",
//!         severity: Error,
//!         summary: ("Ví dụ", "Example"),
//!         clause: "—",
//!         en: "An example.",
//!     }
//! }
//!
//! /// A finding of EXAMPLE: the value found, and whether it is only a slip.
//! struct Found { value: u32, slip: bool }
//!
//! impl Violation for Found {
//!     fn rule(&self) -> &'static Rule { &EXAMPLE }
//!     fn message(&self) -> Msg {
//!         let v = self.value;
//!         msg!("Giá trị {v} sai", "Value {v} is wrong")
//!     }
//!     fn severity(&self) -> Severity {
//!         if self.slip { Severity::Warning } else { Severity::Error }
//!     }
//! }
//!
//! let d = Diagnostic::of(&Found { value: 3, slip: true });
//! assert_eq!((d.rule.code, d.severity), ("DX999", Severity::Warning));
//! assert_eq!(d.message.vi, "Giá trị 3 sai");
//! ```

use super::{Diagnostic, Rule, Severity};
use crate::lang::Msg;

/// A finding of one rule, with the values it found.
pub trait Violation {
    /// The rule it belongs to: its code, its default severity, its clause.
    fn rule(&self) -> &'static Rule;

    /// What is wrong, in both languages.
    fn message(&self) -> Msg;

    /// What to do about it, when the message does not say.
    fn hint(&self) -> Option<Msg> {
        None
    }

    /// The rule's severity, unless this kind of finding is declared lesser (a deadline that had
    /// passed when the plan was issued is a warning of a rule whose findings are errors).
    fn severity(&self) -> Severity {
        self.rule().severity
    }

    /// The exact clause ("5406/BTTTT-CĐSQG, Phần II.III.7.4"), when finer than the rule's.
    fn clause(&self) -> Option<String> {
        None
    }
}

impl Diagnostic {
    /// The diagnostic of a typed finding; place it with [`Diagnostic::at`], add a safe fix with
    /// [`Diagnostic::fix`].
    pub fn of(v: &impl Violation) -> Diagnostic {
        let mut d = Diagnostic::new(v.rule(), v.message());
        d.severity = v.severity();
        d.hint = v.hint();
        if let Some(c) = v.clause() {
            d.clause = c;
        }
        d
    }
}
