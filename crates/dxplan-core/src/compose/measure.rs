//! Text widths from the embedded Liberation Serif (metric-compatible with Times New Roman), so
//! rules can be exactly as long as the line they underline, in both renderers.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU16, Ordering};

pub const REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/LiberationSerif-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../../../assets/fonts/LiberationSerif-Bold.ttf");
pub const ITALIC: &[u8] = include_bytes!("../../../../assets/fonts/LiberationSerif-Italic.ttf");
pub const BOLD_ITALIC: &[u8] =
    include_bytes!("../../../../assets/fonts/LiberationSerif-BoldItalic.ttf");

fn faces() -> &'static [ttf_parser::Face<'static>; 4] {
    static F: OnceLock<[ttf_parser::Face<'static>; 4]> = OnceLock::new();
    // Parsing a face only reads its table directory; glyphs are looked up on demand below, so
    // measuring the few header lines costs microseconds, not a walk over every glyph.
    F.get_or_init(|| {
        [REGULAR, BOLD, ITALIC, BOLD_ITALIC]
            .map(|d| ttf_parser::Face::parse(d, 0).expect("embedded font parses"))
    })
}

/// Advances of the characters below U+2000 (Latin and every precomposed Vietnamese letter), per
/// face, looked up once: the danh mục's column widths measure every word of every cell, and the
/// font's character map is a binary search per character.
const CACHED: usize = 0x2000;
const UNKNOWN: u16 = u16::MAX;
#[allow(clippy::declare_interior_mutable_const)]
const EMPTY: AtomicU16 = AtomicU16::new(UNKNOWN);
#[allow(clippy::declare_interior_mutable_const)]
const EMPTY_FACE: [AtomicU16; CACHED] = [EMPTY; CACHED];
static ADVANCES: [[AtomicU16; CACHED]; 4] = [EMPTY_FACE; 4];

/// Advance width of `text` in points at `size` pt (no kerning: Word and LibreOffice do not kern
/// Times New Roman by default either).
pub fn width(text: &str, size: f32, bold: bool, italic: bool) -> f32 {
    let which = (bold as usize) | ((italic as usize) << 1);
    let face = &faces()[which];
    let advance = |c: char| {
        let fallback = || {
            face.glyph_index('n')
                .and_then(|g| face.glyph_hor_advance(g))
                .unwrap_or(500)
        };
        face.glyph_index(c)
            .and_then(|g| face.glyph_hor_advance(g))
            .unwrap_or_else(fallback)
    };
    let units: u32 = text
        .chars()
        .map(|c| {
            let Some(slot) = ADVANCES[which].get(c as usize) else {
                return advance(c) as u32;
            };
            match slot.load(Ordering::Relaxed) {
                UNKNOWN => {
                    let a = advance(c).min(UNKNOWN - 1);
                    slot.store(a, Ordering::Relaxed);
                    a as u32
                }
                a => a as u32,
            }
        })
        .sum();
    units as f32 / face.units_per_em() as f32 * size
}

#[cfg(test)]
mod tests {
    #[test]
    fn motto_width_is_plausible() {
        let w = super::width("Độc lập - Tự do - Hạnh phúc", 14.0, true, false);
        // About 6.1 cm in Times New Roman Bold 14 pt.
        assert!((160.0..190.0).contains(&w), "{w}");
    }
}
