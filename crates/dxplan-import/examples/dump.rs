//! `cargo run -p dxplan-import --example dump FILE.docx`: the blocks the reader sees.
fn main() {
    let f = std::env::args().nth(1).expect("a DOCX");
    let doc = dxplan_import::docx::read(&std::fs::read(f).unwrap()).unwrap();
    for b in doc.blocks.iter().take(40) {
        println!("{b:?}");
    }
}
