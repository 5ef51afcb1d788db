//! Real speech through the `tts` crate: speech-dispatcher on Linux.
//!
//! What this module has to work around, all measured on Debian 12
//! (speech-dispatcher 0.11.4, espeak-ng 1.51, tts 0.26.3, 2 cores):
//!
//! - **Voice selection is slow through `tts`.** espeak-ng offers about
//!   13,000 voices (131 languages times ~100 variants). `Tts::voices()`
//!   takes ~1.3 s, and `Tts::set_voice()` lists them all again internally
//!   (~1.35 s more); `Tts::voice()` is `unimplemented!()` (panics) on this
//!   backend and is never called here. The daemon itself answers the raw
//!   SSIP `LIST SYNTHESIS_VOICES` in ~0.2 s, and `SET <uid> SYNTHESIS_VOICE`
//!   in well under a millisecond. So we keep one small SSIP *control*
//!   connection of our own beside the `tts` one, learn the `tts`
//!   connection's client id by bracketing its creation between two
//!   `HISTORY GET CLIENT_ID` calls (ids are handed out sequentially; if
//!   anyone else connected in between we cannot be sure and fall back to
//!   the slow `tts` path), and select the voice for it by name. A voice name
//!   remembered from an earlier run (`cached_voice`) is set at once without
//!   listing; the list is then read once, when speech is idle, to check it.
//! - **The right Mandarin voice must be chosen by name.** Asking for
//!   language `zh` gets espeak-ng's `cmn` voice ("Chinese (Mandarin, latin
//!   as English)"), which reads tone digits aloud; the usable one is
//!   [`MANDARIN_VOICE`] (`cmn-latn-pinyin`). With the default (English)
//!   voice each Hanzi is read as "Chinese letter": 10 s for a 17-character
//!   sentence that takes 4.3 s in Mandarin.
//! - **Silent failure.** With no working audio output, speech-dispatcher
//!   accepts everything, sends the BEGIN event at once, and never sends
//!   END. Worse, from then on it never answers `CANCEL` or `LIST` again
//!   (its main loop waits for the stuck output module), so `Tts::stop()`
//!   blocks forever. Hence every call into `tts` runs on a worker thread
//!   and [`TtsSpeaker`]'s methods only queue work; [`Speaker::health`]
//!   reports [`Health::Silent`] when an utterance did not end within a
//!   generous, text-length- and rate-aware time, when a call into the
//!   daemon has not returned for seconds, or when the connection broke.
//!   With espeak, a silent probe (two spaces) is queued first: with audio
//!   it ends within tens of milliseconds, without audio never, so a broken
//!   output is found about [`PROBE_BUDGET`] after start instead of after
//!   the first sentence's budget.
//! - **Empty text poisons the connection**: `speak("")` returns an error and
//!   the next `speak` blocks forever. Blank texts are therefore skipped, and
//!   NUL bytes (which make the `speech-dispatcher` crate panic) removed.
//! - **Dropping a `Tts` while events are still due can abort the process**
//!   (the `tts` crate unwraps its callback table entry inside a C callback).
//!   The worker drops it only when every utterance has ended or been
//!   cancelled, and leaks it otherwise.
//! - Dropping a [`TtsSpeaker`] does not cut what is queued: speech-dispatcher
//!   finishes it, even after the process has exited. Call `stop()` first
//!   for silence.

use super::{Health, Speaker, SpeechError, VoiceLang};
use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
#[cfg(unix)]
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

/// espeak-ng's usable Mandarin voice (language `cmn-latn-pinyin`).
pub const MANDARIN_VOICE: &str = "Chinese (Mandarin, latin as Pinyin)";
/// espeak-ng's `cmn` voice, which reads tone numbers aloud: never chosen.
const BROKEN_MANDARIN_VOICE: &str = "Chinese (Mandarin, latin as English)";

/// How long [`TtsSpeaker::new`] and [`probe`] wait for the daemon at most.
const INIT_TIMEOUT: Duration = Duration::from_secs(10);
/// Time allowed to the silent probe utterance. It takes 0.03–0.3 s, up to
/// ~1.5 s as the very first sound after the audio system starts (waking a
/// suspended or Bluetooth sink can take a few seconds more).
pub const PROBE_BUDGET: Duration = Duration::from_secs(6);
/// Fixed part of every utterance's time budget (the first utterance after
/// start-up ends ~1.4 s later than the same one afterwards).
const BUDGET_GRACE: Duration = Duration::from_secs(5);
/// A call into the daemon that has not returned after this is a hang.
const CALL_TIMEOUT: Duration = Duration::from_secs(5);
/// The same for calls that list voices (1.3–1.7 s when healthy).
const SLOW_CALL_TIMEOUT: Duration = Duration::from_secs(8);
/// Quiet time after which the worker checks a cached voice name.
const VERIFY_AFTER_IDLE: Duration = Duration::from_millis(800);
/// Read timeout for short SSIP commands on the control connection.
const SSIP_TIMEOUT: Duration = Duration::from_secs(2);
/// Read timeout while listing voices on the control connection.
const SSIP_LIST_TIMEOUT: Duration = Duration::from_secs(6);
/// The probe text: silent, but it goes through the audio output.
const PROBE_TEXT: &str = "  ";

/// Speech through speech-dispatcher, with the voice chosen for the
/// language and silent-failure detection. See the module documentation.
pub struct TtsSpeaker {
    tx: mpsc::Sender<Cmd>,
    shared: Arc<Shared>,
    lang: VoiceLang,
    next_seq: u64,
}

/// What `tingjian doctor` shows about real speech.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeReport {
    /// Could we talk to speech-dispatcher? `Err` says why not.
    pub connected: Result<(), String>,
    /// The voice that would be chosen for the language asked for.
    pub voice: Option<String>,
    /// Whether a usable Mandarin voice ([`MANDARIN_VOICE`] or another
    /// module's Chinese voice) is installed.
    pub mandarin_voice_available: bool,
    /// Short human summary: module, voice count, how the voice is set,
    /// whether a silent test utterance finished (i.e. audio works).
    pub features: String,
    pub elapsed_ms: u128,
}

impl TtsSpeaker {
    /// Connect to speech-dispatcher and choose the voice for `lang`.
    ///
    /// `cached_voice` is the voice name this returned in an earlier run:
    /// when given (and a control connection works) it is set without
    /// listing the voices, so the first words come out about 0.2 s sooner;
    /// the list is read later, when speech is idle, and a stale name is
    /// replaced. Returns the chosen voice name, for the settings to keep.
    ///
    /// Blocks up to a few hundred milliseconds (about 2.7 s when the voice
    /// has to be chosen through `tts` alone); never longer than 10 s.
    pub fn new(
        lang: VoiceLang,
        cached_voice: Option<&str>,
    ) -> Result<(TtsSpeaker, Option<String>), SpeechError> {
        let cached = cached_voice
            .filter(|n| valid_voice_name(n))
            .map(str::to_owned);
        let shared = Arc::new(Shared::new());
        let (tx, rx) = mpsc::channel();
        let (init_tx, init_rx) = mpsc::channel();
        let worker_shared = Arc::clone(&shared);
        thread::Builder::new()
            .name("tts-speech".into())
            .spawn(move || worker_main(lang, cached, worker_shared, rx, init_tx))
            .map_err(|e| SpeechError::Failed(format!("cannot start speech worker: {e}")))?;
        match init_rx.recv_timeout(INIT_TIMEOUT) {
            Ok(Ok(voice)) => Ok((
                TtsSpeaker {
                    tx,
                    shared,
                    lang,
                    next_seq: 0,
                },
                voice,
            )),
            Ok(Err(e)) => Err(e),
            // The worker may be stuck inside libspeechd; it is left behind.
            Err(mpsc::RecvTimeoutError::Timeout) => Err(SpeechError::Unavailable(format!(
                "speech-dispatcher did not answer within {} s",
                INIT_TIMEOUT.as_secs()
            ))),
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(SpeechError::Failed(
                "speech worker ended during start-up".into(),
            )),
        }
    }

