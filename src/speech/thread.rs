//! The speech thread: owns the backend so the UI never waits for speech.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::{Health, Off, Speaker, SpeechChoice, SpeechError, Transcript, VoiceLang};

/// How often the thread asks the backend whether it is really speaking.
const HEALTH_POLL: Duration = Duration::from_millis(200);
/// How often the thread looks whether the backend has started.
const INIT_POLL: Duration = Duration::from_millis(10);

enum Cmd {
    Speak(String),
    Stop,
    Notice(String),
    Rate(u8),
    Volume(u8),
    Language(VoiceLang),
    Shutdown,
}

/// What the speech thread tells the UI. Carries facts, not sentences: the UI
/// words them in the user's language and records them with [`SpeechHandle::notice`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeechEvent {
    /// A backend is speaking; `voice` is the voice it chose, worth remembering.
    Ready {
        backend: &'static str,
        voice: Option<String>,
    },
    /// Real speech cannot work (or stopped working); speech is now off.
    /// `why` says which way, for the UI to word; `reason` is the technical detail.
    Unavailable { why: Unavailable, reason: String },
    /// Auto mode found a screen reader already talking; self-voicing stays off.
    ScreenReaderRunning { name: String },
}

/// Why speech is off, in words the UI can say in the user's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {
    /// No speech service answered (speech-dispatcher missing or not running).
    NoService,
    /// The service accepts text but nothing is heard (no working audio).
    Silent,
    /// This build has no speech.
    NotBuilt,
    /// Speech worked, then failed.
    Failed,
}

impl Unavailable {
    fn of(e: &SpeechError) -> Unavailable {
        match e {
            SpeechError::Unavailable(_) => Unavailable::NoService,
            SpeechError::Failed(_) => Unavailable::Failed,
            SpeechError::NotBuilt => Unavailable::NotBuilt,
        }
    }
}

/// Everything the thread needs to start a backend.
#[derive(Debug, Clone)]
pub struct SpeechOptions {
    pub choice: SpeechChoice,
    /// A transcript kept beside the backend (`--transcript`).
    pub transcript: Option<PathBuf>,
    pub rate: u8,
    pub volume: u8,
    pub lang: VoiceLang,
    pub cached_voice: Option<String>,
    /// A screen reader known to be running; `None` lets auto mode look for
    /// one itself (on the speech thread, off the start-up path).
    pub screen_reader: Option<String>,
    /// Process start, the zero of transcript times.
    pub start: Instant,
}

/// The UI's end of the speech thread. Every call returns at once.
pub struct SpeechHandle {
    tx: Sender<Cmd>,
    events: Receiver<SpeechEvent>,
    join: Option<JoinHandle<()>>,
}

impl SpeechHandle {
    /// Start the thread. Fails only when a transcript file cannot be opened
    /// (the user named it; they should hear why at once).
    pub fn start(opts: SpeechOptions) -> std::io::Result<Self> {
        let transcript_path = match &opts.choice {
            SpeechChoice::Transcript(p) => Some(p.clone()),
            _ => opts.transcript.clone(),
        };
        let transcript = transcript_path
            .map(|p| Transcript::open(&p, opts.start))
            .transpose()?;
        let (tx, rx) = mpsc::channel();
        let (etx, events) = mpsc::channel();
        let join = std::thread::Builder::new()
            .name("speech".into())
            .spawn(move || run(opts, transcript, rx, etx))?;
        Ok(Self {
            tx,
            events,
            join: Some(join),
        })
    }

    /// A handle with no thread and no output, for tests of screens.
    pub fn silent() -> Self {
        let (tx, _rx) = mpsc::channel();
        let (_etx, events) = mpsc::channel();
        Self {
            tx,
            events,
            join: None,
        }
    }

