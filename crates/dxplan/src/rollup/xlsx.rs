//! The roll-up as an Excel workbook (rust_xlsxwriter): a sheet per section, frozen header row,
//! autofilter, widths for Vietnamese text, number formats, "chưa có" in colour. The creation date
//! is fixed (SOURCE_DATE_EPOCH or 1980-01-01), so the same plans give the same bytes.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::{Rollup, TaskState};

/// Excel holds at most 32,767 characters in a cell; one longer text made the whole workbook fail.
/// Such a text is cut (and ends in "… [đã cắt]"), and the command says how many were.
const CELL_MAX: usize = 32_767;
static CUT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// How many cells the last render cut.
pub fn cut_cells() -> usize {
    CUT.load(std::sync::atomic::Ordering::Relaxed)
}

fn fit(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().count() <= CELL_MAX {
        return s.into();
    }
    CUT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mark = "… [đã cắt]";
    let keep: String = s.chars().take(CELL_MAX - mark.chars().count()).collect();
    format!("{keep}{mark}").into()
}

/// Text cells through [`fit`].
trait WriteText {
    fn write_text(&mut self, row: u32, col: u16, s: &str) -> Result<&mut Worksheet, XlsxError>;
    fn write_text_with_format(
        &mut self,
        row: u32,
        col: u16,
        s: &str,
        f: &rust_xlsxwriter::Format,
    ) -> Result<&mut Worksheet, XlsxError>;
}

impl WriteText for Worksheet {
    fn write_text(&mut self, row: u32, col: u16, s: &str) -> Result<&mut Worksheet, XlsxError> {
        self.write_string(row, col, fit(s).as_ref())
    }

    fn write_text_with_format(
        &mut self,
        row: u32,
        col: u16,
        s: &str,
        f: &rust_xlsxwriter::Format,
    ) -> Result<&mut Worksheet, XlsxError> {
        self.write_string_with_format(row, col, fit(s).as_ref(), f)
    }
}

fn header(ws: &mut Worksheet, heads: &[&str], widths: &[f64]) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_background_color("#DDDDDD");
    for (c, h) in heads.iter().enumerate() {
        ws.write_text_with_format(0, c as u16, h, &bold)?;
        ws.set_column_width(c as u16, widths.get(c).copied().unwrap_or(14.0))?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn filter(ws: &mut Worksheet, rows: u32, cols: usize) -> Result<(), XlsxError> {
    if rows > 0 && cols > 0 {
        ws.autofilter(0, 0, rows, (cols - 1) as u16)?;
    }
    Ok(())
}

pub fn render(r: &Rollup, timestamp: Option<i64>) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let (y, m, d, ..) = dxplan_render::civil(timestamp.unwrap_or(315_532_800));
    let when = ExcelDateTime::from_ymd(y as u16, m as u8, d as u8)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title("Tổng hợp kế hoạch chuyển đổi số")
            .set_creation_datetime(&when),
    );
    let f = Formats {
        amount: Format::new().set_num_format("#,##0.###"),
        missing: Format::new().set_background_color("#F8D0D0"),
        bold: Format::new().set_bold(),
    };

    overview(&mut wb, r, &f)?;
    priority_matrix(&mut wb, r, &f)?;
    metrics(&mut wb, r, &f)?;
    budget(&mut wb, r, &f)?;
    targets_and_projects(&mut wb, r, &f)?;
    wb.save_to_buffer()
}

/// The cell formats the sheets use.
struct Formats {
    amount: Format,
    missing: Format,
    /// Totals rows.
    bold: Format,
}

