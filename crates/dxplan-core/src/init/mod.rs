//! `dxplan init`: a plan repository skeleton with one YAML file per framework section, each
//! carrying the framework's guidance as comments and a `$schema` line for editors.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::framework::{Framework, SectionDef, SectionKind};
use crate::fsutil::write_atomic;
use crate::model::Level;
use crate::model::schema::plan_file_schema;

pub mod from;

/// A string written into a generated YAML or TOML file: double-quoted with JSON's escapes, which
/// both formats read the same, so no text of a plan or a document can end the value or write keys
/// of its own.
pub fn yaml_quoted(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

pub const SCHEMA_PATH: &str = ".dxplan/plan-section.schema.json";

#[derive(Debug)]
pub enum InitError {
    Exists(PathBuf),
    Io(PathBuf, std::io::Error),
    /// A symbolic link under the new plan's directory (or the directory itself): files would
    /// land wherever it points.
    Link(PathBuf),
    /// The new directory is an existing file.
    NotADirectory(PathBuf),
    /// The new plan would be inside the old one (its files would join the old plan).
    InsideOld(PathBuf),
}

/// Files `init` writes, relative to the plan directory, with their content.
pub fn scaffold(fw: &Framework, level: Level) -> Vec<(PathBuf, String)> {
    scaffold_for(fw, level, fw.plan_year)
}

/// The files of a plan of `year` on `fw` (a framework used for a later year, while the new
/// year's is not built in: its examples speak of the plan's year).
pub fn scaffold_for(fw: &Framework, level: Level, year: i32) -> Vec<(PathBuf, String)> {
    let mut files = vec![(PathBuf::from("dxplan.toml"), config(fw, level))];
    let schema = serde_json::to_string_pretty(&plan_file_schema(fw)).expect("schema serialises");
    files.push((PathBuf::from(SCHEMA_PATH), schema + "\n"));
    for (i, def) in fw.sections.iter().enumerate() {
        let dir = format!("phan-{}", def.part + 1);
        let name = format!("{dir}/{:02}-{}.yaml", i + 1, def.slug);
        files.push((PathBuf::from(name), section_file(fw, def, year)));
    }
    files
}

pub fn write(
    dir: &Path,
    fw: &Framework,
    level: Level,
    force: bool,
) -> Result<Vec<PathBuf>, InitError> {
    write_files(dir, scaffold(fw, level), force)
}

/// Writes the files of a new plan, refusing to replace any unless `force`.
pub fn write_files(
    dir: &Path,
    files: Vec<(PathBuf, String)>,
    force: bool,
) -> Result<Vec<PathBuf>, InitError> {
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => return Err(InitError::Link(dir.to_path_buf())),
        Ok(m) if !m.is_dir() => return Err(InitError::NotADirectory(dir.to_path_buf())),
        _ => {}
    }
    // No link anywhere below NEW on the way to a file (a linked `phan-2/` would take 16 files).
    for (rel, _) in &files {
        if let Some(link) = crate::fsutil::link_below(dir, &dir.join(rel)) {
            return Err(InitError::Link(link));
        }
    }
    if !force {
        for (rel, _) in &files {
            let p = dir.join(rel);
            if p.exists() {
                return Err(InitError::Exists(p));
            }
        }
    }
    let mut written = Vec::new();
    for (rel, content) in files {
        let p = dir.join(&rel);
        write_atomic(&p, content.as_bytes()).map_err(|e| InitError::Io(p.clone(), e))?;
        written.push(p);
    }
    Ok(written)
}

