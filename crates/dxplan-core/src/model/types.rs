//! The typed plan. These structs are both what the rules read and, through schemars, the JSON
//! Schema that `dxplan schema` prints and editors validate against: one definition, so the keys a
//! user may write, their types and their Vietnamese descriptions cannot drift apart.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::load::Sp;

pub type Text = Sp<String>;

/// Cấp của kế hoạch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum Level {
    /// Tỉnh, thành phố trực thuộc trung ương.
    #[serde(rename = "tinh")]
    Tinh,
    /// Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ.
    #[serde(rename = "bo")]
    Bo,
}

impl Level {
    pub fn code(self) -> &'static str {
        match self {
            Level::Tinh => "tinh",
            Level::Bo => "bo",
        }
    }

    /// The level as a reader says it, for tables ("Tỉnh", "Bộ").
    pub fn words(self) -> &'static str {
        match self {
            Level::Tinh => "Tỉnh",
            Level::Bo => "Bộ",
        }
    }
}

/// Hình thức ban hành.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
pub enum Mode {
    /// Kế hoạch ban hành độc lập (có số, ký hiệu, chữ ký, nơi nhận).
    #[default]
    #[serde(rename = "ke-hoach")]
    Standalone,
    /// Kế hoạch ban hành kèm theo Quyết định (không có số, chữ ký, nơi nhận riêng).
    #[serde(rename = "kem-quyet-dinh")]
    WithDecision,
}

/// Tệp `dxplan.toml`: thông tin văn bản của kế hoạch.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Khung kế hoạch mà kế hoạch tuân theo, ví dụ "5406/BTTTT-CĐSQG".
    pub framework: Text,
    /// Đường dẫn (tương đối với thư mục kế hoạch) tới tệp dữ liệu Khung, thay cho Khung có sẵn.
    pub framework_file: Option<Text>,
    /// Cấp kế hoạch: "tinh" (tỉnh, thành phố) hoặc "bo" (bộ, ngành).
    pub level: Sp<Level>,
    /// Năm kế hoạch, ví dụ 2023.
    pub year: Sp<i64>,
    /// Hình thức ban hành: "ke-hoach" (mặc định) hoặc "kem-quyet-dinh".
    pub mode: Option<Sp<Mode>>,
    /// Cơ quan ban hành.
    pub issuer: Issuer,
    /// Số, ký hiệu, địa danh, ngày ban hành và trích yếu.
    pub document: DocumentMeta,
    /// Quyết định ban hành kế hoạch (khi mode = "kem-quyet-dinh").
    pub decision: Option<Decision>,
    /// Người ký (kế hoạch ban hành độc lập).
    pub signer: Option<Signer>,
    /// Nơi nhận (kế hoạch ban hành độc lập).
    pub recipients: Option<Recipients>,
    /// Phần mở đầu: các dòng „Căn cứ …;” và câu „Thực hiện …”.
    pub opening: Option<Opening>,
    /// Tên mục của Khung in theo lời của kế hoạch, theo mã mục: `"I" = "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN
    /// KẾ HOẠCH NĂM 2022"`, `"I.II.1" = "Về nhận thức số"`. Số mục giữ của Khung; kiểm tra vẫn biết
    /// mục nào là mục nào.
    #[serde(default)]
    pub headings: std::collections::BTreeMap<String, Text>,
    /// Báo cáo kết quả thực hiện kế hoạch (`build --document bao-cao`).
    pub report: Option<ReportMeta>,
    /// Phụ lục: cách đánh số.
    pub appendices: Option<AppendicesConfig>,
    /// Cách trình bày tiêu đề Phần và các điểm đánh giá, theo các kiểu kế hoạch thật.
    pub layout: Option<LayoutConfig>,
    /// Cấu hình kiểm tra.
    pub lint: Option<Lint>,
}

/// `[report]`: số, ký hiệu, ngày của Báo cáo kết quả thực hiện kế hoạch, và phần khó khăn, đề xuất.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportMeta {
    /// Ký hiệu báo cáo, ví dụ "BC-UBND".
    pub symbol: Text,
    /// Số báo cáo; để trống khi là dự thảo.
    pub number: Option<Text>,
    /// Ngày báo cáo; để trống khi là dự thảo.
    pub date: Option<Text>,
    /// Mục IV. Khó khăn, vướng mắc và đề xuất (lời văn).
    pub proposals: Option<Text>,
}

