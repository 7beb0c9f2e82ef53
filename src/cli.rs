//! The command line (clap derive). Parsing only: dispatch lives in main.rs and
//! each command's body in its own module's `cmd` function.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "baogao",
    version,
    about = "Explore Chinese government economic-plan reports in the terminal"
)]
pub struct Cli {
    /// Model to read instead of the bundled one (data/model.json, embedded).
    #[arg(long, global = true, value_name = "FILE")]
    pub model: Option<PathBuf>,

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
}

/// The format of `show --cite`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CiteArg {
    Text,
    Markdown,
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AmbiguousArg {
    Narrow,
    Wide,
    Auto,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    Actual,
    Target,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build a model from raw report texts.
    Build(BuildArgs),
    /// Validate a model; one line per report (id, title, warnings), then totals.
    Check {
        /// Model file (default: the bundled model).
        file: Option<PathBuf>,
        /// A one-screen summary of each report (outline, tables, removed text).
        #[arg(short = 'v', long)]
        verbose: bool,
    },
    /// Fuzzy search by Chinese text or pinyin.
    Search(SearchArgs),
    /// Print a section, paragraph, sentence or table by id.
    Show {
        /// An id from the model, e.g. pudong-2024-plan:s1.2
        id: String,
        /// Print it with its citation (title, year, section path, id), as the
        /// explorer's y copies it: text (the default), markdown or csv.
        #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "text")]
        cite: Option<CiteArg>,
    },
    /// Print the printed and derived tables.
    Tables(TablesArgs),
    /// Print indicator records (or the joined targets/results rows).
    Indicators(IndicatorsArgs),
}

/// `baogao build PATH...`: see `commands::build` for the rules.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Report text files (UTF-8, UTF-16 with BOM, GB18030/GBK), or folders
    /// searched recursively for *.txt and *.md (in sorted path order).
    #[arg(required = true, value_name = "PATH")]
    pub files: Vec<PathBuf>,
    /// Output model file.
    #[arg(short = 'o', long = "output", default_value = "data/model.json")]
    pub output: PathBuf,
    /// Report id, once per FILE argument in the same order (folders get
    /// derived ids; default: derived from region and year).
    #[arg(long = "id")]
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
    pub query: String,
    /// Only this report.
    #[arg(long)]
    pub report: Option<String>,
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// JSON lines output for scripts.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TablesArgs {
    #[arg(long)]
    pub report: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct IndicatorsArgs {
    #[arg(long)]
    pub report: Option<String>,
    /// Only records whose metric contains this text.
    #[arg(long)]
    pub metric: Option<String>,
    #[arg(long, value_enum)]
    pub period: Option<PeriodArg>,
    /// The joined targets/results rows instead of the records.
    #[arg(long)]
    pub joined: bool,
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}