/// The overview: one row per plan, its findings, counts, budget and progress.
fn overview(wb: &mut Workbook, r: &Rollup, f: &Formats) -> Result<(), XlsxError> {
    let (amount, missing) = (&f.amount, &f.missing);
    // Tổng quan.
    let ws = wb.add_worksheet();
    ws.set_name("Tổng quan")?;
    let heads = [
        "Cơ quan",
        "Cấp",
        "Số, ký hiệu",
        "Ngày",
        "Đúng hạn",
        "Khung",
        "Lỗi",
        "Cảnh báo",
        "Thông tin",
        "Mục tiêu",
        "Nhiệm vụ",
        "Dự án",
        "Kinh phí (triệu đồng)",
        "Ghi chú",
        "Mục tiêu hoàn thành",
        "Đã giải ngân (triệu đồng)",
    ];
    header(
        ws,
        &heads,
        &[
            40.0, 6.0, 18.0, 12.0, 9.0, 18.0, 6.0, 9.0, 9.0, 9.0, 9.0, 7.0, 18.0, 40.0, 12.0, 18.0,
        ],
    )?;
    for (i, p) in r.plans.iter().enumerate() {
        let row = (i + 1) as u32;
        if let Some(e) = &p.error {
            ws.write_text(row, 0, &p.dir)?;
            ws.write_text_with_format(row, 13, e, missing)?;
            continue;
        }
        ws.write_text(row, 0, &p.issuer)?;
        ws.write_text(row, 1, p.level_words())?;
        ws.write_text(row, 2, &p.number)?;
        ws.write_text(row, 3, &p.date)?;
        let on_time = match p.on_time {
            Some(true) => "có",
            Some(false) => "không",
            None => "",
        };
        ws.write_text(row, 4, on_time)?;
        ws.write_text(row, 5, &p.framework)?;
        for (c, n) in [
            p.errors, p.warnings, p.infos, p.targets, p.tasks, p.projects,
        ]
        .iter()
        .enumerate()
        {
            ws.write_number(row, (6 + c) as u16, *n as f64)?;
        }
        ws.write_number_with_format(row, 12, p.total, amount)?;
        // Progress, once results are recorded.
        ws.write_number(row, 14, p.targets_done as f64)?;
        ws.write_number_with_format(row, 15, p.disbursed, amount)?;
    }
    filter(ws, r.plans.len() as u32, heads.len())?;

    Ok(())
}

/// Plans × priority tasks, "chưa có" in colour.
fn priority_matrix(wb: &mut Workbook, r: &Rollup, f: &Formats) -> Result<(), XlsxError> {
    let missing = &f.missing;
    // Nhiệm vụ trọng tâm: plans × NV.
    let ws = wb.add_worksheet();
    ws.set_name("Nhiệm vụ trọng tâm")?;
    let mut heads = vec!["Cơ quan"];
    heads.extend(r.priority_tasks.iter().map(String::as_str));
    heads.push("Số nhiệm vụ có");
    let widths: Vec<f64> = std::iter::once(40.0)
        .chain(r.priority_tasks.iter().map(|_| 12.0))
        .chain([14.0])
        .collect();
    header(ws, &heads, &widths)?;
    let readable: Vec<_> = r.plans.iter().filter(|p| p.error.is_none()).collect();
    let last = (r.priority_tasks.len() + 1) as u16;
    for (i, p) in readable.iter().enumerate() {
        let row = (i + 1) as u32;
        ws.write_text(row, 0, &p.issuer)?;
        for (c, st) in p.priority.iter().enumerate() {
            let short = st.short();
            if *st == TaskState::Missing {
                ws.write_text_with_format(row, (c + 1) as u16, short, missing)?;
            } else {
                ws.write_text(row, (c + 1) as u16, short)?;
            }
        }
        ws.write_number(row, last, p.covered() as f64)?;
    }
    filter(ws, readable.len() as u32, heads.len())?;
    // Totals under the filtered range, so sorting the plans leaves them in place.
    let row = (readable.len() + 1) as u32;
    ws.write_text_with_format(row, 0, "Số kế hoạch có", &f.bold)?;
    for (c, t) in r.task_totals().iter().enumerate() {
        ws.write_number_with_format(row, (c + 1) as u16, t.covered as f64, &f.bold)?;
    }

    Ok(())
}

/// Each plan's thresholds and deadlines, met or not.
fn metrics(wb: &mut Workbook, r: &Rollup, f: &Formats) -> Result<(), XlsxError> {
    let missing = &f.missing;
    let readable: Vec<_> = r.plans.iter().filter(|p| p.error.is_none()).collect();
    // Ngưỡng và thời hạn.
    let ws = wb.add_worksheet();
    ws.set_name("Ngưỡng và thời hạn")?;
    header(
        ws,
        &["Cơ quan", "Yêu cầu", "Đạt", "Mục tiêu, nhiệm vụ"],
        &[40.0, 60.0, 8.0, 30.0],
    )?;
    let mut row = 0;
    for p in &readable {
        for m in &p.metrics {
            row += 1;
            ws.write_text(row, 0, &p.issuer)?;
            ws.write_text(row, 1, &m.label)?;
            if m.met {
                ws.write_text(row, 2, "đạt")?;
            } else {
                ws.write_text_with_format(row, 2, "chưa đạt", missing)?;
            }
            ws.write_text(row, 3, &m.by.join(", "))?;
        }
    }
    filter(ws, row, 4)?;

    Ok(())
}

