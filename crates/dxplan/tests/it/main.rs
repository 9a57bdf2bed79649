//! Every test of the command line in one binary (matklad, "Delete Cargo Integration Tests"): one
//! link instead of one per file. Each module is what a user or CI meets through `dxplan`; tests
//! that drive real readers are behind the `interop` feature (`.ci/run` turns it on).

mod common;

mod build_rules;
mod cli;
mod corpus;
mod docx;
mod fix;
mod formats;
mod hostile;
mod import;
mod integrations;
mod interop;
mod next_year;
mod official_text;
mod ooxml;
mod pages;
mod pdf;
mod report;
mod rollup;
mod status;
mod suppress;
