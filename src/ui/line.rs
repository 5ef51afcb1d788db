//! Plain line mode (`--line`): no alternate screen, output only appends,
//! menus are numbered lists, a prompt asks, bad input is named and asked
//! again. For screen readers that prefer a plain console, and for braille.

use std::io::{BufRead, Write};

use super::app::Effect;
use super::keymap::Command;
use super::view::Role;
use super::{Session, announce};

/// Lists longer than this are not printed whole; the current item is.
const LIST_MAX: usize = 30;

/// What one line of input asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineInput {
    /// Choose item N (1-based) and open it.
    Choose(usize),
    /// `/words`: search measures for the words.
    Search(String),
    /// `=text`: put the text in the focused text field (a card number, a date).
    Text(String),
    Command(Command),
    Relist,
    Invalid,
}

pub fn parse(input: &str, count: usize) -> LineInput {
    let s = input.trim();
    if let Some(q) = s.strip_prefix('/').or_else(|| s.strip_prefix('／')) {
        return LineInput::Search(q.trim().to_string());
    }
    if let Some(t) = s.strip_prefix('=').or_else(|| s.strip_prefix('＝')) {
        return LineInput::Text(t.trim().to_string());
    }
    if s == "0" {
        return LineInput::Command(Command::Back);
    }
    if let Ok(n) = s.parse::<usize>() {
        return if (1..=count).contains(&n) {
            LineInput::Choose(n)
        } else {
            LineInput::Invalid
        };
    }
    match s.to_lowercase().as_str() {
        "" => LineInput::Command(Command::Activate),
        "n" => LineInput::Command(Command::Down),
        "p" => LineInput::Command(Command::Up),
        "+" => LineInput::Command(Command::Increase),
        "-" => LineInput::Command(Command::Decrease),
        "b" | "0" => LineInput::Command(Command::Back),
        "h" | "?" => LineInput::Command(Command::Help),
        "r" => LineInput::Command(Command::Repeat),
        "s" => LineInput::Command(Command::ReadScreen),
        "y" => LineInput::Command(Command::History),
        "q" => LineInput::Command(Command::Quit),
        "l" => LineInput::Relist,
        _ => LineInput::Invalid,
    }
}

fn listing(session: &Session, out: &mut impl Write) -> std::io::Result<()> {
    let app = &session.app;
    let view = app.view();
    writeln!(out)?;
    writeln!(out, "{}", view.title)?;
    let long = view.items.len() > LIST_MAX || view.items.iter().any(|i| i.role == Role::Paragraph);
    if long {
        writeln!(
            out,
            "{}",
            app.loc.t_args(
                "line-focus",
                &[(
                    "item",
                    announce::item(&app.loc, &view, app.settings.verbosity)
                        .as_str()
                        .into()
                )]
            )
        )?;
    } else {
        for (i, it) in view.items.iter().enumerate() {
            match &it.state {
                Some(s) => writeln!(
                    out,
                    "{}. {}{}{}",
                    i + 1,
                    it.label,
                    app.loc.t("list-separator"),
                    s
                )?,
                None => writeln!(out, "{}. {}", i + 1, it.label)?,
            }
        }
    }
    Ok(())
}

fn prompt(session: &Session, out: &mut impl Write) -> std::io::Result<()> {
    let app = &session.app;
    let n = app.view().items.len();
    let p = if n == 0 {
        app.loc.t("line-prompt-empty")
    } else {
        app.loc.t_args("line-prompt", &[("count", n.into())])
    };
    write!(out, "{p}")?;
    out.flush()
}

