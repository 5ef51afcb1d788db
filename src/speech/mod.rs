//! Speech output behind one trait, on its own thread.
//!
//! The UI never waits for speech: it sends [`SpeechCmd`]s to a
//! [`SpeechHandle`], whose thread owns the backend. Backends:
//! - `tts`: the tts crate (speech-dispatcher on Linux), behind the `speech` feature;
//! - `transcript:PATH`: one line per event (ms since start, kind, text), what tests read;
//! - `off`: silent.
//!
//! A transcript can also be kept *beside* a real backend (`--transcript PATH`),
//! so a test can hear and read the same session.

pub mod detect;
mod thread;
mod transcript;
#[cfg(feature = "speech")]
pub mod tts_backend;

pub use thread::{SpeechEvent, SpeechHandle, SpeechOptions, Unavailable};
pub use transcript::{Transcript, TranscriptLine, parse as parse_transcript};

use std::fmt;

/// Why a backend cannot speak. Carried to the UI, which says it once.
#[derive(Debug, thiserror::Error)]
pub enum SpeechError {
    #[error("speech service unavailable: {0}")]
    Unavailable(String),
    #[error("speech failed: {0}")]
    Failed(String),
    #[error("speech was built without the `speech` feature")]
    NotBuilt,
}

/// Health of a backend, polled by the speech thread a few times a second.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    Ok,
    /// The backend accepts text but nothing is heard (for example
    /// speech-dispatcher with no working audio): give up on it.
    Silent(String),
}

/// Language of the text to speak, so the backend can pick a fitting voice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoiceLang {
    Mandarin,
    English,
}

/// A speech backend. Every method returns quickly; none is called from the UI thread.
pub trait Speaker: Send {
    /// Speak `text`, queued after what is being spoken (the thread calls
    /// [`Speaker::stop`] first when the new text must interrupt).
    fn speak(&mut self, text: &str) -> Result<(), SpeechError>;
    /// Stop what is being spoken and drop what is queued.
    fn stop(&mut self) -> Result<(), SpeechError>;
    /// Rate from 0 (slowest) to 100 (fastest); 50 is the voice's normal rate.
    fn set_rate(&mut self, percent: u8) -> Result<(), SpeechError>;
    /// Volume from 0 to 100.
    fn set_volume(&mut self, percent: u8) -> Result<(), SpeechError>;
    /// Choose the voice for this language.
    fn set_language(&mut self, _lang: VoiceLang) -> Result<(), SpeechError> {
        Ok(())
    }
    /// Short, stable backend name for `doctor` and the settings screen.
    fn name(&self) -> &'static str;
    /// Polled regularly; a backend that finds it is silently broken says so here.
    fn health(&mut self) -> Health {
        Health::Ok
    }
}

/// The silent backend.
#[derive(Debug, Default)]
pub struct Off;

impl Speaker for Off {
    fn speak(&mut self, _text: &str) -> Result<(), SpeechError> {
        Ok(())
    }
    fn stop(&mut self) -> Result<(), SpeechError> {
        Ok(())
    }
    fn set_rate(&mut self, _percent: u8) -> Result<(), SpeechError> {
        Ok(())
    }
    fn set_volume(&mut self, _percent: u8) -> Result<(), SpeechError> {
        Ok(())
    }
    fn name(&self) -> &'static str {
        "off"
    }
}

/// What the user asked for with `--speech` or in settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeechChoice {
    /// Try real speech, fall back to off (saying so once). Off when a screen
    /// reader is already running, so two voices never talk at once.
    Auto,
    /// Real speech; still falls back to off, saying so, when it cannot work.
    On,
    Off,
    /// Transcript only, to this file.
    Transcript(std::path::PathBuf),
}

impl std::str::FromStr for SpeechChoice {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(Self::Auto),
            "on" | "tts" => Ok(Self::On),
            "off" => Ok(Self::Off),
            _ => match s.strip_prefix("transcript:") {
                Some(p) if !p.is_empty() => Ok(Self::Transcript(p.into())),
                _ => Err(format!(
                    "unknown speech backend {s:?}: use auto, on, off or transcript:PATH"
                )),
            },
        }
    }
}

impl fmt::Display for SpeechChoice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Auto => f.write_str("auto"),
            Self::On => f.write_str("on"),
            Self::Off => f.write_str("off"),
            Self::Transcript(p) => write!(f, "transcript:{}", p.display()),
        }
    }
}