/// `[appendices]`: cách đánh số phụ lục.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppendicesConfig {
    /// "la-ma" (Phụ lục I, II — mặc định) hoặc "so" (Phụ lục 1, 2).
    pub numbering: Option<Sp<AppendixNumbering>>,
    /// Thứ tự phụ lục theo mã, ví dụ ["ket-qua-2022", "danh-muc"]: các mã nêu ở đây đứng trước
    /// theo đúng thứ tự này, phụ lục còn lại theo sau như mặc định (danh mục dự án, dự án năm
    /// trước, phụ lục riêng theo tên tệp). Số phụ lục và mọi dẫn chiếu `{phụ lục:mã}` theo thứ tự này.
    #[serde(default)]
    pub order: Vec<Text>,
}

/// `[layout]`: cách trình bày mà các kế hoạch thật khác nhau. Mọi lựa chọn chỉ đổi cách in, không
/// đổi nội dung: kiểm tra vẫn như nhau.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LayoutConfig {
    /// Tiêu đề Phần: "hai-dong" (mặc định: „Phần I” rồi tên Phần ở dòng dưới, như Nghị định 30)
    /// hoặc "mot-dong" („PHẦN I. TÊN PHẦN” trên một dòng).
    pub part_heading: Option<Sp<PartHeading>>,
    /// Nhãn a), b) của các mục đánh giá ở Phần I: "cung-dong" (mặc định: „a) Kết quả đạt được: …”
    /// khi lời văn là một đoạn), "dong-rieng" (nhãn một dòng, không dấu hai chấm, lời văn ở dưới)
    /// hoặc "khong" (không in nhãn, chỉ in lời văn).
    pub evaluation_labels: Option<Sp<EvaluationLabels>>,
    /// Chỗ in đánh giá chung của cả mục (khóa `results` / `limitations` của tệp): "truoc" (ngay dưới
    /// tiêu đề mục) hoặc "sau" (sau các mục con, một lần). Mặc định: "sau" khi các mục con có đánh
    /// giá riêng, "truoc" khi không.
    pub section_evaluation: Option<Sp<SectionEvaluation>>,
}

/// Kiểu tiêu đề Phần.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
pub enum PartHeading {
    /// „Phần I” / „TÊN PHẦN” (hai dòng).
    #[default]
    #[serde(rename = "hai-dong")]
    TwoLines,
    /// „PHẦN I. TÊN PHẦN” (một dòng).
    #[serde(rename = "mot-dong")]
    OneLine,
}

/// Kiểu nhãn a), b) của mục đánh giá.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
pub enum EvaluationLabels {
    /// „a) Kết quả đạt được: lời văn”.
    #[default]
    #[serde(rename = "cung-dong")]
    Inline,
    /// „a) Kết quả đạt được” một dòng, lời văn ở dưới.
    #[serde(rename = "dong-rieng")]
    OwnLine,
    /// Không in nhãn.
    #[serde(rename = "khong")]
    None,
}

/// Chỗ in đánh giá chung của cả mục.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum SectionEvaluation {
    /// Ngay dưới tiêu đề mục, trước các mục con.
    #[serde(rename = "truoc")]
    Before,
    /// Sau các mục con, một lần.
    #[serde(rename = "sau")]
    After,
}

/// Cách đánh số phụ lục.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
pub enum AppendixNumbering {
    /// Phụ lục I, II, III.
    #[default]
    #[serde(rename = "la-ma")]
    Roman,
    /// Phụ lục 1, 2, 3.
    #[serde(rename = "so")]
    Arabic,
}