    pub fn speak(&self, text: impl Into<String>) {
        let _ = self.tx.send(Cmd::Speak(text.into()));
    }
    pub fn stop(&self) {
        let _ = self.tx.send(Cmd::Stop);
    }
    /// Record a message about speech itself in the transcript (not spoken).
    pub fn notice(&self, text: impl Into<String>) {
        let _ = self.tx.send(Cmd::Notice(text.into()));
    }
    pub fn set_rate(&self, percent: u8) {
        let _ = self.tx.send(Cmd::Rate(percent));
    }
    pub fn set_volume(&self, percent: u8) {
        let _ = self.tx.send(Cmd::Volume(percent));
    }
    pub fn set_language(&self, lang: VoiceLang) {
        let _ = self.tx.send(Cmd::Language(lang));
    }
    /// The next event from the thread, if any.
    pub fn try_event(&self) -> Option<SpeechEvent> {
        self.events.try_recv().ok()
    }
    /// Wait up to `timeout` for an event (for line mode and tests).
    pub fn wait_event(&self, timeout: Duration) -> Option<SpeechEvent> {
        self.events.recv_timeout(timeout).ok()
    }
}

impl Drop for SpeechHandle {
    fn drop(&mut self) {
        let _ = self.tx.send(Cmd::Shutdown);
        if let Some(j) = self.join.take() {
            let _ = j.join();
        }
    }
}

/// Build the backend the user asked for; `Err` means "fall back to off and say why".
fn open_backend(opts: &SpeechOptions) -> Result<(Box<dyn Speaker>, Option<String>), SpeechError> {
    #[cfg(feature = "speech")]
    {
        let (s, voice) =
            super::tts_backend::TtsSpeaker::new(opts.lang, opts.cached_voice.as_deref())?;
        Ok((Box::new(s), voice))
    }
    #[cfg(not(feature = "speech"))]
    {
        let _ = opts;
        Err(SpeechError::NotBuilt)
    }
}

