//! A terminal backend that repaints whole rows.
//!
//! ratatui writes only the cells that changed. When a double-width Chinese
//! character turns into blanks, it writes a space over the first half only:
//! real terminals then clear the whole character, but terminal emulators that
//! keep cells (pyte, inside the fenrir screen reader) keep a dangling right
//! half, and fenrir crashed on it. This wrapper erases every row that
//! changed and writes the row again in full, so every emulator ends with the
//! same text. A focus move still touches only the rows whose look changed.

use std::collections::BTreeSet;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use unicode_width::UnicodeWidthStr;

pub struct RowRepaint<B: Backend> {
    inner: B,
    /// What the screen shows, row by row, as far as this backend knows.
    shadow: Vec<Vec<Cell>>,
}

impl<B: Backend> RowRepaint<B> {
    pub fn new(inner: B) -> Self {
        RowRepaint {
            inner,
            shadow: vec![],
        }
    }

    fn fit(&mut self) {
        if let Ok(size) = self.inner.size() {
            let (w, h) = (size.width as usize, size.height as usize);
            if self.shadow.len() != h || self.shadow.first().is_some_and(|r| r.len() != w) {
                self.shadow = vec![vec![Cell::default(); w]; h];
            }
        }
    }
}

/// Write `cell` at `x` as a terminal does: ratatui sends only the cells it
/// must, counting on the terminal to wipe the rest of any wide character it
/// writes over, so the shadow must wipe them too.
fn put(row: &mut [Cell], x: usize, cell: &Cell) {
    if x >= row.len() {
        return;
    }
    // Writing over the right half of a wide character wipes its left half.
    if x > 0 && row[x - 1].symbol().width() > 1 {
        row[x - 1] = Cell::default();
    }
    // Writing over the left half of a wide character wipes its right half.
    for k in 1..row[x].symbol().width() {
        if let Some(c) = row.get_mut(x + k) {
            *c = Cell::default();
        }
    }
    row[x] = cell.clone();
    // A wide character covers the cells after it.
    for k in 1..cell.symbol().width() {
        if let Some(c) = row.get_mut(x + k) {
            let mut covered = Cell::default();
            covered.set_symbol("");
            *c = covered;
        }
    }
}

impl<B: Backend> Backend for RowRepaint<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.fit();
        let text_of = |row: &[Cell]| row.iter().map(Cell::symbol).collect::<String>();
        let updates: Vec<(u16, u16, Cell)> = content.map(|(x, y, c)| (x, y, c.clone())).collect();
        let rows: BTreeSet<u16> = updates.iter().map(|(_, y, _)| *y).collect();
        let before: Vec<(u16, String)> = rows
            .iter()
            .filter_map(|y| self.shadow.get(*y as usize).map(|r| (*y, text_of(r))))
            .collect();
        for (x, y, cell) in &updates {
            if let Some(row) = self.shadow.get_mut(*y as usize) {
                put(row, *x as usize, cell);
            }
        }
        // Rows whose text is unchanged (a focus move changes style only) are
        // updated cell by cell, as ratatui would: erasing them would show
        // fenrir a text change, and it would read the row just left.
        let mut same_text: BTreeSet<u16> = BTreeSet::new();
        for (y, old) in &before {
            if self
                .shadow
                .get(*y as usize)
                .is_some_and(|r| text_of(r) == *old)
            {
                same_text.insert(*y);
            }
        }
        self.inner.draw(
            updates
                .iter()
                .filter(|(_, y, _)| same_text.contains(y))
                .map(|(x, y, c)| (*x, *y, c)),
        )?;
        for y in rows.iter().filter(|y| !same_text.contains(y)) {
            let Some(row) = self.shadow.get(*y as usize) else {
                continue;
            };
            self.inner.set_cursor_position(Position { x: 0, y: *y })?;
            self.inner.clear_region(ClearType::CurrentLine)?;
            // Every cell of the row, skipping the cells a wide character covers.
            let mut cells: Vec<(u16, u16, &Cell)> = Vec::with_capacity(row.len());
            let mut skip = 0usize;
            for (x, cell) in row.iter().enumerate() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                skip = cell.symbol().width().saturating_sub(1);
                cells.push((x as u16, *y, cell));
            }
            self.inner.draw(cells.into_iter())?;
        }
        Ok(())
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        for row in &mut self.shadow {
            row.fill(Cell::default());
        }
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        // What exactly was erased depends on the cursor; forget the shadow so
        // the next frame repaints every row it touches from scratch.
        self.shadow.clear();
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;

    #[test]
    fn a_changed_row_is_written_whole_and_unchanged_rows_are_not() {
        let mut b = RowRepaint::new(TestBackend::new(10, 3));
        let mut a = Cell::default();
        a.set_symbol("设");
        let mut z = Cell::default();
        z.set_symbol("x");
        b.draw([(0u16, 0u16, &a), (0, 1, &a)].into_iter())
            .expect("draw");
        // Replace the wide character on row 0 by an ASCII one: row 0 is
        // erased and rewritten, row 1 is left alone.
        b.draw([(0u16, 0u16, &z)].into_iter()).expect("draw");
        let buf = b.inner.buffer();
        assert_eq!(buf[(0, 0)].symbol(), "x");
        assert_eq!(buf[(1, 0)].symbol(), " ", "no half character left");
        assert_eq!(buf[(0, 1)].symbol(), "设");
    }
}

#[cfg(test)]
mod title_tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn row0(t: &Terminal<RowRepaint<TestBackend>>) -> String {
        let buf = t.backend().inner.buffer();
        let mut s = String::new();
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, 0)].symbol();
            s.push_str(sym);
            x += sym.width().max(1) as u16;
        }
        s.trim_end().to_string()
    }

    #[test]
    fn a_shorter_title_leaves_nothing_of_the_longer_one() {
        let mut t = Terminal::new(RowRepaint::new(TestBackend::new(60, 3))).expect("terminal");
        for title in [
            "补贴与权益：你的情况  (第1项，共22项)",
            "补贴与权益：你的情况  (第22项，共22项)",
            "筛查结果  (第1项，共131项)",
        ] {
            t.draw(|f| {
                f.buffer_mut()
                    .set_stringn(0, 0, title, 60, ratatui::style::Style::default());
            })
            .expect("draw");
            assert_eq!(row0(&t), title);
        }
    }
}
