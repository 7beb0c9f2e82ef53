//! The reader pane: the cached wrapped document from the top line down, styled
//! by line kind, with the search target sentence highlighted and indicator
//! numbers underlined, the cursor number (`>` / `<`) bold and not reversed (style only: the text and its widths are the document's).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{cells, title_row, Ctx};
use crate::tui::app::App;
use crate::tui::doc::LineKind;
use crate::tui::strings;

pub fn render(app: &App, r: Rect, buf: &mut Buffer, ctx: &Ctx, focused: bool) {
    let rd = &app.reader;
    let label = rd
        .node
        .and_then(|n| app.outline.nodes.get(n))
        .map(|n| n.label.as_str())
        .unwrap_or("");
    title_row(buf, r, strings::TITLE_READER, label, ctx, focused);
    let x0 = r.x + 1;
    let end = r.x + r.width;
    if rd.node.is_none() {
        let t = crate::text::truncate(
            strings::NOTHING_OPEN,
            r.width.saturating_sub(2) as usize,
            ctx.amb,
        );
        cells::put(buf, x0, r.y + 1, end, &t, Style::default(), ctx.amb);
        return;
    }
    let target = rd
        .highlight
        .as_ref()
        .and_then(|h| rd.doc.sentences.iter().position(|s| s == h))
        .map(|i| i as u32);
    let row_lines = rd
        .highlight_row
        .as_ref()
        .and_then(|(t, row)| rd.doc.lines_of_row(t, *row))
        .unwrap_or(0..0);
    // The number under the cursor (`>` / `<`) stands out inside the sentence.
    let number = rd.cursor_number();
    let rows = r.height.saturating_sub(1) as usize;
    for (k, line) in rd.doc.lines.iter().skip(rd.top).take(rows).enumerate() {
        let y = r.y + 1 + k as u16;
        if row_lines.contains(&(rd.top + k)) {
            cells::put(buf, x0, y, end, &line.text, ctx.theme.target(), ctx.amb);
            continue;
        }
        let style = match line.kind {
            LineKind::Path | LineKind::Meta | LineKind::Note => ctx.theme.dim(),
            LineKind::Title | LineKind::Heading | LineKind::Caption | LineKind::TableHeader => {
                ctx.theme.heading()
            }
            _ => Style::default(),
        };
        let hl = target.and_then(|t| {
            line.segs
                .iter()
                .find(|s| s.sentence == t)
                .map(|s| s.bytes.clone())
        });
        // Cut the line where the highlight or an indicator mark starts or ends.
        let mut cuts = vec![0, line.text.len()];
        if let Some(h) = &hl {
            cuts.extend([h.start, h.end]);
        }
        for m in &line.marks {
            cuts.extend([m.bytes.start, m.bytes.end]);
        }
        cuts.retain(|&c| c <= line.text.len() && line.text.is_char_boundary(c));
        cuts.sort_unstable();
        cuts.dedup();
        let mut x = x0;
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let lit = hl.as_ref().is_some_and(|h| h.start <= a && b <= h.end);
            let marked = line
                .marks
                .iter()
                .any(|m| m.bytes.start <= a && b <= m.bytes.end);
            let at_cursor = lit
                && line
                    .marks
                    .iter()
                    .any(|m| Some(m.record) == number && m.bytes.start <= a && b <= m.bytes.end);
            let st = match (lit, marked) {
                _ if at_cursor => ctx.theme.cursor_cell(),
                (true, m) => ctx.theme.target().patch(ctx.theme.indicator(m, true)),
                (false, true) => style.patch(ctx.theme.indicator(true, false)),
                (false, false) => style,
            };
            x = cells::put(buf, x, y, end, &line.text[a..b], st, ctx.amb);
        }
    }
}
