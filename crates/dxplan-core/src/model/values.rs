//! Parsing of the values authors write as text: amounts, dates and timeframes.

use crate::model::types::Amount;

/// An amount in triệu đồng from a number or Vietnamese-style text ("1.234,5", "1234,5", "1234.5").
pub fn amount(a: &Amount) -> Option<f64> {
    match a {
        Amount::Number(n) => n.is_finite().then_some(*n),
        Amount::Text(s) => amount_text(s),
    }
}

/// An amount as a person writes it: "1.234,5" (Vietnamese), "1.200" (grouped), "1234.5".
pub fn amount_text(s: &str) -> Option<f64> {
    let t: String = s.trim().chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'))
    {
        return None;
    }
    let normalized = if t.contains(',') {
        // Vietnamese: `.` groups thousands, `,` is the decimal mark.
        t.replace('.', "").replace(',', ".")
    } else if t.matches('.').count() > 1 || is_grouped(&t) {
        t.replace('.', "")
    } else {
        t
    };
    normalized.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Above this many triệu đồng (10^15 đồng, many times a year's state budget) an amount is a typo or
/// an attack, not a budget: DX052 refuses it, and sums of such amounts would overflow.
pub const PLAUSIBLE_AMOUNT: f64 = 1e9;

/// Whether amount text really reads two ways: one comma followed by exactly three digits ("1,234")
/// is a decimal comma to a Vietnamese reader (1,234 triệu) and the English thousands comma (1234)
/// to a spreadsheet it was copied from. A dot followed by three digits ("38.500") is the usual
/// Vietnamese thousands separator in a Vietnamese plan, which the format documents: it reads one
/// way. "1.234,5", "12.345.678", "1234,5" and "950" are unambiguous too.
///
/// ```
/// use dxplan_core::model::values::amount_is_ambiguous;
/// assert!(amount_is_ambiguous("1,234"));
/// assert!(!amount_is_ambiguous("38.500"));
/// assert!(!amount_is_ambiguous("61.450"));
/// assert!(!amount_is_ambiguous("7.250,5"));
/// assert!(!amount_is_ambiguous("12.345.678"));
/// assert!(!amount_is_ambiguous("850"));
/// ```
pub fn amount_is_ambiguous(s: &str) -> bool {
    let t: String = s.trim().chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.trim_start_matches('-');
    let seps: Vec<(usize, char)> = t
        .char_indices()
        .filter(|(_, c)| matches!(c, '.' | ','))
        .collect();
    match seps.as_slice() {
        [(i, ',')] => {
            let (head, tail) = (&t[..*i], &t[i + 1..]);
            !head.is_empty() && head.len() <= 3 && tail.len() == 3
        }
        _ => false,
    }
}

/// "1.234" and "12.345.678" are thousand groups, not decimals, in Vietnamese writing.
fn is_grouped(t: &str) -> bool {
    let parts: Vec<&str> = t.trim_start_matches('-').split('.').collect();
    parts.len() > 1
        && parts[1..].iter().all(|p| p.len() == 3)
        && !parts[0].is_empty()
        && parts[0].len() <= 3
}

/// Vietnamese money format: thousands with `.`, decimals with `,` ("1.234,5").
///
/// Never "inf" nor a saturated integer: a sum that overflows prints "—" (and DX052 has already
/// refused the amounts that make it), a very large value prints all its digits.
///
/// ```
/// use dxplan_core::model::values::format_amount;
/// assert_eq!(format_amount(128_100.5), "128.100,5");
/// assert_eq!(format_amount(950.0), "950");
/// assert_eq!(format_amount(f64::INFINITY), "—");
/// assert_eq!(format_amount(1e20), "100.000.000.000.000.000.000");
/// ```
pub fn format_amount(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let neg = v < 0.0;
    let v = v.abs();
    // Three decimals at most; past 10^15 an f64 has no decimals left to round (and `v * 1000`
    // could overflow).
    let rounded = if v < 1e15 {
        (v * 1000.0).round() / 1000.0
    } else {
        v.trunc()
    };
    let whole = rounded.trunc();
    let frac = rounded - whole;
    // `{:.0}` prints every digit of the integer part, where `as u64` saturates past 1.8e19.
    let digits = format!("{whole:.0}");
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if frac > 1e-9 {
        let f = format!("{frac:.3}");
        let f = f
            .trim_start_matches('0')
            .trim_start_matches('.')
            .trim_end_matches('0');
        if !f.is_empty() {
            out.push(',');
            out.push_str(f);
        }
    }
    if neg { format!("-{out}") } else { out }
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// "05 tháng 01 năm 2023" as ND30 wants it: day < 10 and months 1–2 zero-padded.
    pub fn nd30_words(&self) -> String {
        let month = if self.month <= 2 {
            format!("{:02}", self.month)
        } else {
            self.month.to_string()
        };
        format!("ngày {:02} tháng {month} năm {}", self.day, self.year)
    }

    /// "03/11/2022", the usual form inside the body.
    pub fn dmy(&self) -> String {
        format!("{:02}/{:02}/{}", self.day, self.month, self.year)
    }

    /// "03/6/2020", "28/01/2022": how the framework writes dates in running text (day padded,
    /// month padded only for January and February, as ND30 pads them in the date line).
    pub fn short(&self) -> String {
        if self.month <= 2 {
            format!("{:02}/{:02}/{}", self.day, self.month, self.year)
        } else {
            format!("{:02}/{}/{}", self.day, self.month, self.year)
        }
    }
}

/// Why a date is not accepted.
#[derive(Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not a date in a known form.
    Format,
    /// Well-formed but does not exist (31/02, month 13).
    Impossible,
}

/// Accepts `YYYY-MM-DD`, `DD/MM/YYYY`, `D/M/YYYY` and `ngày 05 tháng 01 năm 2023`.
///
/// ```
/// use dxplan_core::model::values::{date, DateError};
/// assert_eq!(date("2023-01-05").unwrap().nd30_words(), "ngày 05 tháng 01 năm 2023");
/// assert_eq!(date("30/02/2023"), Err(DateError::Impossible));
/// ```
pub fn date(s: &str) -> Result<Date, DateError> {
    let s = s.trim();
    if s.contains("tháng") {
        let nums: Vec<&str> = s
            .split(|c: char| !c.is_ascii_digit())
            .filter(|x| !x.is_empty())
            .collect();
        let words_ok = s.contains("năm") && nums.len() == 3;
        return if words_ok {
            date(&format!("{}/{}/{}", nums[0], nums[1], nums[2]))
        } else {
            Err(DateError::Format)
        };
    }
    let (y, m, d) = if let Some((y, rest)) = s.split_once('-') {
        let (m, d) = rest.split_once('-').ok_or(DateError::Format)?;
        (y, m, d)
    } else {
        let mut it = s.split('/');
        let (d, m, y) = (it.next(), it.next(), it.next());
        if it.next().is_some() {
            return Err(DateError::Format);
        }
        (
            y.ok_or(DateError::Format)?,
            m.ok_or(DateError::Format)?,
            d.ok_or(DateError::Format)?,
        )
    };
    let num = |x: &str| -> Result<u32, DateError> {
        if x.is_empty() || x.len() > 4 || !x.chars().all(|c| c.is_ascii_digit()) {
            return Err(DateError::Format);
        }
        x.parse().map_err(|_| DateError::Format)
    };
    let (year, month, day) = (num(y)? as i32, num(m)?, num(d)?);
    if y.len() != 4 {
        return Err(DateError::Format);
    }
    // Documents a plan cites or is dated by fall between the 20th and the 22nd century; "0000"
    // or "9999" is a typo, and arithmetic on it (deadlines, periods) would print nonsense.
    if !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || !(1900..=2100).contains(&year)
    {
        return Err(DateError::Impossible);
    }
    Ok(Date { year, month, day })
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// A span of months, as (year, month) inclusive at both ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub start: (i32, u32),
    pub end: (i32, u32),
}

impl Period {
    pub fn covers_year(&self, year: i32) -> bool {
        self.start <= (year, 12) && self.end >= (year, 1)
    }
}

/// Timeframes as plans write them: "2023", "Năm 2023", "2022-2025", "2022 - 2025", "Quý I/2023",
/// "Quý I/2023 - Quý III/2023", "6/2023", "tháng 6/2023", "01/2023 - 06/2023", "30/6/2023",
/// "Thường xuyên" / "Hằng năm" (the whole plan year).
pub fn period(s: &str, plan_year: i32) -> Option<Period> {
    let t = s.trim().to_lowercase();
    if matches!(
        t.as_str(),
        "thường xuyên" | "hằng năm" | "hàng năm" | "cả năm" | "trong năm"
    ) {
        return Some(Period {
            start: (plan_year, 1),
            end: (plan_year, 12),
        });
    }
    let parts: Vec<&str> = t
        .split(['–', '—'])
        .flat_map(|p| split_range(p))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [one] => point(one),
        [a, b] => {
            let (a, b) = (point(a)?, point(b)?);
            (a.start <= b.end).then_some(Period {
                start: a.start,
                end: b.end,
            })
        }
        _ => None,
    }
}

