//! The keymap: one table of bindings from which both `action_for` (key →
//! action) and the help overlay are generated, so keys and help cannot drift.
//! Pure: no terminal I/O.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Mode};
use super::prompt::Edit;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every pane (not inside an overlay).
    Panes,
    /// Every mode, overlays and prompts included (listed with the panes').
    Anywhere,
    /// Only in this mode.
    Only(Mode),
}

/// One key as written in the table: a code and whether Ctrl is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}
const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}
const fn k(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// One row of the keymap: keys, what they do, where, and the help text.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    /// The keys as shown in the help (ASCII only).
    pub label: &'static str,
    pub action: Action,
    pub help: &'static str,
}

const fn b(
    scope: Scope,
    keys: &'static [Key],
    label: &'static str,
    action: Action,
    help: &'static str,
) -> Binding {
    Binding {
        scope,
        keys,
        label,
        action,
        help,
    }
}

use KeyCode::*;
use Scope::{Anywhere, Only, Panes};

/// The whole keymap, in the order the help shows it.
pub static BINDINGS: &[Binding] = &[
    // Everywhere (panes)
    b(
        Panes,
        &[ch('j'), k(Down)],
        "j  Down",
        Action::Down,
        "move down / scroll down",
    ),
    b(
        Panes,
        &[ch('k'), k(Up)],
        "k  Up",
        Action::Up,
        "move up / scroll up",
    ),
    b(
        Panes,
        &[ch('g'), k(Home)],
        "g  Home",
        Action::Top,
        "go to the top",
    ),
    b(
        Panes,
        &[ch('G'), k(End)],
        "G  End",
        Action::Bottom,
        "go to the bottom",
    ),
    b(
        Panes,
        &[ctrl('d'), k(PageDown)],
        "C-d  PgDn",
        Action::PageDown,
        "page down",
    ),
    b(
        Panes,
        &[ctrl('u'), k(PageUp)],
        "C-u  PgUp",
        Action::PageUp,
        "page up",
    ),
    // less habits (C-d / C-u above stay whole pages, as before)
    b(
        Panes,
        &[ctrl('f')],
        "C-f",
        Action::PageDown,
        "page down (reader: also Space, f)",
    ),
    b(
        Panes,
        &[ch('b'), ctrl('b')],
        "b  C-b",
        Action::PageUp,
        "page up",
    ),
    b(
        Panes,
        &[ch('d')],
        "d",
        Action::HalfPageDown,
        "half a page down",
    ),
    b(Panes, &[ch('u')], "u", Action::HalfPageUp, "half a page up"),
    b(
        Panes,
        &[ch('o')],
        "o",
        Action::ToggleOutline,
        "hide / show the outline (full width)",
    ),
    b(Panes, &[k(Tab)], "Tab", Action::FocusNext, "next pane"),
    b(
        Panes,
        &[k(BackTab)],
        "S-Tab",
        Action::FocusPrev,
        "previous pane",
    ),
    b(Panes, &[ch('t')], "t", Action::Tables, "tables pane"),
    b(
        Panes,
        &[ch('T')],
        "T",
        Action::Targets,
        "targets and results by region and year",
    ),
    b(
        Panes,
        &[ch('P')],
        "P",
        Action::Trend,
        "a phrase across years (trend)",
    ),
    b(
        Panes,
        &[ch('D')],
        "D",
        Action::Compare,
        "compare this report with the one before it",
    ),
    b(
        Panes,
        &[ch('/')],
        "/",
        Action::SearchOpen,
        "search (Chinese or pinyin)",
    ),
    b(
        Panes,
        &[ch('p')],
        "p",
        Action::PickReport,
        "go to a report (type a region or a year)",
    ),
    b(
        Panes,
        &[ch('n')],
        "n",
        Action::SearchNext,
        "next search result",
    ),
    b(
        Panes,
        &[ch('N')],
        "N",
        Action::SearchPrev,
        "previous search result",
    ),
    b(
        Panes,
        &[ctrl('o')],
        "C-o",
        Action::JumpBack,
        "back to where the last jump left",
    ),
    b(
        Panes,
        &[ctrl('i'), ctrl('n')],
        "C-i  C-n",
        Action::JumpForward,
        "forward again (C-n where C-i is Tab)",
    ),
    b(
        Panes,
        &[ch('m')],
        "m a-z",
        Action::MarkSet,
        "set a mark here (for this session)",
    ),
    b(
        Panes,
        &[ch('\'')],
        "' a-z  ''",
        Action::MarkGo,
        "go to a mark; '' to the last position",
    ),
    b(
        Panes,
        &[ch('y')],
        "y",
        Action::Copy,
        "copy sentence (tables: row) with citation",
    ),
    b(
        Panes,
        &[ctrl('y')],
        "C-y",
        Action::CopyFormat,
        "copy format: text, markdown, csv",
    ),
    b(Panes, &[ch('?'), k(F(1))], "?", Action::Help, "this help"),
    b(Panes, &[ch('q'), ctrl('c')], "q", Action::Quit, "quit"),
    b(
        Anywhere,
        &[ctrl('z')],
        "C-z",
        Action::Suspend,
        "suspend to the shell (fg comes back)",
    ),
    // Outline
    b(
        Only(Mode::Outline),
        &[ch('h'), k(Left)],
        "h  Left",
        Action::Left,
        "collapse, or go to parent",
    ),
    b(
        Only(Mode::Outline),
        &[ch('l'), k(Right)],
        "l  Right",
        Action::Right,
        "expand, or go to first child",
    ),
    b(
        Only(Mode::Outline),
        &[ch('H')],
        "H",
        Action::Parent,
        "go to parent",
    ),
    b(
        Only(Mode::Outline),
        &[ch('J')],
        "J",
        Action::NextSibling,
        "next sibling",
    ),
    b(
        Only(Mode::Outline),
        &[ch('K')],
        "K",
        Action::PrevSibling,
        "previous sibling",
    ),
    b(
        Only(Mode::Outline),
        &[k(Enter)],
        "Enter",
        Action::Enter,
        "open in the reader",
    ),
    // Reader
    b(
        Only(Mode::Reader),
        &[ch(']'), ch('J')],
        "]  J",
        Action::NextSection,
        "next section",
    ),
    b(
        Only(Mode::Reader),
        &[ch('['), ch('K')],
        "[  K",
        Action::PrevSection,
        "previous section",
    ),
    b(
        Only(Mode::Reader),
        &[ch('H')],
        "H",
        Action::Parent,
        "parent section",
    ),
    b(
        Only(Mode::Reader),
        &[ch('h'), k(Left)],
        "h  Left",
        Action::Left,
        "back to the outline",
    ),
    b(
        Only(Mode::Reader),
        &[ch('i')],
        "i",
        Action::Records,
        "records of the cursor number, else on screen",
    ),
    b(
        Only(Mode::Reader),
        &[ch(')')],
        ")",
        Action::SentenceNext,
        "cursor to the next sentence (y copies it)",
    ),
    b(
        Only(Mode::Reader),
        &[ch('(')],
        "(",
        Action::SentencePrev,
        "cursor to the previous sentence",
    ),
    b(
        Only(Mode::Reader),
        &[ch('>')],
        ">",
        Action::NumberNext,
        "cursor to the next number (i: its record)",
    ),
    b(
        Only(Mode::Reader),
        &[ch('<')],
        "<",
        Action::NumberPrev,
        "cursor to the previous number",
    ),
    b(
        Only(Mode::Reader),
        &[ch(' '), ch('f')],
        "Space  f",
        Action::PageDown,
        "page down (as in less)",
    ),
    // Tables
    b(
        Only(Mode::Tables),
        &[ch('h'), k(Left)],
        "h  Left",
        Action::Left,
        "column left (scrolls)",
    ),
    b(
        Only(Mode::Tables),
        &[ch('l'), k(Right)],
        "l  Right",
        Action::Right,
        "column right (scrolls)",
    ),
    b(
        Only(Mode::Tables),
        &[ch('J'), ch(']')],
        "J  ]",
        Action::NextSibling,
        "next table",
    ),
    b(
        Only(Mode::Tables),
        &[ch('K'), ch('[')],
        "K  [",
        Action::PrevSibling,
        "previous table",
    ),
    b(
        Only(Mode::Tables),
        &[ch('s')],
        "s",
        Action::Sort,
        "sort by this column (up, down, off)",
    ),
    b(
        Only(Mode::Tables),
        &[ch('f')],
        "f",
        Action::Filter,
        "filter rows by typing",
    ),
    b(
        Only(Mode::Tables),
        &[ch('v'), ch(' ')],
        "v  Space",
        Action::CellPopup,
        "full text of the cell",
    ),
    b(
        Only(Mode::Tables),
        &[ch('i')],
        "i",
        Action::Records,
        "records behind the row's underlined numbers",
    ),
    b(
        Only(Mode::Tables),
        &[ch('Y')],
        "Y",
        Action::CopyAll,
        "copy the whole table with citation",
    ),
    b(
        Only(Mode::Tables),
        &[k(Enter)],
        "Enter",
        Action::Enter,
        "jump to the row's source",
    ),
    // Search prompt
    b(
        Only(Mode::Search),
        &[ctrl('n')],
        "C-n",
        Action::Down,
        "next result",
    ),
    b(
        Only(Mode::Search),
        &[ctrl('p')],
        "C-p",
        Action::Up,
        "previous result",
    ),
    b(
        Only(Mode::Search),
        &[k(Down)],
        "Down",
        Action::HistoryNext,
        "next result (newer query while recalling)",
    ),
    b(
        Only(Mode::Search),
        &[k(Up)],
        "Up",
        Action::HistoryPrev,
        "previous result (empty prompt: earlier query)",
    ),
    b(
        Only(Mode::Search),
        &[k(PageDown)],
        "PgDn",
        Action::PageDown,
        "page down",
    ),
    b(
        Only(Mode::Search),
        &[k(PageUp)],
        "PgUp",
        Action::PageUp,
        "page up",
    ),
    b(
        Only(Mode::Search),
        &[k(Enter)],
        "Enter",
        Action::Enter,
        "jump to the result",
    ),
    b(
        Only(Mode::Search),
        &[ctrl('r')],
        "C-r",
        Action::SearchScope,
        "only the current report (toggle)",
    ),
    b(
        Only(Mode::Search),
        &[k(Backspace)],
        "Backspace",
        Action::Backspace,
        "delete a character",
    ),
    b(
        Only(Mode::Search),
        &[k(Left), ctrl('b')],
        "Left  C-b",
        Action::Edit(Edit::Left),
        "cursor left",
    ),
    b(
        Only(Mode::Search),
        &[k(Right), ctrl('f')],
        "Right  C-f",
        Action::Edit(Edit::Right),
        "cursor right",
    ),
    b(
        Only(Mode::Search),
        &[ctrl('a'), k(Home)],
        "C-a  Home",
        Action::Edit(Edit::Start),
        "cursor to the start",
    ),
    b(
        Only(Mode::Search),
        &[ctrl('e'), k(End)],
        "C-e  End",
        Action::Edit(Edit::End),
        "cursor to the end",
    ),
    b(
        Only(Mode::Search),
        &[k(Delete), ctrl('d')],
        "Del  C-d",
        Action::Edit(Edit::Delete),
        "delete the character under the cursor",
    ),
    b(
        Only(Mode::Search),
        &[ctrl('w')],
        "C-w",
        Action::Edit(Edit::WordBack),
        "delete the word before the cursor",
    ),
    b(
        Only(Mode::Search),
        &[ctrl('u')],
        "C-u",
        Action::Edit(Edit::ToStart),
        "delete to the start",
    ),
    b(
        Only(Mode::Search),
        &[k(Esc), ctrl('c')],
        "Esc",
        Action::Close,
        "cancel, back to where you were",
    ),
    // Filter prompt
    b(
        Only(Mode::Filter),
        &[k(Backspace)],
        "Backspace",
        Action::Backspace,
        "delete a character",
    ),
    b(
        Only(Mode::Filter),
        &[k(Left), ctrl('b')],
        "Left  C-b",
        Action::Edit(Edit::Left),
        "cursor left",
    ),
    b(
        Only(Mode::Filter),
        &[k(Right), ctrl('f')],
        "Right  C-f",
        Action::Edit(Edit::Right),
        "cursor right",
    ),
    b(
        Only(Mode::Filter),
        &[ctrl('a'), k(Home)],
        "C-a  Home",
        Action::Edit(Edit::Start),
        "cursor to the start",
    ),
    b(
        Only(Mode::Filter),
        &[ctrl('e'), k(End)],
        "C-e  End",
        Action::Edit(Edit::End),
        "cursor to the end",
    ),
    b(
        Only(Mode::Filter),
        &[k(Delete), ctrl('d')],
        "Del  C-d",
        Action::Edit(Edit::Delete),
        "delete the character under the cursor",
    ),
    b(
        Only(Mode::Filter),
        &[ctrl('w')],
        "C-w",
        Action::Edit(Edit::WordBack),
        "delete the word before the cursor",
    ),
    b(
        Only(Mode::Filter),
        &[ctrl('u')],
        "C-u",
        Action::Edit(Edit::ToStart),
        "delete to the start",
    ),
    b(
        Only(Mode::Filter),
        &[k(Enter)],
        "Enter",
        Action::Enter,
        "keep the filter",
    ),
    b(
        Only(Mode::Filter),
        &[k(Esc), ctrl('c')],
        "Esc",
        Action::Close,
        "clear the filter",
    ),
    // Report picker
    b(
        Only(Mode::Picker),
        &[k(Down), ctrl('n')],
        "Down  C-n",
        Action::Down,
        "next report",
    ),
    b(
        Only(Mode::Picker),
        &[k(Up), ctrl('p')],
        "Up  C-p",
        Action::Up,
        "previous report",
    ),
    b(
        Only(Mode::Picker),
        &[k(PageDown)],
        "PgDn",
        Action::PageDown,
        "page down",
    ),
    b(
        Only(Mode::Picker),
        &[k(PageUp)],
        "PgUp",
        Action::PageUp,
        "page up",
    ),
    b(
        Only(Mode::Picker),
        &[k(Enter)],
        "Enter",
        Action::Enter,
        "go to the report (where you left it)",
    ),
    b(
        Only(Mode::Picker),
        &[k(Backspace)],
        "Backspace",
        Action::Backspace,
        "delete a character",
    ),
    b(
        Only(Mode::Picker),
        &[k(Left), ctrl('b')],
        "Left  C-b",
        Action::Edit(Edit::Left),
        "cursor left",
    ),
    b(
        Only(Mode::Picker),
        &[k(Right), ctrl('f')],
        "Right  C-f",
        Action::Edit(Edit::Right),
        "cursor right",
    ),
    b(
        Only(Mode::Picker),
        &[ctrl('w')],
        "C-w",
        Action::Edit(Edit::WordBack),
        "delete the word before the cursor",
    ),
    b(
        Only(Mode::Picker),
        &[ctrl('u')],
        "C-u",
        Action::Edit(Edit::ToStart),
        "delete to the start",
    ),
    b(
        Only(Mode::Picker),
        &[k(Esc), ctrl('c')],
        "Esc",
        Action::Close,
        "cancel",
    ),
    // Targets view
    b(
        Only(Mode::Targets),
        &[k(Down), ctrl('n')],
        "Down  C-n",
        Action::Down,
        "next region",
    ),
    b(
        Only(Mode::Targets),
        &[k(Up), ctrl('p')],
        "Up  C-p",
        Action::Up,
        "previous region",
    ),
    b(
        Only(Mode::Targets),
        &[k(Right), ctrl('f')],
        "Right  C-f",
        Action::Right,
        "next year",
    ),
    b(
        Only(Mode::Targets),
        &[k(Left), ctrl('b')],
        "Left  C-b",
        Action::Left,
        "previous year",
    ),
    b(
        Only(Mode::Targets),
        &[k(PageDown)],
        "PgDn",
        Action::PageDown,
        "page down",
    ),
    b(
        Only(Mode::Targets),
        &[k(PageUp)],
        "PgUp",
        Action::PageUp,
        "page up",
    ),
    b(
        Only(Mode::Targets),
        &[k(Tab)],
        "Tab",
        Action::FocusNext,
        "next metric",
    ),
    b(
        Only(Mode::Targets),
        &[k(BackTab)],
        "S-Tab",
        Action::FocusPrev,
        "previous metric",
    ),
    b(
        Only(Mode::Targets),
        &[ctrl('s')],
        "C-s",
        Action::Sort,
        "sort by the selected year (highest, lowest, off)",
    ),
    b(
        Only(Mode::Targets),
        &[ctrl('g')],
        "C-g",
        Action::Chart,
        "chart of the selected region (toggle)",
    ),
    b(
        Only(Mode::Targets),
        &[k(Enter)],
        "Enter",
        Action::Enter,
        "open the target's sentence in the reader",
    ),
    b(
        Only(Mode::Targets),
        &[k(Backspace)],
        "Backspace",
        Action::Backspace,
        "delete a character",
    ),
    b(
        Only(Mode::Targets),
        &[ctrl('w')],
        "C-w",
        Action::Edit(Edit::WordBack),
        "delete the word before the cursor",
    ),
    b(
        Only(Mode::Targets),
        &[ctrl('u')],
        "C-u",
        Action::Edit(Edit::ToStart),
        "delete to the start",
    ),
    b(
        Only(Mode::Targets),
        &[k(Esc), ctrl('c')],
        "Esc",
        Action::Close,
        "close",
    ),
    // Compare view
    b(
        Only(Mode::Compare),
        &[ch('j'), k(Down)],
        "j  Down",
        Action::Down,
        "next section / sentence",
    ),
    b(
        Only(Mode::Compare),
        &[ch('k'), k(Up)],
        "k  Up",
        Action::Up,
        "previous section / sentence",
    ),
    b(
        Only(Mode::Compare),
        &[ctrl('d'), k(PageDown)],
        "C-d  PgDn",
        Action::PageDown,
        "page down",
    ),
    b(
        Only(Mode::Compare),
        &[ctrl('u'), k(PageUp)],
        "C-u  PgUp",
        Action::PageUp,
        "page up",
    ),
    b(
        Only(Mode::Compare),
        &[ch('['), k(Left)],
        "[  Left",
        Action::Left,
        "both reports a year earlier",
    ),
    b(
        Only(Mode::Compare),
        &[ch(']'), k(Right)],
        "]  Right",
        Action::Right,
        "both reports a year later",
    ),
    b(
        Only(Mode::Compare),
        &[k(Enter)],
        "Enter",
        Action::Enter,
        "a section's sentences; a sentence or target in the reader",
    ),
    b(
        Only(Mode::Compare),
        &[k(Esc), ctrl('c'), ch('q')],
        "Esc  q",
        Action::Close,
        "back to the summary / close",
    ),
    // Trend view
    b(
        Only(Mode::Trend),
        &[k(Down), ctrl('n')],
        "Down  C-n",
        Action::Down,
        "next year / sentence",
    ),
    b(
        Only(Mode::Trend),
        &[k(Up), ctrl('p')],
        "Up  C-p",
        Action::Up,
        "previous year / sentence",
    ),
    b(
        Only(Mode::Trend),
        &[k(PageDown)],
        "PgDn",
        Action::PageDown,
        "page down",
    ),
    b(
        Only(Mode::Trend),
        &[k(PageUp)],
        "PgUp",
        Action::PageUp,
        "page up",
    ),
    b(
        Only(Mode::Trend),
        &[k(Enter)],
        "Enter",
        Action::Enter,
        "count the phrase / the year's sentences / open the sentence",
    ),
    b(
        Only(Mode::Trend),
        &[k(Backspace)],
        "Backspace",
        Action::Backspace,
        "delete a character",
    ),
    b(
        Only(Mode::Trend),
        &[ctrl('w')],
        "C-w",
        Action::Edit(Edit::WordBack),
        "delete the word before the cursor",
    ),
    b(
        Only(Mode::Trend),
        &[ctrl('u')],
        "C-u",
        Action::Edit(Edit::ToStart),
        "delete to the start",
    ),
    b(
        Only(Mode::Trend),
        &[k(Esc), ctrl('c')],
        "Esc",
        Action::Close,
        "back to the years / close",
    ),
    // After m or '
    b(
        Only(Mode::Mark),
        &[k(Esc), ctrl('c')],
        "Esc",
        Action::Close,
        "cancel",
    ),
    // Popup and help
    b(
        Only(Mode::Popup),
        &[k(Esc), k(Enter), ch('v'), ch(' '), ch('q')],
        "Esc",
        Action::Close,
        "close",
    ),
    b(
        Only(Mode::Popup),
        &[ch('j'), k(Down)],
        "j  Down",
        Action::Down,
        "scroll down (a cell taller than the screen)",
    ),
    b(
        Only(Mode::Popup),
        &[ch('k'), k(Up)],
        "k  Up",
        Action::Up,
        "scroll up",
    ),
    b(
        Only(Mode::Records),
        &[ch('j'), k(Down)],
        "j  Down",
        Action::Down,
        "scroll down",
    ),
    b(
        Only(Mode::Records),
        &[ch('k'), k(Up)],
        "k  Up",
        Action::Up,
        "scroll up",
    ),
    b(
        Only(Mode::Records),
        &[ctrl('d'), k(PageDown)],
        "C-d  PgDn",
        Action::PageDown,
        "page down",
    ),
    b(
        Only(Mode::Records),
        &[ctrl('u'), k(PageUp)],
        "C-u  PgUp",
        Action::PageUp,
        "page up",
    ),
    b(
        Only(Mode::Records),
        &[k(Esc), ch('i'), ch('q')],
        "Esc  i  q",
        Action::Close,
        "close",
    ),
    b(
        Only(Mode::Records),
        &[k(Tab), ch('J')],
        "Tab  J",
        Action::NextSibling,
        "select the next record",
    ),
    b(
        Only(Mode::Records),
        &[k(BackTab), ch('K')],
        "S-Tab  K",
        Action::PrevSibling,
        "select the previous record",
    ),
    b(
        Only(Mode::Records),
        &[k(Enter)],
        "Enter",
        Action::Enter,
        "jump to the selected record's source",
    ),
    b(
        Only(Mode::Help),
        &[ch('j'), k(Down)],
        "j  Down",
        Action::Down,
        "scroll down",
    ),
    b(
        Only(Mode::Help),
        &[ch('k'), k(Up)],
        "k  Up",
        Action::Up,
        "scroll up",
    ),
    b(
        Only(Mode::Help),
        &[k(Esc), ch('?'), ch('q'), k(F(1))],
        "Esc  ?  q",
        Action::Close,
        "close",
    ),
];

