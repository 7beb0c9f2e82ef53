//! The command line (clap derive): every argument described, examples under
//! each subcommand. Parsing only: `commands` runs what is parsed. The man page
//! and shell completions are generated from these same definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit status: 0 success (also when stdout is closed early, as by `| head`),
1 nothing matched (search, indicators, tables, outline), 2 an error.";

#[derive(Debug, Parser)]
#[command(
    name = "baogao",
    version,
    about = "Explore Chinese government work and plan reports in the terminal",
    long_about = "Explore Chinese government work and plan reports in the terminal.\n\n\
        With no command, opens the explorer on the bundled model (or --model FILE). \
        The commands print the same model for scripts: search, show, outline, tables, indicators.",
    after_help = EXIT_CODES,
    after_long_help = concat!(
        "Examples:\n",
        "  baogao                                   open the explorer\n",
        "  baogao search jzx                        sentences, cells and figures matching 集装箱 by pinyin\n",
        "  baogao show pudong-2024-plan:t1 --cite   a table with its citation\n",
        "  baogao build reports/ -o my.json && baogao --model my.json\n\n",
        "Exit status: 0 success (also when stdout is closed early, as by `| head`),\n",
        "1 nothing matched (search, indicators, tables, outline), 2 an error."
    )
)]
pub struct Cli {
    /// Model file to open instead of the bundled one (also for every command
    /// that reads one: `baogao --model FILE search …`).
    #[arg(long, value_name = "FILE", env = "BAOGAO_MODEL")]
    pub model: Option<PathBuf>,

    /// Refuse a model file larger than this many MiB (a guard against a
    /// wrong file; the whole 1,659-report corpus is 386 MiB).
    #[arg(long, value_name = "MIB", global = true, env = "BAOGAO_MAX_MODEL_SIZE",
          default_value_t = crate::open::DEFAULT_MAX_MODEL_MIB)]
    pub max_model_size: u64,

    #[command(flatten)]
    pub explore: ExploreArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Options of the explorer (no subcommand).
#[derive(Debug, Args, Clone)]
pub struct ExploreArgs {
    /// Width of East Asian Ambiguous characters (“ ” — … ①): narrow, wide, or ask the terminal.
    #[arg(long, value_enum, env = "BAOGAO_AMBIGUOUS", default_value = "auto")]
    pub ambiguous: AmbiguousArg,
    /// Leave the mouse to the terminal (so its own text selection works).
    #[arg(long)]
    pub no_mouse: bool,
    /// Monochrome interface (also when NO_COLOR is set).
    #[arg(long)]
    pub no_color: bool,
    /// Open the reader on this report, section, paragraph, sentence, table or
    /// indicator: an id as search, outline and show print it, e.g.
    /// pudong-2024-plan:s1.2 (on a pipe: what `baogao show ID` prints).
    #[arg(long, value_name = "ID")]
    pub open: Option<String>,
}

/// The model a command reads.
#[derive(Debug, Args, Clone, Default)]
pub struct ModelArg {
    /// Model file to read instead of the bundled one (made by `baogao build`;
    /// default: $BAOGAO_MODEL when set).
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
}

/// Which reports a command looks at (docs/cli.md, "Choosing reports").
#[derive(Debug, Args, Clone, Default)]
pub struct ReportsArg {
    /// Only reports of this region: Chinese (浙江, 杭州市) or the pinyin its ids
    /// spell (zhejiang), a prefix is enough.
    #[arg(long, value_name = "TEXT")]
    pub region: Option<String>,
    /// Only reports for this plan year, or an inclusive range: 2024, 2020..2024.
    #[arg(long, value_name = "YEAR[..YEAR]",
          value_parser = |s: &str| crate::model::filter::parse_years(s))]
    pub year: Option<std::ops::RangeInclusive<u16>>,
    /// Only reports of this level: national, province, city, district, county.
    #[arg(long, value_name = "LEVEL",
          value_parser = |s: &str| crate::model::filter::parse_level(s))]
    pub level: Option<crate::model::Level>,
}

impl ReportsArg {
    pub fn filter(&self) -> crate::model::filter::ReportFilter {
        crate::model::filter::ReportFilter {
            region: self.region.clone(),
            years: self.year.clone(),
            level: self.level,
        }
    }
}