/// Một phụ lục riêng của kế hoạch (tệp YAML có khóa `appendix` thay cho `section`): một bảng ghi
/// tay, hoặc một bảng dxplan lập từ dữ liệu của kế hoạch. dxplan đánh số; lời văn dẫn chiếu bằng
/// mã: `{phụ lục:ket-qua-2022}` in thành „Phụ lục III”.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppendixFile {
    /// Mã phụ lục (chữ thường, gạch nối), duy nhất trong kế hoạch, ví dụ "ket-qua-2022".
    pub appendix: Text,
    /// Tên phụ lục, ví dụ "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2022" (in hoa khi in).
    pub title: Text,
    /// Lời dẫn dưới tên phụ lục (không bắt buộc).
    pub text: Option<Text>,
    /// Khổ giấy: "ngang" (mặc định, như danh mục) hoặc "doc".
    pub orientation: Option<Sp<Orientation>>,
    /// Bảng ghi tay: cột và hàng.
    pub table: Option<AppendixTable>,
    /// Hoặc bảng dxplan lập từ dữ liệu kế hoạch: "muc-tieu" (các mục tiêu năm kế hoạch) hoặc
    /// "nhiem-vu-trong-tam" (các nhiệm vụ trọng tâm của Khung và việc thực hiện).
    pub generate: Option<Sp<GeneratedTable>>,
}

/// Khổ giấy của một phụ lục.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum Orientation {
    #[serde(rename = "ngang")]
    Landscape,
    #[serde(rename = "doc")]
    Portrait,
}

/// Bảng dxplan lập từ dữ liệu kế hoạch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum GeneratedTable {
    /// Các mục tiêu năm kế hoạch: STT, mục tiêu, chỉ tiêu, giá trị, thời hạn.
    #[serde(rename = "muc-tieu")]
    Targets,
    /// Các nhiệm vụ trọng tâm: mã, nhiệm vụ, nhiệm vụ và dự án thực hiện, tình trạng.
    #[serde(rename = "nhiem-vu-trong-tam")]
    PriorityTasks,
}

/// Bảng ghi tay của một phụ lục.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppendixTable {
    /// Các cột, trái sang phải.
    pub columns: Vec<AppendixColumn>,
    /// Các hàng; mỗi hàng một danh sách ô, đủ số cột.
    #[serde(default)]
    pub rows: Vec<Vec<Text>>,
}

/// Một cột của bảng phụ lục.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AppendixColumn {
    /// Tên cột.
    pub title: Text,
    /// Độ rộng, mm; cột không ghi chia đều phần còn lại.
    pub width: Option<Sp<f64>>,
    /// Căn lề: "trai" (mặc định), "giua", "phai".
    pub align: Option<Sp<ColumnAlign>>,
}

/// Căn lề của một cột.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum ColumnAlign {
    #[serde(rename = "trai")]
    Left,
    #[serde(rename = "giua")]
    Center,
    #[serde(rename = "phai")]
    Right,
}

/// Phần mở đầu (`[opening]`), như kế hoạch thật viết: không có, một câu „Thực hiện …”, hoặc một
/// loạt dòng „Căn cứ …;” (in nghiêng, mỗi dòng một đoạn) rồi câu „Thực hiện …”.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Opening {
    /// Các căn cứ, mỗi phần tử một dòng. Ghi số, ký hiệu có trong danh mục căn cứ của Khung (ví dụ
    /// "749/QĐ-TTg") thì dxplan viết đầy đủ tên loại, ngày, cơ quan ban hành và trích yếu; ghi lời
    /// văn (ví dụ "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015") thì in nguyên văn.
    /// „Căn cứ” ở đầu và „;” ở cuối do dxplan thêm nếu thiếu.
    #[serde(default)]
    pub grounds: Vec<Text>,
    /// Từ gọi văn bản hướng dẫn trong câu „Thực hiện …”: "Văn bản" (mặc định, như Khung ghi) hoặc
    /// "Công văn".
    pub letter: Option<Text>,
    /// Câu „Thực hiện …” theo lời của kế hoạch, thay câu mặc định; để "" thì không có câu này.
    pub text: Option<Text>,
}

/// Cấu hình kiểm tra (`[lint]`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lint {
    /// Mức của từng quy tắc theo mã, ví dụ `DX040 = "error"`, `DX082 = "off"`. Quy tắc bắt buộc chỉ được nâng mức.
    #[serde(default)]
    pub severity: std::collections::BTreeMap<String, Sp<LintLevel>>,
}

/// Mức của một quy tắc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum LintLevel {
    Error,
    Warning,
    Info,
    Off,
}

