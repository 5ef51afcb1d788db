//! Commands are named values with a description; keys are data. The help
//! screen, the spoken help and the README's key table all come from
//! [`COMMANDS`] and the user's overrides in `keys.toml`:
//!
//! ```toml
//! [keys]
//! repeat = ["F2", "Ctrl-R"]
//! stop_speech = ["F5", "Ctrl-Space"]
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Command {
    Up,
    Down,
    Next,
    Previous,
    First,
    Last,
    PageUp,
    PageDown,
    Activate,
    Back,
    Increase,
    Decrease,
    Help,
    Repeat,
    ReadScreen,
    History,
    StopSpeech,
    Search,
    Original,
    Delete,
    Quit,
}

/// Every command: its stable name (used in keys.toml), its default keys.
/// Its description is the Fluent message `cmd-<name>`.
pub const COMMANDS: &[(Command, &str, &[&str])] = &[
    (Command::Up, "up", &["Up"]),
    (Command::Down, "down", &["Down"]),
    (Command::Next, "next", &["Tab"]),
    (Command::Previous, "previous", &["Shift-Tab"]),
    (Command::First, "first", &["Home"]),
    (Command::Last, "last", &["End"]),
    (Command::PageUp, "page_up", &["PageUp"]),
    (Command::PageDown, "page_down", &["PageDown"]),
    (Command::Activate, "activate", &["Enter"]),
    (Command::Back, "back", &["Esc", "Backspace"]),
    (Command::Increase, "increase", &["Right"]),
    (Command::Decrease, "decrease", &["Left"]),
    (Command::Help, "help", &["F1", "?"]),
    (Command::Repeat, "repeat", &["F2"]),
    (Command::ReadScreen, "read_screen", &["F3"]),
    (Command::History, "history", &["F4"]),
    (Command::StopSpeech, "stop_speech", &["F5"]),
    (Command::Search, "search", &["/", "Ctrl-F"]),
    (Command::Original, "original", &["o"]),
    (Command::Delete, "delete", &["Delete"]),
    (Command::Quit, "quit", &["Ctrl-Q", "Ctrl-C"]),
];

impl Command {
    pub fn name(self) -> &'static str {
        COMMANDS
            .iter()
            .find(|(c, _, _)| *c == self)
            .map_or("", |(_, n, _)| n)
    }
    /// The Fluent id of the command's description.
    pub fn message_id(self) -> String {
        format!("cmd-{}", self.name().replace('_', "-"))
    }
    pub fn from_name(name: &str) -> Option<Command> {
        COMMANDS
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(c, _, _)| *c)
    }
}

/// A key as the app sees it, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    F(u8),
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Self {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }
}

impl FromStr for Key {
    type Err = String;
    /// `F1`, `Down`, `Ctrl-Q`, `Alt-x`, `Shift-Tab`, `?`, `Space`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = s.trim();
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = lower
                .strip_prefix("ctrl-")
                .or_else(|| lower.strip_prefix("c-"))
            {
                ctrl = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = lower
                .strip_prefix("alt-")
                .or_else(|| lower.strip_prefix("m-"))
            {
                alt = true;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        let code = match lower.as_str() {
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" | "pgup" => KeyCode::PageUp,
            "pagedown" | "pgdn" => KeyCode::PageDown,
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            "space" => KeyCode::Char(' '),
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=24).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().map_err(|_| format!("unknown key {s:?}"))?)
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
                    _ => return Err(format!("unknown key {s:?}")),
                }
            }
        };
        Ok(Key { code, ctrl, alt })
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// A problem in keys.toml, reported once at start; the defaults stay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeymapError {
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: BTreeMap<Command, Vec<Key>>,
}

impl Default for Keymap {
    fn default() -> Self {
        let mut bindings = BTreeMap::new();
        for (cmd, _, keys) in COMMANDS {
            let parsed = keys.iter().filter_map(|k| k.parse().ok()).collect();
            bindings.insert(*cmd, parsed);
        }
        Keymap { bindings }
    }
}

