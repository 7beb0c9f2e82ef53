//! A one-line editor for the search and table filter prompts, with shell
//! habits (cursor left/right, C-a/C-e, C-w, C-u, Backspace/Delete at the
//! cursor), and a session history of submitted queries. The cursor counts
//! chars (not bytes or columns), so a CJK char is one step and editing never
//! splits one; the view turns it into columns. Plain state, no terminal.

/// One edit of a prompt line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Left,
    Right,
    Start,
    End,
    Backspace,
    Delete,
    /// C-w: the word before the cursor (and the spaces after it), as bash's unix-word-rubout.
    WordBack,
    /// C-u: everything before the cursor.
    ToStart,
}

fn byte_at(text: &str, cursor: usize) -> usize {
    text.char_indices()
        .nth(cursor)
        .map(|(i, _)| i)
        .unwrap_or(text.len())
}

/// The cursor kept inside the text (the text may have been changed elsewhere).
pub fn clamp(text: &str, cursor: usize) -> usize {
    cursor.min(text.chars().count())
}

/// Apply an edit; returns whether the text changed.
pub fn edit(text: &mut String, cursor: &mut usize, e: Edit) -> bool {
    let n = text.chars().count();
    let c = (*cursor).min(n);
    *cursor = c;
    match e {
        Edit::Insert(ch) => {
            text.insert(byte_at(text, c), ch);
            *cursor = c + 1;
            true
        }
        Edit::Left => {
            *cursor = c.saturating_sub(1);
            false
        }
        Edit::Right => {
            *cursor = (c + 1).min(n);
            false
        }
        Edit::Start => {
            *cursor = 0;
            false
        }
        Edit::End => {
            *cursor = n;
            false
        }
        Edit::Backspace => {
            if c == 0 {
                return false;
            }
            let (a, b) = (byte_at(text, c - 1), byte_at(text, c));
            text.replace_range(a..b, "");
            *cursor = c - 1;
            true
        }
        Edit::Delete => {
            if c >= n {
                return false;
            }
            let (a, b) = (byte_at(text, c), byte_at(text, c + 1));
            text.replace_range(a..b, "");
            true
        }
        Edit::WordBack => {
            let chars: Vec<char> = text.chars().collect();
            let mut start = c;
            while start > 0 && chars[start - 1].is_whitespace() {
                start -= 1;
            }
            while start > 0 && !chars[start - 1].is_whitespace() {
                start -= 1;
            }
            if start == c {
                return false;
            }
            let (a, b) = (byte_at(text, start), byte_at(text, c));
            text.replace_range(a..b, "");
            *cursor = start;
            true
        }
        Edit::ToStart => {
            if c == 0 {
                return false;
            }
            let b = byte_at(text, c);
            text.replace_range(..b, "");
            *cursor = 0;
            true
        }
    }
}

/// The text split at the cursor: before, the char under it (None at the end), after.
pub fn split(text: &str, cursor: usize) -> (&str, Option<char>, &str) {
    let a = byte_at(text, cursor);
    let (before, rest) = text.split_at(a);
    let mut it = rest.chars();
    let at = it.next();
    (before, at, it.as_str())
}

/// Queries submitted in this session, newest last, and where Up/Down are in them.
#[derive(Debug, Clone, Default)]
pub struct History {
    items: Vec<String>,
    /// Index into `items` while recalling; None when editing a fresh line.
    pos: Option<usize>,
    /// The line being typed before Up was first pressed.
    draft: String,
}

impl History {
    /// Remember a submitted query (not empty ones, not the same one twice in a row).
    pub fn push(&mut self, q: &str) {
        self.pos = None;
        if q.trim().is_empty() || self.items.last().is_some_and(|l| l == q) {
            return;
        }
        self.items.push(q.to_string());
    }

    /// Whether Up/Down are walking the history.
    pub fn browsing(&self) -> bool {
        self.pos.is_some()
    }