/// Run line mode on `input` and `out` until quit or end of input.
pub fn run(
    session: &mut Session,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    if let Some(status) = session
        .app
        .settings
        .screen_reader
        .then(|| session.app.loc.t("screen-reader-mode-on"))
    {
        writeln!(out, "{status}")?;
    }
    session.app.line_mode = true;
    let effects = session.app.start();
    writeln!(out, "{}", session.app.loc.t("welcome"))?;
    session.apply(effects);
    listing(session, out)?;
    loop {
        for text in drain_notices(session) {
            writeln!(out, "{text}")?;
        }
        prompt(session, out)?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 {
            writeln!(out)?;
            break;
        }
        session.speech.stop();
        let count = session.app.view().items.len();
        let cmds: Vec<Command> = match parse(&line, count) {
            LineInput::Choose(n) => {
                // Move the focus to item n, then open it.
                let mut v = vec![Command::First];
                v.extend(std::iter::repeat_n(Command::Down, n - 1));
                v.push(Command::Activate);
                v
            }
            LineInput::Command(c) => vec![c],
            LineInput::Search(q) => {
                let depth = session.app.depth();
                let effects = session.app.search_for(&q);
                print_and_apply(session, effects, depth, out)?;
                continue;
            }
            LineInput::Text(t) => {
                let depth = session.app.depth();
                let effects = session.app.set_text(&t);
                print_and_apply(session, effects, depth, out)?;
                continue;
            }
            LineInput::Relist => {
                listing(session, out)?;
                continue;
            }
            LineInput::Invalid => {
                let msg = session.app.loc.t_args(
                    "line-invalid",
                    &[
                        ("input", line.trim().into()),
                        ("count", count.max(1).into()),
                    ],
                );
                let e = session.app.notify(msg.clone());
                session.apply(vec![e]);
                writeln!(out, "{msg}")?;
                continue;
            }
        };
        let depth = session.app.depth();
        let kind_before = std::mem::discriminant(&session.app.screen().kind);
        let mut spoken = None;
        let mut quit = false;
        let last = cmds.len() - 1;
        for (i, c) in cmds.into_iter().enumerate() {
            let effects = session.app.update(c);
            // Only the last step of a choice is said; the moves before it are not.
            let effects: Vec<Effect> = if i == last {
                effects
            } else {
                effects
                    .into_iter()
                    .filter(|e| !matches!(e, Effect::Speak(_)))
                    .collect()
            };
            for e in &effects {
                if let Effect::Speak(t) = e {
                    spoken = Some(t.clone());
                }
            }
            quit |= session.apply(effects);
        }
        if quit {
            writeln!(out, "{}", session.app.loc.t("line-bye"))?;
            break;
        }
        let changed_screen = session.app.depth() != depth
            || std::mem::discriminant(&session.app.screen().kind) != kind_before;
        if changed_screen {
            listing(session, out)?;
        } else if let Some(t) = spoken {
            writeln!(out, "{t}")?;
        }
    }
    Ok(())
}

/// Carry out effects, then print what was said (and the new screen's
/// listing when the screen changed from `depth`).
fn print_and_apply(
    session: &mut Session,
    effects: Vec<Effect>,
    depth: usize,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let spoken = effects.iter().find_map(|e| {
        if let Effect::Speak(t) = e {
            Some(t.clone())
        } else {
            None
        }
    });
    session.apply(effects);
    if session.app.depth() != depth {
        listing(session, out)?;
    }
    if let Some(t) = spoken {
        writeln!(out, "{t}")?;
    }
    Ok(())
}

/// Speech messages (unavailable, screen reader found) not yet printed.
fn drain_notices(session: &mut Session) -> Vec<String> {
    let before = session.app.status.clone();
    session.poll_speech();
    match (&session.app.status, before) {
        (Some(now), b) if b.as_ref() != Some(now) => vec![now.clone()],
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_parses() {
        assert_eq!(parse("3\n", 7), LineInput::Choose(3));
        assert_eq!(parse("8", 7), LineInput::Invalid);
        assert_eq!(parse("0", 7), LineInput::Command(Command::Back));
        assert_eq!(parse(" Q ", 7), LineInput::Command(Command::Quit));
        assert_eq!(parse("", 7), LineInput::Command(Command::Activate));
        assert_eq!(parse("hello", 7), LineInput::Invalid);
        assert_eq!(parse("-1", 7), LineInput::Invalid);
        assert_eq!(parse("/按摩", 7), LineInput::Search("按摩".into()));
        assert_eq!(
            parse("=1990-03-07", 7),
            LineInput::Text("1990-03-07".into())
        );
    }
}
