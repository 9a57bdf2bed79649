//! `dxplan import`: a plan written in Word (a DOCX from anywhere) in, a plan directory out, laid
//! out as `dxplan init` lays it out. The framework says where each paragraph belongs: headings are
//! matched to its headings (by number and words, diacritics-insensitive as a fallback, typed or
//! Word-numbered), the text under them goes to their sections. Nothing is lost: what cannot be
//! placed goes to `chua-xep.md` with its paragraph number, and the command lists it.
//!
//! Stage: `docx` (bounded reading) → `place` (structure on the framework) → files.

mod carry;
pub mod docx;
pub mod numbering;
pub mod place;
pub mod tcvn3;
pub mod vni;

pub use place::{Imported, import};

/// The level of the body that issued the document, read off its header: a ministry („BỘ …”,
/// the agencies at ministry level) or a province („ỦY BAN NHÂN DÂN …”). `None` when the header
/// names neither, for the caller's default.
pub fn issuer_level(doc: &docx::Document) -> Option<dxplan_core::model::Level> {
    use dxplan_core::model::Level;
    let head = doc.blocks.iter().take_while(|b| {
        !matches!(b, docx::Block::Para(p) if matches!(p.text.trim(), "KẾ HOẠCH" | "QUYẾT ĐỊNH"))
    });
    for b in head {
        let lines: Vec<&str> = match b {
            docx::Block::Table(t) => t.rows.iter().flatten().flat_map(|c| c.lines()).collect(),
            docx::Block::Para(p) => p.text.lines().collect(),
        };
        for l in lines {
            let f = place::fold(l);
            if f.starts_with("uy ban nhan dan") || f.starts_with("ubnd") {
                return Some(Level::Tinh);
            }
            if f.starts_with("bo ")
                || f.starts_with("ngan hang nha nuoc")
                || f.starts_with("thanh tra chinh phu")
                || f.starts_with("van phong chinh phu")
            {
                return Some(Level::Bo);
            }
        }
    }
    None
}

/// The plan year a document names in its title ("… năm 2026" after "KẾ HOẠCH"), to choose the
/// framework it was written on when the user names none.
pub fn title_year(doc: &docx::Document) -> Option<i32> {
    let blocks = &doc.blocks;
    let at = blocks
        .iter()
        .position(|b| matches!(b, docx::Block::Para(p) if p.text.trim() == "KẾ HOẠCH"))?;
    // The first title line that names a year: the trích yếu ("… năm 2026"), not Phần I's year.
    blocks[at + 1..]
        .iter()
        .take(3)
        .filter_map(|b| match b {
            docx::Block::Para(p) => Some(p.text.as_str()),
            _ => None,
        })
        .find_map(|t| {
            t.split(|c: char| !c.is_ascii_digit())
                .filter(|x| x.len() == 4)
                .filter_map(|x| x.parse::<i32>().ok())
                .rfind(|y| (2000..=2100).contains(y))
        })
}