/// Cơ quan ban hành (Nghị định 30/2020, Phụ lục I, mục II.2).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Issuer {
    /// Tên cơ quan, tổ chức chủ quản trực tiếp (nếu có), in hoa, mỗi phần tử một dòng.
    #[serde(default)]
    pub parent: Vec<Text>,
    /// Tên cơ quan ban hành, in hoa, mỗi phần tử một dòng, ví dụ ["ỦY BAN NHÂN DÂN", "TỈNH HÀ LÂM"].
    pub name: Vec<Text>,
    /// Tên cơ quan viết thường dùng trong câu, ví dụ "Ủy ban nhân dân tỉnh Hà Lâm".
    pub full_name: Text,
}

/// Số, ký hiệu và thời gian ban hành (Nghị định 30/2020, Phụ lục I, mục II.3–II.5).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    /// Ký hiệu văn bản, ví dụ "KH-UBND".
    pub symbol: Text,
    /// Số văn bản; để trống khi là dự thảo. Số nhỏ hơn 10 viết "05".
    pub number: Option<Text>,
    /// Địa danh, ví dụ "Hà Lâm".
    pub place: Text,
    /// Ngày ban hành (YYYY-MM-DD hoặc DD/MM/YYYY); để trống khi là dự thảo.
    pub date: Option<Text>,
    /// Trích yếu nội dung, ví dụ "Chuyển đổi số tỉnh Hà Lâm năm 2023".
    pub title: Text,
}

/// Quyết định ban hành kèm theo kế hoạch.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Số, ký hiệu của Quyết định, ví dụ "125/QĐ-BHL"; để trống khi là dự thảo.
    pub number: Option<Text>,
    /// Ngày ban hành Quyết định.
    pub date: Option<Text>,
    /// Người/cơ quan ban hành Quyết định, ví dụ "Bộ trưởng Bộ Hạ tầng và Logistics".
    pub issuer: Text,
    /// Địa danh của Quyết định (mặc định: như kế hoạch).
    pub place: Option<Text>,
    /// Dòng thẩm quyền ban hành, ví dụ "BỘ TRƯỞNG BỘ TƯ PHÁP" (mặc định: `issuer` in hoa).
    pub authority: Option<Text>,
    /// Trích yếu của Quyết định (mặc định: "Ban hành Kế hoạch " + trích yếu của kế hoạch).
    pub title: Option<Text>,
    /// Các dòng „Căn cứ …;”: số, ký hiệu có trong danh mục căn cứ (viết đầy đủ) hoặc lời văn.
    #[serde(default)]
    pub bases: Vec<Text>,
    /// Người đề nghị: „Theo đề nghị của …." (ví dụ "Giám đốc Trung tâm Công nghệ thông tin").
    pub proposer: Option<Text>,
    /// Hiệu lực (Điều 2), mặc định "thi hành kể từ ngày ký".
    pub effect: Option<Text>,
    /// Người, đơn vị chịu trách nhiệm thi hành (Điều 3).
    #[serde(default)]
    pub executors: Vec<Text>,
    /// Người ký Quyết định.
    pub signer: Option<Signer>,
    /// Nơi nhận của Quyết định (dòng đầu „Như Điều 3” do dxplan thêm).
    pub recipients: Option<Recipients>,
}

/// Quyền hạn, chức vụ và họ tên người ký (Nghị định 30/2020, Phụ lục I, mục II.7).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// Các dòng quyền hạn, chức vụ, in hoa, ví dụ ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"].
    pub titles: Vec<Text>,
    /// Họ và tên người ký.
    pub name: Text,
}

/// Nơi nhận (Nghị định 30/2020, Phụ lục I, mục II.9).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recipients {
    /// Mỗi nơi nhận một dòng, không cần gạch đầu dòng và dấu chấm phẩy.
    pub list: Vec<Text>,
    /// Phần sau "Lưu:", ví dụ "VT, KGVX".
    pub archive: Text,
}

// ---------------------------------------------------------------------------------------------
// Section files

/// Mục chỉ có lời văn.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TextSection {
    /// Mã mục của Khung mà tệp này điền.
    pub section: Text,
    /// Lời văn: đoạn văn cách nhau một dòng trống, dòng bắt đầu bằng "- " là gạch đầu dòng,
    /// *nghiêng* và **đậm**.
    pub text: Option<Text>,
}

