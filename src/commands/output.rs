//! The one way the commands write to stdout, and the formats they share.
//!
//! [`Out`] is stdout, locked and buffered. A write to a closed pipe
//! (`baogao … | head`) becomes the error [`Closed`], which `main` turns into a
//! quiet exit with status 0; any other write error is an ordinary error.
//!
//! Every string that came from a model passes through here and is made safe:
//! - plain lines and the aligned table sanitize it (`text::sanitize`: control
//!   characters, C1 and bidi overrides become visible ASCII stand-ins);
//! - CSV sanitizes each field the same way (line breaks inside a field are
//!   kept and the field quoted, RFC 4180);
//! - JSON escapes every such character as `\uXXXX` ([`SafeJson`]), so the
//!   data is exact and nothing in it can act on a terminal.
//!
//! What must not live here: what to print (the command modules decide).

use std::io::{BufWriter, IsTerminal as _, StdoutLock, Write};

use anyhow::{Context as _, Result};
use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

use crate::text::{
    is_unsafe, natural_widths, numeric_alignments, render_row_aligned, sanitize, sanitize_line,
    AmbiguousWidth,
};

/// Display columns a cell of the aligned table takes at most on a terminal
/// (longer cells are cut and marked `~`); through a pipe cells are never cut.
pub const MAX_CELL_ON_TERMINAL: usize = 48;

/// stdout was closed by the reader (a pipe into `head`): stop quietly.
#[derive(Debug, thiserror::Error)]
#[error("stdout is closed")]
pub struct Closed;

/// Locked, buffered stdout. Call [`Out::finish`] at the end to flush.
pub struct Out {
    w: BufWriter<StdoutLock<'static>>,
    /// stdout is a terminal: the aligned table cuts long cells, colors may be used.
    pub tty: bool,
}

/// An io error from writing stdout: [`Closed`] for a closed pipe.
fn write_error(e: std::io::Error) -> anyhow::Error {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        anyhow::Error::new(Closed)
    } else {
        anyhow::Error::new(e).context("cannot write to stdout")
    }
}

impl Out {
    pub fn new() -> Out {
        let stdout = std::io::stdout();
        let tty = stdout.is_terminal();
        Out {
            w: BufWriter::with_capacity(1 << 16, stdout.lock()),
            tty,
        }
    }

    /// Bytes as they are: only for text this program made safe itself.
    pub fn raw(&mut self, s: &str) -> Result<()> {
        self.w.write_all(s.as_bytes()).map_err(write_error)
    }

    /// Model text (may hold line breaks), sanitized, then a line feed.
    pub fn line(&mut self, s: &str) -> Result<()> {
        self.raw(&sanitize(s))?;
        self.raw("\n")
    }

    /// Pretty JSON of `v` (every control, C1 and bidi char escaped), then a line feed.
    pub fn json<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<()> {
        let s = to_json(v, true)?;
        self.raw(&s)?;
        self.raw("\n")
    }

    /// One JSON Lines record (compact JSON on one line).
    pub fn json_line<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<()> {
        let s = to_json(v, false)?;
        self.raw(&s)?;
        self.raw("\n")
    }

    /// One CSV record (RFC 4180), each field sanitized.
    pub fn csv_record<S: AsRef<str>>(&mut self, fields: &[S]) -> Result<()> {
        let rec = csv_record(fields);
        self.raw(&rec)?;
        self.raw("\n")
    }

    /// `header` and `rows` as columns padded to their display width, two
    /// spaces apart, numbers right-aligned; every cell sanitized onto one
    /// line. On a terminal a cell is cut at [`MAX_CELL_ON_TERMINAL`] columns
    /// (marked `~`); through a pipe nothing is cut.
    pub fn aligned<H, S, R>(&mut self, header: &[H], rows: &[R]) -> Result<()>
    where
        H: AsRef<str>,
        S: AsRef<str>,
        R: AsRef<[S]>,
    {
        let text = aligned(header, rows, self.tty.then_some(MAX_CELL_ON_TERMINAL));
        self.raw(&text)
    }

    /// Flush; a closed pipe is [`Closed`].
    pub fn finish(mut self) -> Result<()> {
        self.w.flush().map_err(write_error)
    }
}

impl Default for Out {
    fn default() -> Self {
        Out::new()
    }
}

