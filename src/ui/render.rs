//! Drawing a [`View`] into a ratatui buffer, and where the cursor goes.
//!
//! Screen-reader mode draws no box-drawing or braille characters, no moving
//! marker, and nothing else that changes with the focus: focus is the
//! terminal cursor (on the first cell of the focused item) and reverse
//! video. fenrir and speakup compare text, so any other text that changed
//! would be read instead of the item. Otherwise, low-vision users get focus
//! by more than colour: a marker, bold and reverse.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Widget};
use unicode_width::UnicodeWidthChar;

use super::announce;
use super::view::View;
use crate::i18n::Localizer;

/// Rendering choices that do not live in the view.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub screen_reader: bool,
}

/// What a frame showed: where the cursor is and which items were visible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drawn {
    pub cursor: Position,
    pub visible: Range<usize>,
}

const MARKER: &str = "▶ ";
const NO_MARKER: &str = "  ";

/// Split `text` into lines of at most `width` columns (CJK counts two).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = vec![];
    let mut cur = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width && !cur.is_empty() {
            lines.push(std::mem::take(&mut cur));
            w = 0;
        }
        cur.push(c);
        w += cw;
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// The text of one row: label, then state.
fn row_text(loc: &Localizer, label: &str, state: Option<&str>) -> String {
    match state {
        Some(s) => format!("{label}{}{s}", loc.t("list-separator")),
        None => label.to_string(),
    }
}