/// Phần I.II: đánh giá các nhiệm vụ năm trước, mỗi mục có a) Kết quả đạt được và b) Tồn tại, hạn chế.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluationSection {
    /// Mã mục của Khung mà tệp này điền.
    pub section: Text,
    /// Lời dẫn (không bắt buộc).
    pub intro: Option<Text>,
    /// Các mục đánh giá theo số của Khung ("1.1", "3", …). Số của một nhóm ("1" cho 1.1–1.3) đánh
    /// giá chung cả nhóm.
    #[serde(default)]
    pub items: Vec<EvalItem>,
    /// a) Kết quả đạt được, chung cho cả mục (khi kế hoạch không đánh giá từng mục).
    pub results: Option<Text>,
    /// b) Tồn tại, hạn chế, chung cho cả mục.
    pub limitations: Option<Text>,
}

/// Một mục đánh giá.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvalItem {
    /// Số mục theo Khung, ví dụ "1.1" hoặc "3".
    pub number: Text,
    /// a) Kết quả đạt được.
    pub results: Option<Text>,
    /// b) Tồn tại, hạn chế.
    pub limitations: Option<Text>,
}

/// Phần I.II.11: kinh phí năm trước và danh mục dự án năm trước (phụ lục riêng).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvalBudgetSection {
    /// Mã mục của Khung mà tệp này điền.
    pub section: Text,
    /// Tình hình bố trí kinh phí.
    pub text: Option<Text>,
    /// Tỷ lệ chi cho chuyển đổi số so với tổng chi ngân sách nhà nước (%).
    pub budget_share: Option<Sp<f64>>,
    /// Các dự án năm trước (in thành phụ lục riêng).
    #[serde(default)]
    pub projects: Vec<PastProject>,
}

/// Một dự án năm trước.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PastProject {
    /// Tên dự án.
    pub name: Text,
    /// Mục tiêu.
    pub objective: Option<Text>,
    /// Tổng mức đầu tư (triệu đồng).
    pub investment: Option<Sp<Amount>>,
    /// Nguồn vốn đầu tư.
    pub funding: Option<Text>,
    /// Thời gian thực hiện, ví dụ "2021-2022".
    pub timeframe: Option<Text>,
    /// Hiệu quả/hiện trạng.
    pub status: Option<Text>,
}

/// Số tiền (triệu đồng): số (1234.5) hoặc chuỗi kiểu Việt Nam ("1.234,5").
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Amount {
    Number(f64),
    Text(String),
}

/// Phần II.I: căn cứ lập kế hoạch.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CitationsSection {
    /// Mã mục của Khung mà tệp này điền.
    pub section: Text,
    /// Lời dẫn (không bắt buộc).
    pub intro: Option<Text>,
    /// Các văn bản làm căn cứ.
    #[serde(default)]
    pub citations: Vec<Citation>,
}

/// Một văn bản làm căn cứ.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Tên loại văn bản: "Nghị quyết", "Quyết định", "Nghị định", "Chỉ thị", "Kế hoạch", …
    #[serde(rename = "type")]
    pub doc_type: Text,
    /// Số, ký hiệu, ví dụ "749/QĐ-TTg" (bỏ trống với Luật và văn bản không số).
    pub number: Option<Text>,
    /// Ngày ban hành (DD/MM/YYYY hoặc YYYY-MM-DD).
    pub date: Option<Text>,
    /// Cơ quan/người ban hành, ví dụ "Thủ tướng Chính phủ".
    pub issuer: Option<Text>,
    /// Trích yếu nội dung.
    pub title: Text,
    /// Văn bản khác nêu cùng một dòng, nối bằng „và” (ví dụ Nghị quyết 52-NQ/TW và Nghị quyết
    /// 50/NQ-CP ban hành Chương trình hành động thực hiện nó). Mỗi văn bản vẫn được kiểm tra riêng.
    #[serde(default)]
    pub also: Vec<Citation>,
}

/// Phần II.II: mục tiêu năm kế hoạch.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetsSection {
    /// Mã mục của Khung mà tệp này điền.
    pub section: Text,
    /// Mục tiêu chung (lời văn).
    pub intro: Option<Text>,
    /// Các mục tiêu cụ thể, định lượng.
    #[serde(default)]
    pub targets: Vec<Target>,
    /// Nhiệm vụ trọng tâm không áp dụng cho cấp của kế hoạch, kèm lý do.
    #[serde(default)]
    pub not_applicable: Vec<NotApplicable>,
}