fn run(
    opts: SpeechOptions,
    mut transcript: Option<Transcript>,
    rx: Receiver<Cmd>,
    etx: Sender<SpeechEvent>,
) {
    let mut backend: Box<dyn Speaker> = Box::new(Off);
    let wants_tts = match &opts.choice {
        SpeechChoice::Auto => match opts
            .screen_reader
            .clone()
            .or_else(super::detect::running_screen_reader)
        {
            Some(name) => {
                let _ = etx.send(SpeechEvent::ScreenReaderRunning { name });
                false
            }
            None => true,
        },
        SpeechChoice::On => true,
        SpeechChoice::Off | SpeechChoice::Transcript(_) => false,
    };
    // The backend starts on a thread of its own (connecting and choosing a
    // voice can take seconds): meanwhile the transcript keeps exact times and
    // what is to be spoken waits, dropped by any stop, as it would be anyway.
    let (init_tx, init_rx) = mpsc::channel();
    let mut waiting = false;
    if wants_tts {
        let o = opts.clone();
        waiting = std::thread::Builder::new()
            .name("speech-init".into())
            .spawn(move || {
                let _ = init_tx.send(open_backend(&o));
            })
            .is_ok();
    }
    let mut pending: Vec<String> = vec![];
    let (mut rate, mut volume, mut lang) = (opts.rate, opts.volume, opts.lang);
    let mut spoke_since_stop = false;
    loop {
        if waiting {
            match init_rx.try_recv() {
                Ok(Ok((b, voice))) => {
                    waiting = false;
                    backend = b;
                    let _ = backend.set_rate(rate);
                    let _ = backend.set_volume(volume);
                    if lang != opts.lang {
                        let _ = backend.set_language(lang);
                    }
                    let _ = etx.send(SpeechEvent::Ready {
                        backend: backend.name(),
                        voice,
                    });
                    for text in pending.drain(..) {
                        let _ = backend.speak(&text);
                    }
                }
                Ok(Err(e)) => {
                    waiting = false;
                    pending.clear();
                    let _ = etx.send(SpeechEvent::Unavailable {
                        why: Unavailable::of(&e),
                        reason: e.to_string(),
                    });
                }
                Err(mpsc::TryRecvError::Empty) => {}
                Err(mpsc::TryRecvError::Disconnected) => {
                    waiting = false;
                    pending.clear();
                    let _ = etx.send(SpeechEvent::Unavailable {
                        why: Unavailable::Failed,
                        reason: "speech start-up failed".into(),
                    });
                }
            }
        }
        let cmd = match rx.recv_timeout(if waiting { INIT_POLL } else { HEALTH_POLL }) {
            Ok(c) => c,
            Err(RecvTimeoutError::Timeout) => {
                if let Health::Silent(reason) = backend.health() {
                    backend = Box::new(Off);
                    let _ = etx.send(SpeechEvent::Unavailable {
                        why: Unavailable::Silent,
                        reason,
                    });
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        };
        let failed = match cmd {
            Cmd::Speak(text) => {
                if let Some(t) = transcript.as_mut() {
                    let _ = t.record("speak", &text);
                }
                spoke_since_stop = true;
                if waiting {
                    pending.push(text);
                    None
                } else {
                    backend.speak(&text).err()
                }
            }
            Cmd::Stop => {
                if spoke_since_stop {
                    if let Some(t) = transcript.as_mut() {
                        let _ = t.record("stop", "");
                    }
                    spoke_since_stop = false;
                }
                pending.clear();
                backend.stop().err()
            }
            Cmd::Notice(text) => {
                if let Some(t) = transcript.as_mut() {
                    let _ = t.record("notice", &text);
                }
                None
            }
            Cmd::Rate(r) => {
                rate = r;
                backend.set_rate(r).err()
            }
            Cmd::Volume(v) => {
                volume = v;
                backend.set_volume(v).err()
            }
            Cmd::Language(l) => {
                lang = l;
                backend.set_language(l).err()
            }
            Cmd::Shutdown => {
                let _ = backend.stop();
                break;
            }
        };
        if let Some(e) = failed {
            // A backend that errs on a plain request will not recover by itself:
            // fall back to silence once and tell the UI.
            if backend.name() != "off" {
                backend = Box::new(Off);
                let _ = etx.send(SpeechEvent::Unavailable {
                    why: Unavailable::Failed,
                    reason: e.to_string(),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(choice: SpeechChoice) -> SpeechOptions {
        SpeechOptions {
            choice,
            transcript: None,
            rate: 50,
            volume: 100,
            lang: VoiceLang::Mandarin,
            cached_voice: None,
            screen_reader: None,
            start: Instant::now(),
        }
    }

    #[test]
    fn transcript_backend_records_speak_stop_and_notice_in_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("t.txt");
        {
            let h = SpeechHandle::start(opts(SpeechChoice::Transcript(p.clone()))).expect("start");
            h.stop(); // nothing spoken yet: no stop line
            h.speak("一");
            h.stop();
            h.stop(); // a second stop in a row is not recorded again
            h.speak("二");
            h.notice("语音不可用");
        } // drop joins the thread
        let lines = super::super::parse_transcript(&std::fs::read_to_string(&p).expect("read"));
        let kinds: Vec<_> = lines
            .iter()
            .map(|l| (l.kind.as_str(), l.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("speak", "一"),
                ("stop", ""),
                ("speak", "二"),
                ("notice", "语音不可用")
            ]
        );
    }

    #[test]
    fn auto_with_a_screen_reader_running_stays_quiet_and_says_why() {
        let mut o = opts(SpeechChoice::Auto);
        o.screen_reader = Some("orca".into());
        let h = SpeechHandle::start(o).expect("start");
        assert_eq!(
            h.wait_event(Duration::from_secs(2)),
            Some(SpeechEvent::ScreenReaderRunning {
                name: "orca".into()
            })
        );
    }

    #[test]
    fn unopenable_transcript_is_an_error_at_start() {
        let r = SpeechHandle::start(opts(SpeechChoice::Transcript(
            "/nonexistent-dir/x/t.txt".into(),
        )));
        assert!(r.is_err());
    }
}