    /// Wait until everything queued has been spoken (END or cancel events
    /// received), at most `timeout`. False on timeout or once Silent.
    pub fn wait_idle(&self, timeout: Duration) -> bool {
        let deadline = Instant::now() + timeout;
        let mut st = self.shared.lock();
        loop {
            if st.pending.is_empty() {
                return true;
            }
            if st.silent.is_some() {
                return false;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            st = self
                .shared
                .changed
                .wait_timeout(st, deadline - now)
                .unwrap_or_else(PoisonError::into_inner)
                .0;
        }
    }

    /// The voice now selected for the current language, if known. It can
    /// differ from what [`TtsSpeaker::new`] returned when a cached name
    /// turned out to be stale: keep this one.
    pub fn voice_name(&self) -> Option<String> {
        self.shared.lock().voice.clone()
    }

    /// One line on how start-up went, with timings, for logs and `doctor`.
    pub fn startup_summary(&self) -> String {
        self.shared.lock().summary.clone()
    }

    fn send(&self, cmd: Cmd) -> Result<(), SpeechError> {
        self.tx
            .send(cmd)
            .map_err(|_| SpeechError::Failed("speech worker has stopped".into()))
    }
}

impl Speaker for TtsSpeaker {
    fn speak(&mut self, text: &str) -> Result<(), SpeechError> {
        let text: String = text.chars().filter(|&c| c != '\0').collect();
        if text.trim().is_empty() {
            return Ok(());
        }
        self.next_seq += 1;
        let seq = self.next_seq;
        {
            let mut st = self.shared.lock();
            if !st.tracking {
                drop(st);
                return self.send(Cmd::Speak { seq, text });
            }
            let budget = speaking_budget(&text, st.mandarin_voice, st.rate_factor);
            st.pending.push_back(Pending {
                seq,
                msg: None,
                sent_at: None,
                budget,
                probe: false,
            });
        }
        self.send(Cmd::Speak { seq, text })
    }

    fn stop(&mut self) -> Result<(), SpeechError> {
        {
            let mut st = self.shared.lock();
            st.pending.clear();
            st.last_progress = Instant::now();
            self.shared.changed.notify_all();
        }
        self.send(Cmd::Stop)
    }

    fn set_rate(&mut self, percent: u8) -> Result<(), SpeechError> {
        let percent = percent.min(100);
        self.shared.lock().rate_factor = rate_slowdown(percent);
        self.send(Cmd::Rate(percent))
    }

    fn set_volume(&mut self, percent: u8) -> Result<(), SpeechError> {
        self.send(Cmd::Volume(percent.min(100)))
    }

    fn set_language(&mut self, lang: VoiceLang) -> Result<(), SpeechError> {
        if lang == self.lang {
            return Ok(());
        }
        self.lang = lang;
        // Until the worker has set the new voice, judge texts as if the
        // voice could not read Hanzi (the slower, safer assumption).
        self.shared.lock().mandarin_voice = false;
        self.send(Cmd::Language(lang))
    }

    fn name(&self) -> &'static str {
        "tts"
    }

    fn health(&mut self) -> Health {
        let mut st = self.shared.lock();
        if st.silent.is_none() {
            st.silent = silence_reason(&st, Instant::now());
            if st.silent.is_some() {
                self.shared.changed.notify_all();
            }
        }
        match &st.silent {
            Some(reason) => Health::Silent(reason.clone()),
            None => Health::Ok,
        }
    }
}

impl Drop for TtsSpeaker {
    fn drop(&mut self) {
        // The worker ends when the channel closes; it is not joined, as it
        // may be stuck in a daemon that no longer answers.
        let _ = self.tx.send(Cmd::Shutdown);
    }
}

/// Connect, list the voices, choose one for `lang`, and check with a
/// silent utterance that audio output works. For `tingjian doctor`.
pub fn probe(lang: VoiceLang) -> ProbeReport {
    let start = Instant::now();
    let (tx, rx) = mpsc::channel();
    let spawned = thread::Builder::new()
        .name("tts-probe".into())
        .spawn(move || {
            let _ = tx.send(probe_inner(lang));
        });
    let report = match spawned {
        Err(e) => Err(format!("cannot start probe thread: {e}")),
        Ok(_) => match rx.recv_timeout(INIT_TIMEOUT) {
            Ok(r) => r,
            Err(_) => Err(format!(
                "speech-dispatcher did not answer within {} s",
                INIT_TIMEOUT.as_secs()
            )),
        },
    };
    let elapsed_ms = start.elapsed().as_millis();
    match report {
        Ok(p) => ProbeReport {
            connected: Ok(()),
            voice: p.voice,
            mandarin_voice_available: p.mandarin,
            features: p.features,
            elapsed_ms,
        },
        Err(e) => ProbeReport {
            connected: Err(e),
            voice: None,
            mandarin_voice_available: false,
            features: String::new(),
            elapsed_ms,
        },
    }
}

// ---------------------------------------------------------------------------
// Shared state between the caller, the worker and the utterance callbacks.

struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

