//! The application state and its one `update`: every key becomes a
//! [`Command`], every command changes state here and returns [`Effect`]s
//! that the loop (TUI or line mode) carries out. Nothing here draws, speaks
//! or writes files.

use std::collections::VecDeque;
use std::ops::Range;

use super::announce;
use super::keymap::{Command, Keymap};
use super::view::{Item, Role, View};
use crate::domain::lang::Lang;
use crate::domain::plans::{DocumentStatus, RegionLevel};
use crate::domain::settings::{step_percent, Settings, SpeechSetting, Verbosity};
use crate::i18n::{Arg, Localizer};
use crate::store::cache::{DocumentRow, RegionRow};
use crate::store::Cache;

/// How many utterances the history keeps (at least 50 are promised).
pub const HISTORY_LEN: usize = 200;
/// Items moved by PageUp and PageDown when the screen does not say.
const PAGE: usize = 10;

/// What the loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Speak this (the loop has already stopped earlier speech for a key).
    Speak(String),
    /// Settings changed: save them.
    SaveSettings,
    /// Rate, volume or voice language changed: tell the speech thread.
    SpeechParams,
    /// Auto/on/off changed: restart the speech thread.
    RestartSpeech,
    Quit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeEntry {
    Jobs,
    Entitlements,
    Massage,
    Applications,
    Policies,
    Settings,
    Help,
}

impl HomeEntry {
    pub const ALL: [HomeEntry; 7] = [
        HomeEntry::Jobs,
        HomeEntry::Entitlements,
        HomeEntry::Massage,
        HomeEntry::Applications,
        HomeEntry::Policies,
        HomeEntry::Settings,
        HomeEntry::Help,
    ];
    fn message_id(self) -> &'static str {
        match self {
            HomeEntry::Jobs => "home-jobs",
            HomeEntry::Entitlements => "home-entitlements",
            HomeEntry::Massage => "home-massage",
            HomeEntry::Applications => "home-applications",
            HomeEntry::Policies => "home-policies",
            HomeEntry::Settings => "home-settings",
            HomeEntry::Help => "home-help",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingField {
    Language,
    Speech,
    Rate,
    Volume,
    Verbosity,
    ScreenReader,
}

impl SettingField {
    pub const ALL: [SettingField; 6] = [
        SettingField::Language,
        SettingField::Speech,
        SettingField::Rate,
        SettingField::Volume,
        SettingField::Verbosity,
        SettingField::ScreenReader,
    ];
}

/// Which screen a help page explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Home,
    Regions,
    Documents,
    Reader,
    Settings,
    Help,
    History,
}

impl Topic {
    fn message_id(self) -> &'static str {
        match self {
            Topic::Home => "help-home",
            Topic::Regions => "help-regions",
            Topic::Documents => "help-documents",
            Topic::Reader => "help-reader",
            Topic::Settings => "help-settings",
            Topic::Help => "help-help",
            Topic::History => "help-history",
        }
    }
}

#[derive(Debug, Clone)]
pub enum ScreenKind {
    Home,
    Regions(Vec<RegionRow>),
    Documents { region: RegionRow, docs: Vec<DocumentRow> },
    Reader { doc: DocumentRow, paragraphs: Vec<String> },
    Settings,
    Help(Topic),
    /// A snapshot of the history when opened, newest first.
    History(Vec<String>),
}

