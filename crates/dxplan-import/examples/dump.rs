//! `cargo run -p dxplan-import --example dump FILE.docx [ALL]`: the blocks the reader sees.
fn main() {
    let f = std::env::args().nth(1).expect("a DOCX");
    let all = std::env::args().nth(2).is_some();
    let doc = dxplan_import::docx::read(&std::fs::read(f).unwrap()).unwrap();
    for b in doc.blocks.iter().take(if all { usize::MAX } else { 40 }) {
        println!("{b:?}");
    }
}
