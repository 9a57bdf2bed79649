//! A phụ lục of the plan's own is well formed.

use crate::check::Ctx;
use crate::diag::{Diagnostic, Rule, Violation};
use crate::lang::Msg;
use crate::model::appendices::{PAST_ID, PROJECTS_ID};
use crate::msg;

crate::declare_rule! {
    /// Kiểm tra: mỗi phụ lục riêng (tệp có khóa `appendix`) có mã riêng, có đúng một bảng — ghi
    /// tay (`table`) hoặc do dxplan lập (`generate`) — và mỗi hàng của bảng ghi tay có đủ số ô như
    /// số cột.
    ///
    /// Vì sao: hàng thiếu, thừa ô làm lệch cột so với tiêu đề trong văn bản in; hai phụ lục cùng
    /// mã thì dẫn chiếu `{phụ lục:mã}` không biết trỏ vào đâu.
    ///
    /// Ví dụ sai: bảng 4 cột, một hàng `["1", "Tỷ lệ hồ sơ trực tuyến", "50%"]`.
    /// Sửa: thêm ô còn thiếu (để `""` nếu trống).
    APPENDIX_TABLE {
        code: "DX029",
        name: "appendix-table",
        severity: Error,
        summary: ("Phụ lục riêng không hợp lệ", "Invalid phụ lục of the plan's own"),
        clause: "NĐ 30/2020, Phụ lục I, mục III.1.đ",
        en: "Checks each phụ lục of the plan's own (a file with `appendix`): a unique id, exactly one table (`table` written by hand or `generate`d by dxplan), and every row of a hand-written table with as many cells as there are columns. Why: a short row shifts the columns in print; two phụ lục with one id make references ambiguous. Fix: the message says which.",
    }
}

pub fn check(ctx: &mut Ctx) {
    let mut out = Vec::new();
    let mut seen: Vec<&str> = vec![PROJECTS_ID, PAST_ID];
    for a in &ctx.plan.appendices {
        let f = &a.file;
        let id = f.appendix.value.trim();
        if seen.contains(&id) {
            out.push(
                Diagnostic::of(&OwnTable::IdUsed(id.to_string()))
                    .at(a.source, f.appendix.span.clone()),
            );
        }
        seen.push(id);
        if f.table.is_some() == f.generate.is_some() {
            out.push(
                Diagnostic::of(&OwnTable::NotOneTable(id.to_string()))
                    .at(a.source, f.appendix.span.clone()),
            );
        }
        let Some(t) = &f.table else { continue };
        let n = t.columns.len();
        // Widths in mm: positive, and together no wider than the page's text (−50 wrote a
        // negative grid column; 1e308 failed the PDF).
        let landscape = f
            .orientation
            .as_ref()
            .is_none_or(|o| o.value == crate::model::types::Orientation::Landscape);
        let room = crate::compose::text_width_mm(landscape);
        let mut sum = 0.0;
        for c in &t.columns {
            let Some(w) = &c.width else { continue };
            let bad = !w.value.is_finite() || w.value <= 0.0 || w.value > room;
            if bad {
                let found = OwnTable::Width {
                    id: id.to_string(),
                    width: w.value,
                    room,
                };
                out.push(Diagnostic::of(&found).at(a.source, w.span.clone()));
            } else {
                sum += w.value;
            }
        }
        if sum > room + 0.05 {
            let found = OwnTable::Widths {
                id: id.to_string(),
                sum,
                room,
            };
            out.push(Diagnostic::of(&found).at(a.source, f.appendix.span.clone()));
        }
        for (i, row) in t.rows.iter().enumerate() {
            // One cell is a group row ("Dữ liệu số", "I. …"): it spans every column.
            if row.len() == n || row.len() == 1 {
                continue;
            }
            let (got, line) = (row.len(), i + 1);
            let span = row
                .first()
                .map(|c| c.span.start..row.last().map_or(c.span.end, |l| l.span.end))
                .unwrap_or_else(|| f.appendix.span.clone());
            let short = OwnTable::Row {
                id: id.to_string(),
                line,
                cells: got,
                columns: n,
            };
            out.push(Diagnostic::of(&short).at(a.source, span));
        }
    }
    // `[appendices] order` names only phụ lục the plan has, each once.
    if let Some(c) = &ctx.plan.config
        && let Some(a) = &c.appendices
    {
        let ids: Vec<String> = ctx.plan.appendix_list().into_iter().map(|a| a.id).collect();
        let mut named: Vec<&str> = Vec::new();
        for o in &a.order {
            let id = o.value.trim();
            if !ids.iter().any(|x| x == id) || named.contains(&id) {
                let found = OwnTable::NotInOrder {
                    id: id.to_string(),
                    twice: named.contains(&id),
                    ids: ids.join(", "),
                };
                out.push(Diagnostic::of(&found).at(c.source, o.span.clone()));
            }
            named.push(id);
        }
    }
    ctx.report_all(out);
}

