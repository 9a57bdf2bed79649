//! TCVN3 (ABC, TCVN 5712:1993 VN3): the encoding of older Vietnamese documents, set in fonts
//! named ".VnTime", ".VnArial" … Each Vietnamese letter is a single byte, which a DOCX carries as
//! the Latin-1 character of that byte ("¸" for "á"); the fonts ending in "H" (".VnTimeH") draw
//! the same bytes as capitals. Decoding maps them back to Unicode (NFC).

/// (TCVN3 character, lower-case letter). Capitals of ă â ê ô ơ ư đ have their own bytes in the
/// lower-case fonts; the others are drawn by the "…H" fonts.
const TABLE: &[(char, char)] = &[
    ('µ', 'à'),
    ('¸', 'á'),
    ('¶', 'ả'),
    ('·', 'ã'),
    ('¹', 'ạ'),
    ('¨', 'ă'),
    ('»', 'ằ'),
    ('¾', 'ắ'),
    ('¼', 'ẳ'),
    ('½', 'ẵ'),
    ('Æ', 'ặ'),
    ('©', 'â'),
    ('Ç', 'ầ'),
    ('Ê', 'ấ'),
    ('È', 'ẩ'),
    ('É', 'ẫ'),
    ('Ë', 'ậ'),
    ('®', 'đ'),
    ('Ì', 'è'),
    ('Ð', 'é'),
    ('Î', 'ẻ'),
    ('Ï', 'ẽ'),
    ('Ñ', 'ẹ'),
    ('ª', 'ê'),
    ('Ò', 'ề'),
    ('Õ', 'ế'),
    ('Ó', 'ể'),
    ('Ô', 'ễ'),
    ('Ö', 'ệ'),
    ('×', 'ì'),
    ('Ý', 'í'),
    ('Ø', 'ỉ'),
    ('Ü', 'ĩ'),
    ('Þ', 'ị'),
    ('ß', 'ò'),
    ('ã', 'ó'),
    ('á', 'ỏ'),
    ('â', 'õ'),
    ('ä', 'ọ'),
    ('«', 'ô'),
    ('å', 'ồ'),
    ('è', 'ố'),
    ('æ', 'ổ'),
    ('ç', 'ỗ'),
    ('é', 'ộ'),
    ('¬', 'ơ'),
    ('ê', 'ờ'),
    ('í', 'ớ'),
    ('ë', 'ở'),
    ('ì', 'ỡ'),
    ('î', 'ợ'),
    ('ï', 'ù'),
    ('ó', 'ú'),
    ('ñ', 'ủ'),
    ('ò', 'ũ'),
    ('ô', 'ụ'),
    ('\u{ad}', 'ư'),
    ('õ', 'ừ'),
    ('ø', 'ứ'),
    ('ö', 'ử'),
    ('÷', 'ữ'),
    ('ù', 'ự'),
    ('ú', 'ỳ'),
    ('ý', 'ý'),
    ('û', 'ỷ'),
    ('ü', 'ỹ'),
    ('þ', 'ỵ'),
    ('¡', 'Ă'),
    ('¢', 'Â'),
    ('£', 'Ê'),
    ('¤', 'Ô'),
    ('¥', 'Ơ'),
    ('¦', 'Ư'),
    ('§', 'Đ'),
];

/// Whether a font is one of the TCVN3 fonts (".VnTime", ".VnTimeH", ".VnArial" …).
pub fn is_tcvn3_font(name: &str) -> bool {
    name.starts_with(".Vn")
}

/// Text set in a TCVN3 font, as Unicode; `capitals` for the "…H" fonts.
pub fn decode(text: &str, capitals: bool) -> String {
    let mapped: String = text
        .chars()
        .map(|c| TABLE.iter().find(|(t, _)| *t == c).map_or(c, |(_, u)| *u))
        .collect();
    let out = if capitals {
        mapped.to_uppercase()
    } else {
        mapped
    };
    unicode_normalization::UnicodeNormalization::nfc(out.chars()).collect()
}

/// Unicode text as an old document sets it in TCVN3: runs of (bytes as Latin-1 characters,
/// whether the run needs a "…H" capitals font). The inverse of [`decode`], for building test
/// files as clerks' older documents are; a capital with no byte of its own in the lower-case
/// fonts (Ớ, Ệ …) goes into a capitals run.
pub fn encode(text: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let nfc: String = unicode_normalization::UnicodeNormalization::nfc(text.chars()).collect();
    for c in nfc.chars() {
        let byte = |u: char| TABLE.iter().find(|(_, x)| *x == u).map(|(t, _)| *t);
        let (b, caps) = match byte(c) {
            Some(b) => (b, false),
            None => match c.to_lowercase().next().and_then(byte) {
                Some(b) if c.is_uppercase() => (b, true),
                _ => (c, false),
            },
        };
        match out.last_mut() {
            Some((s, k)) if *k == caps => s.push(b),
            _ => out.push((b.to_string(), caps)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn encoding_and_decoding_give_the_text_back() {
        let text = "KẾ HOẠCH Chuyển đổi số tỉnh Hà Lâm: Ưu tiên Ở ĐÂU, Đường thủy";
        let back: String = super::encode(text)
            .iter()
            .map(|(s, caps)| super::decode(s, *caps))
            .collect();
        assert_eq!(back, text);
    }

    #[test]
    fn decodes_what_the_old_fonts_drew() {
        use super::decode;
        assert_eq!(decode("ChuyÓn ®æi sè tØnh", false), "Chuyển đổi số tỉnh");
        assert_eq!(
            decode("B¸t X¸t, B¶o Th¾ng, M\u{ad}êng Kh\u{ad}¬ng", false),
            "Bát Xát, Bảo Thắng, Mường Khương"
        );
        assert_eq!(decode("KÕ ho¹ch", true), "KẾ HOẠCH");
    }
}