fn applies(scope: Scope, mode: Mode) -> bool {
    match scope {
        Scope::Only(m) => m == mode,
        Scope::Panes => matches!(mode, Mode::Outline | Mode::Reader | Mode::Tables),
        Scope::Anywhere => true,
    }
}

/// Whether a mode takes typed characters as text.
pub fn is_text_mode(mode: Mode) -> bool {
    matches!(
        mode,
        Mode::Search | Mode::Filter | Mode::Mark | Mode::Picker | Mode::Targets | Mode::Trend
    )
}

/// The action for a key in a mode, if any. Mode-specific bindings win over
/// the pane-wide ones; in a text prompt, plain characters are input.
pub fn action_for(mode: Mode, key: KeyEvent) -> Option<Action> {
    let ctrl_held = key.modifiers.contains(KeyModifiers::CONTROL);
    let want = Key {
        code: key.code,
        ctrl: ctrl_held,
    };
    let find = |pred: &dyn Fn(Scope) -> bool| {
        BINDINGS
            .iter()
            .find(|bd| pred(bd.scope) && applies(bd.scope, mode) && bd.keys.contains(&want))
            .map(|bd| bd.action)
    };
    if let Some(a) = find(&|s| matches!(s, Scope::Anywhere | Scope::Only(_))) {
        return Some(a);
    }
    if is_text_mode(mode) {
        if let (KeyCode::Char(c), false) = (key.code, ctrl_held) {
            return Some(Action::Input(c));
        }
        return None;
    }
    find(&|s| s == Scope::Panes)
}