/// What is wrong with a phụ lục of the plan's own.
enum OwnTable {
    IdUsed(String),
    NotOneTable(String),
    /// `[appendices] order` names an id no phụ lục has, or one twice; `ids`: the plan's.
    NotInOrder {
        id: String,
        twice: bool,
        ids: String,
    },
    /// A column width that is no width: ≤ 0, not finite, or wider than the page's text.
    Width {
        id: String,
        width: f64,
        room: f64,
    },
    /// The given widths together are wider than the page's text.
    Widths {
        id: String,
        sum: f64,
        room: f64,
    },
    /// A row with another number of cells than the table's columns (one cell is a group row).
    Row {
        id: String,
        line: usize,
        cells: usize,
        columns: usize,
    },
}

impl Violation for OwnTable {
    fn rule(&self) -> &'static Rule {
        &APPENDIX_TABLE
    }

    fn message(&self) -> Msg {
        match self {
            OwnTable::IdUsed(id) => msg!(
                "Mã phụ lục „{id}” đã dùng",
                "The phụ lục id „{id}” is already used"
            ),
            OwnTable::NotOneTable(id) => msg!(
                "Phụ lục „{id}” cần đúng một bảng: `table` hoặc `generate`",
                "Phụ lục „{id}” needs exactly one table: `table` or `generate`"
            ),
            OwnTable::NotInOrder {
                id, twice: true, ..
            } => msg!(
                "`[appendices] order` nêu „{id}” hai lần",
                "`[appendices] order` names „{id}” twice"
            ),
            OwnTable::NotInOrder { id, .. } => msg!(
                "`[appendices] order` nêu „{id}”, không phải một phụ lục của kế hoạch",
                "`[appendices] order` names „{id}”, which is no phụ lục of the plan"
            ),
            OwnTable::Width { id, width, room } => {
                let (w, r) = (fmt_mm(*width), fmt_mm(*room));
                msg!(
                    "Cột của phụ lục „{id}” rộng {w} mm: phải lớn hơn 0 và không quá {r} mm (chiều rộng trang)",
                    "A column of phụ lục „{id}” is {w} mm wide: it must be above 0 and at most {r} mm (the page's width)"
                )
            }
            OwnTable::Widths { id, sum, room } => {
                let (s, r) = (fmt_mm(*sum), fmt_mm(*room));
                msg!(
                    "Các cột của phụ lục „{id}” cộng lại rộng {s} mm, trang chỉ có {r} mm",
                    "The columns of phụ lục „{id}” add up to {s} mm; the page has {r} mm"
                )
            }
            OwnTable::Row {
                id,
                line,
                cells: got,
                columns: n,
            } => msg!(
                "Hàng {line} của phụ lục „{id}” có {got} ô, bảng có {n} cột",
                "Row {line} of phụ lục „{id}” has {got} cells, the table has {n} columns"
            ),
        }
    }

    fn hint(&self) -> Option<Msg> {
        match self {
            OwnTable::IdUsed(_) => Some(msg!(
                "Đặt một mã khác; „{PROJECTS_ID}” và „{PAST_ID}” là của các phụ lục dxplan lập.",
                "Choose another id; „{PROJECTS_ID}” and „{PAST_ID}” belong to the generated ones."
            )),
            OwnTable::NotOneTable(_) => None,
            OwnTable::Width { .. } | OwnTable::Widths { .. } => Some(msg!(
                "Ghi độ rộng bằng mm cho một số cột; cột không ghi chia đều phần còn lại.",
                "Give some columns a width in mm; the others share the rest."
            )),
            OwnTable::NotInOrder { ids, .. } => Some(msg!(
                "Các phụ lục của kế hoạch: {ids}.",
                "The plan's phụ lục: {ids}."
            )),
            OwnTable::Row { columns: n, .. } => Some(msg!(
                "Thêm hoặc bớt ô cho đủ {n}; ô trống ghi \"\".",
                "Add or remove cells to make {n}; an empty cell is \"\"."
            )),
        }
    }
}

/// "12,5" — a width as Vietnamese write it; a huge or odd value as is.
fn fmt_mm(v: f64) -> String {
    if v.is_finite() && v.abs() < 1e6 {
        crate::model::values::format_amount(v)
    } else {
        format!("{v}")
    }
}