/// The format of `show --cite`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CiteArg {
    /// The text, then a citation line (title, year, section path, id).
    Text,
    /// A quote (a table as a Markdown table) with the citation.
    Markdown,
    /// A table as CSV with the citation in a comment-free first record.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AmbiguousArg {
    Narrow,
    Wide,
    Auto,
}

/// Output format of the listing commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Columns aligned by display width (long cells cut on a terminal only).
    #[default]
    Table,
    /// RFC 4180 CSV: one header, the same number of fields on every record.
    Csv,
    /// JSON (strings escaped so no control character reaches a terminal).
    Json,
}

/// Output format of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ShowFormat {
    /// The text as printed in the report (a table as aligned columns).
    #[default]
    Text,
    /// The record as in the model (docs/model.md).
    Json,
    /// A table, row or cell as CSV.
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    /// Results of the year under review.
    Actual,
    /// Targets for the plan year.
    Target,
}

/// A shell to complete for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a model from raw report texts.
    #[command(after_help = "Examples:\n  \
        baogao build 2024-report.txt -o model.json\n  \
        baogao build ../shared/corpus/gov -o corpus.json -k\n  \
        baogao build a.txt b.txt --id shanghai-2024 --id pudong-2024 -o two.json")]
    Build(BuildArgs),
    /// Validate a model: one line per report (id, title, warnings), then totals.
    #[command(after_help = "Examples:\n  baogao check\n  baogao check corpus.json -v")]
    Check {
        /// Model file (default: --model, else the bundled model).
        file: Option<PathBuf>,
        /// A one-screen summary of each report (outline, tables, removed text).
        #[arg(short = 'v', long)]
        verbose: bool,
        #[command(flatten)]
        model: ModelArg,
    },
    /// Fuzzy search by Chinese text or pinyin, across every report.
    #[command(
        after_help = "Every id printed can be given to `baogao show`.\n\nExamples:\n  \
        baogao search 集装箱吞吐量\n  \
        baogao search jzx --report pudong-2024-plan\n  \
        baogao search 'gdp !预期' --json | jq .id"
    )]
    Search(SearchArgs),
    /// Print anything with an id: report, section, paragraph, sentence, table,
    /// row, cell, indicator record or derived table.
    #[command(
        after_help = "Ids count rows and columns from 0: TABLE.r7.c5 is the 8th body row, 6th column.\n\n\
        Examples:\n  \
        baogao show pudong-2024-plan:s1.2\n  \
        baogao show pudong-2024-plan:t1 --format csv\n  \
        baogao show pudong-2024-plan:t1.r7.c5 --format json\n  \
        baogao show pudong-2024-plan:s1:p1.1 --cite markdown"
    )]
    Show(ShowArgs),
    /// List the reports of a model, or one report's sections with their ids.
    #[command(
        after_help = "Examples:\n  baogao outline\n  baogao outline pudong-2024-plan\n  \
        baogao outline --format json"
    )]
    Outline(OutlineArgs),
    /// Print the printed and derived tables.
    #[command(
        after_help = "Examples:\n  baogao tables --report pudong-2024-plan\n  \
        baogao tables --format csv > tables.csv\n  \
        baogao tables --format csv --out-dir tables/"
    )]
    Tables(TablesArgs),
    /// Print indicator records (or the joined targets/results rows).
    #[command(after_help = "Examples:\n  baogao indicators --metric 生产总值\n  \
        baogao indicators --period target --format csv\n  \
        baogao indicators --joined --format json")]
    Indicators(IndicatorsArgs),
    /// Print the target ledger: each region's headline targets by year, the
    /// result, met/exceeded/missed, and the upper level's target (docs/indicators.md).
    #[command(after_help = "Exit status 1 when no row matches.\n\nExamples:\n  \
        baogao targets --model corpus.json --metric gdp --region 浙江\n  \
        baogao targets --model corpus.json --year 2015-2020 --format csv\n  \
        baogao targets --model corpus.json --level city --metric cpi --format json")]
    Targets(TargetsArgs),
    /// Compare two reports section by section: sections aligned by heading and
    /// position, sentences by similarity, changes by word; targets side by side.
    #[command(
        after_help = "A and B: a report id, or a region and a plan year (\u{6D59}\u{6C5F}2024, zhejiang-2024).\n\
        With A alone, A is compared with the report of its region and kind just before it.\n\n\
        Examples:\n  \
        baogao diff zhejiang-2024 zhejiang-2025 --model corpus.json\n  \
        baogao diff zhejiang-2025 --model corpus.json | less -R\n  \
        baogao diff beijing-2025 --format json | jq '.sections[] | select(.status != \"same\")'"
    )]
    Diff(DiffArgs),
    /// A phrase across years and regions: per year the reports that use it and
    /// how often (with a bar chart), per region its first use, and the first
    /// report that used it. Pinyin works (xinzhishengchanli, xzscl): it is
    /// counted as the phrase it spells most often.
    #[command(
        after_help = "Exit status 1 when no chosen report uses the phrase.\n\nExamples:\n  \
        baogao trend 新质生产力 --model corpus.json\n  \
        baogao trend xzscl --model corpus.json --level national\n  \
        baogao trend 高质量发展 --model corpus.json --region 浙江 --format csv\n  \
        baogao trend 数字经济 --model corpus.json --year 2024 --sentences"
    )]
    Trend(TrendArgs),
    /// The phrases of a report (2-8 Chinese characters, recurring or in a
    /// heading) that no earlier report of its region used; a national report
    /// against every earlier national one.
    #[command(
        after_help = "Exit status 1 when there is no earlier report or nothing new.\n\nExamples:\n  \
        baogao new-phrases national-2024-work --model corpus.json --top 20"
    )]
    NewPhrases(NewPhrasesArgs),
    /// Print shell completions (e.g. `baogao completions bash > ~/.local/share/bash-completion/completions/baogao`).
    Completions {
        /// The shell.
        shell: ShellArg,
    },
    /// Print the man page (roff), or write one page per command into a folder.
    #[command(
        after_help = "Examples:\n  baogao man | man -l -\n  baogao man --dir ~/.local/share/man/man1"
    )]
    Man {
        /// Write baogao.1 and baogao-COMMAND.1 into this folder instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// `baogao build PATH...`: see `commands::build` for the rules.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Report text files (UTF-8, UTF-16 with BOM, GB18030/GBK), or folders
    /// searched recursively for *.txt and *.md (in sorted path order).
    #[arg(required = true, value_name = "PATH")]
    pub files: Vec<PathBuf>,
    /// Output model file (written through a temp file and a rename, which
    /// a stopping signal removes); `-` writes to standard output. An input
    /// file is refused.
    #[arg(
        short = 'o',
        long = "output",
        value_name = "FILE",
        default_value = "model.json"
    )]
    pub output: PathBuf,
    /// Report id, once per FILE argument in the same order (folders get
    /// derived ids; default: derived from region and year).
    #[arg(long = "id", value_name = "ID")]
    pub ids: Vec<String>,
    /// Write the reports that built and exit 0 even when some files fail
    /// (without it, a failure leaves the output untouched and exits 1).
    #[arg(short = 'k', long)]
    pub keep_going: bool,
    /// No warnings and no progress bar on stderr (errors and the summary stay).
    #[arg(short = 'q', long)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query: Chinese text, pinyin (full, initials or mixed), several
    /// terms separated by spaces (all must match), `!term` to exclude.
    pub query: String,
    /// Only this report (an id from `baogao outline`).
    #[arg(long, value_name = "ID")]
    pub report: Option<String>,
    /// Most hits to print.
    #[arg(long, default_value_t = 20, value_name = "N",
          value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: u32,
    /// Print every hit (no limit).
    #[arg(long, conflicts_with = "limit")]
    pub all: bool,
    /// JSON Lines: one object per hit (kind, id, location, breadcrumb, text,
    /// highlights as char offsets, score, rank).
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub reports: ReportsArg,
    #[command(flatten)]
    pub model: ModelArg,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Ids printed by search, outline, tables or indicators, e.g.
    /// pudong-2024-plan:s1.2 (several: each in turn, in the order given).
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<String>,
    /// How to print it.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ShowFormat,
    /// Print it with its citation (title, year, section path, id), as the
    /// explorer's y copies it.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "text",
          conflicts_with = "format", value_name = "FORMAT")]
    pub cite: Option<CiteArg>,
    #[command(flatten)]
    pub model: ModelArg,
}

