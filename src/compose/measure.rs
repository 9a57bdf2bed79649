//! Text widths from the embedded Liberation Serif (metric-compatible with Times New Roman), so
//! rules can be exactly as long as the line they underline, in both renderers.

use std::sync::OnceLock;

pub const REGULAR: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Bold.ttf");
pub const ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-Italic.ttf");
pub const BOLD_ITALIC: &[u8] = include_bytes!("../../assets/fonts/LiberationSerif-BoldItalic.ttf");

struct Metrics {
    units_per_em: f32,
    advances: std::collections::HashMap<char, u16>,
    fallback: u16,
}

fn load(data: &[u8]) -> Metrics {
    let face = ttf_parser::Face::parse(data, 0).expect("embedded font parses");
    let mut advances = std::collections::HashMap::new();
    let fallback = face
        .glyph_index('n')
        .and_then(|g| face.glyph_hor_advance(g))
        .unwrap_or(500);
    if let Some(cmap) = face.tables().cmap {
        for sub in cmap.subtables {
            if !sub.is_unicode() {
                continue;
            }
            sub.codepoints(|cp| {
                if let Some(c) = char::from_u32(cp)
                    && let Some(g) = sub.glyph_index(cp)
                    && let Some(a) = face.glyph_hor_advance(g)
                {
                    advances.entry(c).or_insert(a);
                }
            });
        }
    }
    Metrics {
        units_per_em: face.units_per_em() as f32,
        advances,
        fallback,
    }
}

fn metrics(bold: bool, italic: bool) -> &'static Metrics {
    static M: OnceLock<[Metrics; 4]> = OnceLock::new();
    let all = M.get_or_init(|| [load(REGULAR), load(BOLD), load(ITALIC), load(BOLD_ITALIC)]);
    &all[(bold as usize) | ((italic as usize) << 1)]
}

/// Advance width of `text` in points at `size` pt (no kerning: Word and LibreOffice do not kern
/// Times New Roman by default either).
pub fn width(text: &str, size: f32, bold: bool, italic: bool) -> f32 {
    let m = metrics(bold, italic);
    let units: u32 = text
        .chars()
        .map(|c| *m.advances.get(&c).unwrap_or(&m.fallback) as u32)
        .sum();
    units as f32 / m.units_per_em * size
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
