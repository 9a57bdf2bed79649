//! Every test of the renderers in one binary: the mutation fuzzer of check and the DOCX writer.

mod common;

mod fuzz;