struct State {
    /// Utterance callbacks work, so utterances are followed (always with
    /// speech-dispatcher).
    tracking: bool,
    /// Utterances queued and not yet ended, cancelled or stopped, in order.
    pending: VecDeque<Pending>,
    /// Highest message id that ended or was cancelled.
    max_finished: Option<u64>,
    /// Last time speech made progress (an utterance finished, or stop()).
    last_progress: Instant,
    /// The worker is inside this call into the daemon since then.
    busy: Option<(Instant, &'static str, Duration)>,
    /// Latched verdict.
    silent: Option<String>,
    /// The connection broke (reported by health as Silent).
    broken: Option<String>,
    voice: Option<String>,
    mandarin_voice: bool,
    rate_factor: f32,
    summary: String,
}

struct Pending {
    seq: u64,
    /// speech-dispatcher message id, once sent.
    msg: Option<u64>,
    sent_at: Option<Instant>,
    budget: Duration,
    probe: bool,
}

impl Shared {
    fn new() -> Self {
        Shared {
            state: Mutex::new(State {
                tracking: false,
                pending: VecDeque::new(),
                max_finished: None,
                last_progress: Instant::now(),
                busy: None,
                silent: None,
                broken: None,
                voice: None,
                mandarin_voice: false,
                rate_factor: 1.0,
                summary: String::new(),
            }),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// An END or cancel event for message `id`: it and everything queued
    /// before it (messages are spoken in order) are done.
    fn finished(&self, id: u64) {
        let mut st = self.lock();
        st.max_finished = Some(st.max_finished.map_or(id, |m| m.max(id)));
        while st
            .pending
            .front()
            .and_then(|p| p.msg)
            .is_some_and(|m| m <= id)
        {
            st.pending.pop_front();
        }
        st.last_progress = Instant::now();
        self.changed.notify_all();
    }

    /// Run a call into the daemon, marked busy so a hang is noticed.
    fn call<T>(&self, what: &'static str, limit: Duration, f: impl FnOnce() -> T) -> T {
        self.lock().busy = Some((Instant::now(), what, limit));
        let r = f();
        self.lock().busy = None;
        r
    }
}

/// Why speech is silent, if it is. Called by `health()`.
fn silence_reason(st: &State, now: Instant) -> Option<String> {
    if let Some(e) = &st.broken {
        return Some(format!("speech-dispatcher connection failed: {e}"));
    }
    if let Some((since, what, limit)) = st.busy {
        let waited = now.saturating_duration_since(since);
        if waited > limit {
            return Some(format!(
                "speech-dispatcher has not answered ({what}) for {} s; its audio output is probably broken",
                waited.as_secs()
            ));
        }
    }
    let front = st.pending.front()?;
    let sent_at = front.sent_at?;
    // It could start only once the one before it finished.
    let started = sent_at.max(st.last_progress);
    let waited = now.saturating_duration_since(started);
    if waited > front.budget {
        let what = if front.probe {
            "a silent test utterance"
        } else {
            "speech"
        };
        return Some(format!(
            "{what} did not finish within {:.1} s: speech-dispatcher accepts text but no sound is produced (no working audio output?)",
            front.budget.as_secs_f32()
        ));
    }
    None
}

/// Generous upper bound of how long `text` takes to say, at the rate's
/// slow-down factor. Measured at normal rate: Mandarin voice ~0.25 s per
/// Hanzi, English voice ~0.08 s per letter, Hanzi read by a non-Chinese
/// voice ("Chinese letter") ~0.6 s; a lone full-width comma 0.55 s.
fn speaking_budget(text: &str, mandarin_voice: bool, rate_factor: f32) -> Duration {
    let est: f32 = text
        .chars()
        .map(|c| {
            if is_cjk(c) {
                if mandarin_voice { 0.3 } else { 0.6 }
            } else if c.is_ascii_digit() {
                0.4
            } else if c.is_ascii_alphabetic() {
                0.12
            } else if c.is_alphabetic() {
                0.3
            } else if c.is_whitespace() {
                0.02
            } else {
                0.3
            }
        })
        .sum();
    BUDGET_GRACE + Duration::from_secs_f32(2.0 * est * rate_factor.max(1.0))
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31BF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
        | 0x20000..=0x3134F)
}

/// How much slower than normal speech is at `percent` (never below 1).
/// espeak-ng's slowest rate is 80 wpm against 170 normal (2.1 times).
fn rate_slowdown(percent: u8) -> f32 {
    if percent >= 50 {
        1.0
    } else {
        1.0 / (1.0 - 0.6 * f32::from(50 - percent) / 50.0)
    }
}

/// 0..=100 with 50 = normal onto the backend's min..normal..max.
fn map_rate(percent: u8, min: f32, normal: f32, max: f32) -> f32 {
    let p = f32::from(percent.min(100));
    let v = if p <= 50.0 {
        min + (normal - min) * p / 50.0
    } else {
        normal + (max - normal) * (p - 50.0) / 50.0
    };
    v.clamp(min.min(max), max.max(min))
}

/// 0..=100 onto the backend's min..max volume.
fn map_volume(percent: u8, min: f32, max: f32) -> f32 {
    let v = min + (max - min) * f32::from(percent.min(100)) / 100.0;
    v.clamp(min.min(max), max.max(min))
}

fn valid_voice_name(name: &str) -> bool {
    !name.trim().is_empty() && name.len() <= 200 && !name.chars().any(char::is_control)
}

// ---------------------------------------------------------------------------
// Voices.

#[derive(Debug, Clone, PartialEq, Eq)]
struct VoiceEntry {
    name: String,
    language: String,
    variant: bool,
}

/// Rank of `v` as a voice for `lang`: lower is better, None = unusable.
fn voice_rank(v: &VoiceEntry, lang: VoiceLang) -> Option<u32> {
    let language = v.language.to_ascii_lowercase();
    let base = match lang {
        VoiceLang::Mandarin => {
            if v.name == MANDARIN_VOICE {
                0
            } else if language == "cmn-latn-pinyin" {
                1
            } else if v.name.starts_with(BROKEN_MANDARIN_VOICE) {
                return None;
            } else if language == "zh-cn" || language == "zh-hans" || language == "zh-hans-cn" {
                2
            } else if language == "zh" || language == "cmn" || language.starts_with("cmn-") {
                3
            } else if language.starts_with("zh-")
                && !language.contains("yue")
                && !language.contains("hk")
            {
                4
            } else {
                return None;
            }
        }
        VoiceLang::English => match language.as_str() {
            "en-us" => 0,
            "en-gb" => 1,
            "en" => 2,
            l if l.starts_with("en-") => 3,
            _ => return None,
        },
    };
    Some(if v.variant { base + 10 } else { base })
}

/// The best voice for `lang`; `preferred` wins when it is usable.
fn pick_voice<'a>(
    voices: &'a [VoiceEntry],
    lang: VoiceLang,
    preferred: Option<&str>,
) -> Option<&'a VoiceEntry> {
    if let Some(p) = preferred
        && let Some(v) = voices.iter().find(|v| v.name == p)
        && voice_rank(v, lang).is_some()
    {
        return Some(v);
    }
    voices
        .iter()
        .filter_map(|v| voice_rank(v, lang).map(|r| (r, v)))
        .min_by_key(|(r, _)| *r)
        .map(|(_, v)| v)
}

fn reads_hanzi(name: &str, voices: Option<&[VoiceEntry]>) -> bool {
    if name == MANDARIN_VOICE {
        return true;
    }
    voices
        .and_then(|vs| vs.iter().find(|v| v.name == name))
        .is_some_and(|v| voice_rank(v, VoiceLang::Mandarin).is_some())
}

/// Candidate voices for both languages, from one listing.
struct VoiceList {
    candidates: Vec<VoiceEntry>,
    total: usize,
}

impl VoiceList {
    fn from_entries(all: impl Iterator<Item = VoiceEntry>) -> Self {
        let mut total = 0;
        let candidates = all
            .inspect(|_| total += 1)
            .filter(|v| {
                voice_rank(v, VoiceLang::Mandarin).is_some()
                    || voice_rank(v, VoiceLang::English).is_some()
            })
            .collect();
        VoiceList { candidates, total }
    }
}

/// Voice lists are read at most once per process (and daemon address).
static LISTED: ListSlot<VoiceList> = Mutex::new(None);
/// The same for the slow path, with the `tts::Voice` objects it needs.
static TTS_LISTED: ListSlot<TtsVoices> = Mutex::new(None);

/// A process-wide cache entry: daemon address and what was listed there.
type ListSlot<T> = Mutex<Option<(String, Arc<T>)>>;
/// Candidates and the matching `tts::Voice` objects (needed by set_voice).
type TtsVoices = (VoiceList, Vec<tts::Voice>);

fn remembered<T>(slot: &ListSlot<T>, key: &str) -> Option<Arc<T>> {
    let g = slot.lock().unwrap_or_else(PoisonError::into_inner);
    g.as_ref()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| Arc::clone(v))
}

