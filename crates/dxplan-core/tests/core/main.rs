//! Every test of the core in one binary (matklad, "Delete Cargo Integration Tests"), in-process
//! and without typst: `cargo test -p dxplan-core` after a change to a rule takes seconds to link.

mod common;

mod compose;
mod conservation;
mod framework;
mod layouts;
mod load;
mod quiet;
mod registry;
