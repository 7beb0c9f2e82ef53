//! The serde types of the model (data/model.json): the public data contract.
//!
//! Every field is documented in docs/model.md. This file holds plain data and
//! small accessors only; loading lives in `load`, checking in `validate`.

use serde::{Deserialize, Serialize};

pub use super::headline::{Headline, HeadlineKind};
pub use super::indicator::{Indicator, IndicatorSource, Period};

/// Major.minor version of the model format. A loader refuses another major.
pub const SCHEMA_VERSION: &str = "1.2";

/// The whole model: every report the builder was given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub schema_version: String,
    pub generator: String,
    pub reports: Vec<Report>,
}

/// A half-open range `[start, end)` of char (Unicode scalar) offsets into the
/// decoded source text (after any byte-order mark). Serialized as `[start, end]`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span(pub usize, pub usize);

impl Span {
    pub fn start(&self) -> usize {
        self.0
    }
    pub fn end(&self) -> usize {
        self.1
    }
    pub fn len(&self) -> usize {
        self.1.saturating_sub(self.0)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One report: metadata, outline, tables, and the pieces the builder removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Short stable id, e.g. `pudong-2024-plan`.
    pub id: String,
    pub title: String,
    pub region: Option<String>,
    /// The level of government that made the report.
    #[serde(default)]
    pub level: Option<Level>,
    /// The region one level up, where the text names it (浙江省 for 杭州市).
    #[serde(default)]
    pub parent_region: Option<String>,
    /// A government work report, a plan report, or another kind.
    #[serde(default)]
    pub kind: Option<ReportKind>,
    pub review_year: Option<u16>,
    pub plan_year: Option<u16>,
    pub source: Source,
    /// Paragraphs before the first heading (salutation, opening paragraph).
    #[serde(default)]
    pub preamble: Vec<Block>,
    pub sections: Vec<Section>,
    pub tables: Vec<Table>,
    pub removed: Vec<Removed>,
    /// Things the builder wants a human to know (e.g. no headings found).
    #[serde(default)]
    pub warnings: Vec<String>,
    /// Quantitative statements extracted from prose and tables.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// Headline targets and results (docs/indicators.md "Headline targets").
    #[serde(default)]
    pub headlines: Vec<Headline>,
}

/// Where the report came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// File name (no directory) the report was built from.
    pub file: String,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
    /// The text encoding the builder detected (`UTF-8`, `UTF-16LE`, `GB18030` …).
    pub encoding: String,
    /// Length of the decoded text in chars: every span lies inside `0..chars`.
    pub chars: usize,
    pub publisher: Option<String>,
    /// Who delivered the report (a work report's speaker: 刘捷).
    #[serde(default)]
    pub speaker: Option<String>,
    /// Publication or adoption date as printed in the text (ISO `YYYY-MM-DD` when it could be read).
    pub date: Option<String>,
    /// Where the text says it was published or reprinted (来源).
    #[serde(default)]
    pub origin: Option<String>,
}

/// The level of government a report comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    National,
    /// Provinces, autonomous regions, the four municipalities.
    Province,
    /// Prefecture-level and other cities, autonomous prefectures, leagues.
    City,
    District,
    /// Counties and banners.
    County,
}

impl Level {
    pub fn as_str(&self) -> &'static str {
        match self {
            Level::National => "national",
            Level::Province => "province",
            Level::City => "city",
            Level::District => "district",
            Level::County => "county",
        }
    }
}

/// What a report is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// 政府工作报告.
    Work,
    /// 国民经济和社会发展计划执行情况与…计划草案的报告.
    Plan,
    Other,
}

/// What kind of node a section is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// A numbered heading of the report body (一、 / (一) / 1. / (1)).
    Heading,
    /// An attachment (附件1 …) with its own numbering.
    Attachment,
    /// A glossary (名词解释).
    Glossary,
    /// The single section of a report with no recognizable headings.
    Body,
    /// A part with no 一、 marker of its own: "第一部分 …", or a bare heading
    /// line such as "2024年工作回顾". Level 1 when the report has no 一、 run
    /// (the parts are its level-1 sections); level 0, a container above the
    /// 一、 sections, when the 一、 numbering restarts under each part.
    Part,
}

/// A node of the outline. Level 1 is 一、, 2 is (一), 3 is 1., 4 is (1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub level: u8,
    pub kind: SectionKind,
    /// The number as printed, without its punctuation: "一", "1", "附件1".
    pub number: String,
    /// The marker as printed, with its punctuation: "一、", "(一)", "1.".
    pub marker: String,
    /// Heading text without number and without the trailing 。
    pub heading: String,
    /// The run-in terminator the heading ended with ("。"), or "".
    #[serde(default)]
    pub heading_suffix: String,
    /// Span of the printed heading, marker through suffix.
    pub heading_span: Span,
    /// Span of the whole section, heading through its last descendant.
    pub span: Span,
    pub blocks: Vec<Block>,
    pub children: Vec<Section>,
}

/// A block of a section's body, in reading order. (Deserialize is in
/// `block_de.rs`: the derived one buffers a whole block.)
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph(Paragraph),
    /// A reference to `Report::tables` by table id.
    Table {
        table: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub id: String,
    pub span: Span,
    pub sentences: Vec<Sentence>,
}

impl Paragraph {
    /// The paragraph's text: its sentences joined.
    pub fn text(&self) -> String {
        self.sentences.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A sentence. `text` omits any removed piece inside `span` (see `Report::removed`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub id: String,
    pub text: String,
    pub span: Span,
}

/// How a table is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// Numbered rows (序号 1, 2, 3 …) under a header.
    Grid,
    /// Label / content pairs (片区 | 主要情况).
    Pairs,
}

/// A printed header cell; `columns` is the half-open range of leaf columns it covers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HeaderCell {
    pub text: String,
    pub span: Span,
    pub columns: (usize, usize),
}