/// Budget per plan by funding source and by task group.
fn budget(wb: &mut Workbook, r: &Rollup, f: &Formats) -> Result<(), XlsxError> {
    let amount = &f.amount;
    let readable: Vec<_> = r.plans.iter().filter(|p| p.error.is_none()).collect();
    // Kinh phí by source, per plan.
    let ws = wb.add_worksheet();
    ws.set_name("Kinh phí")?;
    header(
        ws,
        &[
            "Cơ quan",
            "Theo",
            "Nguồn vốn / nhóm nhiệm vụ",
            "Kinh phí (triệu đồng)",
        ],
        &[40.0, 14.0, 40.0, 18.0],
    )?;
    let mut row = 0;
    for p in &readable {
        let by = p
            .by_source
            .iter()
            .map(|x| ("nguồn vốn", x))
            .chain(p.by_group.iter().map(|x| ("nhóm nhiệm vụ", x)));
        for (kind, (name, v)) in by {
            row += 1;
            ws.write_text(row, 0, &p.issuer)?;
            ws.write_text(row, 1, kind)?;
            ws.write_text(row, 2, name)?;
            ws.write_number_with_format(row, 3, *v, amount)?;
        }
    }
    filter(ws, row, 4)?;

    Ok(())
}

/// Every target and every project, the issuer as a column (the lists an analyst filters).
fn targets_and_projects(wb: &mut Workbook, r: &Rollup, f: &Formats) -> Result<(), XlsxError> {
    let amount = &f.amount;
    let readable: Vec<_> = r.plans.iter().filter(|p| p.error.is_none()).collect();
    // Mục tiêu and Dự án: one row each, the issuer as a column.
    let ws = wb.add_worksheet();
    ws.set_name("Mục tiêu")?;
    let heads = [
        "Cơ quan",
        "Mã",
        "Nhóm",
        "Mục tiêu",
        "Giá trị",
        "Đơn vị",
        "Giá trị như kế hoạch ghi",
        "Thời hạn",
        "Kết quả",
        "Đạt được",
    ];
    header(
        ws,
        &heads,
        &[30.0, 8.0, 20.0, 60.0, 10.0, 12.0, 30.0, 14.0, 18.0, 24.0],
    )?;
    let mut row = 0;
    for p in &readable {
        for t in &p.target_rows {
            row += 1;
            ws.write_text(row, 0, &p.issuer)?;
            ws.write_text(row, 1, &t.id)?;
            ws.write_text(row, 2, &t.group)?;
            ws.write_text(row, 3, &t.text)?;
            if let Some(v) = t.value {
                ws.write_number_with_format(row, 4, v, amount)?;
            }
            ws.write_text(row, 5, &t.unit)?;
            ws.write_text(row, 6, &t.planned)?;
            ws.write_text(row, 7, &t.deadline)?;
            ws.write_text(row, 8, &t.result)?;
            ws.write_text(row, 9, &t.reached)?;
        }
    }
    filter(ws, row, heads.len())?;
    let ws = wb.add_worksheet();
    ws.set_name("Dự án")?;
    let heads = [
        "Cơ quan",
        "Mã",
        "Tên dự án",
        "Chủ trì",
        "Thời gian",
        "Kinh phí (triệu đồng)",
        "Nguồn vốn",
        "Tình hình",
    ];
    header(ws, &heads, &[30.0, 8.0, 50.0, 30.0, 14.0, 16.0, 22.0, 16.0])?;
    let mut row = 0;
    for p in &readable {
        for x in &p.project_rows {
            row += 1;
            ws.write_text(row, 0, &p.issuer)?;
            ws.write_text(row, 1, &x.id)?;
            ws.write_text(row, 2, &x.name)?;
            ws.write_text(row, 3, &x.lead)?;
            ws.write_text(row, 4, &x.timeframe)?;
            if let Some(v) = x.investment {
                ws.write_number_with_format(row, 5, v, amount)?;
            }
            ws.write_text(row, 6, &x.funding)?;
            ws.write_text(row, 7, &x.status)?;
        }
    }
    filter(ws, row, heads.len())?;
    Ok(())
}