fn remember<T>(slot: &ListSlot<T>, key: &str, value: &Arc<T>) {
    *slot.lock().unwrap_or_else(PoisonError::into_inner) =
        Some((key.to_owned(), Arc::clone(value)));
}

/// The voice list over the control connection, read once per process.
fn list_over_control(ssip: &mut Ssip, key: &str) -> io::Result<Arc<VoiceList>> {
    if let Some(l) = remembered(&LISTED, key) {
        return Ok(l);
    }
    let l = Arc::new(ssip.list_voices()?);
    remember(&LISTED, key, &l);
    Ok(l)
}

/// The voice list through `tts` (~1.3 s), read once per process.
fn list_through_tts(tts: &tts::Tts, key: &str) -> Result<Arc<TtsVoices>, tts::Error> {
    if let Some(l) = remembered(&TTS_LISTED, key) {
        return Ok(l);
    }
    let mut keep = Vec::new();
    let list = VoiceList::from_entries(tts.voices()?.into_iter().map(|v| {
        let e = VoiceEntry {
            name: v.name(),
            language: v.language().to_string(),
            variant: v.name().contains('+'),
        };
        if voice_rank(&e, VoiceLang::Mandarin).is_some()
            || voice_rank(&e, VoiceLang::English).is_some()
        {
            keep.push(v);
        }
        e
    }));
    let l = Arc::new((list, keep));
    remember(&TTS_LISTED, key, &l);
    Ok(l)
}

// ---------------------------------------------------------------------------
// A minimal SSIP client for the control connection (std only).

#[derive(Debug, Clone, PartialEq, Eq)]
enum Address {
    #[cfg(unix)]
    Unix(PathBuf),
    Inet(String, u16),
}

impl std::fmt::Display for Address {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            #[cfg(unix)]
            Address::Unix(p) => write!(f, "unix_socket:{}", p.display()),
            Address::Inet(h, p) => write!(f, "inet_socket:{h}:{p}"),
        }
    }
}

/// The address libspeechd connects to (same rules as
/// `spd_get_default_address`): `SPEECHD_ADDRESS`, else
/// `$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock` (XDG_RUNTIME_DIR
/// falling back to the cache directory, as glib does).
fn speechd_address() -> Option<Address> {
    match std::env::var("SPEECHD_ADDRESS") {
        Ok(s) if !s.is_empty() => parse_address(&s),
        _ => default_unix_address(),
    }
}

fn parse_address(s: &str) -> Option<Address> {
    let mut parts = s.split(':');
    match parts.next() {
        Some("unix_socket") | Some("") => match parts.next() {
            #[cfg(unix)]
            Some(p) if !p.is_empty() => Some(Address::Unix(PathBuf::from(p))),
            _ => default_unix_address(),
        },
        Some("inet_socket") => {
            let host = parts
                .next()
                .filter(|h| !h.is_empty())
                .unwrap_or("127.0.0.1");
            let port = parts.next().and_then(|p| p.parse().ok()).unwrap_or(6560);
            Some(Address::Inet(host.to_owned(), port))
        }
        _ => None,
    }
}

fn default_unix_address() -> Option<Address> {
    #[cfg(unix)]
    {
        let nonempty = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let dir = nonempty("XDG_RUNTIME_DIR")
            .or_else(|| nonempty("XDG_CACHE_HOME"))
            .or_else(|| nonempty("HOME").map(|h| h.join(".cache")))?;
        Some(Address::Unix(
            dir.join("speech-dispatcher").join("speechd.sock"),
        ))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

enum Sock {
    #[cfg(unix)]
    Unix(UnixStream),
    Tcp(TcpStream),
}

impl Sock {
    fn connect(addr: &Address) -> io::Result<Sock> {
        match addr {
            #[cfg(unix)]
            Address::Unix(p) => UnixStream::connect(p).map(Sock::Unix),
            Address::Inet(h, port) => {
                let sa = (h.as_str(), *port)
                    .to_socket_addrs()?
                    .next()
                    .ok_or_else(|| io::Error::other("no address"))?;
                TcpStream::connect_timeout(&sa, SSIP_TIMEOUT).map(Sock::Tcp)
            }
        }
    }
    fn try_clone(&self) -> io::Result<Sock> {
        match self {
            #[cfg(unix)]
            Sock::Unix(s) => s.try_clone().map(Sock::Unix),
            Sock::Tcp(s) => s.try_clone().map(Sock::Tcp),
        }
    }
    fn set_timeout(&self, d: Duration) -> io::Result<()> {
        match self {
            #[cfg(unix)]
            Sock::Unix(s) => s
                .set_read_timeout(Some(d))
                .and(s.set_write_timeout(Some(d))),
            Sock::Tcp(s) => s
                .set_read_timeout(Some(d))
                .and(s.set_write_timeout(Some(d))),
        }
    }
}

impl Read for Sock {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match self {
            #[cfg(unix)]
            Sock::Unix(s) => s.read(buf),
            Sock::Tcp(s) => s.read(buf),
        }
    }
}

impl Write for Sock {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            #[cfg(unix)]
            Sock::Unix(s) => s.write(buf),
            Sock::Tcp(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match self {
            #[cfg(unix)]
            Sock::Unix(s) => s.flush(),
            Sock::Tcp(s) => s.flush(),
        }
    }
}

struct Ssip {
    r: BufReader<Sock>,
    w: Sock,
}

impl Ssip {
    fn open(addr: &Address) -> io::Result<Ssip> {
        let w = Sock::connect(addr)?;
        w.set_timeout(SSIP_TIMEOUT)?;
        let r = BufReader::new(w.try_clone()?);
        Ok(Ssip { r, w })
    }

    /// Send one command; return the reply code and its data lines.
    fn command(&mut self, line: &str, timeout: Duration) -> io::Result<(u16, Vec<String>)> {
        self.w.set_timeout(timeout)?;
        self.w.write_all(line.as_bytes())?;
        self.w.write_all(b"\r\n")?;
        self.w.flush()?;
        let mut data = Vec::new();
        let mut buf = Vec::new();
        loop {
            buf.clear();
            if self.r.read_until(b'\n', &mut buf)? == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "connection closed",
                ));
            }
            let l = String::from_utf8_lossy(&buf);
            let l = l.trim_end_matches(['\r', '\n']);
            let code = l.get(..3).and_then(|c| c.parse::<u16>().ok());
            match (code, l.as_bytes().get(3)) {
                (Some(_), Some(b'-')) => data.push(l[4..].to_owned()),
                (Some(code), Some(b' ')) | (Some(code), None) => return Ok((code, data)),
                _ => return Err(io::Error::other(format!("bad SSIP reply {l:?}"))),
            }
        }
    }

    fn ok(&mut self, line: &str) -> io::Result<Vec<String>> {
        let (code, data) = self.command(line, SSIP_TIMEOUT)?;
        if (200..300).contains(&code) {
            Ok(data)
        } else {
            Err(io::Error::other(format!("{line:?} answered {code}")))
        }
    }

    fn client_id(&mut self) -> io::Result<u64> {
        self.ok("HISTORY GET CLIENT_ID")?
            .first()
            .and_then(|s| s.trim().parse().ok())
            .ok_or_else(|| io::Error::other("no client id"))
    }

    fn output_module(&mut self) -> io::Result<String> {
        self.ok("GET OUTPUT_MODULE")?
            .into_iter()
            .next()
            .ok_or_else(|| io::Error::other("no output module"))
    }

    fn set_voice(&mut self, uid: u64, name: &str) -> io::Result<()> {
        self.ok(&format!("SET {uid} SYNTHESIS_VOICE {name}"))
            .map(|_| ())
    }

    fn list_voices(&mut self) -> io::Result<VoiceList> {
        let (code, data) = self.command("LIST SYNTHESIS_VOICES", SSIP_LIST_TIMEOUT)?;
        if !(200..300).contains(&code) {
            return Err(io::Error::other(format!(
                "LIST SYNTHESIS_VOICES answered {code}"
            )));
        }
        Ok(VoiceList::from_entries(data.into_iter().filter_map(|l| {
            let mut f = l.split('\t');
            let name = f.next()?.to_owned();
            let language = f.next()?.to_owned();
            let variant = f.next().is_some_and(|v| v != "none");
            Some(VoiceEntry {
                name,
                language,
                variant,
            })
        })))
    }
}