fn comment_block(out: &mut String, text: &str) {
    for para in text.split('\n') {
        let mut line = String::from("#");
        for word in para.split_whitespace() {
            if line.chars().count() + word.chars().count() + 1 > 98 {
                out.push_str(&line);
                out.push('\n');
                line = String::from("#");
            }
            line.push(' ');
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
    }
}

fn config(fw: &Framework, level: Level) -> String {
    let (issuer, full, symbol, titles) = match level {
        Level::Tinh => (
            r#"["ỦY BAN NHÂN DÂN", ""]   # dòng 2: "TỈNH …" hoặc "THÀNH PHỐ …""#,
            "",
            "KH-UBND",
            r#"["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]"#,
        ),
        Level::Bo => (
            r#"[""]   # ví dụ "BỘ …""#,
            "",
            "KH-",
            r#"["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"]"#,
        ),
    };
    let mode = match level {
        Level::Tinh => "ke-hoach",
        Level::Bo => "kem-quyet-dinh",
    };
    // The examples in the comments speak of the author's own kind of body.
    let (ex_full, ex_place, ex_title) = match level {
        Level::Tinh => (
            "Ủy ban nhân dân tỉnh Hà Lâm",
            "Hà Lâm",
            "Chuyển đổi số tỉnh …",
        ),
        Level::Bo => ("Bộ Tư pháp", "Hà Nội", "Chuyển đổi số của Bộ …"),
    };
    let year = fw.plan_year;
    let lv = level.code();
    let fid = &fw.id;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"# Thông tin văn bản của Kế hoạch Chuyển đổi số (dxplan). Sau khi điền, chạy: dxplan check .
# Thể thức theo Nghị định 30/2020/NĐ-CP. Điền các chuỗi đang để trống "".

framework = "{fid}"
level = "{lv}"          # "tinh": tỉnh, thành phố; "bo": bộ, ngành
year = {year}
mode = "{mode}"   # "ke-hoach": ban hành độc lập; "kem-quyet-dinh": ban hành kèm Quyết định

[issuer]
# parent = ["BỘ …"]       # tên cơ quan chủ quản trực tiếp, nếu có
name = {issuer}
full_name = "{full}"   # tên viết thường dùng trong câu, ví dụ "{ex_full}"

[document]
symbol = "{symbol}"
number = ""     # để trống khi là dự thảo; số nhỏ hơn 10 viết "05"
place = ""      # địa danh, ví dụ "{ex_place}"
date = ""       # để trống khi là dự thảo; ví dụ "2022-12-05"
title = ""      # trích yếu, ví dụ "{ex_title} năm {year}"
"#
    );
    // The ministry the plan reports to, and the local level below the province (districts were
    // abolished on 01/7/2025: a 2026 plan goes to the communes).
    let ministry = if fw.issuer.is_empty() {
        "Bộ Thông tin và Truyền thông"
    } else {
        fw.issuer.as_str()
    };
    let local = if year >= 2026 {
        "UBND các xã, phường"
    } else {
        "UBND các huyện, thị xã, thành phố"
    };
    match level {
        Level::Tinh => {
            let _ = write!(
                s,
                r#"
[signer]
titles = {titles}
name = ""

[recipients]
list = [
  "{ministry} (b/c)",
  "TT Tỉnh ủy, TT HĐND tỉnh (b/c)",
  "CT, các PCT UBND tỉnh",
  "Các sở, ban, ngành tỉnh",
  "{local}",
]
archive = ""   # sau „Lưu:”, ví dụ "VT, KGVX"
"#
            );
        }
        Level::Bo => {
            let _ = write!(
                s,
                r#"
# Quyết định ban hành kế hoạch (Nghị định 30/2020, mẫu 1.3): dxplan in Quyết định trước, kế hoạch kèm theo sau.
[decision]
number = ""    # ví dụ "125/QĐ-B…"; để trống khi là dự thảo
date = ""
issuer = ""    # ví dụ "Bộ trưởng Bộ …" (in trong „Kèm theo Quyết định … của …”)
authority = "" # dòng thẩm quyền, ví dụ "BỘ TRƯỞNG BỘ …" (để trống: `issuer` in hoa)
# Các dòng căn cứ: luật, nghị định quy định chức năng của Bộ, rồi các quyết định của Thủ tướng (số, ký hiệu có
# trong danh mục căn cứ của Khung được viết đầy đủ).
bases = [
  "Luật Công nghệ thông tin",
  "Nghị định số …/…/NĐ-CP ngày … của Chính phủ quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ …",
  "749/QĐ-TTg",
  "942/QĐ-TTg",
  "411/QĐ-TTg",
]
proposer = ""  # „Theo đề nghị của …", ví dụ "Giám đốc Trung tâm Công nghệ thông tin"
executors = ["Chánh Văn phòng Bộ", "Thủ trưởng các cơ quan, đơn vị thuộc Bộ"]   # Điều 3
signer = {{ titles = ["KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"], name = "" }}   # người ký Quyết định
recipients = {{ list = ["Bộ trưởng (để b/c)", "Các Thứ trưởng"], archive = "VT, …" }}   # sau „Như Điều 3”

# Khi ban hành độc lập (mode = "ke-hoach") thì thay [decision] bằng:
# [signer]
# titles = {titles}
# name = ""
# [recipients]
# list = ["…"]
# archive = "VT, …"
"#
            );
        }
    }
    let last = year - 1;
    let _ = write!(
        s,
        r#"
# Cách trình bày theo kế hoạch của đơn vị (không bắt buộc; docs/PLAN-FORMAT.md). Bỏ dấu # để dùng.
# [headings]                        # tên mục theo lời của kế hoạch, theo mã mục; "" là bỏ tiêu đề đó
# "I" = "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM {last}"
# "I.I" = ""                        # không in „I. Tình hình thực hiện mục tiêu”; các mục sau đánh số lại
# [layout]
# part_heading = "mot-dong"         # „PHẦN I. TÊN PHẦN” một dòng (mặc định "hai-dong": „Phần I” / tên)
# evaluation_labels = "dong-rieng"  # „a) Kết quả đạt được” một dòng, lời văn ở dưới ("cung-dong", "khong")
# section_evaluation = "sau"        # đánh giá chung của cả mục in sau các mục con ("truoc")
# [appendices]
# numbering = "so"                  # Phụ lục 1, 2 (mặc định "la-ma": Phụ lục I, II)
# order = ["ket-qua-{last}", "danh-muc"]   # thứ tự phụ lục theo mã
"#
    );
    s
}