#[derive(Debug, Args)]
pub struct OutlineArgs {
    /// A report id: its sections (default: the list of reports).
    pub report: Option<String>,
    /// How to print it.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub reports: ReportsArg,
    #[command(flatten)]
    pub model: ModelArg,
}

#[derive(Debug, Args)]
pub struct TablesArgs {
    /// Only this report's tables.
    #[arg(long, value_name = "ID")]
    pub report: Option<String>,
    /// How to print them.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    /// Write one file per table into this folder (TABLE-ID.csv or .json;
    /// with the table format, .txt) instead of printing.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    #[command(flatten)]
    pub reports: ReportsArg,
    #[command(flatten)]
    pub model: ModelArg,
}

#[derive(Debug, Args)]
pub struct IndicatorsArgs {
    /// Only this report's records.
    #[arg(long, value_name = "ID")]
    pub report: Option<String>,
    /// Only records whose metric contains this text.
    #[arg(long, value_name = "TEXT")]
    pub metric: Option<String>,
    /// Only results or only targets.
    #[arg(long, value_enum)]
    pub period: Option<PeriodArg>,
    /// The joined targets/results rows instead of the records.
    #[arg(long)]
    pub joined: bool,
    /// How to print them.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub reports: ReportsArg,
    #[command(flatten)]
    pub model: ModelArg,
}

