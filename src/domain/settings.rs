//! The user's settings: what they are, their defaults and their ranges.
//! Stored as key/value text in records.sqlite by the store layer.

use super::lang::Lang;

/// Self-voicing as chosen in settings (the `--speech` flag can override it
/// for one run, including with a transcript).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SpeechSetting {
    #[default]
    Auto,
    On,
    Off,
}

impl SpeechSetting {
    pub const ALL: [SpeechSetting; 3] =
        [SpeechSetting::Auto, SpeechSetting::On, SpeechSetting::Off];
    pub fn key(self) -> &'static str {
        match self {
            SpeechSetting::Auto => "auto",
            SpeechSetting::On => "on",
            SpeechSetting::Off => "off",
        }
    }
    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.key() == s)
    }
}

/// How much is said on each focus change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Verbosity {
    /// Name, role, state and position.
    #[default]
    Full,
    /// Name and state only; role and position words trimmed.
    Brief,
}

impl Verbosity {
    pub const ALL: [Verbosity; 2] = [Verbosity::Full, Verbosity::Brief];
    pub fn key(self) -> &'static str {
        match self {
            Verbosity::Full => "full",
            Verbosity::Brief => "brief",
        }
    }
    pub fn from_key(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.key() == s)
    }
}

/// Rate and volume move in steps of this many percent.
pub const PERCENT_STEP: u8 = 10;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// `None`: follow `LANG`.
    pub lang: Option<Lang>,
    pub speech: SpeechSetting,
    /// 0..=100, 50 is the voice's normal rate.
    pub rate: u8,
    /// 0..=100.
    pub volume: u8,
    pub verbosity: Verbosity,
    pub screen_reader: bool,
    /// The voice chosen on an earlier run, so it need not be searched again.
    pub voice: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            lang: None,
            speech: SpeechSetting::Auto,
            rate: 50,
            volume: 100,
            verbosity: Verbosity::Full,
            screen_reader: false,
            voice: None,
        }
    }
}

impl Settings {
    /// Key/value pairs as stored.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            (
                "lang",
                self.lang.map(|l| l.tag().to_string()).unwrap_or_default(),
            ),
            ("speech", self.speech.key().to_string()),
            ("rate", self.rate.to_string()),
            ("volume", self.volume.to_string()),
            ("verbosity", self.verbosity.key().to_string()),
            (
                "screen_reader",
                if self.screen_reader { "1" } else { "0" }.to_string(),
            ),
            ("voice", self.voice.clone().unwrap_or_default()),
        ]
    }

    /// Settings from stored pairs. Unknown keys and bad values keep the
    /// default for that key (a damaged value must never stop the app).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = Settings::default();
        for (k, v) in pairs {
            match k {
                "lang" => s.lang = v.parse().ok(),
                "speech" => s.speech = SpeechSetting::from_key(v).unwrap_or_default(),
                "rate" => s.rate = v.parse::<u8>().map(|r| r.min(100)).unwrap_or(50),
                "volume" => s.volume = v.parse::<u8>().map(|r| r.min(100)).unwrap_or(100),
                "verbosity" => s.verbosity = Verbosity::from_key(v).unwrap_or_default(),
                "screen_reader" => s.screen_reader = v == "1",
                "voice" => s.voice = (!v.is_empty()).then(|| v.to_string()),
                _ => {}
            }
        }
        s
    }
}

/// Step a percentage up or down, staying within 0..=100.
pub fn step_percent(value: u8, up: bool) -> u8 {
    if up {
        value.saturating_add(PERCENT_STEP).min(100)
    } else {
        value.saturating_sub(PERCENT_STEP)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_through_pairs() {
        let s = Settings {
            lang: Some(Lang::ZhTw),
            speech: SpeechSetting::Off,
            rate: 70,
            volume: 40,
            verbosity: Verbosity::Brief,
            screen_reader: true,
            voice: Some("Chinese (Mandarin, latin as Pinyin)".into()),
        };
        let pairs = s.to_pairs();
        let back = Settings::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, s);
    }

    #[test]
    fn damaged_values_fall_back_to_defaults() {
        let s = Settings::from_pairs([
            ("rate", "loud"),
            ("speech", "maybe"),
            ("volume", "250"),
            ("x", "y"),
        ]);
        assert_eq!(s.rate, 50);
        assert_eq!(s.speech, SpeechSetting::Auto);
        assert_eq!(s.volume, 100);
    }

    #[test]
    fn percent_steps_stay_in_range() {
        assert_eq!(step_percent(95, true), 100);
        assert_eq!(step_percent(5, false), 0);
        assert_eq!(step_percent(50, true), 60);
    }
}