fn section_file(fw: &Framework, def: &SectionDef, year: i32) -> String {
    let mut s = String::new();
    // Section files live one directory down (phan-1/, phan-2/), the schema at the plan root.
    let _ = writeln!(s, "# yaml-language-server: $schema=../{SCHEMA_PATH}");
    let _ = writeln!(
        s,
        "# {} {}. {} — {}",
        def.locator(),
        def.heading.number,
        def.heading.title,
        fw.id
    );
    if let Some(g) = &def.heading.guidance {
        s.push_str("#\n");
        comment_block(&mut s, &format!("Hướng dẫn của Khung: {g}"));
    }
    for c in &def.heading.children {
        if c.section.is_some() {
            continue;
        }
        if let Some(g) = &c.guidance {
            comment_block(&mut s, &format!("{}. {}: {g}", c.number, c.title));
        }
    }
    s.push('\n');
    let _ = writeln!(s, "section: {}", def.slug);
    match def.kind {
        SectionKind::Text => s.push_str("text: \"\"\n"),
        SectionKind::Evaluation => {
            s.push_str("items:\n");
            let mut items = Vec::new();
            evaluated(&def.heading, &mut items);
            for (n, t) in items {
                let _ = writeln!(s, "  # {n}. {t}");
                let _ = writeln!(s, "  - number: \"{n}\"");
                let _ = writeln!(s, "    results: \"\"       # a) Kết quả đạt được");
                let _ = writeln!(s, "    limitations: \"\"   # b) Tồn tại, hạn chế");
            }
        }
        SectionKind::EvaluationBudget => s.push_str(
            "text: \"\"\nbudget_share:   # tỷ lệ chi so với tổng chi ngân sách nhà nước (%)\nprojects: []\n# - name: …\n#   objective: …\n#   investment: 12000   # triệu đồng\n#   funding: ngân sách địa phương\n#   timeframe: 2021-2022\n#   status: …           # hiệu quả/hiện trạng\n",
        ),
        SectionKind::Citations => {
            s.push_str("citations: []\n# Các văn bản Khung lưu ý (bỏ dấu # để dùng):\n");
            for c in fw.citations.iter().take(10) {
                let _ = writeln!(s, "# - type: {}", c.doc_type);
                let _ = writeln!(s, "#   number: {}", c.symbol);
                let _ = writeln!(s, "#   date: {}", c.date);
                let _ = writeln!(s, "#   issuer: {}", c.issuer);
                let _ = writeln!(s, "#   title: {}", c.title.replace('"', "'"));
            }
        }
        SectionKind::Targets => {
            s.push_str("intro: \"\"\ntargets: []\n# - id: MT01\n#   group: Chính quyền số\n#   text: …\n#   indicator: …\n#   value: 80\n#   unit: \"%\"\n#   priority_tasks: [NV12]\n");
            s.push_str("# Ngưỡng của Khung (gắn bằng `metric:`):\n");
            for m in &fw.metrics {
                let _ = writeln!(s, "#   {}: {}", m.id, m.label);
            }
            s.push_str("not_applicable: []\n# - priority_task: NV14\n#   reason: …   (chỉ với nhiệm vụ Khung cho phép cấp này bỏ qua)\n");
        }
        SectionKind::Tasks => {
            s.push_str("intro: \"\"\n");
            if def.heading.children.is_empty() {
                s.push_str("items: []\n");
            } else {
                s.push_str("items: []   # lời văn cho tiểu mục:");
                for c in &def.heading.children {
                    let _ = write!(s, " \"{}\"", c.number);
                }
                s.push('\n');
            }
            let sở = department(fw);
            if fw.task_fields.is_empty() {
                let _ = write!(
                    s,
                    "tasks: []\n# - id: NV-…\n#   title: …\n#   content: …\n#   lead: {sở}\n#   cooperating: [ … ]\n#   timeframe: Năm {year}\n#   product: …          # sản phẩm, kết quả dự kiến\n#   priority_tasks: [NV…]\n"
                );
            } else {
                // A framework that asks for "6 rõ" gets a task to fill in, so `check` lists what
                // each task must state (DX041).
                let n = def.heading.number.trim_end_matches('.');
                let _ = write!(
                    s,
                    "# Mỗi nhiệm vụ „6 rõ” (Quyết định 268/QĐ-TTg): rõ người (lead), rõ việc (content), rõ thời gian\n# (timeframe), rõ kết quả (product).\ntasks:\n  - id: NV-{n}.01\n    title: \"\"\n    content: \"\"\n    lead: \"\"     # ví dụ {sở}\n    cooperating: []\n    timeframe: \"Năm {year}\"\n    product: \"\"  # sản phẩm, kết quả dự kiến\n    priority_tasks: []\n"
                );
            }
        }
        SectionKind::Solutions => {
            s.push_str("intro: \"\"\nsolutions: []\n# Các nhóm giải pháp tiêu biểu của Khung:\n");
            for c in &def.heading.children {
                let _ = writeln!(s, "# - title: {}\n#   text: …", c.title);
            }
        }
        SectionKind::Budget => s.push_str(
            "text: \"\"\n# total: 0           # triệu đồng; nếu có phải bằng tổng danh mục dự án\nby_source: []\n# - source: ngân sách địa phương\n#   amount: 0\n",
        ),
        SectionKind::Organization => s.push_str(
            &format!(
                "text: \"\"\nresponsibilities: []\n# - unit: {}\n#   text: …\n",
                department(fw)
            ),
        ),
        SectionKind::Projects => {
            let _ = write!(s, "intro: \"\"\nprojects: []\n# - id: DA01\n#   name: …\n#   lead: …\n#   cooperating: [ … ]\n#   status: mới          # hoặc: chuyển tiếp\n#   objective: …\n#   timeframe: {}\n#   investment: 1000     # triệu đồng\n", year);
            let _ = writeln!(s, "#   funding: {}   # {}", fw.funding_sources.first().map(String::as_str).unwrap_or(""), fw.funding_sources.join(" | "));
            s.push_str("#   tasks: [NV-…]\n#   priority_tasks: [NV…]\n");
        }
    }
    s
}

/// The province's department for digital transformation in examples: Sở Khoa học và Công nghệ
/// once the ministries merged (the framework's issuer says so), Sở Thông tin và Truyền thông before.
fn department(fw: &Framework) -> &'static str {
    if fw.issuer.contains("Khoa học và Công nghệ") {
        "Sở Khoa học và Công nghệ"
    } else {
        "Sở Thông tin và Truyền thông"
    }
}

fn evaluated(h: &crate::framework::Heading, out: &mut Vec<(String, String)>) {
    for c in &h.children {
        if c.evaluated {
            out.push((c.number.clone(), c.title.clone()));
        }
        if c.section.is_none() {
            evaluated(c, out);
        }
    }
}
