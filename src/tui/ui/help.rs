//! The help overlay, generated from the keymap table (keys and help cannot drift).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{boxed, cells, centered, Ctx};
use crate::text::pad;
use crate::tui::keymap::help_sections;
use crate::tui::strings;

/// The help as plain lines (also used by tests and the README's key table).
pub fn help_lines() -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for (title, rows) in help_sections() {
        out.push((title.to_string(), true));
        for (keys, what) in rows {
            out.push((format!("  {keys:<12} {what}"), false));
        }
        out.push((String::new(), false));
    }
    out
}

pub fn render(scroll: usize, body: Rect, buf: &mut Buffer, ctx: &Ctx) {
    let r = centered(body, 64, body.height);
    let inner = boxed(buf, r, strings::TITLE_HELP, ctx);
    let lines = help_lines();
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    let end = inner.x + inner.width;
    for (k, (text, head)) in lines
        .iter()
        .skip(scroll.min(max_scroll))
        .take(inner.height as usize)
        .enumerate()
    {
        let st = if *head {
            ctx.theme.heading()
        } else {
            Style::default()
        };
        let t = pad(text, inner.width.saturating_sub(1) as usize, ctx.amb);
        cells::put(buf, inner.x + 1, inner.y + k as u16, end, &t, st, ctx.amb);
    }
}

#[cfg(test)]
mod readme_test {
    use super::help_lines;

    /// The help as the README prints it: section titles flush left, rows indented.
    fn help_text() -> String {
        help_lines()
            .iter()
            .map(|(l, _)| l.trim_end().to_string())
            .collect::<Vec<_>>()
            .join("\n")
            .trim_end()
            .to_string()
    }

    /// README.md's key list is the help, generated from the keymap: this
    /// fails when they differ. `BAOGAO_UPDATE_README=1 cargo test readme`
    /// rewrites the block.
    #[test]
    fn readme_key_list_is_the_help() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let readme = std::fs::read_to_string(path).unwrap_or_default();
        let open = "<!-- keys: generated from the keymap -->\n```\n";
        let (Some(a), want) = (readme.find(open), help_text()) else {
            panic!("README.md has no '{}' block", open.trim());
        };
        let start = a + open.len();
        let end = start + readme[start..].find("\n```").unwrap_or(0);
        if std::env::var_os("BAOGAO_UPDATE_README").is_some() {
            let new = format!("{}{}{}", &readme[..start], want, &readme[end..]);
            std::fs::write(path, new).unwrap_or_default();
            return;
        }
        assert_eq!(readme[start..end], want, "README.md's key list differs from the help: run BAOGAO_UPDATE_README=1 cargo test readme");
    }
}
