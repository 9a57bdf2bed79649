//! VNI (VNI Windows): the other encoding of older Vietnamese documents, set in fonts named
//! "VNI-Times", "VNI-Helve" … Unlike TCVN3, a letter with a tone is two characters: the base
//! letter and a mark drawn over it ("aù" for "á", "oâ" for "ô", "oá" for "ố"); a few letters have
//! one character of their own ("ñ" đ, "ô" ơ, "ö" ư, "í" í, "ì" ì, "æ" ỉ, "ó" ĩ, "ò" ị, "î" ỵ). Both
//! cases use the same characters, upper-case for capitals. Decoding turns marks into Unicode's
//! combining marks after their base and composes the text (NFC).

use unicode_normalization::UnicodeNormalization;

const ACUTE: char = '\u{301}';
const GRAVE: char = '\u{300}';
const HOOK: char = '\u{309}';
const TILDE: char = '\u{303}';
const DOT: char = '\u{323}';
const CIRCUMFLEX: char = '\u{302}';
const BREVE: char = '\u{306}';
const HORN: char = '\u{31b}';

/// Whether a font is one of the VNI fonts.
pub fn is_vni_font(name: &str) -> bool {
    name.to_ascii_uppercase().starts_with("VNI-")
}

/// A mark character: the combining marks it stands for, lower-case form.
fn marks(c: char) -> Option<&'static [char]> {
    Some(match c {
        'ù' => &[ACUTE],
        'ø' => &[GRAVE],
        'û' => &[HOOK],
        'õ' => &[TILDE],
        'ï' => &[DOT],
        'â' => &[CIRCUMFLEX],
        'á' => &[CIRCUMFLEX, ACUTE],
        'à' => &[CIRCUMFLEX, GRAVE],
        'å' => &[CIRCUMFLEX, HOOK],
        'ã' => &[CIRCUMFLEX, TILDE],
        'ä' => &[CIRCUMFLEX, DOT],
        'ê' => &[BREVE],
        'é' => &[BREVE, ACUTE],
        'è' => &[BREVE, GRAVE],
        'ú' => &[BREVE, HOOK],
        'ü' => &[BREVE, TILDE],
        'ë' => &[BREVE, DOT],
        _ => return None,
    })
}

/// A letter with a character of its own: the Unicode letter (base and marks), lower-case form.
fn own(c: char) -> Option<(char, &'static [char])> {
    Some(match c {
        'ñ' => ('đ', &[]),
        'ô' => ('o', &[HORN]),
        'ö' => ('u', &[HORN]),
        'í' => ('i', &[ACUTE]),
        'ì' => ('i', &[GRAVE]),
        'æ' => ('i', &[HOOK]),
        'ó' => ('i', &[TILDE]),
        'ò' => ('i', &[DOT]),
        'î' => ('y', &[DOT]),
        _ => return None,
    })
}

fn lower(c: char) -> (char, bool) {
    let l = c.to_lowercase().next().unwrap_or(c);
    (l, l != c)
}

/// Text set in a VNI font, as Unicode (NFC).
pub fn decode(text: &str) -> String {
    decode_after(None, text)
}

/// As [`decode`], for a run that follows `prev` in its paragraph: Word splits runs anywhere, also
/// between a letter and its mark, so a run may begin with a mark for the letter before it (then
/// the result begins with a combining mark, for the caller to compose with that letter).
pub fn decode_after(prev: Option<char>, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Whether the last character written is a vowel a mark may sit on.
    let mut base = prev.is_some_and(|p| {
        p.to_lowercase()
            .flat_map(|l| l.nfd())
            .next()
            .is_some_and(|b| matches!(b, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
    });
    for c in text.chars() {
        let (l, upper) = lower(c);
        if base && let Some(m) = marks(l) {
            // The breve and circumflex only sit on their own vowels; a tone on anything.
            out.extend(m.iter());
            continue;
        }
        if let Some((letter, m)) = own(l) {
            if upper {
                out.extend(letter.to_uppercase());
            } else {
                out.push(letter);
            }
            out.extend(m.iter());
            base = letter != 'đ';
            continue;
        }
        out.push(c);
        base = matches!(l, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    }
    out.nfc().collect()
}

/// Unicode text as a VNI font sets it: the inverse of [`decode`], for building test files as
/// clerks' older documents are.
pub fn encode(text: &str) -> String {
    let tone = |m: &[char]| {
        m.iter().find_map(|c| match *c {
            ACUTE => Some(0),
            GRAVE => Some(1),
            HOOK => Some(2),
            TILDE => Some(3),
            DOT => Some(4),
            _ => None,
        })
    };
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.nfc() {
        let (l, upper) = lower(c);
        let mut d = l.nfd();
        let base = d.next().unwrap_or(l);
        let m: Vec<char> = d.collect();
        let t = tone(&m);
        let mut s = String::new();
        if l == 'đ' {
            s.push('ñ');
        } else if m.contains(&HORN) {
            s.push(if base == 'o' { 'ô' } else { 'ö' });
            if let Some(t) = t {
                s.push(['ù', 'ø', 'û', 'õ', 'ï'][t]);
            }
        } else if base == 'i' && t.is_some() {
            s.push(['í', 'ì', 'æ', 'ó', 'ò'][t.unwrap_or(0)]);
        } else if base == 'y' && t == Some(4) {
            s.push('î');
        } else if m.contains(&CIRCUMFLEX) {
            s.push(base);
            s.push(t.map_or('â', |t| ['á', 'à', 'å', 'ã', 'ä'][t]));
        } else if m.contains(&BREVE) {
            s.push(base);
            s.push(t.map_or('ê', |t| ['é', 'è', 'ú', 'ü', 'ë'][t]));
        } else if let Some(t) = t.filter(|_| "aeouy".contains(base)) {
            s.push(base);
            s.push(['ù', 'ø', 'û', 'õ', 'ï'][t]);
        } else {
            out.push(c);
            continue;
        }
        if upper {
            out.extend(s.chars().flat_map(char::to_uppercase));
        } else {
            out.push_str(&s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn encoding_and_decoding_give_the_text_back() {
        let text =
            "KẾ HOẠCH Chuyển đổi số tỉnh Hà Lâm: Ưu tiên Ở ĐÂU, Đường thủy, Tân Lĩnh, Ỵ ỵ ặ Ặ";
        assert_eq!(super::decode(&super::encode(text)), text);
    }

    use super::decode;

    #[test]
    fn decodes_what_the_vni_fonts_drew() {
        assert_eq!(decode("Chuyeån ñoåi soá tænh"), "Chuyển đổi số tỉnh");
        assert_eq!(decode("KEÁ HOAÏCH"), "KẾ HOẠCH");
        assert_eq!(decode("Ñöôøng thuûy, ÖÙng duïng"), "Đường thủy, Ứng dụng");
        assert_eq!(decode("naêm 2023, Taân Lónh"), "năm 2023, Tân Lĩnh");
        assert_eq!(decode("UÛy ban nhaân daân"), "Ủy ban nhân dân");
    }

    #[test]
    fn a_mark_may_begin_the_next_run() {
        use super::decode_after;
        let first = decode("Chuye");
        let second = decode_after(first.chars().last(), "ån ñoåi");
        let joined: String =
            unicode_normalization::UnicodeNormalization::nfc(format!("{first}{second}").chars())
                .collect();
        assert_eq!(joined, "Chuyển đổi");
    }
}
