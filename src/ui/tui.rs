//! The full-screen loop: draw from state, wait for a key, stop speech,
//! update, carry out effects. Draws only after something changed.

use std::time::Duration;

use crossterm::event::{self, Event, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

use super::Session;
use super::keymap::{Key, KeyCode};
use super::render::{self, RenderOptions};

/// How long the loop waits for a key before looking at speech events.
const IDLE_POLL: Duration = Duration::from_millis(250);

/// The app's key for a terminal key event (`None` for keys it has no name for).
pub fn key_of(ev: &KeyEvent) -> Option<Key> {
    use crossterm::event::KeyCode as C;
    let code = match ev.code {
        C::Char(c) => KeyCode::Char(if ev.modifiers.contains(KeyModifiers::CONTROL) {
            c.to_ascii_lowercase()
        } else {
            c
        }),
        C::F(n) => KeyCode::F(n),
        C::Up => KeyCode::Up,
        C::Down => KeyCode::Down,
        C::Left => KeyCode::Left,
        C::Right => KeyCode::Right,
        C::Home => KeyCode::Home,
        C::End => KeyCode::End,
        C::PageUp => KeyCode::PageUp,
        C::PageDown => KeyCode::PageDown,
        C::Enter => KeyCode::Enter,
        C::Esc => KeyCode::Esc,
        C::Tab => KeyCode::Tab,
        C::BackTab => KeyCode::BackTab,
        C::Backspace => KeyCode::Backspace,
        C::Delete => KeyCode::Delete,
        C::Insert => KeyCode::Insert,
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        alt: ev.modifiers.contains(KeyModifiers::ALT),
    })
}

/// Draw the current view into a frame; the cursor goes on the focused item.
pub fn draw_frame(session: &mut Session, frame: &mut ratatui::Frame<'_>, scroll: &mut usize) {
    let app = &session.app;
    let view = app.view();
    let area: Rect = frame.area();
    let opts = RenderOptions {
        screen_reader: app.settings.screen_reader,
    };
    let drawn = render::draw(
        frame.buffer_mut(),
        area,
        &view,
        app.status.as_deref(),
        &app.loc,
        opts,
        scroll,
    );
    frame.set_cursor_position(drawn.cursor);
    session.app.visible = drawn.visible;
}

/// The terminal the app draws on: rows are repainted whole (see `backend.rs`).
type Terminal = ratatui::Terminal<
    super::backend::RowRepaint<ratatui::backend::CrosstermBackend<std::io::Stdout>>,
>;

pub fn run(session: &mut Session) -> anyhow::Result<()> {
    // Raw mode, alternate screen and a panic hook that restores the terminal.
    drop(ratatui::try_init()?);
    let backend =
        super::backend::RowRepaint::new(ratatui::backend::CrosstermBackend::new(std::io::stdout()));
    let mut terminal = ratatui::Terminal::new(backend)?;
    let result = event_loop(session, &mut terminal);
    ratatui::try_restore()?;
    result
}

fn event_loop(session: &mut Session, terminal: &mut Terminal) -> anyhow::Result<()> {
    if session.app.settings.screen_reader {
        session.app.status = Some(session.app.loc.t("screen-reader-mode-on"));
    }
    let effects = session.app.start();
    if session.apply(effects) {
        return Ok(());
    }
    // Scroll position per screen depth, so going back finds the list as it was.
    let mut scrolls: Vec<usize> = vec![0];
    let mut dirty = true;
    loop {
        if dirty {
            let depth = session.app.depth();
            scrolls.resize(depth, 0);
            let mut scroll = scrolls[depth - 1];
            terminal.draw(|f| draw_frame(session, f, &mut scroll))?;
            scrolls[depth - 1] = scroll;
            dirty = false;
        }
        if event::poll(IDLE_POLL)? {
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    // Any key stops speech before it is handled.
                    session.speech.stop();
                    let depth_before = session.app.depth();
                    let key = key_of(&k);
                    // In a text field, plain characters and Backspace edit the text.
                    let typed = match key {
                        Some(Key {
                            code: KeyCode::Char(c),
                            ctrl: false,
                            alt: false,
                        }) if session.app.wants_text() => Some(session.app.type_char(c)),
                        Some(Key {
                            code: KeyCode::Backspace,
                            ..
                        }) if session.app.wants_text() => Some(session.app.delete_char()),
                        _ => None,
                    };
                    if let Some(effects) = typed {
                        session.apply(effects);
                        dirty = true;
                    } else if let Some(cmd) =
                        key.and_then(|key| session.app.keymap.command_for(key))
                    {
                        let effects = session.app.update(cmd);
                        if session.apply(effects) {
                            return Ok(());
                        }
                        if session.app.depth() > depth_before {
                            // A screen opened fresh starts at the top.
                            scrolls.resize(session.app.depth(), 0);
                            let d = session.app.depth();
                            scrolls[d - 1] = 0;
                        }
                        dirty = true;
                    }
                }
                Event::Resize(_, _) => dirty = true,
                _ => {}
            }
        }
        if session.poll_speech() {
            dirty = true;
        }
    }
}
