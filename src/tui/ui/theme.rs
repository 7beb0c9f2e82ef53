//! Styles for color and monochrome (NO_COLOR / --no-color). In monochrome,
//! selection and focus are shown by reverse video, bold and underline, never
//! by color alone; the selected outline row also carries a ">" marker.

use ratatui::style::{Color, Modifier, Style};

/// The styles of one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn title(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (false, _) => Style::new().add_modifier(Modifier::BOLD),
        }
    }
    pub fn selected(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::White).bg(Color::Blue),
            (true, false) => Style::new().add_modifier(Modifier::REVERSED),
            (false, true) => Style::new().bg(Color::DarkGray),
            (false, false) => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }
    pub fn heading(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD);
        if self.color {
            s.fg(Color::Cyan)
        } else {
            s
        }
    }
    /// A target's assessment in the Targets view (the cell's mark says it
    /// too, so monochrome loses nothing).
    pub fn assessment(&self, a: crate::indicators::target::Assessment) -> Style {
        use crate::indicators::target::Assessment::*;
        if !self.color {
            return Style::new();
        }
        match a {
            Exceeded => Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
            Met => Style::new().fg(Color::Green),
            Missed => Style::new().fg(Color::Red),
            Unknown => Style::new(),
        }
    }
    /// The line between panes: in the text's own attributes, so that a row
    /// of outline, border and reader needs no attribute change on the wire.
    pub fn border(&self) -> Style {
        Style::new()
    }
    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }
    /// A sentence the search jumped to.
    pub fn target(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
    /// Matched characters in a search snippet.
    pub fn matched(&self) -> Style {
        let s = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        if self.color {
            s.fg(Color::Yellow)
        } else {
            s
        }
    }
    pub fn status(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Gray)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
    pub fn derived(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
    /// A number with an indicator record behind it: underlined in every mode
    /// (so monochrome shows it), green in color unless on a highlight.
    pub fn indicator(&self, marked: bool, on_target: bool) -> Style {
        match (marked, self.color && !on_target) {
            (false, _) => Style::new(),
            (true, true) => Style::new()
                .fg(Color::Green)
                .add_modifier(Modifier::UNDERLINED),
            (true, false) => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }
    pub fn cursor_cell(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
    }
}