/// Một mục tiêu cụ thể.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Mã mục tiêu, duy nhất trong kế hoạch, ví dụ "MT01".
    pub id: Text,
    /// Nhóm mục tiêu, ví dụ "Dữ liệu số", "Chính quyền số".
    pub group: Option<Text>,
    /// Nội dung mục tiêu.
    pub text: Text,
    /// Chỉ tiêu đo lường, ví dụ "Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến".
    pub indicator: Option<Text>,
    /// Giá trị cần đạt (số).
    pub value: Option<Sp<f64>>,
    /// Đơn vị của giá trị: "%", "cuộc", "người", "hệ thống", …
    pub unit: Option<Text>,
    /// Chữ đứng trước giá trị, như kế hoạch thật viết: "tối thiểu", "ít nhất", "trên", "đạt".
    pub qualifier: Option<Text>,
    /// Số chữ số tối thiểu khi in giá trị: `digits: 2` in 5 thành "05" („05 chuyên gia”).
    pub digits: Option<Sp<i64>>,
    /// Giá trị theo từng cấp trong một mục tiêu, ví dụ cấp tỉnh 100%, cấp huyện 80%, cấp xã 60%
    /// (thay cho `value`; đơn vị, chữ đứng trước và số chữ số dùng chung).
    #[serde(default)]
    pub levels: Vec<TargetLevel>,
    /// Câu in nguyên văn thay cho câu dxplan ghép từ nội dung, giá trị và thời hạn, khi câu của kế
    /// hoạch không theo khuôn „nội dung: giá trị đơn vị”. Các kiểm tra vẫn đọc `value`, `unit`.
    pub display: Option<Text>,
    /// Kết quả thực hiện, ghi trong năm (không bắt buộc).
    pub result: Option<TargetResult>,
    /// Giá trị hiện tại (năm trước), nếu có.
    pub baseline: Option<Sp<f64>>,
    /// Thời hạn, ví dụ "Quý I/2023" hoặc "30/6/2023".
    pub deadline: Option<Text>,
    /// Mã ngưỡng của Khung mà mục tiêu này đáp ứng, ví dụ "dien-tap-thuc-chien".
    pub metric: Option<Text>,
    /// Nhiệm vụ trọng tâm mà mục tiêu phục vụ, ví dụ ["NV12"].
    #[serde(default)]
    pub priority_tasks: Vec<Text>,
}

/// Giá trị của một mục tiêu ở một cấp.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetLevel {
    /// Cấp, ví dụ "cấp tỉnh", "cấp huyện", "cấp xã".
    pub level: Text,
    /// Giá trị cần đạt ở cấp đó.
    pub value: Sp<f64>,
}

/// Nhiệm vụ trọng tâm được khai là không áp dụng.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NotApplicable {
    /// Mã nhiệm vụ trọng tâm, ví dụ "NV14".
    pub priority_task: Text,
    /// Lý do không áp dụng.
    pub reason: Option<Text>,
}

/// Phần II.III: một nhóm nhiệm vụ.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TasksSection {
    /// Mã mục của Khung mà tệp này điền.
    pub section: Text,
    /// Lời dẫn của nhóm nhiệm vụ.
    pub intro: Option<Text>,
    /// Lời văn cho các tiểu mục của Khung ("1.1", "7.4", …).
    #[serde(default)]
    pub items: Vec<SubItem>,
    /// Các nhiệm vụ.
    #[serde(default)]
    pub tasks: Vec<Task>,
}

/// Lời văn của một tiểu mục.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubItem {
    /// Số tiểu mục theo Khung, ví dụ "7.4".
    pub number: Text,
    /// Lời văn.
    pub text: Text,
}