/// Our control connection and the client id of the `tts` connection.
struct Control {
    ssip: Ssip,
    uid: u64,
    module: Option<String>,
}

/// Open the `tts` connection, bracketed by two control connections so its
/// client id is known. Control is None when that cannot be made sure of.
fn connect(address: Option<&Address>) -> Result<(tts::Tts, Option<Control>), SpeechError> {
    let where_ = address.map_or_else(|| "default address".to_owned(), ToString::to_string);
    let unavailable = |e: tts::Error| {
        SpeechError::Unavailable(format!("speech-dispatcher not reachable at {where_} ({e})"))
    };
    let Some(address) = address else {
        return Ok((tts::Tts::default().map_err(unavailable)?, None));
    };
    // Up to two tries: when the daemon was not running, the first
    // Tts::default() autospawns it and only the second can be bracketed.
    for attempt in 0..2 {
        let before = match Ssip::open(address) {
            Ok(mut s) => match s.client_id() {
                Ok(id) => Some((s, id)),
                // Connected but no answer: the daemon is stuck, and
                // Tts::default() would block forever.
                Err(e) if is_timeout(&e) => {
                    return Err(SpeechError::Unavailable(format!(
                        "speech-dispatcher at {address} accepts connections but does not answer"
                    )));
                }
                Err(_) => None,
            },
            Err(_) => None,
        };
        let tts = tts::Tts::default().map_err(unavailable)?;
        let Some((mut ssip, id_before)) = before else {
            if attempt == 0 {
                drop(tts); // nothing spoken: no events can be due
                continue;
            }
            return Ok((tts, None));
        };
        let id_after = Ssip::open(address).and_then(|mut s| s.client_id());
        if id_after.is_ok_and(|id| id == id_before + 2) {
            let _ = ssip.ok("SET self CLIENT_NAME tingjian:tingjian:voice-control");
            let module = ssip.output_module().ok();
            return Ok((
                tts,
                Some(Control {
                    ssip,
                    uid: id_before + 1,
                    module,
                }),
            ));
        }
        // Someone else connected in between: do without.
        return Ok((tts, None));
    }
    Err(SpeechError::Unavailable(format!(
        "cannot connect to speech-dispatcher at {address}"
    )))
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

// ---------------------------------------------------------------------------
// The worker thread: owns the Tts, runs every call into the daemon.

enum Cmd {
    Speak { seq: u64, text: String },
    Stop,
    Rate(u8),
    Volume(u8),
    Language(VoiceLang),
    Shutdown,
}

/// How the voice is set on this connection.
enum VoiceSetter {
    /// By name over our control connection (fast).
    Control(Control),
    /// Through `tts` with Voice objects from its own listing (slow).
    Tts(Vec<(VoiceLang, tts::Voice)>),
    /// Neither: the daemon's default voice.
    None,
}

struct Worker {
    tts: tts::Tts,
    shared: Arc<Shared>,
    setter: VoiceSetter,
    /// Candidate voices, once listed (over control or through tts).
    voices: Option<Arc<VoiceList>>,
    /// Key of the process-wide voice list caches (the daemon address).
    list_key: String,
    lang: VoiceLang,
    /// A cached name set without listing, still to be checked.
    unverified: bool,
    last_sent: Option<u64>,
    last_activity: Instant,
}

fn worker_main(
    lang: VoiceLang,
    cached: Option<String>,
    shared: Arc<Shared>,
    rx: mpsc::Receiver<Cmd>,
    init_tx: mpsc::Sender<Result<Option<String>, SpeechError>>,
) {
    let mut worker = match Worker::start(lang, cached, Arc::clone(&shared)) {
        Ok(w) => w,
        Err(e) => {
            let _ = init_tx.send(Err(e));
            return;
        }
    };
    let voice = shared.lock().voice.clone();
    if init_tx.send(Ok(voice)).is_err() {
        // new() gave up waiting: nobody will use this speaker.
        worker.shutdown();
        return;
    }
    worker.run(&rx);
    worker.shutdown();
}

impl Worker {
    fn start(
        lang: VoiceLang,
        cached: Option<String>,
        shared: Arc<Shared>,
    ) -> Result<Worker, SpeechError> {
        let t0 = Instant::now();
        let address = speechd_address();
        let (tts, control) = connect(address.as_ref())?;
        let t_connect = t0.elapsed();
        shared.lock().tracking = register_callbacks(&tts, &shared)?;
        let mut w = Worker {
            tts,
            shared,
            setter: match control {
                Some(c) => VoiceSetter::Control(c),
                None => VoiceSetter::None,
            },
            voices: None,
            list_key: address
                .as_ref()
                .map_or_else(|| "default".to_owned(), ToString::to_string),
            lang,
            unverified: false,
            last_sent: None,
            last_activity: Instant::now(),
        };
        let t1 = Instant::now();
        let how = w.choose_initial_voice(cached.as_deref());
        let t_voice = t1.elapsed();
        let probe = w.send_probe();
        let voice = w.shared.lock().voice.clone();
        w.shared.lock().summary = format!(
            "connected in {} ms; voice {} {how} in {} ms{}",
            t_connect.as_millis(),
            voice.as_deref().unwrap_or("(daemon default)"),
            t_voice.as_millis(),
            if probe {
                "; silent audio probe queued"
            } else {
                ""
            },
        );
        Ok(w)
    }

    /// Select the voice for `self.lang`; returns how, for the summary.
    fn choose_initial_voice(&mut self, cached: Option<&str>) -> &'static str {
        if let VoiceSetter::Control(c) = &mut self.setter {
            // Trust a cached name unless the list is already at hand.
            if let Some(name) = cached
                && remembered(&LISTED, &self.list_key).is_none()
                && c.ssip.set_voice(c.uid, name).is_ok()
            {
                self.unverified = true;
                record_voice(&self.shared, None, Some(name.to_owned()));
                return "set from cache (checked later)";
            }
            if let Ok(list) = list_over_control(&mut c.ssip, &self.list_key) {
                let chosen =
                    pick_voice(&list.candidates, self.lang, cached).map(|v| v.name.clone());
                let set = match &chosen {
                    Some(name) => c.ssip.set_voice(c.uid, name).is_ok(),
                    None => true,
                };
                self.voices = Some(list);
                if set {
                    let how = if chosen.is_some() {
                        "listed and set over SSIP"
                    } else {
                        "not available; daemon default kept"
                    };
                    record_voice(&self.shared, self.candidates(), chosen);
                    return how;
                }
            }
            // The control connection failed: fall back to tts.
            self.setter = VoiceSetter::None;
        }
        self.choose_through_tts(cached)
    }

    /// The slow path: one `Tts::voices()` (~1.3 s) and one
    /// `Tts::set_voice()` (~1.35 s, it lists again).
    fn choose_through_tts(&mut self, cached: Option<&str>) -> &'static str {
        let shared = Arc::clone(&self.shared);
        let (tts, key) = (&self.tts, &self.list_key);
        let Ok(listed) = shared.call("list voices", SLOW_CALL_TIMEOUT, || {
            list_through_tts(tts, key)
        }) else {
            return "not listed (tts error); daemon default kept";
        };
        let (list, keep) = &*listed;
        let mut by_lang = Vec::new();
        for l in [VoiceLang::Mandarin, VoiceLang::English] {
            let pref = if l == self.lang { cached } else { None };
            if let Some(e) = pick_voice(&list.candidates, l, pref)
                && let Some(v) = keep.iter().find(|v| v.name() == e.name)
            {
                by_lang.push((l, v.clone()));
            }
        }
        self.setter = VoiceSetter::Tts(by_lang);
        self.voices = Some(Arc::new(VoiceList {
            candidates: list.candidates.clone(),
            total: list.total,
        }));
        if self.apply_voice() {
            "listed and set through tts"
        } else {
            "not available; daemon default kept"
        }
    }

    fn candidates(&self) -> Option<&[VoiceEntry]> {
        self.voices.as_deref().map(|l| l.candidates.as_slice())
    }

    /// Set the voice for `self.lang` with what we know; true if one was set.
    fn apply_voice(&mut self) -> bool {
        let lang = self.lang;
        let shared = Arc::clone(&self.shared);
        match &mut self.setter {
            VoiceSetter::Control(c) => {
                let Some(voices) = &self.voices else {
                    return false;
                };
                let Some(name) = pick_voice(&voices.candidates, lang, None).map(|v| v.name.clone())
                else {
                    record_voice(&shared, None, None);
                    return false;
                };
                let uid = c.uid;
                match shared.call("set voice", CALL_TIMEOUT, || c.ssip.set_voice(uid, &name)) {
                    Ok(()) => {
                        let voices = self.voices.as_deref().map(|l| l.candidates.as_slice());
                        record_voice(&shared, voices, Some(name));
                        true
                    }
                    Err(_) => {
                        self.setter = VoiceSetter::None;
                        false
                    }
                }
            }
            VoiceSetter::Tts(by_lang) => {
                let Some(v) = by_lang
                    .iter()
                    .find(|(l, _)| *l == lang)
                    .map(|(_, v)| v.clone())
                else {
                    record_voice(&shared, None, None);
                    return false;
                };
                let tts = &mut self.tts;
                let ok = shared
                    .call("set voice", SLOW_CALL_TIMEOUT, || tts.set_voice(&v))
                    .is_ok();
                if ok {
                    let voices = self.voices.as_deref().map(|l| l.candidates.as_slice());
                    record_voice(&shared, voices, Some(v.name()));
                }
                ok
            }
            VoiceSetter::None => false,
        }
    }

    /// Queue the silent probe (espeak only: verified to end within tens of
    /// milliseconds with audio and never without).
    fn send_probe(&mut self) -> bool {
        let espeak = matches!(&self.setter, VoiceSetter::Control(c)
            if c.module.as_deref().is_some_and(|m| m.starts_with("espeak")));
        if !espeak || !self.shared.lock().tracking {
            return false;
        }
        self.shared.lock().pending.push_back(Pending {
            seq: 0,
            msg: None,
            sent_at: None,
            budget: PROBE_BUDGET,
            probe: true,
        });
        self.speak(0, PROBE_TEXT);
        true
    }

    fn run(&mut self, rx: &mpsc::Receiver<Cmd>) {
        loop {
            let cmd = match rx.recv_timeout(Duration::from_millis(250)) {
                Ok(c) => c,
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    self.maybe_verify();
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            };
            self.last_activity = Instant::now();
            match cmd {
                Cmd::Speak { seq, text } => self.speak(seq, &text),
                Cmd::Stop => {
                    let shared = Arc::clone(&self.shared);
                    let tts = &mut self.tts;
                    if let Err(e) = shared.call("stop", CALL_TIMEOUT, || tts.stop().map(|_| ())) {
                        self.shared.lock().broken = Some(format!("stop: {e}"));
                    }
                }
                Cmd::Rate(p) => {
                    let (min, normal, max) = (
                        self.tts.min_rate(),
                        self.tts.normal_rate(),
                        self.tts.max_rate(),
                    );
                    let tts = &mut self.tts;
                    let _ = self.shared.call("set rate", CALL_TIMEOUT, || {
                        tts.set_rate(map_rate(p, min, normal, max)).map(|_| ())
                    });
                }
                Cmd::Volume(p) => {
                    let (min, max) = (self.tts.min_volume(), self.tts.max_volume());
                    let tts = &mut self.tts;
                    let _ = self.shared.call("set volume", CALL_TIMEOUT, || {
                        tts.set_volume(map_volume(p, min, max)).map(|_| ())
                    });
                }
                Cmd::Language(l) => {
                    if l != self.lang {
                        self.lang = l;
                        if self.voices.is_none() {
                            self.verify_now(); // sets it too
                        } else {
                            self.apply_voice();
                        }
                    }
                }
                Cmd::Shutdown => return,
            }
        }
    }

    fn speak(&mut self, seq: u64, text: &str) {
        let shared = Arc::clone(&self.shared);
        let tts = &mut self.tts;
        let r = shared.call("speak", CALL_TIMEOUT, || tts.speak(text, false));
        let mut st = self.shared.lock();
        let idx = st.pending.iter().position(|p| p.seq == seq);
        match r {
            Ok(Some(id)) => {
                let Some(n) = utterance_number(&id) else {
                    if let Some(i) = idx {
                        st.pending.remove(i);
                    }
                    return;
                };
                self.last_sent = Some(n);
                if let Some(i) = idx {
                    if st.max_finished.is_some_and(|m| m >= n) {
                        st.pending.remove(i); // its END came before we got here
                    } else if let Some(p) = st.pending.get_mut(i) {
                        p.msg = Some(n);
                        p.sent_at = Some(Instant::now());
                    }
                }
            }
            Ok(None) | Err(_) => {
                if let Some(i) = idx {
                    st.pending.remove(i);
                }
                if let Err(e) = r {
                    st.broken = Some(format!("speak: {e}"));
                }
            }
        }
        self.shared.changed.notify_all();
    }

    /// Check a cached voice name once speech has been idle for a while.
    fn maybe_verify(&mut self) {
        if !self.unverified || self.last_activity.elapsed() < VERIFY_AFTER_IDLE {
            return;
        }
        {
            let st = self.shared.lock();
            if !st.pending.is_empty() || st.silent.is_some() {
                // Listing while an utterance hangs would hang the daemon.
                return;
            }
        }
        self.verify_now();
    }

    /// List the voices over the control connection; replace a stale cached
    /// voice.
    fn verify_now(&mut self) {
        self.unverified = false;
        let VoiceSetter::Control(c) = &mut self.setter else {
            return;
        };
        let shared = Arc::clone(&self.shared);
        let key = &self.list_key;
        let Ok(list) = shared.call("list voices", SLOW_CALL_TIMEOUT, || {
            list_over_control(&mut c.ssip, key)
        }) else {
            self.setter = VoiceSetter::None;
            return;
        };
        let current = shared.lock().voice.clone();
        let still_good = current.as_deref().is_some_and(|n| {
            list.candidates
                .iter()
                .any(|v| v.name == n && voice_rank(v, self.lang).is_some())
        });
        self.voices = Some(list);
        if still_good {
            record_voice(&shared, self.candidates(), current);
        } else {
            self.apply_voice();
        }
    }

    /// Drop the Tts once no event can still come for it (the owner calls
    /// stop() first if it wants silence; queued speech is not cut here, and
    /// speech-dispatcher finishes it even after the process exits).
    fn shutdown(self) {
        let settled = |w: &Worker| match w.last_sent {
            None => true,
            Some(n) => w.shared.lock().max_finished.is_some_and(|m| m >= n),
        };
        let deadline = Instant::now() + Duration::from_secs(1);
        while !settled(&self) && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(10));
        }
        if settled(&self) {
            drop(self);
        } else {
            // Events are still due for this connection; dropping the Tts now
            // could abort the process inside the tts crate's callbacks.
            std::mem::forget(self);
        }
    }
}