impl Keymap {
    /// The defaults with the overrides of a keys.toml text applied. Bad
    /// entries are skipped and reported; good ones still apply.
    pub fn with_overrides(text: &str) -> (Keymap, Vec<KeymapError>) {
        let mut map = Keymap::default();
        let mut errors = vec![];
        let line_of = |needle: &str| {
            text.find(needle)
                .map(|i| text[..i].matches('\n').count() + 1)
        };
        #[derive(serde::Deserialize)]
        struct File {
            #[serde(default)]
            keys: BTreeMap<String, Vec<String>>,
        }
        let file: File = match toml::from_str(text) {
            Ok(f) => f,
            Err(e) => {
                let line = e
                    .span()
                    .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
                errors.push(KeymapError {
                    line,
                    message: e.message().to_string(),
                });
                return (map, errors);
            }
        };
        for (name, keys) in file.keys {
            let Some(cmd) = Command::from_name(&name) else {
                errors.push(KeymapError {
                    line: line_of(&name),
                    message: format!("unknown command {name:?}"),
                });
                continue;
            };
            let mut parsed = vec![];
            for k in &keys {
                match k.parse::<Key>() {
                    Ok(key) => parsed.push(key),
                    Err(m) => errors.push(KeymapError {
                        line: line_of(k),
                        message: m,
                    }),
                }
            }
            if !parsed.is_empty() {
                map.bindings.insert(cmd, parsed);
            }
        }
        // A key bound to two commands: the user's binding wins, the default loses it.
        let user: Vec<(Command, Vec<Key>)> =
            map.bindings.iter().map(|(c, k)| (*c, k.clone())).collect();
        for (cmd, keys) in &user {
            for other in map.bindings.iter_mut().filter(|(c, _)| *c != cmd) {
                if text.contains(&format!("{} =", other.0.name())) {
                    continue;
                }
                other.1.retain(|k| !keys.contains(k));
            }
        }
        (map, errors)
    }

    pub fn command_for(&self, key: Key) -> Option<Command> {
        self.bindings
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .map(|(c, _)| *c)
    }

    pub fn keys_for(&self, cmd: Command) -> &[Key] {
        self.bindings.get(&cmd).map_or(&[], |v| v.as_slice())
    }

    /// Commands in the order of [`COMMANDS`], with their keys.
    pub fn entries(&self) -> Vec<(Command, &[Key])> {
        COMMANDS
            .iter()
            .map(|(c, _, _)| (*c, self.keys_for(*c)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_key_parses_and_no_key_is_bound_twice() {
        let map = Keymap::default();
        let mut seen = std::collections::HashSet::new();
        for (cmd, _, keys) in COMMANDS {
            assert_eq!(map.keys_for(*cmd).len(), keys.len(), "{cmd:?}");
            for k in map.keys_for(*cmd) {
                assert!(seen.insert(*k), "{k} bound twice");
            }
        }
    }

    #[test]
    fn keys_parse_and_print() {
        for s in [
            "F1",
            "Down",
            "Ctrl-Q",
            "Shift-Tab",
            "?",
            "Space",
            "Alt-x",
            "PageUp",
            "F12",
        ] {
            let k: Key = s.parse().expect(s);
            assert_eq!(k.to_string(), s);
        }
        assert!("F99".parse::<Key>().is_err());
        assert!("Hyper-X".parse::<Key>().is_err());
    }

    #[test]
    fn overrides_replace_a_commands_keys_and_take_the_key_from_others() {
        let (map, errs) = Keymap::with_overrides("[keys]\nrepeat = [\"F2\", \"F1\"]\n");
        assert!(errs.is_empty(), "{errs:?}");
        let f1: Key = "F1".parse().expect("F1");
        assert_eq!(map.command_for(f1), Some(Command::Repeat));
        assert_eq!(
            map.keys_for(Command::Help),
            &["?".parse::<Key>().expect("?")]
        );
    }

    #[test]
    fn bad_overrides_are_reported_with_lines_and_defaults_stay() {
        let (map, errs) = Keymap::with_overrides("[keys]\nrepeat = [\"F99\"]\nfly = [\"F7\"]\n");
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert_eq!(errs[0].line, Some(3));
        assert_eq!(errs[1].line, Some(2));
        assert_eq!(
            map.keys_for(Command::Repeat),
            &["F2".parse::<Key>().expect("F2")]
        );
        let (_, errs) = Keymap::with_overrides("[keys\n");
        assert_eq!(errs.len(), 1);
    }
}
