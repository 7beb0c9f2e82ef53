//! What the user can ask for (`Action`), what `update` acts on (`Msg`: an
//! action or a background result), which pane has the keyboard (`Focus`)
//! and which key context is active (`Mode`). Plain data: no terminal, no state.

/// The pane that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Outline,
    Reader,
    Tables,
}

impl Focus {
    /// The next pane for Tab.
    pub fn next(self) -> Focus {
        match self {
            Focus::Outline => Focus::Reader,
            Focus::Reader => Focus::Tables,
            Focus::Tables => Focus::Outline,
        }
    }
    /// The previous pane for Shift-Tab.
    pub fn prev(self) -> Focus {
        match self {
            Focus::Outline => Focus::Tables,
            Focus::Reader => Focus::Outline,
            Focus::Tables => Focus::Reader,
        }
    }
}

/// A key context: a focused pane, or an overlay that takes the keys first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Outline,
    Reader,
    Tables,
    /// The help overlay.
    Help,
    /// The search prompt and its results.
    Search,
    /// Typing a row filter in the tables pane.
    Filter,
    /// The full text of one table cell.
    Popup,
    /// The indicator records behind the numbers in the reader.
    Records,
    /// The report picker: type a region or a year, Enter goes there.
    Picker,
    /// The Targets view: type to narrow the regions.
    Targets,
    /// The Compare view: a section summary, then a section's sentences.
    Compare,
    /// The Trend view: type a phrase, Enter counts it.
    Trend,
    /// After `m` or `'`: the next key names a mark.
    Mark,
}

/// Everything a key, a mouse event or a resize can ask for. Only
/// `update::update` acts on these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl-Z: stop the process as a shell's job (the terminal layer
    /// restores the terminal first and takes it back on `fg`).
    Suspend,
    Up,
    Down,
    /// Outline: collapse or go to parent. Tables: column left. Reader: back to the outline.
    Left,
    /// Outline: expand or go to first child. Tables: column right.
    Right,
    Parent,
    NextSibling,
    PrevSibling,
    Top,
    Bottom,
    PageDown,
    PageUp,
    /// Open in the reader / jump to the source / accept.
    Enter,
    FocusNext,
    FocusPrev,
    PrevSection,
    NextSection,
    /// Show the tables pane.
    Tables,
    Help,
    /// Close the overlay on top.
    Close,
    SearchOpen,
    /// Open the report picker.
    PickReport,
    /// Open the Targets view (the target ledger as a grid).
    Targets,
    /// Open the Compare view: the current report against the one before it.
    Compare,
    /// Open the Trend view (a phrase across years).
    Trend,
    /// Targets view: the selected region's chart instead of the grid (toggle).
    Chart,
    SearchNext,
    SearchPrev,
    /// Limit search to the current report (toggle).
    SearchScope,
    /// Sort the tables pane by the cursor's column (ascending, descending, off).
    Sort,
    /// Start typing a row filter in the tables pane.
    Filter,
    /// Show the full text of the cell under the cursor.
    CellPopup,
    /// Show the indicator records behind the numbers in the reader's view.
    Records,
    /// Back in the jump list (C-o).
    JumpBack,
    /// Forward in the jump list (C-i).
    JumpForward,
    /// `m`: set a mark (the next letter names it).
    MarkSet,
    /// `'`: go to a mark (the next letter names it; `'` the last position).
    MarkGo,
    /// Copy the sentence or row under the cursor with its citation.
    Copy,
    /// Copy the whole table with its citation.
    CopyAll,
    /// Cycle the copy format: text, Markdown, CSV.
    CopyFormat,
    /// Half a page down / up (less's d / u).
    HalfPageDown,
    HalfPageUp,
    /// Hide or show the outline, giving the reader and tables the full width.
    ToggleOutline,
    /// Reader cursor: next / previous sentence (`)` / `(`).
    SentenceNext,
    SentencePrev,
    /// Reader cursor: next / previous number (`>` / `<`).
    NumberNext,
    NumberPrev,
    /// A prompt line edit (cursor moves, C-w, C-u, Delete).
    Edit(super::prompt::Edit),
    /// Up / Down in the search prompt: history on an empty prompt (or while
    /// recalling), else the previous / next result.
    HistoryPrev,
    HistoryNext,
    /// A typed character in a text prompt.
    Input(char),
    Backspace,
    /// The terminal changed size (columns, rows).
    Resize(u16, u16),
    /// Mouse wheel at (column, row): negative is up.
    Scroll(i8, u16, u16),
    /// Left click at (column, row).
    Click(u16, u16),
}

/// Everything `update::update` acts on: what the user asked for, or a
/// result from the background (the search or Trend worker's answer), so the event
/// loop hands both to the one place state changes and nothing there waits.
#[derive(Debug)]
pub enum Msg {
    Action(Action),
    /// The search worker's hits for one query.
    SearchHits(super::searcher::Answer),
    /// The search worker stopped: search on the UI thread from now on.
    SearchGone,
    /// The Trend worker's count of one phrase.
    TrendCounted(super::counter::Answer),
    /// The Trend worker stopped: count on the UI thread from now on.
    TrendGone,
    /// The terminal answered the ambiguous-width probe (after the first
    /// frame, drawn with a guess): lay everything out for this width.
    AmbiguousWidth(crate::text::AmbiguousWidth),
}

impl From<Action> for Msg {
    fn from(a: Action) -> Msg {
        Msg::Action(a)
    }
}
