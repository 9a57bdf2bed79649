//! The closed sets of words a user types on the command line (`--lang en`, `--fail-level warning`,
//! `--format json`), declared beside the type they name. The core stays free of a command-line
//! parser; the CLI turns each set into a clap value parser with the same words and help.

/// A type whose values a user picks by name.
pub trait Choice: Copy + Send + Sync + 'static {
    /// Every value, the word that names it, and its help ("" for none), in the order `--help`
    /// lists them.
    const ALL: &'static [(Self, &'static str, &'static str)];
}
