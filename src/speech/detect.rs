//! Is a screen reader already talking? Then self-voicing in auto mode stays
//! quiet. (`tts::Tts::screen_reader_available()` is always false on Linux.)

/// Process names of screen readers that speak on their own.
const READERS: &[&str] = &[
    "orca",
    "fenrir",
    "fenrir-daemon",
    "speakup",
    "yasr",
    "emacspeak",
    "espeakup",
];

/// The name of a running screen reader, if any: a process with a known
/// name, or the speakup kernel module.
pub fn running_screen_reader() -> Option<String> {
    if std::path::Path::new("/sys/module/speakup").exists() {
        return Some("speakup".into());
    }
    let dir = std::fs::read_dir("/proc").ok()?;
    for entry in dir.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str() else { continue };
        if !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(comm) = std::fs::read_to_string(entry.path().join("comm")) else {
            continue;
        };
        let comm = comm.trim();
        if let Some(r) = READERS.iter().find(|r| **r == comm) {
            return Some((*r).to_string());
        }
    }
    None
}