/// A table recovered from the flattened text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub id: String,
    /// The number as printed ("1" for 表1), or "" when unnumbered.
    pub number: String,
    /// The caption's label as printed ("表1:").
    pub label: String,
    pub caption: String,
    pub kind: TableKind,
    /// Leaf column names in reading order.
    pub columns: Vec<String>,
    /// The printed header cells in source order (a two-level header has spanning cells).
    pub header: Vec<HeaderCell>,
    /// Exactly one cell per column in every row.
    pub rows: Vec<Vec<String>>,
    /// Source span of each cell, parallel to `rows`.
    pub cell_spans: Vec<Vec<Span>>,
    pub notes: Vec<String>,
    pub note_spans: Vec<Span>,
    /// The printed caption line, "表1:" through the caption.
    pub caption_span: Span,
    /// Id of the section the table sits in ("" for the preamble).
    pub section: String,
    pub span: Span,
}

impl Table {
    /// How the explorer, citations and copies title the table: "表1 " and
    /// the caption ("表" and the number only when it has one).
    pub fn title(&self) -> String {
        if self.number.is_empty() {
            self.caption.clone()
        } else {
            format!("\u{8868}{} {}", self.number, self.caption)
        }
    }

    /// The column that names a row: the first one that is not a 序号
    /// column and holds a cell that is not blank and not a plain number.
    pub fn label_column(&self) -> Option<usize> {
        (0..self.columns.len()).find(|&c| {
            !Table::is_number_column(&self.columns[c])
                && self.rows.iter().any(|row| {
                    row.get(c).is_some_and(|v| {
                        !Table::is_blank_cell(v)
                            && !v.chars().all(|ch| ch.is_ascii_digit() || ch == '.')
                    })
                })
        })
    }

    /// A column headed as a row number (序号, 编号, No.).
    pub fn is_number_column(name: &str) -> bool {
        matches!(name.trim(), "序号" | "编号" | "No." | "No" | "序")
    }

    /// A cell that says nothing on its own: empty, or only dashes and punctuation.
    pub fn is_blank_cell(s: &str) -> bool {
        s.chars()
            .all(|c| c.is_whitespace() || matches!(c, '—' | '-' | '–' | '/' | '、' | '…'))
    }
}

/// A piece of source text the builder did not keep in the body, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    pub text: String,
    pub reason: RemovedReason,
    pub span: Span,
}

/// Why a piece was removed. Title and metadata pieces are kept as report metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovedReason {
    /// The report title (kept as `Report::title`).
    Title,
    /// Date, source, publisher, adoption note (kept in `Source`).
    Metadata,
    /// 当前位置:首页 > … navigation.
    Breadcrumb,
    /// Web page chrome: 字号, 分享, 打印, 有话要说 …
    PageChrome,
    /// A site or column name glued to the title.
    SiteName,
    /// A running title repeated at a page break.
    RunningTitle,
    /// A newspaper jump marker (下转 12版 / 上接第11版).
    JumpMarker,
    /// Markdown residue: front matter, #, **.
    Markdown,
    /// An HTML comment `<!-- … -->` (often a photo caption).
    HtmlComment,
    /// A source, photo or editor credit: (某某日报), (… 摄), 责任编辑:…, a
    /// 来源:… line at the page foot.
    Credit,
    /// A related-articles list in a page footer (相关报道: and the titles under it).
    RelatedLinks,
    /// A page description repeating the opening of the body.
    PageDescription,
}

impl RemovedReason {
    pub fn as_str(&self) -> &'static str {
        match self {
            RemovedReason::Title => "title",
            RemovedReason::Metadata => "metadata",
            RemovedReason::Breadcrumb => "breadcrumb",
            RemovedReason::PageChrome => "page_chrome",
            RemovedReason::SiteName => "site_name",
            RemovedReason::RunningTitle => "running_title",
            RemovedReason::JumpMarker => "jump_marker",
            RemovedReason::Markdown => "markdown",
            RemovedReason::HtmlComment => "html_comment",
            RemovedReason::Credit => "credit",
            RemovedReason::RelatedLinks => "related_links",
            RemovedReason::PageDescription => "page_description",
        }
    }
}

impl Section {
    /// Depth-first iterator over this section and its descendants.
    pub fn walk(&self) -> Vec<&Section> {
        let mut out = Vec::new();
        fn go<'a>(s: &'a Section, out: &mut Vec<&'a Section>) {
            out.push(s);
            for c in &s.children {
                go(c, out);
            }
        }
        go(self, &mut out);
        out
    }
}

impl Report {
    /// All sections, depth first, in reading order.
    pub fn all_sections(&self) -> Vec<&Section> {
        self.sections.iter().flat_map(|s| s.walk()).collect()
    }

    pub fn table(&self, id: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::Table;

    #[test]
    fn a_table_is_titled_by_its_number_and_caption() {
        let t = Table::grid("r:t1", "1", "主要指标", &["指标", "值"], &[]);
        assert_eq!(t.title(), "表1 主要指标");
        let t = Table::grid("r:t2", "", "附表", &["指标"], &[]);
        assert_eq!(t.title(), "附表");
    }

    #[test]
    fn the_label_column_skips_row_numbers_and_number_only_columns() {
        let t = Table::grid(
            "r:t1",
            "1",
            "c",
            &["序号", "年份", "指标名称", "值"],
            &[&["1", "2023", "生产总值", "5.0"], &["2", "2024", "—", "6"]],
        );
        assert_eq!(t.label_column(), Some(2));
        let t = Table::grid("r:t2", "", "c", &["值"], &[&["5.0"]]);
        assert_eq!(t.label_column(), None);
    }
}