/// The help text: one section per context, one line per binding (ASCII labels).
pub fn help_sections() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    let groups: [(&str, Scope); 14] = [
        ("Everywhere", Scope::Panes),
        ("Outline", Scope::Only(Mode::Outline)),
        ("Reader", Scope::Only(Mode::Reader)),
        ("Tables", Scope::Only(Mode::Tables)),
        ("Search prompt (type to search)", Scope::Only(Mode::Search)),
        ("Table filter (type to filter)", Scope::Only(Mode::Filter)),
        (
            "Report picker (type a region or a year)",
            Scope::Only(Mode::Picker),
        ),
        (
            "Targets (type a region to narrow)",
            Scope::Only(Mode::Targets),
        ),
        (
            "Compare (D: this report and the one before it)",
            Scope::Only(Mode::Compare),
        ),
        (
            "Trend (type a phrase, Enter counts it)",
            Scope::Only(Mode::Trend),
        ),
        ("After m or ' (a mark's letter)", Scope::Only(Mode::Mark)),
        ("Cell popup", Scope::Only(Mode::Popup)),
        ("Indicator records", Scope::Only(Mode::Records)),
        ("Help", Scope::Only(Mode::Help)),
    ];
    groups
        .iter()
        .map(|(title, scope)| {
            let rows = BINDINGS
                .iter()
                .filter(|bd| {
                    bd.scope == *scope || (bd.scope == Scope::Anywhere && *scope == Scope::Panes)
                })
                .map(|bd| (bd.label, bd.help))
                .collect();
            (*title, rows)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }
    fn ctrl_key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn vim_keys_and_arrows_move_in_every_pane() {
        for mode in [Mode::Outline, Mode::Reader, Mode::Tables] {
            assert_eq!(action_for(mode, key(Char('j'))), Some(Action::Down));
            assert_eq!(action_for(mode, key(Down)), Some(Action::Down));
            assert_eq!(action_for(mode, key(Char('k'))), Some(Action::Up));
            assert_eq!(action_for(mode, key(Up)), Some(Action::Up));
            assert_eq!(action_for(mode, ctrl_key('d')), Some(Action::PageDown));
            assert_eq!(action_for(mode, ctrl_key('u')), Some(Action::PageUp));
            assert_eq!(action_for(mode, key(Char('q'))), Some(Action::Quit));
        }
    }

    #[test]
    fn h_and_l_depend_on_the_pane() {
        assert_eq!(
            action_for(Mode::Outline, key(Char('l'))),
            Some(Action::Right)
        );
        assert_eq!(action_for(Mode::Outline, key(Left)), Some(Action::Left));
        assert_eq!(
            action_for(Mode::Reader, key(Char(']'))),
            Some(Action::NextSection)
        );
        assert_eq!(
            action_for(Mode::Reader, key(Char('['))),
            Some(Action::PrevSection)
        );
        assert_eq!(action_for(Mode::Tables, key(Char('s'))), Some(Action::Sort));
        assert_eq!(action_for(Mode::Outline, key(Char('s'))), None);
    }

    #[test]
    fn shifted_letters_arrive_with_shift_and_still_match() {
        let g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(action_for(Mode::Outline, g), Some(Action::Bottom));
        let back = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(action_for(Mode::Reader, back), Some(Action::FocusPrev));
    }

    #[test]
    fn a_prompt_takes_letters_as_text_not_commands() {
        assert_eq!(
            action_for(Mode::Search, key(Char('q'))),
            Some(Action::Input('q'))
        );
        assert_eq!(
            action_for(Mode::Search, key(Char('j'))),
            Some(Action::Input('j'))
        );
        assert_eq!(
            action_for(Mode::Search, key(Char('集'))),
            Some(Action::Input('集'))
        );
        assert_eq!(action_for(Mode::Search, key(Esc)), Some(Action::Close));
        assert_eq!(
            action_for(Mode::Search, ctrl_key('r')),
            Some(Action::SearchScope)
        );
        assert_eq!(
            action_for(Mode::Filter, key(Char('/'))),
            Some(Action::Input('/'))
        );
    }

    #[test]
    fn esc_closes_overlays_and_q_closes_help_not_the_app() {
        assert_eq!(action_for(Mode::Help, key(Char('q'))), Some(Action::Close));
        assert_eq!(action_for(Mode::Popup, key(Esc)), Some(Action::Close));
        assert_eq!(action_for(Mode::Help, key(Char('t'))), None);
    }

    #[test]
    fn ctrl_z_suspends_in_every_mode_prompts_included() {
        let modes = [
            Mode::Outline,
            Mode::Reader,
            Mode::Tables,
            Mode::Help,
            Mode::Search,
            Mode::Filter,
            Mode::Popup,
            Mode::Records,
            Mode::Picker,
            Mode::Targets,
            Mode::Mark,
        ];
        for mode in modes {
            assert_eq!(
                action_for(mode, ctrl_key('z')),
                Some(Action::Suspend),
                "{mode:?}"
            );
        }
        // a plain z is still text in a prompt
        assert_eq!(
            action_for(Mode::Search, key(Char('z'))),
            Some(Action::Input('z'))
        );
    }

    #[test]
    fn help_lists_every_binding_once_in_ascii() {
        let sections = help_sections();
        let n: usize = sections.iter().map(|(_, r)| r.len()).sum();
        assert_eq!(n, BINDINGS.len());
        for (_, rows) in &sections {
            for (label, help) in rows {
                assert!(label.is_ascii() && help.is_ascii(), "{label} {help}");
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        let modes = [
            Mode::Outline,
            Mode::Reader,
            Mode::Tables,
            Mode::Help,
            Mode::Search,
            Mode::Filter,
            Mode::Popup,
            Mode::Records,
            Mode::Mark,
        ];
        for mode in modes {
            let mut seen: Vec<(Key, bool)> = Vec::new();
            for bd in BINDINGS.iter().filter(|bd| applies(bd.scope, mode)) {
                let specific = matches!(bd.scope, Scope::Only(_) | Scope::Anywhere);
                for key in bd.keys {
                    assert!(
                        !seen.contains(&(*key, specific)),
                        "{key:?} bound twice in {mode:?}"
                    );
                    seen.push((*key, specific));
                }
            }
        }
    }
}