/// Một nhiệm vụ.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Mã nhiệm vụ, duy nhất trong kế hoạch, ví dụ "NV-7.01".
    pub id: Text,
    /// Tên nhiệm vụ.
    pub title: Text,
    /// Nội dung.
    pub content: Option<Text>,
    /// Tiểu mục của Khung mà nhiệm vụ thuộc về, ví dụ "7.4".
    pub item: Option<Text>,
    /// Đơn vị chủ trì.
    pub lead: Text,
    /// Đơn vị phối hợp.
    #[serde(default)]
    pub cooperating: Vec<Text>,
    /// Thời gian thực hiện, ví dụ "Năm 2023", "Quý I/2023", "01/2023 - 06/2023".
    pub timeframe: Text,
    /// Sản phẩm, kết quả dự kiến („rõ kết quả” của yêu cầu „6 rõ”), ví dụ "Nền tảng tích hợp,
    /// chia sẻ dữ liệu cấp tỉnh vận hành chính thức".
    pub product: Option<Text>,
    /// Nhiệm vụ trọng tâm mà nhiệm vụ này thực hiện, ví dụ ["NV19", "NV20"].
    #[serde(default)]
    pub priority_tasks: Vec<Text>,
    /// Ngưỡng/thời hạn của Khung mà nhiệm vụ này đáp ứng, ví dụ "dien-tap-thuc-chien" (không bắt
    /// buộc: nhiệm vụ thuộc đúng tiểu mục hoặc nhiệm vụ trọng tâm cũng được tính).
    pub metric: Option<Text>,
    /// Tình hình thực hiện, ghi trong năm (không bắt buộc).
    pub result: Option<WorkResult>,
}

/// Kết quả thực hiện một mục tiêu.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetResult {
    /// Đánh giá: "hoàn thành", "chưa hoàn thành", "không thực hiện", "chưa có thông tin đánh giá".
    pub status: Sp<TargetStatus>,
    /// Giá trị đạt được, cùng đơn vị với mục tiêu.
    pub value: Option<Sp<f64>>,
    /// Giá trị đạt được theo từng cấp, khi mục tiêu đặt theo cấp (`levels`), cùng tên cấp, ví dụ
    /// `[{level: cấp tỉnh, value: 85}, {level: cấp huyện, value: 70}]`.
    #[serde(default)]
    pub levels: Vec<TargetLevel>,
    /// Đơn vị của giá trị đạt được (bỏ trống: như mục tiêu).
    pub unit: Option<Text>,
    /// Ngày ghi nhận kết quả.
    pub date: Option<Text>,
    /// Ghi chú.
    pub note: Option<Text>,
}

/// Đánh giá một mục tiêu, như các báo cáo thật dùng.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
pub enum TargetStatus {
    #[serde(rename = "hoàn thành")]
    Done,
    #[serde(rename = "chưa hoàn thành")]
    NotDone,
    #[serde(rename = "không thực hiện")]
    NotImplemented,
    #[serde(rename = "chưa có thông tin đánh giá")]
    Unknown,
}

impl TargetStatus {
    /// The words of the plan format ("hoàn thành" …).
    pub fn words(self) -> &'static str {
        match self {
            TargetStatus::Done => "hoàn thành",
            TargetStatus::NotDone => "chưa hoàn thành",
            TargetStatus::NotImplemented => "không thực hiện",
            TargetStatus::Unknown => "chưa có thông tin đánh giá",
        }
    }

    /// The words for a target with or without a result (none reads as not yet evaluated).
    pub fn words_of(s: Option<Self>) -> &'static str {
        s.unwrap_or(TargetStatus::Unknown).words()
    }
}

impl WorkStatus {
    /// The words of the plan format ("đang thực hiện" …).
    pub fn words(self) -> &'static str {
        match self {
            WorkStatus::Done => "hoàn thành",
            WorkStatus::InProgress => "đang thực hiện",
            WorkStatus::NotStarted => "chưa triển khai",
            WorkStatus::Stopped => "dừng",
        }
    }

    /// The words for a task or project with or without a result.
    pub fn words_of(s: Option<Self>) -> &'static str {
        s.map_or("chưa có thông tin", Self::words)
    }
}

/// Tình hình thực hiện một nhiệm vụ hay dự án.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkResult {
    /// "hoàn thành", "đang thực hiện", "chưa triển khai" hoặc "dừng".
    pub status: Sp<WorkStatus>,
    /// Kinh phí đã giải ngân (triệu đồng), với dự án.
    pub disbursed: Option<Sp<Amount>>,
    /// Ngày ghi nhận.
    pub date: Option<Text>,
    /// Ghi chú.
    pub note: Option<Text>,
}