/// Splits "2022-2025" or "Quý I/2023 - Quý III/2023" on the range dash, but not the dashes of an
/// ISO date.
fn split_range(p: &str) -> Vec<&str> {
    if let Some((a, b)) = p.split_once(" - ") {
        return vec![a, b];
    }
    let dashes = p.matches('-').count();
    if dashes == 1 {
        let (a, b) = p.split_once('-').unwrap_or((p, ""));
        return vec![a, b];
    }
    vec![p]
}

fn point(p: &str) -> Option<Period> {
    let p = p.trim();
    let p = p
        .strip_prefix("năm ")
        .or_else(|| p.strip_prefix("từ "))
        .or_else(|| p.strip_prefix("đến "))
        .unwrap_or(p)
        .trim();
    if let Some(q) = p.strip_prefix("quý ") {
        let (roman, year) = q.split_once('/')?;
        let quarter = match roman.trim() {
            "i" | "1" => 1,
            "ii" | "2" => 2,
            "iii" | "3" => 3,
            "iv" | "4" => 4,
            _ => return None,
        };
        let year: i32 = year.trim().parse().ok()?;
        return Some(Period {
            start: (year, quarter * 3 - 2),
            end: (year, quarter * 3),
        });
    }
    let p = p.strip_prefix("tháng ").unwrap_or(p).trim();
    if p.len() == 4 && p.chars().all(|c| c.is_ascii_digit()) {
        let y: i32 = p.parse().ok()?;
        return Some(Period {
            start: (y, 1),
            end: (y, 12),
        });
    }
    let fields: Vec<&str> = p.split('/').collect();
    match fields.as_slice() {
        [m, y] => {
            let (m, y): (u32, i32) = (m.trim().parse().ok()?, y.trim().parse().ok()?);
            ((1..=12).contains(&m)).then_some(Period {
                start: (y, m),
                end: (y, m),
            })
        }
        _ => date(p).ok().map(|d| Period {
            start: (d.year, d.month),
            end: (d.year, d.month),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_in_vietnamese_style() {
        assert_eq!(amount(&Amount::Text("1.234,5".into())), Some(1234.5));
        assert_eq!(amount(&Amount::Text("12.000".into())), Some(12000.0));
        assert_eq!(amount(&Amount::Text("2,5".into())), Some(2.5));
        assert_eq!(amount(&Amount::Text("abc".into())), None);
        assert_eq!(format_amount(1234.5), "1.234,5");
        assert_eq!(format_amount(1_000_000.0), "1.000.000");
        assert_eq!(format_amount(0.25), "0,25");
    }

    #[test]
    fn dates() {
        assert_eq!(
            date("2022-12-05").unwrap().nd30_words(),
            "ngày 05 tháng 12 năm 2022"
        );
        assert_eq!(
            date("5/1/2023").unwrap().nd30_words(),
            "ngày 05 tháng 01 năm 2023"
        );
        assert_eq!(
            date("29/6/2019").unwrap().nd30_words(),
            "ngày 29 tháng 6 năm 2019"
        );
        assert_eq!(date("31/02/2023"), Err(DateError::Impossible));
        assert_eq!(date("2023-13-01"), Err(DateError::Impossible));
        assert_eq!(date("hôm qua"), Err(DateError::Format));
        assert!(date("2024-02-29").is_ok());
        assert_eq!(
            date("ngày 27 tháng 9 năm 2019").unwrap().dmy(),
            "27/09/2019"
        );
    }

    #[test]
    fn periods() {
        let y = 2023;
        assert!(period("Năm 2023", y).unwrap().covers_year(2023));
        assert!(period("2022-2025", y).unwrap().covers_year(2023));
        assert!(!period("2020 - 2022", y).unwrap().covers_year(2023));
        let q = period("Quý I/2023 - Quý III/2023", y).unwrap();
        assert_eq!(q.start, (2023, 1));
        assert_eq!(q.end, (2023, 9));
        assert_eq!(period("tháng 6/2023", y).unwrap().start, (2023, 6));
        assert_eq!(period("01/2023 - 06/2023", y).unwrap().end, (2023, 6));
        assert!(period("Thường xuyên", y).unwrap().covers_year(2023));
        assert!(period("sớm nhất có thể", y).is_none());
        assert!(period("2025-2023", y).is_none());
    }
}

/// Roman numerals for phụ lục labels and appendix groups (1 → "I"); 0 gives "-".
pub fn roman(mut n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if n == 0 {
        return "-".to_string();
    }
    let mut s = String::new();
    for (v, d) in DIGITS {
        while n >= v {
            s.push_str(d);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod roman_tests {
    #[test]
    fn roman_numerals() {
        let r: Vec<String> = [1, 2, 3, 4, 9, 14, 15, 40, 1994]
            .into_iter()
            .map(super::roman)
            .collect();
        assert_eq!(
            r,
            ["I", "II", "III", "IV", "IX", "XIV", "XV", "XL", "MCMXCIV"]
        );
    }
}