/// Draw `view` into `buf` over `area`; `scroll` is the first item shown and
/// is updated to keep the focus in view. Returns the cursor and visible items.
pub fn draw(
    buf: &mut Buffer,
    area: Rect,
    view: &View,
    status: Option<&str>,
    loc: &Localizer,
    opts: RenderOptions,
    scroll: &mut usize,
) -> Drawn {
    let origin = Position {
        x: area.x,
        y: area.y,
    };
    if area.width == 0 || area.height == 0 {
        return Drawn {
            cursor: origin,
            visible: 0..0,
        };
    }
    let sr = opts.screen_reader;
    // Title, then the list, then the status line (when there is room).
    let title_h = 1u16;
    let status_h = u16::from(area.height >= 3);
    let mut title = view.title.clone();
    if !sr && !view.items.is_empty() {
        // The position is useful to see, but in screen-reader mode it would
        // change with every move and be read instead of the item.
        let (i, n) = view
            .focused()
            .and_then(|it| it.pos)
            .map_or((view.focus, view.items.len()), |(i, n)| (i - 1, n));
        title = format!("{title}  ({})", announce::position(loc, i, n));
    }
    let title_style = Style::default().add_modifier(Modifier::BOLD);
    buf.set_stringn(area.x, area.y, &title, area.width as usize, title_style);

    let list_area = Rect {
        x: area.x,
        y: area.y + title_h.min(area.height),
        width: area.width,
        height: area.height.saturating_sub(title_h + status_h),
    };
    let inner = if sr || list_area.height < 3 || list_area.width < 6 {
        list_area
    } else {
        let block = Block::default().borders(Borders::ALL);
        let inner = block.inner(list_area);
        block.render(list_area, buf);
        inner
    };
    let prefix = if sr { "" } else { NO_MARKER };
    let prefix_w = prefix.chars().count() as u16;
    let text_w = inner.width.saturating_sub(prefix_w) as usize;

    // Lines of each item, computed lazily around the focus.
    let lines_of = |i: usize| -> Vec<String> {
        let it = &view.items[i];
        wrap(&row_text(loc, &it.label, it.state.as_deref()), text_w)
    };
    let height = inner.height as usize;
    let n = view.items.len();
    let focus = view.focus.min(n.saturating_sub(1));
    if *scroll > focus {
        *scroll = focus;
    }
    // The earliest first item that still shows the focused item's first
    // line; scroll down to it if needed (only the items on screen are wrapped).
    let mut min_scroll = focus;
    let mut used = 0;
    while min_scroll > 0 {
        let h = lines_of(min_scroll - 1).len();
        if used + h >= height {
            break;
        }
        used += h;
        min_scroll -= 1;
    }
    if *scroll < min_scroll {
        *scroll = min_scroll;
    }

    let mut y = inner.y;
    let bottom = inner.y + inner.height;
    let mut cursor = Position {
        x: inner.x + prefix_w,
        y: inner.y,
    };
    let mut last_visible = *scroll;
    for i in *scroll..n {
        if y >= bottom {
            break;
        }
        let focused = i == focus;
        let style = if focused {
            let s = Style::default().add_modifier(Modifier::REVERSED);
            if sr {
                s
            } else {
                s.add_modifier(Modifier::BOLD)
            }
        } else {
            Style::default()
        };
        for (k, line) in lines_of(i).into_iter().enumerate() {
            if y >= bottom {
                break;
            }
            if !sr {
                let mark = if focused && k == 0 { MARKER } else { NO_MARKER };
                buf.set_stringn(inner.x, y, mark, prefix_w as usize, style);
            }
            if focused && k == 0 {
                cursor = Position {
                    x: inner.x + prefix_w,
                    y,
                };
            }
            buf.set_line(
                inner.x + prefix_w,
                y,
                &Line::styled(line, style),
                inner.width.saturating_sub(prefix_w),
            );
            y += 1;
        }
        last_visible = i + 1;
    }
    if n == 0 && height > 0 {
        buf.set_stringn(
            inner.x,
            inner.y,
            loc.t("list-empty"),
            inner.width as usize,
            Style::default(),
        );
    }

    if status_h == 1 {
        let sy = area.y + area.height - 1;
        let text = match status {
            Some(s) => s.to_string(),
            None if !sr => loc.t("hint-bar"),
            None => String::new(),
        };
        // The status line is one line: the full text is in the history (F4).
        let line = wrap(&text, area.width as usize)
            .into_iter()
            .next()
            .unwrap_or_default();
        buf.set_stringn(area.x, sy, line, area.width as usize, Style::default());
    }
    // A cursor outside the area (tiny terminals) is pulled back in.
    cursor.x = cursor.x.min(area.x + area.width - 1);
    cursor.y = cursor.y.min(area.y + area.height - 1);
    Drawn {
        cursor,
        visible: *scroll..last_visible,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::lang::Lang;
    use crate::ui::view::{Item, Role};

    fn view(n: usize, focus: usize) -> View {
        View {
            title: "主菜单".into(),
            items: (0..n)
                .map(|i| Item::new(format!("项目{i}"), Role::MenuItem))
                .collect(),
            focus,
        }
    }

    fn render(v: &View, w: u16, h: u16, sr: bool) -> (Buffer, Drawn) {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        let mut scroll = 0;
        let loc = Localizer::new(Lang::ZhCn);
        let d = draw(
            &mut buf,
            area,
            v,
            None,
            &loc,
            RenderOptions { screen_reader: sr },
            &mut scroll,
        );
        (buf, d)
    }

    /// The text of row `y` as a terminal shows it (a wide character's second cell skipped).
    fn row(buf: &Buffer, y: u16) -> String {
        let mut s = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            s.push_str(sym);
            x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
        }
        s
    }

    #[test]
    fn wrap_counts_cjk_as_two_columns() {
        assert_eq!(wrap("一二三四五", 4), vec!["一二", "三四", "五"]);
        assert_eq!(wrap("", 4), vec![""]);
        assert_eq!(wrap("abc", 0), vec!["ab", "c"]);
    }

    #[test]
    fn cursor_sits_on_the_focused_item_in_both_modes() {
        for sr in [true, false] {
            let (buf, d) = render(&view(7, 3), 40, 12, sr);
            let y = d.cursor.y;
            assert!(
                row(&buf, y).contains("项目3"),
                "sr={sr}: row {y} is {:?}",
                row(&buf, y)
            );
            assert!(
                buf[(d.cursor.x, y)].symbol().starts_with('项'),
                "cursor on the first cell of the item"
            );
        }
    }

    #[test]
    fn screen_reader_mode_draws_no_box_or_braille_characters_and_no_marker() {
        let (buf, _) = render(&view(7, 2), 40, 12, true);
        for y in 0..buf.area.height {
            let r = row(&buf, y);
            assert!(
                !r.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)
                    || ('\u{2800}'..='\u{28ff}').contains(&c)),
                "row {y}: {r:?}"
            );
            assert!(!r.contains(MARKER.trim()), "row {y}: {r:?}");
        }
    }

    #[test]
    fn in_screen_reader_mode_a_move_changes_no_text() {
        // fenrir reads changed text instead of the cursor row: moving the
        // focus must change style only.
        let (a, _) = render(&view(7, 2), 40, 12, true);
        let (b, _) = render(&view(7, 3), 40, 12, true);
        for y in 0..12 {
            assert_eq!(row(&a, y), row(&b, y), "row {y} changed");
        }
    }

    #[test]
    fn focus_is_shown_by_more_than_colour_outside_screen_reader_mode() {
        let (buf, d) = render(&view(7, 2), 40, 12, false);
        assert!(row(&buf, d.cursor.y).contains(MARKER.trim()));
        assert!(
            buf[(d.cursor.x, d.cursor.y)]
                .modifier
                .contains(Modifier::BOLD | Modifier::REVERSED)
        );
    }

    #[test]
    fn long_lists_scroll_to_keep_the_focus_visible() {
        let (buf, d) = render(&view(100, 80), 30, 10, true);
        assert!(d.visible.contains(&80));
        assert!(row(&buf, d.cursor.y).contains("项目80"));
    }

    #[test]
    fn tiny_and_huge_areas_do_not_panic() {
        for (w, h) in [(1, 1), (1, 5), (5, 1), (2, 2), (3, 3), (500, 200)] {
            for sr in [true, false] {
                let (_, d) = render(&view(30, 15), w, h, sr);
                assert!(d.cursor.x < w && d.cursor.y < h, "{w}x{h}");
            }
        }
        let (_, d) = render(&view(0, 0), 20, 5, true);
        assert_eq!(d.visible, 0..0);
    }
}