/// The aligned table as text (see [`Out::aligned`]); `cap` cuts cells wider
/// than that many columns.
pub fn aligned<H, S, R>(header: &[H], rows: &[R], cap: Option<usize>) -> String
where
    H: AsRef<str>,
    S: AsRef<str>,
    R: AsRef<[S]>,
{
    let amb = AmbiguousWidth::Narrow;
    let header: Vec<&str> = header.iter().map(AsRef::as_ref).collect();
    let rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.as_ref().iter().map(AsRef::as_ref).collect())
        .collect();
    let (header, rows) = (&header[..], &rows[..]);
    let mut widths = natural_widths(header, rows, amb);
    if let Some(cap) = cap {
        for w in &mut widths {
            *w = (*w).min(cap);
        }
    }
    let aligns = numeric_alignments(header, rows);
    let mut out = String::new();
    for row in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let line = render_row_aligned(row, &widths, &aligns, "  ", amb);
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// One CSV record without its line end: fields sanitized (line breaks kept),
/// quoted when they hold a comma, quote or line break.
pub fn csv_record<S: AsRef<str>>(fields: &[S]) -> String {
    let clean: Vec<std::borrow::Cow<'_, str>> =
        fields.iter().map(|f| sanitize(f.as_ref())).collect();
    let refs: Vec<&str> = clean.iter().map(AsRef::as_ref).collect();
    crate::model::cite::csv_record(&refs)
}

/// A table as CSV text: the header, then the rows, every record padded to
/// the same number of fields (the widest of header and rows).
pub fn csv_table(header: &[String], rows: &[Vec<String>]) -> String {
    let n = rows
        .iter()
        .map(Vec::len)
        .chain([header.len()])
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for r in std::iter::once(header).chain(rows.iter().map(Vec::as_slice)) {
        let padded: Vec<&str> = (0..n)
            .map(|i| r.get(i).map_or("", String::as_str))
            .collect();
        out.push_str(&csv_record(&padded));
        out.push('\n');
    }
    out
}

/// Model text on one line for a plain (tab-separated) record: sanitized,
/// line breaks and tabs as spaces.
pub fn one_line(s: &str) -> String {
    sanitize_line(s).into_owned()
}

/// JSON text of `v` with [`SafeJson`] escaping.
pub fn to_json<T: Serialize + ?Sized>(v: &T, pretty: bool) -> Result<String> {
    let mut buf = Vec::new();
    if pretty {
        let mut ser =
            serde_json::Serializer::with_formatter(&mut buf, SafeJson(PrettyFormatter::new()));
        v.serialize(&mut ser).context("cannot serialize")?;
    } else {
        let mut ser = serde_json::Serializer::with_formatter(&mut buf, SafeJson(CompactFormatter));
        v.serialize(&mut ser).context("cannot serialize")?;
    }
    String::from_utf8(buf).context("cannot serialize")
}

/// A serde_json formatter that also escapes DEL, C1 controls and bidi
/// overrides, isolates and marks as `\uXXXX` (serde_json escapes only
/// U+0000–U+001F): JSON stays exact, and printing it cannot move a cursor,
/// set a clipboard or reorder text.
pub struct SafeJson<F>(pub F);

impl<F: Formatter> Formatter for SafeJson<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_unsafe(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                write!(w, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }

    // everything else as the wrapped formatter does it
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_c1_bidi_and_del_and_round_trips() {
        let s = "a\u{1b}]52;c;x\u{7}b\u{9b}2J\u{202e}c\u{7f}";
        let j = to_json(&s, false).unwrap();
        assert!(j.is_ascii(), "{j}");
        assert!(!j.bytes().any(|b| b < 0x20 || b == 0x7f), "{j}");
        assert!(j.contains("\\u009b") && j.contains("\\u202e") && j.contains("\\u007f"));
        let back: String = serde_json::from_str(&j).unwrap();
        assert_eq!(back, s);
        let pretty = to_json(&vec![s], true).unwrap();
        assert!(pretty.contains('\n') && pretty.contains("\\u009b"));
    }

    #[test]
    fn csv_quotes_and_sanitizes_fields() {
        assert_eq!(
            csv_record(&["a,b", "say \"x\"", "plain"]),
            "\"a,b\",\"say \"\"x\"\"\",plain"
        );
        assert_eq!(csv_record(&["x\u{1b}[2Jy"]), "x^[[2Jy");
        assert_eq!(csv_record(&["two\nlines"]), "\"two\nlines\"");
    }

    #[test]
    fn aligned_cuts_only_when_capped() {
        let header = ["指标", "值"];
        let rows = [vec![
            "一个很长很长很长的指标名称".to_string(),
            "12.5".to_string(),
        ]];
        let full = aligned(&header, &rows, None);
        assert!(full.contains("一个很长很长很长的指标名称"), "{full}");
        let cut = aligned(&header, &rows, Some(8));
        assert!(
            !cut.contains("一个很长很长很长的指标名称") && cut.contains('~'),
            "{cut}"
        );
        // numbers right-aligned under a wider header: "值" is 2 wide, "12.5" 4
        assert!(full.lines().nth(1).unwrap().ends_with("12.5"));
    }
}