/// Remember the current voice (and whether it reads Hanzi, for budgets).
fn record_voice(shared: &Shared, voices: Option<&[VoiceEntry]>, name: Option<String>) {
    let mut st = shared.lock();
    st.mandarin_voice = name.as_deref().is_some_and(|n| reads_hanzi(n, voices));
    st.voice = name;
}

/// The message number inside a tts utterance id.
#[allow(unreachable_patterns)]
fn utterance_number(id: &tts::UtteranceId) -> Option<u64> {
    match id {
        #[cfg(target_os = "linux")]
        tts::UtteranceId::SpeechDispatcher(n) => Some(*n),
        _ => None,
    }
}

/// Follow utterances through END and cancel events; false if the backend
/// has no utterance callbacks (then nothing can be judged Silent).
fn register_callbacks(tts: &tts::Tts, shared: &Arc<Shared>) -> Result<bool, SpeechError> {
    let features = tts.supported_features();
    if !features.utterance_callbacks {
        return Ok(false);
    }
    let on_end = Arc::clone(shared);
    let on_stop = Arc::clone(shared);
    let failed = |e: tts::Error| SpeechError::Failed(format!("utterance callbacks: {e}"));
    tts.on_utterance_end(Some(Box::new(move |id| {
        if let Some(n) = utterance_number(&id) {
            on_end.finished(n);
        }
    })))
    .map_err(failed)?;
    tts.on_utterance_stop(Some(Box::new(move |id| {
        if let Some(n) = utterance_number(&id) {
            on_stop.finished(n);
        }
    })))
    .map_err(failed)?;
    Ok(true)
}

