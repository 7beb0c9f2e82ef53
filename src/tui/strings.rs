//! Every piece of interface wording in one place (ASCII only, so the chrome
//! has no ambiguous-width glyphs and reads the same in every terminal).

use super::action::Mode;

pub const TITLE_OUTLINE: &str = "Outline";
pub const TITLE_READER: &str = "Reader";
pub const TITLE_TABLES: &str = "Tables";
pub const TITLE_HELP: &str = "Keys (Esc to close)";
pub const TOO_SMALL: &str = "terminal too small";
pub const EMPTY_MODEL: &str = "This model has no reports. Build one with `baogao build`.";
pub const NOTHING_OPEN: &str = "Select a section in the outline.";
pub const NO_TABLES: &str = "No tables in this model.";
pub const NO_ROWS: &str = "no rows match the filter";
pub const NO_MATCHES: &str = "no matches";
/// Shown while the search worker has not answered the latest query.
pub const SEARCHING: &str = "searching...";
pub const SEARCH_HINT: &str =
    "type Chinese or pinyin (jzx, shidaowaizi); 'exact ^prefix !not; @zhejiang @2024";
pub const SCOPE_ALL: &str = "all reports";
pub const TITLE_PICKER: &str = "Go to report";
pub const NO_REPORTS_MATCH: &str = "no report matches";
pub const DERIVED: &str = "[derived]";
pub const FILTER: &str = "filter: ";
pub const NO_RECORDS: &str = "no indicator numbers on screen";
pub const RECORDS_HIGHLIGHT: &str = "Indicators in the highlighted sentence";
pub const RECORDS_SCREEN: &str = "Indicators on screen";
pub const RECORDS_ROW: &str = "Indicators in this row";
pub const RECORDS_NUMBER: &str = "The number at the cursor";
pub const NO_MORE_SENTENCES: &str = "no further sentence";
pub const NO_MORE_NUMBERS: &str = "no further indicator number";
pub const NO_ROW_RECORDS: &str = "no indicator records in this row";
pub const NO_JUMP_BACK: &str = "no earlier position (C-o)";
pub const NO_JUMP_FORWARD: &str = "no later position (C-i / C-n)";
pub const BAD_MARK: &str = "marks are a-z";
pub const MARK_NOT_SET: &str = "mark not set";
pub const COPIED: &str = "copied ";
pub const COPY_FORMAT: &str = "y copies as ";
/// n / N before any search.
pub const NO_SEARCH: &str = "no search yet - press /";
/// n / N after a search that found nothing.
pub const NO_SEARCH_HITS: &str = "the last search found nothing - press /";
pub const NOTHING_TO_COPY: &str = "nothing to copy here";
pub const TITLE_TARGETS: &str = "Targets";
pub const NO_TARGETS: &str = "no headline targets in these reports";
pub const NO_REGIONS_MATCH: &str = "no region matches";
pub const NO_TARGET_SOURCE: &str = "no sentence for this cell";
pub const TITLE_COMPARE: &str = "Compare";
pub const NO_EARLIER_REPORT: &str = "no earlier report of this region and kind to compare with";
pub const NO_LATER_REPORT: &str = "no later report of this region and kind";
pub const NO_SENTENCE_CHANGES: &str = "no sentence of this section differs";
pub const NO_SENTENCE_THERE: &str = "cannot open this sentence in the reader";
pub const TITLE_TREND: &str = "Trend";
/// The Trend view before its first count.
pub const TREND_HINT: &str = "type a phrase (pinyin works: xzscl), Enter counts it in every report";
pub const NO_TREND_SOURCE: &str = "cannot open this sentence";

/// Key hints for the status line.
pub fn hints(mode: Mode) -> &'static str {
    match mode {
        Mode::Outline => "l:open h:close Enter:read t:tables /:search ?:help q:quit",
        Mode::Reader => "j/k:scroll [ ]:section i:number /:search ?:help q:quit",
        Mode::Tables => "h/l:col s:sort f:filter v:cell Enter:source ?:help q:quit",
        Mode::Search => "Enter:jump Up/Down:select C-r:this report Esc:cancel",
        Mode::Filter => "type to filter  Enter:keep  Esc:clear",
        Mode::Popup => "j/k:scroll Esc:close",
        Mode::Records => "Tab:next Enter:source Esc:close",
        Mode::Help => "j/k:scroll Esc:close",
        Mode::Picker => "type a region or year (zhejiang, zj, 2024) Enter:go Esc:cancel",
        Mode::Mark => "a-z:mark  ':last position  Esc:cancel",
        Mode::Targets => "type a region  Tab:metric C-s:sort C-g:chart Enter:source Esc:close",
        Mode::Compare => "j/k:move Enter:detail/open [ ]:year before/after Esc:back",
        Mode::Trend => "type a phrase  Enter:count / sentences / open  Up/Down:select  Esc:back",
    }
}
