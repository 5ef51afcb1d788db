//! The transcript: every speech event as one line, `ms<TAB>kind<TAB>text`.
//!
//! `ms` counts from the start of the process, `kind` is `speak`, `stop` or
//! `notice` (what the app says about speech itself, such as "speech is
//! unavailable"). Tests read this file; people can too.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Appends events to a file, flushed after every line so a killed process
/// still leaves everything it said.
#[derive(Debug)]
pub struct Transcript {
    file: File,
    path: PathBuf,
    start: Instant,
}

impl Transcript {
    pub fn open(path: &Path, start: Instant) -> io::Result<Self> {
        let file = OpenOptions::new().create(true).append(true).open(path)?;
        Ok(Self {
            file,
            path: path.to_path_buf(),
            start,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn record(&mut self, kind: &str, text: &str) -> io::Result<()> {
        let ms = self.start.elapsed().as_millis();
        // One event, one line: line breaks inside the text become spaces.
        let text: String = text
            .chars()
            .map(|c| {
                if c == '\n' || c == '\r' || c == '\t' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        writeln!(self.file, "{ms}\t{kind}\t{text}")?;
        self.file.flush()
    }
}

/// One parsed transcript line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptLine {
    pub ms: u128,
    pub kind: String,
    pub text: String,
}

/// Parse a transcript file's text (for tests and tools).
pub fn parse(text: &str) -> Vec<TranscriptLine> {
    text.lines()
        .filter_map(|l| {
            let mut it = l.splitn(3, '\t');
            let ms = it.next()?.parse().ok()?;
            let kind = it.next()?.to_string();
            let text = it.next().unwrap_or_default().to_string();
            Some(TranscriptLine { ms, kind, text })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_round_trip_and_newlines_are_flattened() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("t.txt");
        let mut t = Transcript::open(&p, Instant::now()).expect("open");
        t.record("speak", "招聘信息, 列表项, 1/7").expect("write");
        t.record("stop", "").expect("write");
        t.record("speak", "第一行\n第二行").expect("write");
        let lines = parse(&std::fs::read_to_string(&p).expect("read"));
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].kind, "speak");
        assert_eq!(lines[0].text, "招聘信息, 列表项, 1/7");
        assert_eq!(lines[1].kind, "stop");
        assert_eq!(lines[2].text, "第一行 第二行");
    }
}