    /// Stop walking (the user edited the recalled line).
    pub fn leave(&mut self) {
        self.pos = None;
    }

    /// Up: the query before the one shown (None when there is no older one).
    pub fn older(&mut self, current: &str) -> Option<&str> {
        let next = match self.pos {
            None => {
                self.draft = current.to_string();
                self.items.len().checked_sub(1)?
            }
            Some(0) => return None,
            Some(p) => p - 1,
        };
        self.pos = Some(next);
        self.items.get(next).map(String::as_str)
    }

    /// Down: the query after the one shown, or the draft past the newest.
    pub fn newer(&mut self) -> Option<&str> {
        let p = self.pos?;
        if p + 1 < self.items.len() {
            self.pos = Some(p + 1);
            self.items.get(p + 1).map(String::as_str)
        } else {
            self.pos = None;
            Some(self.draft.as_str())
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, cursor: usize, edits: &[Edit]) -> (String, usize) {
        let mut t = s.to_string();
        let mut c = cursor;
        for e in edits {
            edit(&mut t, &mut c, *e);
        }
        (t, c)
    }

    #[test]
    fn inserting_in_the_middle_of_chinese_text_keeps_whole_chars() {
        let (t, c) = run("集箱", 1, &[Edit::Insert('装')]);
        assert_eq!((t.as_str(), c), ("集装箱", 2));
        let (t, c) = run("集装箱", 3, &[Edit::Left, Edit::Left, Edit::Backspace]);
        assert_eq!((t.as_str(), c), ("装箱", 0));
        let (t, c) = run("集装箱", 3, &[Edit::Start, Edit::Delete]);
        assert_eq!((t.as_str(), c), ("装箱", 0));
    }

    #[test]
    fn the_cursor_stops_at_both_ends() {
        assert_eq!(run("ab", 0, &[Edit::Left]).1, 0);
        assert_eq!(run("ab", 2, &[Edit::Right]).1, 2);
        assert_eq!(run("ab", 1, &[Edit::End]).1, 2);
        assert_eq!(run("ab", 1, &[Edit::Start]).1, 0);
        assert_eq!(run("ab", 0, &[Edit::Backspace]), ("ab".into(), 0));
        assert_eq!(run("ab", 2, &[Edit::Delete]), ("ab".into(), 2));
        // A cursor left past the end by a change elsewhere is pulled back.
        assert_eq!(run("ab", 9, &[Edit::Backspace]), ("a".into(), 1));
    }

    #[test]
    fn c_w_deletes_the_word_before_the_cursor_and_c_u_the_whole_start() {
        assert_eq!(
            run("sdwz ndmb  ", 11, &[Edit::WordBack]),
            ("sdwz ".into(), 5)
        );
        assert_eq!(
            run("sdwz ndmb", 7, &[Edit::WordBack]),
            ("sdwz mb".into(), 5)
        );
        assert_eq!(run("sdwz ndmb", 7, &[Edit::ToStart]), ("mb".into(), 0));
        assert_eq!(run("", 0, &[Edit::WordBack]), ("".into(), 0));
    }

    #[test]
    fn split_names_the_char_under_the_cursor() {
        assert_eq!(split("集装箱", 1), ("集", Some('装'), "箱"));
        assert_eq!(split("ab", 2), ("ab", None, ""));
    }

    #[test]
    fn history_walks_back_and_forward_to_the_draft() {
        let mut h = History::default();
        assert_eq!(h.older(""), None);
        h.push("jzx");
        h.push("jzx");
        h.push("  ");
        h.push("gdp");
        assert_eq!(h.len(), 2);
        assert_eq!(h.older("dra"), Some("gdp"));
        assert_eq!(h.older("gdp"), Some("jzx"));
        assert_eq!(h.older("jzx"), None);
        assert!(h.browsing());
        assert_eq!(h.newer(), Some("gdp"));
        assert_eq!(h.newer(), Some("dra"));
        assert!(!h.browsing());
        assert_eq!(h.newer(), None);
    }
}