#[derive(Debug, Args)]
pub struct TargetsArgs {
    /// Only rows of this region, or whose upper region is it: Chinese (浙江,
    /// 杭州市) or the pinyin its report ids spell (zhejiang), a prefix is enough.
    #[arg(long, value_name = "TEXT")]
    pub region: Option<String>,
    /// Only targets for this year, or an inclusive range: 2024, 2015-2020, 2015..2020.
    #[arg(long, value_name = "N|FROM-TO",
          value_parser = |s: &str| crate::model::filter::parse_years(s))]
    pub year: Option<std::ops::RangeInclusive<u16>>,
    /// Only regions of this level: national, province, city, district, county.
    #[arg(long, value_name = "LEVEL",
          value_parser = |s: &str| crate::model::filter::parse_level(s))]
    pub level: Option<crate::model::Level>,
    /// Only this metric key (gdp, fiscal_revenue, cpi …; disposable_income
    /// also takes its _urban and _rural rows).
    #[arg(long, value_name = "KEY")]
    pub metric: Option<String>,
    /// How to print them.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub model: ModelArg,
}

/// Output format of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DiffFormat {
    /// A summary per section, the targets, then the changed sentences
    /// (inserted and deleted runs in colour on a terminal, else marked
    /// {+…+} and [-…-]).
    #[default]
    Text,
    /// The whole comparison as one JSON object (docs/cli.md).
    Json,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The older report (or, alone, the newer one): an id, or a region and a year.
    #[arg(value_name = "A")]
    pub a: String,
    /// The newer report (default: A is compared with the report before it).
    #[arg(value_name = "B")]
    pub b: Option<String>,
    /// How to print it.
    #[arg(long, value_enum, default_value = "text")]
    pub format: DiffFormat,
    /// Only the summary (sections and targets), not the changed sentences.
    #[arg(long)]
    pub summary: bool,
    #[command(flatten)]
    pub model: ModelArg,
}

/// `baogao trend PHRASE`: see `commands::trend`.
#[derive(Debug, Args)]
pub struct TrendArgs {
    /// The phrase, counted exactly; lower-case pinyin (full or initials) is
    /// counted as the phrase of the reports it spells most often.
    pub phrase: String,
    /// Count the phrase as typed, also when it looks like pinyin.
    #[arg(long)]
    pub exact: bool,
    /// List the sentences (and headings) that hold it instead: year, region,
    /// id, text.
    #[arg(long)]
    pub sentences: bool,
    /// How to print it.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub reports: ReportsArg,
    #[command(flatten)]
    pub model: ModelArg,
}

/// `baogao new-phrases REPORT`: see `commands::novel`.
#[derive(Debug, Args)]
pub struct NewPhrasesArgs {
    /// The report id (baogao outline lists them).
    pub report: String,
    /// At most this many phrases (0: all).
    #[arg(long, default_value_t = 30)]
    pub top: usize,
    /// How to print them.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
    #[command(flatten)]
    pub model: ModelArg,
}