/// Tình hình thực hiện một nhiệm vụ hay dự án.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, serde::Serialize)]
pub enum WorkStatus {
    #[serde(rename = "hoàn thành")]
    Done,
    #[serde(rename = "đang thực hiện")]
    InProgress,
    #[serde(rename = "chưa triển khai")]
    NotStarted,
    #[serde(rename = "dừng")]
    Stopped,
}

/// Phần II.IV: giải pháp.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SolutionsSection {
    /// Mã mục của Khung mà tệp này điền.
    pub section: Text,
    /// Lời dẫn.
    pub intro: Option<Text>,
    /// Các nhóm giải pháp.
    #[serde(default)]
    pub solutions: Vec<Solution>,
}

/// Một nhóm giải pháp.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Solution {
    /// Tên nhóm giải pháp.
    pub title: Text,
    /// Nội dung.
    pub text: Text,
}

/// Phần II.V: kinh phí thực hiện.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetSection {
    /// Mã mục của Khung mà tệp này điền.
    pub section: Text,
    /// Lời văn về nguồn kinh phí.
    pub text: Option<Text>,
    /// Dự kiến tổng kinh phí (triệu đồng); nếu có phải bằng tổng của danh mục dự án.
    pub total: Option<Sp<Amount>>,
    /// Kinh phí theo nguồn vốn; nếu có phải khớp với danh mục dự án.
    #[serde(default)]
    pub by_source: Vec<SourceAmount>,
}

/// Kinh phí của một nguồn vốn.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceAmount {
    /// Nguồn vốn (một trong danh sách của Khung).
    pub source: Text,
    /// Số tiền (triệu đồng).
    pub amount: Sp<Amount>,
}

/// Phần II.VI: tổ chức thực hiện.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrganizationSection {
    /// Mã mục của Khung mà tệp này điền.
    pub section: Text,
    /// Lời dẫn.
    pub text: Option<Text>,
    /// Trách nhiệm của từng cơ quan, đơn vị.
    #[serde(default)]
    pub responsibilities: Vec<Responsibility>,
}

/// Trách nhiệm của một cơ quan.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    /// Tên cơ quan, đơn vị.
    pub unit: Text,
    /// Nhiệm vụ được giao.
    pub text: Text,
}

/// Phần II.VII: danh mục nhiệm vụ, dự án.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectsSection {
    /// Mã mục của Khung mà tệp này điền.
    pub section: Text,
    /// Lời dẫn.
    pub intro: Option<Text>,
    /// Các nhiệm vụ, dự án.
    #[serde(default)]
    pub projects: Vec<Project>,
}

/// Nhiệm vụ/dự án mới hay chuyển tiếp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
pub enum ProjectStatus {
    #[serde(rename = "mới")]
    New,
    #[serde(rename = "chuyển tiếp")]
    Continuing,
}

/// Một nhiệm vụ, dự án trong danh mục.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Project {
    /// Mã dự án, duy nhất trong kế hoạch, ví dụ "DA01".
    pub id: Text,
    /// Tên nhiệm vụ/dự án.
    pub name: Text,
    /// Đơn vị chủ trì.
    pub lead: Option<Text>,
    /// Đơn vị phối hợp.
    #[serde(default)]
    pub cooperating: Vec<Text>,
    /// "mới" hoặc "chuyển tiếp".
    pub status: Option<Sp<ProjectStatus>>,
    /// Mục tiêu chính đầu tư.
    pub objective: Option<Text>,
    /// Thời gian triển khai, ví dụ "2023", "2022-2024", "Quý II/2023 - Quý IV/2023".
    pub timeframe: Option<Text>,
    /// Dự kiến tổng mức đầu tư (triệu đồng).
    pub investment: Option<Sp<Amount>>,
    /// Nguồn vốn: "ngân sách trung ương", "ngân sách địa phương", "vốn ODA", "xã hội hóa" hoặc "khác".
    pub funding: Option<Text>,
    /// Mã các nhiệm vụ (Phần II.III) mà dự án thực hiện.
    #[serde(default)]
    pub tasks: Vec<Text>,
    /// Nhiệm vụ trọng tâm mà dự án thực hiện, ví dụ ["NV05"].
    #[serde(default)]
    pub priority_tasks: Vec<Text>,
    /// Tình hình thực hiện và giải ngân, ghi trong năm (không bắt buộc).
    pub result: Option<WorkResult>,
}