// ---------------------------------------------------------------------------
// probe()

struct ProbeOk {
    voice: Option<String>,
    mandarin: bool,
    features: String,
}

fn probe_inner(lang: VoiceLang) -> Result<ProbeOk, String> {
    let t0 = Instant::now();
    let address = speechd_address();
    let (mut tts, control) = connect(address.as_ref()).map_err(|e| match e {
        SpeechError::Unavailable(s) | SpeechError::Failed(s) => s,
        e => e.to_string(),
    })?;
    let t_connect = t0.elapsed().as_millis();
    let f = tts.supported_features();
    let mut parts = vec![format!("connected in {t_connect} ms")];
    let (list, module, how) = match control {
        Some(mut c) => {
            let t = Instant::now();
            let key = address
                .as_ref()
                .map_or_else(|| "default".to_owned(), ToString::to_string);
            let list =
                list_over_control(&mut c.ssip, &key).map_err(|e| format!("listing voices: {e}"))?;
            (
                list,
                c.module.clone(),
                format!(
                    "voices listed over SSIP in {} ms (fast voice selection)",
                    t.elapsed().as_millis()
                ),
            )
        }
        None => {
            let t = Instant::now();
            let key = address
                .as_ref()
                .map_or_else(|| "default".to_owned(), ToString::to_string);
            let listed =
                list_through_tts(&tts, &key).map_err(|e| format!("listing voices: {e}"))?;
            let list = Arc::new(VoiceList {
                candidates: listed.0.candidates.clone(),
                total: listed.0.total,
            });
            (
                list,
                None,
                format!(
                    "voices listed through tts in {} ms (slow voice selection)",
                    t.elapsed().as_millis()
                ),
            )
        }
    };
    if let Some(m) = &module {
        parts.push(format!("module {m}"));
    }
    parts.push(format!("{} voices", list.total));
    parts.push(how);
    let voice = pick_voice(&list.candidates, lang, None).map(|v| v.name.clone());
    let mandarin = pick_voice(&list.candidates, VoiceLang::Mandarin, None).is_some();
    let mut caps = Vec::new();
    for (ok, name) in [
        (f.stop, "stop"),
        (f.rate, "rate"),
        (f.volume, "volume"),
        (f.voice, "voices"),
        (f.utterance_callbacks, "utterance callbacks"),
    ] {
        if ok {
            caps.push(name);
        }
    }
    parts.push(format!("supports {}", caps.join(", ")));

    // Audio check: a silent utterance must end (END event) promptly.
    if f.utterance_callbacks {
        let (etx, erx) = mpsc::channel::<u64>();
        let etx2 = etx.clone();
        let ok = tts
            .on_utterance_end(Some(Box::new(move |id| {
                if let Some(n) = utterance_number(&id) {
                    let _ = etx.send(n);
                }
            })))
            .and_then(|_| {
                tts.on_utterance_stop(Some(Box::new(move |id| {
                    if let Some(n) = utterance_number(&id) {
                        let _ = etx2.send(n);
                    }
                })))
            });
        if ok.is_ok() {
            let t = Instant::now();
            match tts.speak(PROBE_TEXT, false) {
                Ok(Some(id)) => {
                    let n = utterance_number(&id);
                    let deadline = t + PROBE_BUDGET;
                    let mut ended = false;
                    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
                        match erx.recv_timeout(left) {
                            Ok(m) if Some(m) >= n => {
                                ended = true;
                                break;
                            }
                            Ok(_) => {}
                            Err(_) => break,
                        }
                    }
                    if ended {
                        parts.push(format!(
                            "audio output works (silent test utterance ended in {} ms)",
                            t.elapsed().as_millis()
                        ));
                    } else {
                        parts.push(format!(
                            "NO SOUND: a silent test utterance did not end within {} s (broken audio output?)",
                            PROBE_BUDGET.as_secs()
                        ));
                        // Events may still come for it: do not drop the Tts.
                        std::mem::forget(tts);
                        return Ok(ProbeOk {
                            voice,
                            mandarin,
                            features: parts.join("; "),
                        });
                    }
                }
                Ok(None) => parts.push("audio not checked (no utterance id)".into()),
                Err(e) => parts.push(format!("audio check failed: {e}")),
            }
        }
    }
    Ok(ProbeOk {
        voice,
        mandarin,
        features: parts.join("; "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(name: &str, language: &str, variant: bool) -> VoiceEntry {
        VoiceEntry {
            name: name.into(),
            language: language.into(),
            variant,
        }
    }

    fn espeak_like() -> Vec<VoiceEntry> {
        vec![
            v("Afrikaans", "af", false),
            v(BROKEN_MANDARIN_VOICE, "cmn", false),
            v("Chinese (Mandarin, latin as English)+Adam", "cmn", true),
            v(
                "Chinese (Mandarin, latin as Pinyin)+Adam",
                "cmn-LATN-PINYIN",
                true,
            ),
            v(MANDARIN_VOICE, "cmn-LATN-PINYIN", false),
            v("Chinese (Cantonese)", "yue", false),
            v("English (Caribbean)", "en-029", false),
            v("English (Great Britain)", "en-GB", false),
            v("English (America)+Max", "en-US", true),
            v("English (America)", "en-US", false),
        ]
    }

    #[test]
    fn picks_pinyin_mandarin_never_cmn() {
        let vs = espeak_like();
        let m = pick_voice(&vs, VoiceLang::Mandarin, None).map(|v| v.name.as_str());
        assert_eq!(m, Some(MANDARIN_VOICE));
        let only_broken = vec![v(BROKEN_MANDARIN_VOICE, "cmn", false)];
        assert_eq!(pick_voice(&only_broken, VoiceLang::Mandarin, None), None);
        // A cached broken voice is not accepted either.
        let m = pick_voice(&vs, VoiceLang::Mandarin, Some(BROKEN_MANDARIN_VOICE));
        assert_eq!(m.map(|v| v.name.as_str()), Some(MANDARIN_VOICE));
        // Another module's Chinese voice is fine.
        let other = vec![v("huihui", "zh-CN", false), v("Cantonese", "zh-HK", false)];
        let m = pick_voice(&other, VoiceLang::Mandarin, None).map(|v| v.name.as_str());
        assert_eq!(m, Some("huihui"));
    }

    #[test]
    fn picks_english_and_honours_usable_preference() {
        let vs = espeak_like();
        let e = pick_voice(&vs, VoiceLang::English, None).map(|v| v.name.as_str());
        assert_eq!(e, Some("English (America)"));
        let e = pick_voice(&vs, VoiceLang::English, Some("English (Great Britain)"));
        assert_eq!(e.map(|v| v.name.as_str()), Some("English (Great Britain)"));
        let e = pick_voice(&vs, VoiceLang::English, Some(MANDARIN_VOICE));
        assert_eq!(e.map(|v| v.name.as_str()), Some("English (America)"));
    }

    #[test]
    fn rate_and_volume_mapping() {
        assert_eq!(map_rate(0, -100.0, 0.0, 100.0), -100.0);
        assert_eq!(map_rate(50, -100.0, 0.0, 100.0), 0.0);
        assert_eq!(map_rate(100, -100.0, 0.0, 100.0), 100.0);
        assert_eq!(map_rate(25, -100.0, 0.0, 100.0), -50.0);
        assert_eq!(map_rate(200, -100.0, 0.0, 100.0), 100.0);
        assert_eq!(map_rate(75, 0.1, 1.0, 10.0), 5.5);
        assert_eq!(map_volume(0, -100.0, 100.0), -100.0);
        assert_eq!(map_volume(100, -100.0, 100.0), 100.0);
        assert_eq!(map_volume(50, 0.0, 1.0), 0.5);
    }

    #[test]
    fn budgets_grow_with_length_and_slowness() {
        let short = speaking_budget("好", true, 1.0);
        let long = speaking_budget(&"听见已启动，这是一个中文语音测试。".repeat(20), true, 1.0);
        assert!(short >= BUDGET_GRACE && short < BUDGET_GRACE + Duration::from_secs(1));
        // 340 characters, ~85 s to say at normal rate: budget well above.
        assert!(long > Duration::from_secs(170), "{long:?}");
        let slow = speaking_budget("听见已启动", true, rate_slowdown(0));
        let normal = speaking_budget("听见已启动", true, rate_slowdown(50));
        assert!(slow > normal);
        // A non-Chinese voice reading Hanzi ("Chinese letter") is slower.
        assert!(speaking_budget("听见", false, 1.0) > speaking_budget("听见", true, 1.0));
        assert_eq!(rate_slowdown(100), 1.0);
        assert!(rate_slowdown(0) > 2.0);
    }

    #[test]
    fn addresses_like_libspeechd() {
        assert_eq!(
            parse_address("unix_socket:/tmp/x.sock"),
            Some(Address::Unix("/tmp/x.sock".into()))
        );
        assert_eq!(
            parse_address("inet_socket:10.0.0.1:7000"),
            Some(Address::Inet("10.0.0.1".into(), 7000))
        );
        assert_eq!(
            parse_address("inet_socket"),
            Some(Address::Inet("127.0.0.1".into(), 6560))
        );
        assert_eq!(parse_address("dbus:x"), None);
    }

    #[test]
    fn silence_verdicts() {
        let now = Instant::now();
        let mut st = Shared::new()
            .state
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        st.last_progress = now - Duration::from_secs(100);
        assert_eq!(silence_reason(&st, now), None);
        // Queued but not yet sent: no verdict from the budget.
        st.pending.push_back(Pending {
            seq: 1,
            msg: None,
            sent_at: None,
            budget: Duration::from_secs(4),
            probe: false,
        });
        assert_eq!(silence_reason(&st, now), None);
        // Sent 3 s ago, budget 4 s: fine; 5 s ago: silent.
        if let Some(p) = st.pending.front_mut() {
            p.msg = Some(7);
            p.sent_at = Some(now - Duration::from_secs(3));
        }
        assert_eq!(silence_reason(&st, now), None);
        if let Some(p) = st.pending.front_mut() {
            p.sent_at = Some(now - Duration::from_secs(5));
        }
        assert!(silence_reason(&st, now).is_some());
        // ...unless the one before it finished only 1 s ago.
        st.last_progress = now - Duration::from_secs(1);
        assert_eq!(silence_reason(&st, now), None);
        // A call that hangs.
        st.pending.clear();
        st.busy = Some((
            now - CALL_TIMEOUT - Duration::from_secs(1),
            "stop",
            CALL_TIMEOUT,
        ));
        assert!(silence_reason(&st, now).is_some());
        st.busy = Some((
            now - CALL_TIMEOUT + Duration::from_secs(1),
            "stop",
            CALL_TIMEOUT,
        ));
        assert_eq!(silence_reason(&st, now), None);
    }

    #[test]
    fn finished_events_clear_in_order() {
        let shared = Shared::new();
        {
            let mut st = shared.lock();
            for (seq, msg) in [(1, Some(10)), (2, Some(11)), (3, None)] {
                st.pending.push_back(Pending {
                    seq,
                    msg,
                    sent_at: Some(Instant::now()),
                    budget: Duration::from_secs(5),
                    probe: false,
                });
            }
        }
        shared.finished(10);
        assert_eq!(shared.lock().pending.len(), 2);
        shared.finished(11);
        let st = shared.lock();
        assert_eq!(st.pending.len(), 1);
        assert_eq!(st.max_finished, Some(11));
    }

    #[test]
    fn rejects_unsafe_cached_names() {
        assert!(valid_voice_name(MANDARIN_VOICE));
        assert!(!valid_voice_name(""));
        assert!(!valid_voice_name("x\r\nQUIT"));
    }
}