impl ScreenKind {
    fn topic(&self) -> Topic {
        match self {
            ScreenKind::Home => Topic::Home,
            ScreenKind::Regions(_) => Topic::Regions,
            ScreenKind::Documents { .. } => Topic::Documents,
            ScreenKind::Reader { .. } => Topic::Reader,
            ScreenKind::Settings => Topic::Settings,
            ScreenKind::Help(_) => Topic::Help,
            ScreenKind::History(_) => Topic::History,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Screen {
    pub kind: ScreenKind,
    pub focus: usize,
}

/// What the speech thread reported, shown in settings and doctor.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SpeechStatus {
    #[default]
    Starting,
    Speaking { backend: String },
    Off,
    Unavailable,
    ScreenReader { name: String },
}

pub struct App {
    pub loc: Localizer,
    pub settings: Settings,
    pub keymap: Keymap,
    pub cache: Cache,
    /// The language from `--lang` or `LANG`, used when settings say "follow system".
    pub system_lang: Lang,
    /// A `--lang` flag wins over settings for this run.
    pub lang_flag: Option<Lang>,
    pub speech_status: SpeechStatus,
    /// A message shown on the status line (and already spoken).
    pub status: Option<String>,
    /// The item range the last frame showed, for "read screen".
    pub visible: Range<usize>,
    stack: Vec<Screen>,
    history: VecDeque<String>,
    last: String,
}

impl App {
    pub fn new(cache: Cache, settings: Settings, keymap: Keymap, lang_flag: Option<Lang>, system_lang: Lang) -> Self {
        let lang = lang_flag.or(settings.lang).unwrap_or(system_lang);
        App {
            loc: Localizer::new(lang),
            settings,
            keymap,
            cache,
            system_lang,
            lang_flag,
            speech_status: SpeechStatus::Starting,
            status: None,
            visible: 0..0,
            stack: vec![Screen { kind: ScreenKind::Home, focus: 0 }],
            history: VecDeque::new(),
            last: String::new(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.loc.lang()
    }

    pub fn screen(&self) -> &Screen {
        // The stack always holds home at the bottom.
        &self.stack[self.stack.len() - 1]
    }

    fn screen_mut(&mut self) -> &mut Screen {
        let n = self.stack.len() - 1;
        &mut self.stack[n]
    }

    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    pub fn last_spoken(&self) -> &str {
        &self.last
    }

    /// Spoken so far, oldest first.
    pub fn history(&self) -> impl Iterator<Item = &String> {
        self.history.iter()
    }

    /// Record and speak an announcement.
    fn say(&mut self, text: String) -> Effect {
        if self.history.len() == HISTORY_LEN {
            self.history.pop_front();
        }
        self.history.push_back(text.clone());
        self.last = text.clone();
        Effect::Speak(text)
    }

    /// A status message: shown on the status line, spoken, kept in history,
    /// focus unchanged.
    pub fn notify(&mut self, text: String) -> Effect {
        self.status = Some(text.clone());
        self.say(text)
    }

    /// The first announcement: the welcome and the home screen.
    pub fn start(&mut self) -> Vec<Effect> {
        let view = self.view();
        let text = format!(
            "{}{}{}",
            self.loc.t("welcome"),
            self.loc.t("sentence-separator"),
            announce::screen(&self.loc, &view, self.settings.verbosity)
        );
        vec![self.say(text)]
    }

    pub fn view(&self) -> View {
        self.view_of(self.screen())
    }

    fn setting_value(&self, f: SettingField) -> String {
        let l = &self.loc;
        match f {
            SettingField::Language => match self.settings.lang {
                None => l.t_args("setting-language-system", &[("lang", l.t(lang_id(self.system_lang)).as_str().into())]),
                Some(lang) => l.t(lang_id(lang)),
            },
            SettingField::Speech => {
                let chosen = l.t(match self.settings.speech {
                    SpeechSetting::Auto => "speech-auto",
                    SpeechSetting::On => "speech-on",
                    SpeechSetting::Off => "speech-off",
                });
                let now = match &self.speech_status {
                    SpeechStatus::Starting => l.t("speech-status-starting"),
                    SpeechStatus::Speaking { backend } => {
                        l.t_args("speech-status-speaking", &[("backend", backend.as_str().into())])
                    }
                    SpeechStatus::Off => l.t("speech-status-off"),
                    SpeechStatus::Unavailable => l.t("speech-status-unavailable"),
                    SpeechStatus::ScreenReader { name } => {
                        l.t_args("speech-status-screen-reader", &[("name", name.as_str().into())])
                    }
                };
                l.t_args("setting-speech-value", &[("chosen", chosen.as_str().into()), ("now", now.as_str().into())])
            }
            SettingField::Rate => l.t_args("percent", &[("value", self.settings.rate.into())]),
            SettingField::Volume => l.t_args("percent", &[("value", self.settings.volume.into())]),
            SettingField::Verbosity => l.t(match self.settings.verbosity {
                Verbosity::Full => "verbosity-full",
                Verbosity::Brief => "verbosity-brief",
            }),
            SettingField::ScreenReader => l.t(if self.settings.screen_reader { "on" } else { "off" }),
        }
    }

    fn view_of(&self, s: &Screen) -> View {
        let l = &self.loc;
        let (title, items): (String, Vec<Item>) = match &s.kind {
            ScreenKind::Home => (
                l.t("home-title"),
                HomeEntry::ALL.iter().map(|e| Item::new(l.t(e.message_id()), Role::MenuItem)).collect(),
            ),
            ScreenKind::Regions(regions) => (
                l.t("regions-title"),
                regions
                    .iter()
                    .map(|r| {
                        let level = l.t(match r.level {
                            RegionLevel::Province => "level-province",
                            RegionLevel::City => "level-city",
                        });
                        Item::new(self.data_text(&r.name), Role::ListItem).with_state(l.t_args(
                            "region-state",
                            &[("level", level.as_str().into()), ("count", r.documents.into())],
                        ))
                    })
                    .collect(),
            ),
            ScreenKind::Documents { region, docs } => (
                l.t_args("documents-title", &[("region", self.data_text(&region.name).as_str().into())]),
                docs.iter()
                    .map(|d| Item::new(self.data_text(&d.title), Role::ListItem).with_state(self.document_state(d)))
                    .collect(),
            ),
            ScreenKind::Reader { doc, paragraphs } => (
                self.data_text(&doc.title),
                paragraphs.iter().map(|p| Item::new(p.clone(), Role::Paragraph)).collect(),
            ),
            ScreenKind::Settings => (
                l.t("settings-title"),
                SettingField::ALL
                    .iter()
                    .map(|f| Item::new(l.t(setting_id(*f)), Role::Setting).with_state(self.setting_value(*f)))
                    .collect(),
            ),
            ScreenKind::Help(topic) => {
                let mut items = vec![Item::new(l.t(topic.message_id()), Role::HelpEntry)];
                for (cmd, keys) in self.keymap.entries() {
                    let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
                    let keys = if keys.is_empty() { l.t("no-key") } else { keys.join(&l.t("key-or")) };
                    items.push(
                        Item::new(l.t(&cmd.message_id()), Role::HelpEntry).with_state(keys),
                    );
                }
                (l.t("help-title"), items)
            }
            ScreenKind::History(entries) => (
                l.t("history-title"),
                entries.iter().map(|e| Item::new(e.clone(), Role::HistoryEntry)).collect(),
            ),
        };
        let focus = s.focus.min(items.len().saturating_sub(1));
        View { title, items, focus }
    }

    /// Chinese data text in the script of the interface language.
    fn data_text(&self, s: &str) -> String {
        if self.lang().traditional() {
            zhconv::zhconv(s, zhconv::Variant::ZhTW)
        } else {
            s.to_string()
        }
    }

    fn document_state(&self, d: &DocumentRow) -> String {
        let l = &self.loc;
        let mut parts = vec![];
        if d.status == DocumentStatus::Draft {
            parts.push(l.t("document-draft"));
        }
        parts.push(l.t_args("document-period", &[("from", d.period.0.into()), ("to", d.period.1.into())]));
        parts.push(self.data_text(&d.issuer));
        parts.push(match &d.issued {
            Some(date) => l.t_args("document-issued", &[("date", l.date(date).as_str().into())]),
            None => l.t("document-undated"),
        });
        parts.push(l.t_args("document-paragraphs", &[("count", d.paragraphs.into())]));
        announce::join(l, &parts)
    }

    fn announce_focus(&mut self) -> Vec<Effect> {
        let text = announce::item(&self.loc, &self.view(), self.settings.verbosity);
        vec![self.say(text)]
    }

    fn announce_screen(&mut self) -> Vec<Effect> {
        let text = announce::screen(&self.loc, &self.view(), self.settings.verbosity);
        vec![self.say(text)]
    }

    fn push(&mut self, kind: ScreenKind) -> Vec<Effect> {
        self.status = None;
        self.stack.push(Screen { kind, focus: 0 });
        self.announce_screen()
    }

    fn move_focus(&mut self, to: impl FnOnce(usize, usize) -> usize) -> Vec<Effect> {
        let n = self.view().items.len();
        if n == 0 {
            return self.announce_focus();
        }
        let s = self.screen_mut();
        s.focus = to(s.focus.min(n - 1), n).min(n - 1);
        self.announce_focus()
    }

    /// Handle one command.
    pub fn update(&mut self, cmd: Command) -> Vec<Effect> {
        match cmd {
            Command::Up | Command::Previous => self.move_focus(|f, _| f.saturating_sub(1)),
            Command::Down | Command::Next => self.move_focus(|f, _| f + 1),
            Command::First => self.move_focus(|_, _| 0),
            Command::Last => self.move_focus(|_, n| n - 1),
            Command::PageUp => self.move_focus(|f, _| f.saturating_sub(PAGE)),
            Command::PageDown => self.move_focus(|f, _| f + PAGE),
            Command::Activate => self.activate(),
            Command::Back => {
                if self.stack.len() > 1 {
                    self.stack.pop();
                    self.status = None;
                    self.announce_screen()
                } else {
                    let keys = self.keys_text(Command::Quit);
                    vec![self.notify(self.loc.t_args("at-home", &[("keys", keys.as_str().into())]))]
                }
            }
            Command::Increase | Command::Decrease => self.adjust(cmd == Command::Increase),
            Command::Help => {
                let topic = self.screen().kind.topic();
                if topic == Topic::Help {
                    self.announce_screen()
                } else {
                    self.push(ScreenKind::Help(topic))
                }
            }
            Command::Repeat => {
                let text = if self.last.is_empty() { self.loc.t("nothing-to-repeat") } else { self.last.clone() };
                vec![Effect::Speak(text)]
            }
            Command::ReadScreen => {
                let view = self.view();
                let text = announce::read_all(&self.loc, &view, self.visible.clone(), self.status.as_deref());
                vec![self.say(text)]
            }
            Command::History => {
                if matches!(self.screen().kind, ScreenKind::History(_)) {
                    return self.announce_screen();
                }
                let entries: Vec<String> = self.history.iter().rev().cloned().collect();
                if entries.is_empty() {
                    return vec![self.notify(self.loc.t("history-empty"))];
                }
                self.push(ScreenKind::History(entries))
            }
            Command::StopSpeech => vec![],
            Command::Quit => vec![Effect::Quit],
        }
    }

    fn keys_text(&self, cmd: Command) -> String {
        let keys: Vec<String> = self.keymap.keys_for(cmd).iter().map(ToString::to_string).collect();
        keys.join(&self.loc.t("key-or"))
    }

    fn activate(&mut self) -> Vec<Effect> {
        let focus = self.screen().focus;
        match self.screen().kind.clone() {
            ScreenKind::Home => match HomeEntry::ALL.get(focus).copied() {
                Some(HomeEntry::Policies) => match self.cache.regions() {
                    Ok(r) => self.push(ScreenKind::Regions(r)),
                    Err(e) => vec![self.cache_error(&e)],
                },
                Some(HomeEntry::Settings) => self.push(ScreenKind::Settings),
                Some(HomeEntry::Help) => self.push(ScreenKind::Help(Topic::Home)),
                Some(e) => {
                    let name = self.loc.t(e.message_id());
                    vec![self.notify(self.loc.t_args("not-built", &[("name", name.as_str().into())]))]
                }
                None => vec![],
            },
            ScreenKind::Regions(regions) => {
                let Some(region) = regions.get(focus).cloned() else { return vec![] };
                match self.cache.documents(&region.id) {
                    Ok(docs) => self.push(ScreenKind::Documents { region, docs }),
                    Err(e) => vec![self.cache_error(&e)],
                }
            }
            ScreenKind::Documents { docs, .. } => {
                let Some(doc) = docs.get(focus).cloned() else { return vec![] };
                match self.cache.paragraphs(&doc.id, self.lang().traditional()) {
                    Ok(paragraphs) => self.push(ScreenKind::Reader { doc, paragraphs }),
                    Err(e) => vec![self.cache_error(&e)],
                }
            }
            ScreenKind::Settings => self.adjust(true),
            // Enter on a paragraph, a help entry or a history entry reads it again.
            ScreenKind::Reader { .. } | ScreenKind::Help(_) | ScreenKind::History(_) => self.announce_focus(),
        }
    }

    fn cache_error(&mut self, e: &crate::store::StoreError) -> Effect {
        self.notify(self.loc.t_args("error-cache", &[("detail", Arg::Str(&e.to_string()))]))
    }

    /// Left/Right (and Enter) on a setting.
    fn adjust(&mut self, up: bool) -> Vec<Effect> {
        if !matches!(self.screen().kind, ScreenKind::Settings) {
            return vec![];
        }
        let Some(field) = SettingField::ALL.get(self.screen().focus).copied() else { return vec![] };
        let mut extra = vec![];
        match field {
            SettingField::Language => {
                let order = [None, Some(Lang::ZhCn), Some(Lang::ZhTw), Some(Lang::En)];
                let i = order.iter().position(|l| *l == self.settings.lang).unwrap_or(0);
                let n = order.len();
                self.settings.lang = order[if up { (i + 1) % n } else { (i + n - 1) % n }];
                let lang = self.lang_flag.or(self.settings.lang).unwrap_or(self.system_lang);
                self.loc = Localizer::new(lang);
                extra.push(Effect::SpeechParams);
            }
            SettingField::Speech => {
                let all = SpeechSetting::ALL;
                let i = all.iter().position(|s| *s == self.settings.speech).unwrap_or(0);
                let n = all.len();
                self.settings.speech = all[if up { (i + 1) % n } else { (i + n - 1) % n }];
                self.speech_status = SpeechStatus::Starting;
                extra.push(Effect::RestartSpeech);
            }
            SettingField::Rate => {
                self.settings.rate = step_percent(self.settings.rate, up);
                extra.push(Effect::SpeechParams);
            }
            SettingField::Volume => {
                self.settings.volume = step_percent(self.settings.volume, up);
                extra.push(Effect::SpeechParams);
            }
            SettingField::Verbosity => {
                self.settings.verbosity = match self.settings.verbosity {
                    Verbosity::Full => Verbosity::Brief,
                    Verbosity::Brief => Verbosity::Full,
                };
            }
            SettingField::ScreenReader => self.settings.screen_reader = !self.settings.screen_reader,
        }
        let mut effects = vec![Effect::SaveSettings];
        effects.extend(extra);
        // Say the setting and its new value (the setting names itself, so the
        // user hears what changed even in brief verbosity).
        let text = format!(
            "{}{}{}",
            self.loc.t(setting_id(field)),
            self.loc.t("list-separator"),
            self.setting_value(field)
        );
        effects.push(self.say(text));
        effects
    }

    /// A message about speech itself (from the speech thread).
    pub fn speech_event(&mut self, ev: &crate::speech::SpeechEvent) -> Option<String> {
        use crate::speech::SpeechEvent;
        match ev {
            SpeechEvent::Ready { backend, .. } => {
                self.speech_status = SpeechStatus::Speaking { backend: (*backend).to_string() };
                None
            }
            SpeechEvent::Unavailable { reason } => {
                self.speech_status = SpeechStatus::Unavailable;
                let text = self.loc.t_args("speech-unavailable", &[("reason", reason.as_str().into())]);
                self.status = Some(text.clone());
                self.history.push_back(text.clone());
                Some(text)
            }
            SpeechEvent::ScreenReaderRunning { name } => {
                self.speech_status = SpeechStatus::ScreenReader { name: name.clone() };
                let text = self.loc.t_args("speech-screen-reader", &[("name", name.as_str().into())]);
                self.status = Some(text.clone());
                self.history.push_back(text.clone());
                Some(text)
            }
        }
    }
}

fn lang_id(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => "lang-zh-cn",
        Lang::ZhTw => "lang-zh-tw",
        Lang::En => "lang-en",
    }
}

fn setting_id(f: SettingField) -> &'static str {
    match f {
        SettingField::Language => "setting-language",
        SettingField::Speech => "setting-speech",
        SettingField::Rate => "setting-rate",
        SettingField::Volume => "setting-volume",
        SettingField::Verbosity => "setting-verbosity",
        SettingField::ScreenReader => "setting-screen-reader",
    }
}
