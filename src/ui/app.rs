//! The application state and its one `update`: every key becomes a
//! [`Command`], every command changes state here and returns [`Effect`]s
//! that the loop (TUI or line mode) carries out. Nothing here draws, speaks
//! or writes files.

use std::collections::{BTreeMap, VecDeque};
use std::ops::Range;

use super::announce;
use super::keymap::{Command, Keymap};
use super::view::{Item, Role, View};
use crate::domain::jobs::{Category, JobKind, Posting};
use crate::domain::lang::Lang;
use crate::domain::measures::{Action, MeasureKind, format_value};
use crate::domain::plans::{DocumentStatus, RegionLevel};
use crate::domain::settings::{Settings, SpeechSetting, Verbosity, step_percent};
use crate::i18n::{Arg, Localizer};
use crate::store::Cache;
use crate::store::cache::{DocumentRow, RegionRow};
use crate::store::jobs::{JobQuery, Jobs, Sort};
use crate::store::policies::{MeasureFilter, MeasureRow, TargetRow};

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
    /// Add or remove this posting's bookmark in the records.
    ToggleBookmark(String),
    /// Save the profile of the form on top (new when it has no id yet).
    SaveProfile,
    /// Leave the top screen and say the one below (after a save).
    PopAndAnnounce,
    /// Delete this saved profile from the records.
    DeleteProfile(i64),
    /// A change to the applications in records.sqlite, made before the next key.
    Records(super::applications::RecordsOp),
    /// Append a step mark (done on a date, or taken back) for an owner.
    MarkStep {
        owner: String,
        step: String,
        done: bool,
        on: String,
    },
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
    RegionMenu,
    Measures,
    Measure,
    Targets,
    Search,
    Jobs,
    JobDetail,
    Bookmarks,
    Profiles,
    EntForm,
    EntResults,
    EntDetail,
    Reader,
    Settings,
    Help,
    History,
    MassageHome,
    MassageForm,
    MassagePath,
    MassageStep,
    Applications,
    NewApplication,
    Application,
    AppErrors,
}

impl Topic {
    fn message_id(self) -> &'static str {
        match self {
            Topic::Home => "help-home",
            Topic::Regions => "help-regions",
            Topic::RegionMenu => "help-region-menu",
            Topic::Measures => "help-measures",
            Topic::Measure => "help-measure",
            Topic::Targets => "help-targets",
            Topic::Search => "help-search",
            Topic::Jobs => "help-jobs",
            Topic::JobDetail => "help-job-detail",
            Topic::Bookmarks => "help-bookmarks",
            Topic::Profiles => "help-profiles",
            Topic::EntForm => "help-ent-form",
            Topic::EntResults => "help-ent-results",
            Topic::EntDetail => "help-ent-detail",
            Topic::Reader => "help-reader",
            Topic::Settings => "help-settings",
            Topic::Help => "help-help",
            Topic::History => "help-history",
            Topic::MassageHome => "help-massage-home",
            Topic::MassageForm => "help-massage-form",
            Topic::MassagePath => "help-massage-path",
            Topic::MassageStep => "help-massage-step",
            Topic::Applications => "help-applications",
            Topic::NewApplication => "help-new-application",
            Topic::Application => "help-application",
            Topic::AppErrors => "help-app-errors",
        }
    }
}

#[derive(Debug, Clone)]
pub enum ScreenKind {
    Home,
    Regions(Vec<RegionRow>),
    /// A region: its documents to read, its targets, its measures by action.
    RegionMenu {
        region: RegionRow,
        entries: Vec<RegionEntry>,
    },
    Measures {
        title: String,
        measures: Vec<MeasureRow>,
    },
    Measure(Box<MeasureRow>),
    Targets {
        title: String,
        targets: Vec<TargetRow>,
    },
    /// Search across all measures: item 0 is the text field, then results.
    Search {
        query: String,
        results: Vec<MeasureRow>,
        searched: bool,
    },
    /// Job search: the text field, the filters, bookmarks, then results.
    Jobs(Box<JobSearch>),
    JobDetail(Box<Posting>),
    Bookmarks(Vec<Posting>),
    /// Saved profiles to choose from (a service centre keeps several clients).
    Profiles,
    /// The profile form of the entitlements screen.
    EntForm(Box<super::entitlements::EntForm>),
    EntResults(Box<super::entitlements::EntResults>),
    /// One rule's details: the rule's index in `App::rules` and its evaluation.
    EntDetail(usize, Box<crate::domain::rules::Evaluation>),
    Reader {
        doc: DocumentRow,
        paragraphs: Vec<String>,
    },
    Settings,
    Help(Topic),
    /// A snapshot of the history when opened, newest first.
    History(Vec<String>),
    /// The applications of the client on file: the client, "new", then the list.
    Applications,
    /// Choose a "四个一" registration to start.
    NewApplication,
    /// One application, and the text being typed into a field (entry, text).
    Application {
        id: i64,
        typing: Option<(usize, String)>,
    },
    /// What to fix before filing.
    AppErrors {
        id: i64,
        errors: Vec<crate::domain::forms::FieldError>,
    },
    /// The massage navigator: whose profile, their situation, the paths.
    MassageHome,
    /// One path's steps (index into `App::paths`).
    MassagePath(usize),
    /// One step read item by item, and the date typed for marking it done.
    MassageStep {
        path: usize,
        step: usize,
        entries: Vec<super::massage::Entry>,
        date: String,
    },
}

impl ScreenKind {
    fn topic(&self) -> Topic {
        match self {
            ScreenKind::Home => Topic::Home,
            ScreenKind::Regions(_) => Topic::Regions,
            ScreenKind::RegionMenu { .. } => Topic::RegionMenu,
            ScreenKind::Measures { .. } => Topic::Measures,
            ScreenKind::Measure(_) => Topic::Measure,
            ScreenKind::Targets { .. } => Topic::Targets,
            ScreenKind::Search { .. } => Topic::Search,
            ScreenKind::Jobs(_) => Topic::Jobs,
            ScreenKind::JobDetail(_) => Topic::JobDetail,
            ScreenKind::Bookmarks(_) => Topic::Bookmarks,
            ScreenKind::Profiles => Topic::Profiles,
            ScreenKind::EntForm(f) if f.massage => Topic::MassageForm,
            ScreenKind::EntForm(_) => Topic::EntForm,
            ScreenKind::EntResults(_) => Topic::EntResults,
            ScreenKind::EntDetail(..) => Topic::EntDetail,
            ScreenKind::Reader { .. } => Topic::Reader,
            ScreenKind::Settings => Topic::Settings,
            ScreenKind::Help(_) => Topic::Help,
            ScreenKind::History(_) => Topic::History,
            ScreenKind::Applications => Topic::Applications,
            ScreenKind::NewApplication => Topic::NewApplication,
            ScreenKind::Application { .. } => Topic::Application,
            ScreenKind::AppErrors { .. } => Topic::AppErrors,
            ScreenKind::MassageHome => Topic::MassageHome,
            ScreenKind::MassagePath(_) => Topic::MassagePath,
            ScreenKind::MassageStep { .. } => Topic::MassageStep,
        }
    }
}

/// The job search form and its last results.
#[derive(Debug, Clone, Default)]
pub struct JobSearch {
    pub query: JobQuery,
    /// What is typed in the field (searched when Enter is pressed).
    pub text: String,
    pub results: Vec<Posting>,
    pub total: usize,
}

/// The controls above the results, in order.
pub const JOB_CONTROLS: usize = 7;
/// Results shown at most; the total is said.
pub const JOB_RESULTS: usize = 200;
const JOB_REGIONS: [&str; 5] = ["广州", "贵州", "青岛", "连云港", "江西"];
const JOB_KIND_ORDER: [JobKind; 6] = [
    JobKind::OpenMarket,
    JobKind::PublicWelfare,
    JobKind::Sheltered,
    JobKind::Concentrated,
    JobKind::Internship,
    JobKind::Massage,
];
const CATEGORY_ORDER: [Category; 7] = [
    Category::Visual,
    Category::Hearing,
    Category::Speech,
    Category::Physical,
    Category::Intellectual,
    Category::Psychosocial,
    Category::Multiple,
];

/// Step through `None, Some(a), Some(b) …` and around.
pub(crate) fn cycle<T: Copy + PartialEq>(all: &[T], cur: Option<T>, up: bool) -> Option<T> {
    let mut opts: Vec<Option<T>> = vec![None];
    opts.extend(all.iter().map(|x| Some(*x)));
    let n = opts.len();
    let i = opts.iter().position(|o| *o == cur).unwrap_or(0);
    opts[if up { (i + 1) % n } else { (i + n - 1) % n }]
}

/// One entry of a region's menu.
#[derive(Debug, Clone)]
pub enum RegionEntry {
    Document(DocumentRow),
    Targets(usize),
    Action(Action, usize),
}

#[derive(Debug, Clone)]
pub struct Screen {
    pub kind: ScreenKind,
    pub focus: usize,
}

/// Stored settings that a flag or the environment replaced for this run
/// (`--screen-reader`, `--verbosity`): saving writes these back instead, so
/// a flag never becomes a setting. Changing the setting in the app clears it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoredValues {
    pub screen_reader: Option<bool>,
    pub verbosity: Option<Verbosity>,
}

/// What the speech thread reported, shown in settings and doctor.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum SpeechStatus {
    #[default]
    Starting,
    Speaking {
        backend: String,
    },
    Off,
    Unavailable,
    ScreenReader {
        name: String,
    },
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
    /// Job postings, when the jobs file could be opened.
    pub jobs: Option<Jobs>,
    /// Bookmarked posting ids (kept in records.sqlite by the session).
    pub bookmarks: std::collections::BTreeSet<String>,
    /// Stored values of settings that flags override for this run.
    pub stored: StoredValues,
    /// Entitlement rules, read from the cache the first time they are needed.
    rules: Option<Vec<crate::domain::rules::Rule>>,
    /// The date rules are evaluated on (today unless a test sets it).
    pub as_of: crate::domain::card::Date,
    /// Saved profiles, most recently changed first (kept in records.sqlite by the session).
    pub saved: Vec<(i64, crate::domain::profile::StoredProfile)>,
    /// A profile whose deletion was asked once (a second Delete confirms).
    delete_armed: Option<i64>,
    /// The jobs screen's hint has been said in this run.
    jobs_hint_given: bool,
    /// The massage paths, read from the cache the first time they are needed.
    paths: Option<Vec<crate::domain::paths::MassagePath>>,
    /// The plan documents (titles, periods) for naming a step's sources; read with the paths.
    plans: super::massage::Plans,
    /// Whose situation the massage navigator shows.
    pub person: super::massage::Person,
    /// Step marks by owner (`self`, `profile:<id>`), kept in records.sqlite by the session.
    pub marks: BTreeMap<String, BTreeMap<String, crate::domain::paths::Mark>>,
    /// The application forms (`data/forms/`).
    pub forms: Vec<crate::domain::forms::Form>,
    /// Every application in records.sqlite, as last read or written by the session.
    pub apps: Vec<crate::store::applications::Application>,
    /// Each application's status history, oldest first.
    pub app_history: BTreeMap<i64, Vec<crate::store::applications::Event>>,
    /// Who is using the app (the worker's login name), for the history.
    pub who: String,
    /// A final step asked for once (withdraw): a second Enter confirms.
    confirm_armed: Option<(i64, crate::domain::forms::Status)>,
    /// Plain line mode: choices are listed with numbers (`=2` picks one).
    pub line_mode: bool,
}

impl App {
    pub fn new(
        cache: Cache,
        settings: Settings,
        keymap: Keymap,
        lang_flag: Option<Lang>,
        system_lang: Lang,
    ) -> Self {
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
            stack: vec![Screen {
                kind: ScreenKind::Home,
                focus: 0,
            }],
            history: VecDeque::new(),
            last: String::new(),
            jobs: None,
            bookmarks: Default::default(),
            stored: StoredValues::default(),
            rules: None,
            as_of: crate::clock::today(),
            saved: vec![],
            delete_armed: None,
            jobs_hint_given: false,
            paths: None,
            plans: Default::default(),
            person: Default::default(),
            marks: BTreeMap::new(),
            forms: vec![],
            apps: vec![],
            app_history: BTreeMap::new(),
            who: String::new(),
            confirm_armed: None,
            line_mode: false,
        }
    }

    /// Give the app its job postings and the user's bookmarks.
    pub fn with_jobs(mut self, jobs: Jobs, bookmarks: impl IntoIterator<Item = String>) -> Self {
        self.jobs = Some(jobs);
        self.bookmarks = bookmarks.into_iter().collect();
        self
    }

    /// The settings as they are to be saved: what the user chose, with
    /// values that only a flag changed put back.
    pub fn settings_to_save(&self) -> Settings {
        let mut s = self.settings.clone();
        if let Some(v) = self.stored.screen_reader {
            s.screen_reader = v;
        }
        if let Some(v) = self.stored.verbosity {
            s.verbosity = v;
        }
        s
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
        let sep = self.loc.t("sentence-separator");
        let drafts = match self.drafts_waiting() {
            0 => String::new(),
            n => format!(
                "{}{sep}",
                self.loc
                    .t_args("app-drafts-waiting", &[("count", n.into())])
            ),
        };
        let text = format!(
            "{}{sep}{drafts}{}",
            self.loc.t("welcome"),
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
                None => l.t_args(
                    "setting-language-system",
                    &[("lang", l.t(lang_id(self.system_lang)).as_str().into())],
                ),
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
                    SpeechStatus::Speaking { backend } => l.t_args(
                        "speech-status-speaking",
                        &[("backend", backend.as_str().into())],
                    ),
                    SpeechStatus::Off => l.t("speech-status-off"),
                    SpeechStatus::Unavailable => l.t("speech-status-unavailable"),
                    SpeechStatus::ScreenReader { name } => l.t_args(
                        "speech-status-screen-reader",
                        &[("name", name.as_str().into())],
                    ),
                };
                l.t_args(
                    "setting-speech-value",
                    &[
                        ("chosen", chosen.as_str().into()),
                        ("now", now.as_str().into()),
                    ],
                )
            }
            SettingField::Rate => l.t_args("percent", &[("value", self.settings.rate.into())]),
            SettingField::Volume => l.t_args("percent", &[("value", self.settings.volume.into())]),
            SettingField::Verbosity => l.t(match self.settings.verbosity {
                Verbosity::Full => "verbosity-full",
                Verbosity::Brief => "verbosity-brief",
            }),
            SettingField::ScreenReader => l.t(if self.settings.screen_reader {
                "on"
            } else {
                "off"
            }),
        }
    }

    fn view_of(&self, s: &Screen) -> View {
        let l = &self.loc;
        let (title, items): (String, Vec<Item>) = match &s.kind {
            ScreenKind::Home => (
                l.t("home-title"),
                HomeEntry::ALL
                    .iter()
                    .map(|e| Item::new(l.t(e.message_id()), Role::MenuItem))
                    .collect(),
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
                            &[
                                ("level", level.as_str().into()),
                                ("count", r.documents.into()),
                            ],
                        ))
                    })
                    .collect(),
            ),
            ScreenKind::RegionMenu { region, entries } => (
                l.t_args(
                    "region-menu-title",
                    &[("region", self.data_text(&region.name).as_str().into())],
                ),
                entries
                    .iter()
                    .map(|e| match e {
                        RegionEntry::Document(d) => Item::new(
                            l.t_args(
                                "region-entry-document",
                                &[("title", self.data_text(&d.title).as_str().into())],
                            ),
                            Role::MenuItem,
                        )
                        .with_state(self.document_state(d)),
                        RegionEntry::Targets(n) => {
                            Item::new(l.t("region-entry-targets"), Role::MenuItem)
                                .with_state(l.t_args("count-targets", &[("count", (*n).into())]))
                        }
                        RegionEntry::Action(a, n) => Item::new(l.t(action_id(*a)), Role::MenuItem)
                            .with_state(l.t_args("count-measures", &[("count", (*n).into())])),
                    })
                    .collect(),
            ),
            ScreenKind::Measures { title, measures } => (
                title.clone(),
                measures
                    .iter()
                    .map(|m| self.measure_item(m, false))
                    .collect(),
            ),
            ScreenKind::Measure(m) => (l.t("measure-title"), self.measure_fields(m)),
            ScreenKind::Targets { title, targets } => (
                title.clone(),
                targets.iter().map(|t| self.target_item(t)).collect(),
            ),
            ScreenKind::Search { query, results, .. } => {
                let field = Item::new(l.t("search-field"), Role::EditField).with_state(
                    if query.is_empty() {
                        l.t("empty")
                    } else {
                        query.clone()
                    },
                );
                let mut items = vec![field];
                items.extend(results.iter().map(|m| self.measure_item(m, true)));
                (l.t("search-title"), items)
            }
            ScreenKind::Jobs(js) => (l.t("jobs-title"), self.job_items(js)),
            ScreenKind::JobDetail(p) => (l.t("job-detail-title"), self.job_fields(p)),
            ScreenKind::Bookmarks(list) => (
                l.t("bookmarks-title"),
                list.iter()
                    .enumerate()
                    .map(|(i, p)| self.posting_item(p).at(i, list.len()))
                    .collect(),
            ),
            ScreenKind::Profiles => {
                let mut items = vec![Item::new(l.t("profiles-new"), Role::MenuItem)];
                for (_, p) in &self.saved {
                    let name = if p.label.is_empty() {
                        l.t("profiles-unnamed")
                    } else {
                        p.label.clone()
                    };
                    let state = match p.card_last_four() {
                        Some(d) => l.t_args("card-last-four", &[("last4", d.as_str().into())]),
                        None => l.t("profiles-no-card"),
                    };
                    items.push(Item::new(name, Role::ListItem).with_state(state));
                }
                (l.t("profiles-title"), items)
            }
            ScreenKind::EntForm(f) => (
                match (f.massage, f.label.trim()) {
                    (true, "") => l.t("massage-situation"),
                    (true, name) => l.t_args(
                        "title-of-person",
                        &[
                            ("title", l.t("massage-situation").as_str().into()),
                            ("name", name.into()),
                        ],
                    ),
                    (false, "") => l.t("ent-form-title"),
                    (false, name) => l.t_args("ent-form-title-of", &[("name", name.into())]),
                },
                f.items(l),
            ),
            ScreenKind::EntResults(r) => (
                self.whose(l.t("ent-results-title")),
                r.items(l, self.rules.as_deref().unwrap_or(&[])),
            ),
            ScreenKind::EntDetail(i, e) => match self.rules.as_ref().and_then(|r| r.get(*i)) {
                Some(rule) => (self.whose(l.t("ent-detail-title")), {
                    let mut items = super::entitlements::detail_items(l, rule, e);
                    items.push(Item::new(l.t("app-apply-entitlement"), Role::MenuItem));
                    items
                }),
                None => (l.t("ent-detail-title"), vec![]),
            },
            ScreenKind::Reader { doc, paragraphs } => (
                self.data_text(&doc.title),
                paragraphs
                    .iter()
                    .map(|p| Item::new(p.clone(), Role::Paragraph))
                    .collect(),
            ),
            ScreenKind::Settings => (
                l.t("settings-title"),
                SettingField::ALL
                    .iter()
                    .map(|f| {
                        Item::new(l.t(setting_id(*f)), Role::Setting)
                            .with_state(self.setting_value(*f))
                    })
                    .collect(),
            ),
            ScreenKind::Help(topic) => {
                let mut items = vec![Item::new(l.t(topic.message_id()), Role::HelpEntry)];
                for (cmd, keys) in self.keymap.entries() {
                    let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
                    let keys = if keys.is_empty() {
                        l.t("no-key")
                    } else {
                        keys.join(&l.t("key-or"))
                    };
                    items.push(Item::new(l.t(&cmd.message_id()), Role::HelpEntry).with_state(keys));
                }
                (l.t("help-title"), items)
            }
            ScreenKind::History(entries) => (
                l.t("history-title"),
                entries
                    .iter()
                    .map(|e| Item::new(e.clone(), Role::HistoryEntry))
                    .collect(),
            ),
            ScreenKind::Applications => (
                self.whose_massage(l.t("apps-title")),
                self.applications_items(),
            ),
            ScreenKind::NewApplication => (
                self.whose_massage(l.t("apps-new-title")),
                NEW_KINDS
                    .iter()
                    .map(|k| Item::new(crate::i18n::applications::kind_name(l, *k), Role::MenuItem))
                    .collect(),
            ),
            ScreenKind::Application { id, .. } => (
                self.whose_app(*id, l.t("app-screen-title")),
                self.application_items(*id),
            ),
            ScreenKind::AppErrors { id, errors } => (
                self.whose_app(*id, l.t("app-errors-title")),
                match self.app_form(*id) {
                    Some(form) => super::applications::error_items(l, form, errors),
                    None => vec![],
                },
            ),
            ScreenKind::MassageHome => (
                self.whose_massage(l.t("massage-title")),
                self.massage_home_items(),
            ),
            ScreenKind::MassagePath(p) => match self.paths.as_ref().and_then(|ps| ps.get(*p)) {
                Some(path) => {
                    let res = self.path_result(path);
                    (
                        self.whose_massage(path.spec.title.clone()),
                        (0..path.steps.len())
                            .map(|i| super::massage::step_item(l, path, &res, i))
                            .collect(),
                    )
                }
                None => (l.t("massage-title"), vec![]),
            },
            ScreenKind::MassageStep {
                path,
                step,
                entries,
                date,
            } => match self.paths.as_ref().and_then(|ps| ps.get(*path)) {
                Some(p) => (
                    self.whose_massage(l.t("massage-step-title")),
                    self.step_items(p, *step, entries, date),
                ),
                None => (l.t("massage-step-title"), vec![]),
            },
        };
        let focus = s.focus.min(items.len().saturating_sub(1));
        View {
            title,
            items,
            focus,
        }
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
        parts.push(l.t_args(
            "document-period",
            &[("from", d.period.0.into()), ("to", d.period.1.into())],
        ));
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
        // Leaving an application's field that is wrong: its problem is said first.
        let left = self.app_field_problem();
        if let ScreenKind::Application { typing, .. } = &mut self.screen_mut().kind {
            *typing = None;
        }
        let s = self.screen_mut();
        let from = s.focus.min(n - 1);
        s.focus = to(from, n).min(n - 1);
        let moved = self.screen().focus != from;
        match left.filter(|_| moved) {
            Some(problem) => {
                let item = announce::item(&self.loc, &self.view(), self.settings.verbosity);
                let text = format!("{problem}{}{item}", self.loc.t("sentence-separator"));
                vec![self.say(text)]
            }
            None => self.announce_focus(),
        }
    }

    /// Handle one command.
    pub fn update(&mut self, cmd: Command) -> Vec<Effect> {
        // A deletion asked for is confirmed only by the very next key.
        if cmd != Command::Delete {
            self.delete_armed = None;
        }
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
                    let leaving_form = matches!(self.screen().kind, ScreenKind::EntForm(_));
                    self.take_massage_form();
                    let save = leaving_form.then(|| self.form_to_save()).flatten();
                    let mut effects = vec![];
                    // A form someone filled in is kept, even without results.
                    if let Some((_, p)) = &save
                        && *p != crate::domain::profile::StoredProfile::default()
                    {
                        effects.push(Effect::SaveProfile);
                    }
                    if !effects.is_empty() {
                        effects.extend(self.announce_after_save());
                        return effects;
                    }
                    self.stack.pop();
                    self.refresh_step();
                    self.status = None;
                    self.announce_screen()
                } else {
                    let keys = self.keys_text(Command::Quit);
                    vec![
                        self.notify(
                            self.loc
                                .t_args("at-home", &[("keys", keys.as_str().into())]),
                        ),
                    ]
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
                let text = if self.last.is_empty() {
                    self.loc.t("nothing-to-repeat")
                } else {
                    self.last.clone()
                };
                vec![Effect::Speak(text)]
            }
            Command::ReadScreen => {
                let view = self.view();
                let text = announce::read_all(
                    &self.loc,
                    &view,
                    self.visible.clone(),
                    self.status.as_deref(),
                );
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
            Command::Search => {
                if matches!(self.screen().kind, ScreenKind::Search { .. }) {
                    self.screen_mut().focus = 0;
                    self.announce_focus()
                } else {
                    self.push(ScreenKind::Search {
                        query: String::new(),
                        results: vec![],
                        searched: false,
                    })
                }
            }
            Command::Original => self.original(),
            Command::Delete => self.delete_pressed(),
            Command::Quit => vec![Effect::Quit],
        }
    }

    /// Delete on a saved profile: the first press asks, the second deletes.
    fn delete_pressed(&mut self) -> Vec<Effect> {
        if !matches!(self.screen().kind, ScreenKind::Profiles) {
            return vec![];
        }
        let focus = self.screen().focus;
        let Some((id, p)) = focus
            .checked_sub(1)
            .and_then(|i| self.saved.get(i))
            .cloned()
        else {
            return vec![];
        };
        let name = if p.label.is_empty() {
            self.loc.t("profiles-unnamed")
        } else {
            p.label.clone()
        };
        if self.delete_armed != Some(id) {
            self.delete_armed = Some(id);
            let keys = self.keys_text(Command::Delete);
            return vec![self.notify(self.loc.t_args(
                "profile-delete-ask",
                &[
                    ("name", name.as_str().into()),
                    ("keys", keys.as_str().into()),
                ],
            ))];
        }
        self.delete_armed = None;
        self.saved.retain(|(i, _)| *i != id);
        let n = self.view().items.len();
        self.screen_mut().focus = focus.min(n.saturating_sub(1));
        let done = self.notify(
            self.loc
                .t_args("profile-deleted", &[("name", name.as_str().into())]),
        );
        vec![Effect::DeleteProfile(id), done]
    }

    /// Saving happens in the session before the form is left: the pop and
    /// the announcement of the screen below follow it.
    fn announce_after_save(&mut self) -> Vec<Effect> {
        vec![Effect::PopAndAnnounce]
    }

    /// Leave the top screen and say the one below (after a save).
    pub fn pop_and_announce(&mut self) -> Vec<Effect> {
        if self.stack.len() > 1 {
            self.stack.pop();
        }
        self.refresh_step();
        self.status = None;
        self.announce_screen()
    }

    fn keys_text(&self, cmd: Command) -> String {
        let keys: Vec<String> = self
            .keymap
            .keys_for(cmd)
            .iter()
            .map(ToString::to_string)
            .collect();
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
                Some(HomeEntry::Jobs) if self.jobs.is_some() => self.open_jobs(),
                Some(HomeEntry::Entitlements) => self.open_entitlements(),
                Some(HomeEntry::Massage) => self.open_massage(),
                Some(HomeEntry::Applications) => {
                    vec![Effect::Records(
                        super::applications::RecordsOp::ReloadAndList,
                    )]
                }
                Some(HomeEntry::Settings) => self.push(ScreenKind::Settings),
                Some(HomeEntry::Help) => self.push(ScreenKind::Help(Topic::Home)),
                Some(e) => {
                    let name = self.loc.t(e.message_id());
                    vec![
                        self.notify(
                            self.loc
                                .t_args("not-built", &[("name", name.as_str().into())]),
                        ),
                    ]
                }
                None => vec![],
            },
            ScreenKind::Regions(regions) => {
                let Some(region) = regions.get(focus).cloned() else {
                    return vec![];
                };
                match self.region_entries(&region) {
                    Ok(entries) => self.push(ScreenKind::RegionMenu { region, entries }),
                    Err(e) => vec![self.cache_error(&e)],
                }
            }
            ScreenKind::RegionMenu { region, entries } => match entries.get(focus).cloned() {
                Some(RegionEntry::Document(doc)) => self.open_reader(doc, 0),
                Some(RegionEntry::Targets(_)) => match self.cache.targets(Some(&region.id)) {
                    Ok(targets) => {
                        let title = self.loc.t_args(
                            "targets-title",
                            &[("region", self.data_text(&region.name).as_str().into())],
                        );
                        self.push(ScreenKind::Targets { title, targets })
                    }
                    Err(e) => vec![self.cache_error(&e)],
                },
                Some(RegionEntry::Action(action, _)) => {
                    let filter = MeasureFilter {
                        region: Some(region.id.clone()),
                        action: Some(action),
                        query: None,
                    };
                    match self.cache.measures(&filter, self.lang().traditional()) {
                        Ok(measures) => {
                            let title = self.loc.t_args(
                                "measures-title",
                                &[
                                    ("region", self.data_text(&region.name).as_str().into()),
                                    ("action", self.loc.t(action_id(action)).as_str().into()),
                                ],
                            );
                            self.push(ScreenKind::Measures { title, measures })
                        }
                        Err(e) => vec![self.cache_error(&e)],
                    }
                }
                None => vec![],
            },
            ScreenKind::Measures { measures, .. } => match measures.get(focus).cloned() {
                Some(m) => self.push(ScreenKind::Measure(Box::new(m))),
                None => vec![],
            },
            ScreenKind::Search { query, results, .. } => {
                if focus == 0 {
                    self.run_search(query)
                } else {
                    match results.get(focus - 1).cloned() {
                        Some(m) => self.push(ScreenKind::Measure(Box::new(m))),
                        None => vec![],
                    }
                }
            }
            ScreenKind::Jobs(js) => match focus {
                0 => self.run_job_search(true),
                1..=5 => self.adjust(true),
                6 => self.open_bookmarks(),
                _ => match js.results.get(focus - JOB_CONTROLS).cloned() {
                    Some(p) => self.push(ScreenKind::JobDetail(Box::new(p))),
                    None => vec![],
                },
            },
            ScreenKind::Bookmarks(list) => match list.get(focus).cloned() {
                Some(p) => self.push(ScreenKind::JobDetail(Box::new(p))),
                None => vec![],
            },
            ScreenKind::JobDetail(p) => {
                let n = self.view().items.len();
                if focus + 1 == n {
                    self.apply_for(crate::domain::forms::Kind::Job, p.id.clone())
                } else if focus + 2 == n {
                    self.toggle_bookmark(&p)
                } else {
                    self.announce_focus()
                }
            }
            ScreenKind::Profiles => {
                let form = match focus.checked_sub(1).and_then(|i| self.saved.get(i)) {
                    Some((id, p)) => {
                        // Opening a client's file makes them the client on file.
                        self.person = super::massage::Person {
                            profile_id: Some(*id),
                            stored: p.clone(),
                        };
                        super::entitlements::EntForm::from_stored(*id, p, &self.as_of)
                    }
                    None => super::entitlements::EntForm::default(),
                };
                self.push(ScreenKind::EntForm(Box::new(form)))
            }
            ScreenKind::EntForm(form) => {
                use super::entitlements::Field;
                match form.field(focus) {
                    Some(Field::Results) if form.massage => self.form_to_paths(),
                    Some(Field::Results) => self.show_results(),
                    Some(_) if form.is_text(focus) => self.announce_focus(),
                    Some(Field::Card | Field::Birth) => self.announce_focus(),
                    _ => self.adjust(true),
                }
            }
            ScreenKind::EntResults(r) => match r.order.get(focus).map(|&i| r.evals[i].clone()) {
                Some(e) => match self
                    .rules
                    .as_ref()
                    .and_then(|rs| rs.iter().position(|x| x.spec.id == e.rule))
                {
                    Some(i) => self.push(ScreenKind::EntDetail(i, Box::new(e))),
                    None => vec![],
                },
                None => vec![],
            },
            ScreenKind::EntDetail(rule_index, e) => {
                // The last item applies for it.
                if focus + 1 == self.view().items.len() {
                    let id = self
                        .rules
                        .as_ref()
                        .and_then(|r| r.get(rule_index))
                        .map(|r| r.spec.id.clone())
                        .unwrap_or_default();
                    return self.apply_for(crate::domain::forms::Kind::Entitlement, id);
                }
                // Items: title, benefit, one per condition, then the "ask" items.
                let asks_from = 2 + e.reasons.len();
                if let Some(m) = focus.checked_sub(asks_from).and_then(|k| e.missing.get(k)) {
                    return self.ask(*m);
                }
                match focus.checked_sub(2).filter(|k| *k < e.reasons.len()) {
                    // Enter on a condition: what would change if it were met.
                    Some(k) => self.what_if(rule_index, &e, k),
                    None => self.announce_focus(),
                }
            }
            // Enter on a target or on a measure's quote opens the original text there.
            ScreenKind::Targets { .. } | ScreenKind::Measure(_) => self.original(),
            ScreenKind::Settings => self.adjust(true),
            // Enter on a paragraph, a help entry or a history entry reads it again.
            ScreenKind::Reader { .. } | ScreenKind::Help(_) | ScreenKind::History(_) => {
                self.announce_focus()
            }
            ScreenKind::MassageHome => match focus {
                0 => self.adjust(true),
                1 => self.open_massage_form(None),
                _ => self.open_path(focus - 2),
            },
            ScreenKind::MassagePath(p) => self.open_step(p, focus),
            ScreenKind::Applications => match focus {
                0 => self.adjust(true),
                1 => self.push(ScreenKind::NewApplication),
                2 => self.export_listed(),
                _ => match self.listed_apps().get(focus - APPS_CONTROLS).map(|a| a.id) {
                    Some(id) => self.open_application(id),
                    None => vec![],
                },
            },
            ScreenKind::NewApplication => match NEW_KINDS.get(focus) {
                Some(k) => self.apply_for(*k, String::new()),
                None => vec![],
            },
            ScreenKind::Application { id, .. } => self.application_activate(id),
            ScreenKind::AppErrors { id, errors } => {
                let field = errors.get(focus).map(|e| e.field.clone());
                self.stack.pop();
                self.focus_app_field(id, field.as_deref())
            }
            ScreenKind::MassageStep {
                path,
                step,
                entries,
                ..
            } => self.step_activate(path, step, entries.get(focus).cloned()),
        }
    }

    fn region_entries(&self, region: &RegionRow) -> crate::store::Result<Vec<RegionEntry>> {
        let mut entries: Vec<RegionEntry> = self
            .cache
            .documents(&region.id)?
            .into_iter()
            .map(RegionEntry::Document)
            .collect();
        let targets = self.cache.targets(Some(&region.id))?.len();
        if targets > 0 {
            entries.push(RegionEntry::Targets(targets));
        }
        entries.extend(
            self.cache
                .action_counts(&region.id)?
                .into_iter()
                .map(|(a, n)| RegionEntry::Action(a, n)),
        );
        Ok(entries)
    }

    fn open_reader(&mut self, doc: DocumentRow, focus: usize) -> Vec<Effect> {
        match self.cache.paragraphs(&doc.id, self.lang().traditional()) {
            Ok(paragraphs) => {
                let effects = self.push(ScreenKind::Reader { doc, paragraphs });
                if focus == 0 {
                    return effects;
                }
                // Opened at a clause: say the document, then the clause.
                self.history.pop_back();
                self.screen_mut().focus = focus;
                let view = self.view();
                let text = format!(
                    "{}{}{}",
                    view.title,
                    self.loc.t("sentence-separator"),
                    announce::item(&self.loc, &view, self.settings.verbosity)
                );
                vec![self.say(text)]
            }
            Err(e) => vec![self.cache_error(&e)],
        }
    }

    /// The focused measure or target, if the screen has one.
    fn cited(&self) -> Option<(String, Option<usize>)> {
        let s = self.screen();
        match &s.kind {
            ScreenKind::Measures { measures, .. } => measures
                .get(s.focus)
                .map(|m| (m.document_id.clone(), m.paragraph)),
            ScreenKind::Search { results, .. } => s
                .focus
                .checked_sub(1)
                .and_then(|i| results.get(i))
                .map(|m| (m.document_id.clone(), m.paragraph)),
            ScreenKind::Measure(m) => Some((m.document_id.clone(), m.paragraph)),
            ScreenKind::Targets { targets, .. } => targets
                .get(s.focus)
                .map(|t| (t.document_id.clone(), t.paragraph)),
            ScreenKind::MassageStep {
                path,
                step,
                entries,
                ..
            } => self.step_cited(*path, *step, entries.get(s.focus)),
            _ => None,
        }
    }

    /// Open the document's text at the paragraph that holds the focused item's quote.
    fn original(&mut self) -> Vec<Effect> {
        let Some((doc_id, paragraph)) = self.cited() else {
            return vec![self.notify(self.loc.t("no-original"))];
        };
        let doc = self
            .cache
            .regions()
            .ok()
            .into_iter()
            .flatten()
            .flat_map(|r| self.cache.documents(&r.id).unwrap_or_default())
            .find(|d| d.id == doc_id);
        match doc {
            Some(doc) => self.open_reader(doc, paragraph.unwrap_or(0)),
            None => vec![self.notify(self.loc.t("no-original"))],
        }
    }

    fn run_search(&mut self, query: String) -> Vec<Effect> {
        let q = query.trim().to_string();
        if q.is_empty() {
            return vec![self.notify(self.loc.t("search-empty-query"))];
        }
        let filter = MeasureFilter {
            region: None,
            action: None,
            query: Some(q.clone()),
        };
        let results = match self.cache.measures(&filter, self.lang().traditional()) {
            Ok(r) => r,
            Err(e) => return vec![self.cache_error(&e)],
        };
        let n = results.len();
        if let ScreenKind::Search {
            results: r,
            searched,
            ..
        } = &mut self.screen_mut().kind
        {
            *r = results;
            *searched = true;
        }
        if n == 0 {
            return vec![
                self.notify(
                    self.loc
                        .t_args("search-none", &[("query", q.as_str().into())]),
                ),
            ];
        }
        self.screen_mut().focus = 1;
        let found = self.loc.t_args("search-found", &[("count", n.into())]);
        self.status = Some(found.clone());
        let item = announce::item(&self.loc, &self.view(), self.settings.verbosity);
        vec![self.say(format!("{found}{}{item}", self.loc.t("sentence-separator")))]
    }

    /// Search for `query` where the user is: in the jobs screen its own
    /// search, elsewhere the policy measures (line mode: `/按摩`).
    pub fn search_for(&mut self, query: &str) -> Vec<Effect> {
        if let ScreenKind::Jobs(js) = &mut self.screen_mut().kind {
            js.text = query.to_string();
            return self.run_job_search(true);
        }
        self.search_measures(query)
    }

    fn search_measures(&mut self, query: &str) -> Vec<Effect> {
        if !matches!(self.screen().kind, ScreenKind::Search { .. }) {
            self.stack.push(Screen {
                kind: ScreenKind::Search {
                    query: String::new(),
                    results: vec![],
                    searched: false,
                },
                focus: 0,
            });
        }
        self.screen_mut().focus = 0;
        if let ScreenKind::Search { query: q, .. } = &mut self.screen_mut().kind {
            *q = query.to_string();
        }
        self.run_search(query.to_string())
    }

    /// True when typed characters go into a text field (the search field is focused).
    pub fn wants_text(&self) -> bool {
        match &self.screen().kind {
            ScreenKind::Search { .. } | ScreenKind::Jobs(_) => self.screen().focus == 0,
            ScreenKind::EntForm(f) => f.is_text(self.screen().focus),
            ScreenKind::Application { id, .. } => self.app_typed_field(*id).is_some(),
            ScreenKind::MassageStep { entries, .. } => matches!(
                entries.get(self.screen().focus),
                Some(super::massage::Entry::MarkDate)
            ),
            _ => false,
        }
    }

    fn text_field(&mut self) -> Option<&mut String> {
        let focus = self.screen().focus;
        match &mut self.screen_mut().kind {
            ScreenKind::Search { query, .. } => Some(query),
            ScreenKind::Jobs(js) => Some(&mut js.text),
            ScreenKind::EntForm(f) => f.text_mut(focus),
            ScreenKind::Application { typing, .. } => typing
                .as_mut()
                .filter(|(at, _)| *at == focus)
                .map(|(_, t)| t),
            ScreenKind::MassageStep { entries, date, .. }
                if matches!(entries.get(focus), Some(super::massage::Entry::MarkDate)) =>
            {
                Some(date)
            }
            _ => None,
        }
    }

    /// After an edit in the entitlements form: re-read the field; a wrong
    /// complete card number is said at once.
    fn form_text_changed(&mut self) -> Option<String> {
        let focus = self.screen().focus;
        let as_of = self.as_of;
        let err = match &mut self.screen_mut().kind {
            ScreenKind::EntForm(f) => f.text_changed(focus, &as_of),
            _ => None,
        }?;
        Some(crate::i18n::describe::card_error(&self.loc, &err))
    }

    /// Replace the focused text field's text (line mode's `=text`), then say
    /// the field as it now is, or what is wrong with it.
    pub fn set_text(&mut self, text: &str) -> Vec<Effect> {
        if let Some(effects) = self.set_app_choice(text) {
            return effects;
        }
        if !self.wants_text() {
            return vec![self.notify(self.loc.t("line-no-field"))];
        }
        self.begin_typing();
        if let Some(t) = self.text_field() {
            *t = text.to_string();
        }
        let _ = self.form_text_changed();
        let save = self.app_text_changed();
        let mut effects: Vec<Effect> = save.into_iter().collect();
        effects.extend(self.announce_focus());
        effects
    }

    /// A character typed into the focused text field; it is echoed.
    pub fn type_char(&mut self, c: char) -> Vec<Effect> {
        if !self.wants_text() || c.is_control() {
            return vec![];
        }
        self.begin_typing();
        if let Some(t) = self.text_field() {
            t.push(c);
        }
        let save = self.app_text_changed();
        let mut effects: Vec<Effect> = save.into_iter().collect();
        effects.push(match self.form_text_changed() {
            Some(err) => {
                let text = format!("{c}{}{err}", self.loc.t("sentence-separator"));
                self.say(text)
            }
            None => self.say(c.to_string()),
        });
        effects
    }

    /// Backspace in the focused text field: the deleted character is said.
    pub fn delete_char(&mut self) -> Vec<Effect> {
        if self.wants_text() {
            self.begin_typing();
        }
        let removed = self.text_field().and_then(String::pop);
        let _ = self.form_text_changed();
        let save = removed.and(self.app_text_changed());
        let mut effects: Vec<Effect> = save.into_iter().collect();
        effects.push(match removed {
            Some(c) => self.say(
                self.loc
                    .t_args("deleted", &[("char", c.to_string().as_str().into())]),
            ),
            None => self.say(self.loc.t("empty")),
        });
        effects
    }

    fn open_entitlements(&mut self) -> Vec<Effect> {
        if self.rules.is_none() {
            match self.cache.rules() {
                Ok(r) => self.rules = Some(r),
                Err(e) => return vec![self.cache_error(&e)],
            }
        }
        if self.saved.is_empty() {
            self.push(ScreenKind::EntForm(Box::default()))
        } else {
            self.push(ScreenKind::Profiles)
        }
    }

    /// A title with the name of the person whose file is open, when it has one.
    fn whose(&self, title: String) -> String {
        let name = self.stack.iter().rev().find_map(|s| match &s.kind {
            ScreenKind::EntForm(f) if !f.label.trim().is_empty() => {
                Some(f.label.trim().to_string())
            }
            _ => None,
        });
        match name {
            Some(n) => self.loc.t_args(
                "title-of-person",
                &[
                    ("title", title.as_str().into()),
                    ("name", n.as_str().into()),
                ],
            ),
            None => title,
        }
    }

    /// The session saved the form's profile under `id`.
    pub fn profile_saved(&mut self, id: i64, stored: crate::domain::profile::StoredProfile) {
        for s in self.stack.iter_mut() {
            if let ScreenKind::EntForm(f) = &mut s.kind
                && f.profile_id.is_none_or(|x| x == id)
            {
                f.profile_id = Some(id);
            }
        }
        // The profile just saved is the client on file: applications and
        // the massage paths are theirs until another is chosen.
        self.person = super::massage::Person {
            profile_id: Some(id),
            stored: stored.clone(),
        };
        self.saved.retain(|(i, _)| *i != id);
        self.saved.insert(0, (id, stored));
    }

    /// The form on the stack whose profile is to be saved, if any.
    pub fn form_to_save(&self) -> Option<(Option<i64>, crate::domain::profile::StoredProfile)> {
        self.stack.iter().rev().find_map(|s| match &s.kind {
            ScreenKind::EntForm(f) => Some((f.profile_id, f.to_stored())),
            _ => None,
        })
    }

    /// Evaluate the form's profile and open the results, saying how many
    /// in each group and what changed since they were last shown.
    fn show_results(&mut self) -> Vec<Effect> {
        let ScreenKind::EntForm(form) = &self.screen().kind else {
            return vec![];
        };
        let rules = self.rules.as_deref().unwrap_or(&[]);
        let evals = crate::domain::rules::evaluate(rules, &form.profile(), &self.as_of);
        let changes = super::entitlements::changes(&self.loc, &form.last, &evals, rules);
        let last = evals.iter().map(|e| (e.rule.clone(), e.outcome)).collect();
        if let ScreenKind::EntForm(f) = &mut self.screen_mut().kind {
            f.last = last;
        }
        let results = super::entitlements::EntResults::new(evals);
        let (yes, unknown, no) = results.counts();
        let save = Effect::SaveProfile;
        self.status = None;
        self.stack.push(Screen {
            kind: ScreenKind::EntResults(Box::new(results)),
            focus: 0,
        });
        let sep = self.loc.t("sentence-separator");
        let mut text = self.loc.t_args(
            "ent-summary",
            &[
                ("eligible", yes.into()),
                ("unknown", unknown.into()),
                ("not", no.into()),
            ],
        );
        if !changes.is_empty() {
            text = format!("{text}{sep}{}", changes.join(&sep));
        }
        let item = announce::item(&self.loc, &self.view(), self.settings.verbosity);
        text = format!(
            "{text}{sep}{item}{sep}{}",
            self.loc.t("ent-screening-short")
        );
        vec![save, self.say(text)]
    }

    /// "What would change it?": the rule evaluated again with condition `k`
    /// met (a fact set to the value it asks for), said in one sentence.
    fn what_if(
        &mut self,
        rule_index: usize,
        e: &crate::domain::rules::Evaluation,
        k: usize,
    ) -> Vec<Effect> {
        use crate::domain::rules::{Condition, Test};
        let Some(rule) = self.rules.as_ref().and_then(|r| r.get(rule_index)).cloned() else {
            return vec![];
        };
        let Some(reason) = e.reasons.get(k) else {
            return vec![];
        };
        if reason.test == Test::Met {
            return vec![self.notify(self.loc.t("whatif-already-met"))];
        }
        let Some(form) = self.stack.iter().rev().find_map(|s| match &s.kind {
            ScreenKind::EntForm(f) => Some(f.profile()),
            _ => None,
        }) else {
            return vec![];
        };
        let mut p = form;
        let (fact, value) = match rule.conditions.get(k) {
            Some(Condition::FactIs { fact, value }) => (*fact, value.clone()),
            Some(Condition::FactIn { fact, values }) => match values.first() {
                Some(v) => (*fact, v.clone()),
                None => return vec![],
            },
            Some(Condition::AtLeast { fact, value }) => (*fact, value.clone()),
            _ => return vec![self.notify(self.loc.t("whatif-not-a-fact"))],
        };
        p.facts.insert(fact, value.clone());
        let out = crate::domain::rules::evaluate(std::slice::from_ref(&rule), &p, &self.as_of);
        let Some(after) = out.first() else {
            return vec![];
        };
        let fact_name = self.loc.t(&crate::i18n::describe::fact_id(fact));
        let value_word = crate::i18n::describe::fact_value(&self.loc, fact, &value);
        let outcome = super::entitlements::outcome_text(&self.loc, after);
        let text = self.loc.t_args(
            "whatif",
            &[
                ("fact", fact_name.as_str().into()),
                ("value", value_word.as_str().into()),
                ("outcome", outcome.as_str().into()),
            ],
        );
        vec![self.notify(text)]
    }

    /// Go back to the form, to the field that answers a missing fact.
    fn ask(&mut self, m: crate::domain::rules::Missing) -> Vec<Effect> {
        let field = super::entitlements::field_for(&m);
        while self.stack.len() > 1 && !matches!(self.screen().kind, ScreenKind::EntForm(_)) {
            self.stack.pop();
        }
        let at = match &self.screen().kind {
            ScreenKind::EntForm(f) => f.fields().iter().position(|x| *x == field),
            _ => None,
        };
        if let Some(i) = at {
            self.screen_mut().focus = i;
        }
        self.announce_focus()
    }

    fn open_jobs(&mut self) -> Vec<Effect> {
        let js = JobSearch {
            query: JobQuery {
                sort: Sort::Newest,
                ..JobQuery::default()
            },
            ..JobSearch::default()
        };
        self.status = None;
        self.stack.push(Screen {
            kind: ScreenKind::Jobs(Box::new(js)),
            focus: 0,
        });
        let found = self.refresh_jobs();
        let view = self.view();
        let sep = self.loc.t("sentence-separator");
        let mut text = format!(
            "{}{sep}{found}",
            announce::screen(&self.loc, &view, self.settings.verbosity)
        );
        // How to use the screen is said the first time only (F1 says it again).
        if !self.jobs_hint_given {
            self.jobs_hint_given = true;
            text = format!("{text}{sep}{}", self.loc.t("jobs-hint"));
        }
        vec![self.say(text)]
    }

    /// Run the current job query; returns the "found N" sentence.
    fn refresh_jobs(&mut self) -> String {
        let ScreenKind::Jobs(js) = &self.screen().kind else {
            return String::new();
        };
        let mut q = js.query.clone();
        q.limit = JOB_RESULTS;
        let result = match &self.jobs {
            Some(j) => j.search(&q),
            None => Ok((vec![], 0)),
        };
        match result {
            Ok((results, total)) => {
                let shown = results.len();
                if let ScreenKind::Jobs(js) = &mut self.screen_mut().kind {
                    js.results = results;
                    js.total = total;
                }
                let text = if total > shown {
                    self.loc.t_args(
                        "jobs-found-more",
                        &[("total", total.into()), ("shown", shown.into())],
                    )
                } else {
                    self.loc
                        .t_args("jobs-found-all", &[("total", total.into())])
                };
                self.status = Some(text.clone());
                text
            }
            Err(e) => self
                .loc
                .t_args("error-cache", &[("detail", e.to_string().as_str().into())]),
        }
    }

    fn run_job_search(&mut self, move_to_results: bool) -> Vec<Effect> {
        if let ScreenKind::Jobs(js) = &mut self.screen_mut().kind {
            let t = js.text.trim().to_string();
            js.query.text = (!t.is_empty()).then_some(t);
        }
        let found = self.refresh_jobs();
        let has = matches!(&self.screen().kind, ScreenKind::Jobs(js) if !js.results.is_empty());
        if move_to_results && has {
            self.screen_mut().focus = JOB_CONTROLS;
            let item = announce::item(&self.loc, &self.view(), self.settings.verbosity);
            vec![self.say(format!("{found}{}{item}", self.loc.t("sentence-separator")))]
        } else {
            vec![self.say(found)]
        }
    }

    fn adjust_job_filter(&mut self, up: bool) -> Vec<Effect> {
        let focus = self.screen().focus;
        let ScreenKind::Jobs(js) = &mut self.screen_mut().kind else {
            return vec![];
        };
        let q = &mut js.query;
        match focus {
            1 => {
                q.region = cycle(
                    &JOB_REGIONS,
                    q.region
                        .as_deref()
                        .and_then(|r| JOB_REGIONS.iter().copied().find(|x| *x == r)),
                    up,
                )
                .map(str::to_string)
            }
            2 => q.kind = cycle(&JOB_KIND_ORDER, q.kind, up),
            3 => q.category = cycle(&CATEGORY_ORDER, q.category, up),
            4 => {
                q.home_based = if q.home_based.is_some() {
                    None
                } else {
                    Some(true)
                }
            }
            5 => {
                q.sort = if q.sort == Sort::Relevance {
                    Sort::Newest
                } else {
                    Sort::Relevance
                }
            }
            _ => return vec![],
        }
        let found = self.refresh_jobs();
        let item = self
            .view()
            .focused()
            .map(|it| {
                announce::join(
                    &self.loc,
                    &[it.label.clone(), it.state.clone().unwrap_or_default()],
                )
            })
            .unwrap_or_default();
        vec![self.say(format!("{item}{}{found}", self.loc.t("sentence-separator")))]
    }

    fn open_bookmarks(&mut self) -> Vec<Effect> {
        let Some(jobs) = &self.jobs else {
            return vec![];
        };
        let list: Vec<Posting> = self
            .bookmarks
            .iter()
            .filter_map(|id| jobs.get(id).ok().flatten())
            .collect();
        if list.is_empty() {
            return vec![self.notify(self.loc.t("bookmarks-empty"))];
        }
        self.push(ScreenKind::Bookmarks(list))
    }

    fn toggle_bookmark(&mut self, p: &Posting) -> Vec<Effect> {
        let now = if self.bookmarks.remove(&p.id) {
            false
        } else {
            self.bookmarks.insert(p.id.clone());
            true
        };
        let msg = self.loc.t(if now {
            "bookmark-added"
        } else {
            "bookmark-removed"
        });
        vec![Effect::ToggleBookmark(p.id.clone()), self.notify(msg)]
    }

    fn any_or(&self, v: Option<String>) -> String {
        v.unwrap_or_else(|| self.loc.t("filter-any"))
    }

    fn job_items(&self, js: &JobSearch) -> Vec<Item> {
        let l = &self.loc;
        let q = &js.query;
        let c = JOB_CONTROLS;
        let mut items = vec![
            Item::new(l.t("jobs-field"), Role::EditField)
                .with_state(if js.text.is_empty() {
                    l.t("empty")
                } else {
                    js.text.clone()
                })
                .at(0, c),
            Item::new(l.t("filter-region"), Role::Setting)
                .with_state(self.any_or(q.region.as_deref().map(|r| self.data_text(r))))
                .at(1, c),
            Item::new(l.t("filter-kind"), Role::Setting)
                .with_state(
                    self.any_or(
                        q.kind
                            .map(|k| l.t(&format!("job-kind-{}", k.key().replace('_', "-")))),
                    ),
                )
                .at(2, c),
            Item::new(l.t("filter-category"), Role::Setting)
                .with_state(self.any_or(q.category.map(|k| l.t(&format!("category-{}", k.key())))))
                .at(3, c),
            Item::new(l.t("filter-home-based"), Role::Setting)
                .with_state(if q.home_based == Some(true) {
                    l.t("filter-home-only")
                } else {
                    l.t("filter-any")
                })
                .at(4, c),
            Item::new(l.t("filter-sort"), Role::Setting)
                .with_state(l.t(if q.sort == Sort::Relevance {
                    "sort-relevance"
                } else {
                    "sort-newest"
                }))
                .at(5, c),
            Item::new(l.t("bookmarks-title"), Role::MenuItem)
                .with_state(l.t_args("count-bookmarks", &[("count", self.bookmarks.len().into())]))
                .at(6, c),
        ];
        let n = js.results.len();
        items.extend(
            js.results
                .iter()
                .enumerate()
                .map(|(i, p)| self.posting_item(p).at(i, n)),
        );
        items
    }

    /// A result: "title, employer, city, kind[, sample]".
    fn posting_item(&self, p: &Posting) -> Item {
        let l = &self.loc;
        let mut state = vec![self.data_text(&p.employer), self.data_text(&p.city)];
        if p.home_based {
            state.push(l.t("jobs-home-based"));
        }
        state.push(l.t(&format!("job-kind-{}", p.kind.key().replace('_', "-"))));
        if p.sample {
            state.push(l.t("jobs-sample"));
        }
        if self.bookmarks.contains(&p.id) {
            state.push(l.t("bookmarked"));
        }
        Item::new(self.data_text(&p.title), Role::ListItem).with_state(announce::join(l, &state))
    }

    fn job_fields(&self, p: &Posting) -> Vec<Item> {
        let l = &self.loc;
        let none = || l.t("not-stated");
        let field = |label: &str, value: String| {
            Item::new(
                l.t_args(label, &[("value", value.as_str().into())]),
                Role::Field,
            )
        };
        let opt = |v: &Option<String>| v.as_deref().map(|s| self.data_text(s)).unwrap_or_else(none);
        let mut title_state = vec![l.t(&format!("job-kind-{}", p.kind.key().replace('_', "-")))];
        if p.sample {
            title_state.push(l.t("jobs-sample-note"));
        }
        let mut place = vec![self.data_text(&p.province), self.data_text(&p.city)];
        if let Some(d) = &p.district {
            place.push(self.data_text(d));
        }
        let mut where_ = place.join(" ");
        if p.home_based {
            where_ = format!(
                "{where_}{}{}",
                l.t("list-separator"),
                l.t("jobs-home-based")
            );
        } else if let Some(w) = &p.workplace {
            where_ = format!("{where_}{}{}", l.t("list-separator"), self.data_text(w));
        }
        let cats: Vec<String> = p
            .categories
            .iter()
            .map(|c| l.t(&format!("category-{}", c.key())))
            .collect();
        let dates = match &p.closing {
            Some(c) => l.t_args(
                "job-dates",
                &[
                    ("published", l.date(&p.published).as_str().into()),
                    ("closing", l.date(c).as_str().into()),
                ],
            ),
            None => l.t_args(
                "job-dates-open",
                &[("published", l.date(&p.published).as_str().into())],
            ),
        };
        vec![
            Item::new(self.data_text(&p.title), Role::Field)
                .with_state(announce::join(l, &title_state)),
            field(
                "field-employer",
                announce::join(
                    l,
                    &[
                        self.data_text(&p.employer),
                        l.t(&format!(
                            "employer-{}",
                            p.employer_kind.key().replace('_', "-")
                        )),
                    ],
                ),
            ),
            field("field-place", where_),
            field(
                "field-suits",
                if cats.is_empty() {
                    none()
                } else {
                    cats.join(&l.t("enumeration-separator"))
                },
            ),
            field("field-pay", crate::ui::app::pay_text(l, p)),
            field("field-hours", opt(&p.hours)),
            field("field-requirements", opt(&p.requirements)),
            field("field-accessibility", opt(&p.accessibility)),
            field("field-apply", opt(&p.how_to_apply)),
            field("field-contact", opt(&p.contact)),
            field("field-dates", dates),
            field("field-source", self.data_text(&p.source)),
            Item::new(
                l.t(if self.bookmarks.contains(&p.id) {
                    "bookmark-remove"
                } else {
                    "bookmark-add"
                }),
                Role::MenuItem,
            ),
            Item::new(l.t("app-apply-job"), Role::MenuItem),
        ]
    }

    fn kind_text(&self, k: MeasureKind) -> String {
        self.loc.t(match k {
            MeasureKind::Duty => "kind-duty",
            MeasureKind::Support => "kind-support",
            MeasureKind::Target => "kind-target",
        })
    }

    fn deadline_text(&self, d: Option<&(String, String)>) -> String {
        match d {
            Some((date, _)) => self
                .loc
                .t_args("deadline", &[("date", self.loc.date(date).as_str().into())]),
            None => self.loc.t("deadline-none"),
        }
    }

    fn measure_item(&self, m: &MeasureRow, with_region: bool) -> Item {
        let l = &self.loc;
        let mut state = vec![
            self.kind_text(m.kind),
            self.deadline_text(m.deadline.as_ref()),
        ];
        if with_region {
            state.push(self.data_text(&m.region_name));
        }
        state.push(l.t_args(
            "clause",
            &[("clause", self.data_text(&m.clause).as_str().into())],
        ));
        Item::new(m.summary.clone(), Role::ListItem).with_state(announce::join(l, &state))
    }

    fn target_item(&self, t: &TargetRow) -> Item {
        let l = &self.loc;
        let mut state = vec![];
        if let Some(p) = &t.period {
            state.push(self.data_text(p));
        }
        state.push(l.t_args(
            "clause",
            &[("clause", self.data_text(&t.clause).as_str().into())],
        ));
        Item::new(
            l.t_args(
                "target-value",
                &[
                    ("what", self.data_text(&t.what).as_str().into()),
                    ("value", format_value(t.value).as_str().into()),
                    ("unit", self.data_text(&t.unit).as_str().into()),
                ],
            ),
            Role::ListItem,
        )
        .with_state(announce::join(l, &state))
    }

    fn measure_fields(&self, m: &MeasureRow) -> Vec<Item> {
        let l = &self.loc;
        let field = |label: &str, value: String| {
            Item::new(
                l.t_args(label, &[("value", value.as_str().into())]),
                Role::Field,
            )
        };
        let mut items =
            vec![Item::new(m.summary.clone(), Role::Field).with_state(self.kind_text(m.kind))];
        items.push(field("field-action", l.t(action_id(m.action))));
        items.push(field(
            "field-deadline",
            match &m.deadline {
                Some((date, words)) => l.t_args(
                    "deadline-with-words",
                    &[
                        ("date", l.date(date).as_str().into()),
                        ("words", self.data_text(words).as_str().into()),
                    ],
                ),
                None => l.t("deadline-none"),
            },
        ));
        let groups: Vec<String> = m
            .beneficiaries
            .iter()
            .map(|g| l.t(&format!("group-{}", g.replace('_', "-"))))
            .collect();
        items.push(field(
            "field-beneficiaries",
            if groups.is_empty() {
                l.t("not-specified")
            } else {
                groups.join(&l.t("enumeration-separator"))
            },
        ));
        let units: Vec<String> = m.responsible.iter().map(|u| self.data_text(u)).collect();
        items.push(field(
            "field-responsible",
            if units.is_empty() {
                l.t("not-specified")
            } else {
                units.join(&l.t("enumeration-separator"))
            },
        ));
        for n in &m.numbers {
            let mut v = l.t_args(
                "number-value",
                &[
                    ("what", self.data_text(&n.what).as_str().into()),
                    ("value", format_value(n.value).as_str().into()),
                    ("unit", self.data_text(&n.unit).as_str().into()),
                ],
            );
            if let Some(per) = &n.per {
                v = format!("{v}{}{}", l.t("list-separator"), self.data_text(per));
            }
            items.push(Item::new(v, Role::Field));
        }
        items.push(field(
            "field-citation",
            l.t_args(
                "citation",
                &[
                    ("region", self.data_text(&m.region_name).as_str().into()),
                    ("clause", self.data_text(&m.clause).as_str().into()),
                    ("source", m.source.as_str().into()),
                ],
            ),
        ));
        items.push(field("field-quote", m.quote_display.clone()));
        items
    }

    fn cache_error(&mut self, e: &crate::store::StoreError) -> Effect {
        self.notify(
            self.loc
                .t_args("error-cache", &[("detail", Arg::Str(&e.to_string()))]),
        )
    }

    /// Left/Right (and Enter) on a setting.
    fn adjust(&mut self, up: bool) -> Vec<Effect> {
        if matches!(self.screen().kind, ScreenKind::Jobs(_)) {
            return self.adjust_job_filter(up);
        }
        if matches!(
            self.screen().kind,
            ScreenKind::MassageHome | ScreenKind::Applications
        ) {
            return self.cycle_person(up);
        }
        if let ScreenKind::Application { id, .. } = self.screen().kind {
            return self.adjust_app_field(id, up);
        }
        if matches!(self.screen().kind, ScreenKind::EntForm(_)) {
            let focus = self.screen().focus;
            let changed = match &mut self.screen_mut().kind {
                ScreenKind::EntForm(f) => f.adjust(focus, up),
                _ => false,
            };
            if !changed {
                return vec![];
            }
            // Say the field and its new value.
            let text = match &self.screen().kind {
                ScreenKind::EntForm(f) => {
                    let Some(field) = f.field(focus) else {
                        return vec![];
                    };
                    let label = self
                        .view()
                        .focused()
                        .map(|it| it.label.clone())
                        .unwrap_or_default();
                    announce::join(&self.loc, &[label, f.value(&self.loc, field)])
                }
                _ => String::new(),
            };
            return vec![self.say(text)];
        }
        if !matches!(self.screen().kind, ScreenKind::Settings) {
            return vec![];
        }
        let Some(field) = SettingField::ALL.get(self.screen().focus).copied() else {
            return vec![];
        };
        let mut extra = vec![];
        match field {
            SettingField::Language => {
                let order = [None, Some(Lang::ZhCn), Some(Lang::ZhTw), Some(Lang::En)];
                let i = order
                    .iter()
                    .position(|l| *l == self.settings.lang)
                    .unwrap_or(0);
                let n = order.len();
                self.settings.lang = order[if up { (i + 1) % n } else { (i + n - 1) % n }];
                let lang = self
                    .lang_flag
                    .or(self.settings.lang)
                    .unwrap_or(self.system_lang);
                self.loc = Localizer::new(lang);
                extra.push(Effect::SpeechParams);
            }
            SettingField::Speech => {
                let all = SpeechSetting::ALL;
                let i = all
                    .iter()
                    .position(|s| *s == self.settings.speech)
                    .unwrap_or(0);
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
                self.stored.verbosity = None;
                self.settings.verbosity = match self.settings.verbosity {
                    Verbosity::Full => Verbosity::Brief,
                    Verbosity::Brief => Verbosity::Full,
                };
            }
            SettingField::ScreenReader => {
                self.settings.screen_reader = !self.settings.screen_reader
            }
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
                self.speech_status = SpeechStatus::Speaking {
                    backend: (*backend).to_string(),
                };
                None
            }
            SpeechEvent::Unavailable { why, reason } => {
                self.speech_status = SpeechStatus::Unavailable;
                let why_id = match why {
                    crate::speech::Unavailable::NoService => "speech-why-no-service",
                    crate::speech::Unavailable::Silent => "speech-why-silent",
                    crate::speech::Unavailable::NotBuilt => "speech-why-not-built",
                    crate::speech::Unavailable::Failed => "speech-why-failed",
                };
                let why_text = self.loc.t(why_id);
                let text = self.loc.t_args(
                    "speech-unavailable",
                    &[
                        ("why", why_text.as_str().into()),
                        ("reason", reason.as_str().into()),
                    ],
                );
                self.status = Some(text.clone());
                self.history.push_back(text.clone());
                Some(text)
            }
            SpeechEvent::ScreenReaderRunning { name } => {
                self.speech_status = SpeechStatus::ScreenReader { name: name.clone() };
                let text = self
                    .loc
                    .t_args("speech-screen-reader", &[("name", name.as_str().into())]);
                self.status = Some(text.clone());
                self.history.push_back(text.clone());
                Some(text)
            }
        }
    }
}

/// Monthly pay, worded.
/// The massage navigator.
impl App {
    fn ensure_rules(&mut self) -> Result<(), Effect> {
        if self.rules.is_none() {
            match self.cache.rules() {
                Ok(r) => self.rules = Some(r),
                Err(e) => return Err(self.cache_error(&e)),
            }
        }
        Ok(())
    }

    /// The massage paths and the plan documents, read once.
    fn ensure_paths(&mut self) -> Result<(), Effect> {
        if self.paths.is_none() {
            match (self.cache.paths(), self.cache.all_documents()) {
                (Ok(p), Ok(d)) => {
                    self.paths = Some(p);
                    self.plans = super::massage::Plans(d);
                }
                (Err(e), _) | (_, Err(e)) => return Err(self.cache_error(&e)),
            }
        }
        Ok(())
    }

    /// Open the navigator, for the most recently saved profile if there is one.
    fn open_massage(&mut self) -> Vec<Effect> {
        if let Err(e) = self.ensure_rules() {
            return vec![e];
        }
        if let Err(e) = self.ensure_paths() {
            return vec![e];
        }
        if self.person.profile_id.is_none()
            && self.person.stored == Default::default()
            && let Some((id, p)) = self.saved.first()
        {
            self.person = super::massage::Person {
                profile_id: Some(*id),
                stored: p.clone(),
            };
        }
        self.push(ScreenKind::MassageHome)
    }

    /// A title with whose situation it is ("盲人医疗按摩（王先生）").
    fn whose_massage(&self, title: String) -> String {
        match self.person.name() {
            Some(n) => self.loc.t_args(
                "title-of-person",
                &[("title", title.as_str().into()), ("name", n.into())],
            ),
            None => title,
        }
    }

    fn person_text(&self) -> String {
        let l = &self.loc;
        match (self.person.profile_id, self.person.name()) {
            (_, Some(n)) => {
                let card = self
                    .person
                    .stored
                    .card_last_four()
                    .map(|d| l.t_args("card-last-four", &[("last4", d.as_str().into())]));
                announce::join(
                    l,
                    &[vec![n.to_string()], card.into_iter().collect()].concat(),
                )
            }
            (Some(_), None) => l.t("profiles-unnamed"),
            (None, None) => l.t("massage-no-profile"),
        }
    }

    fn massage_home_items(&self) -> Vec<Item> {
        let l = &self.loc;
        let mut items = vec![
            Item::new(l.t("massage-person"), Role::Setting).with_state(self.person_text()),
            Item::new(l.t("massage-situation"), Role::MenuItem).with_state(
                if self.person.stored == Default::default() {
                    l.t("massage-situation-empty")
                } else {
                    l.t("massage-situation-filled")
                },
            ),
        ];
        for path in self.paths.as_deref().unwrap_or(&[]) {
            let res = self.path_result(path);
            items.push(super::massage::path_item(l, path, &res));
        }
        items
    }

    fn person_marks(&self) -> BTreeMap<String, crate::domain::paths::Mark> {
        self.marks
            .get(&self.person.owner())
            .cloned()
            .unwrap_or_default()
    }

    fn path_result(
        &self,
        path: &crate::domain::paths::MassagePath,
    ) -> crate::domain::paths::PathResult {
        crate::domain::paths::evaluate(
            path,
            &self.person.profile(&self.as_of),
            &self.person_marks(),
            &self.as_of,
        )
    }

    /// Left/Right on "档案": nobody (browse), then each saved profile.
    fn cycle_person(&mut self, up: bool) -> Vec<Effect> {
        if self.screen().focus != 0 {
            return vec![];
        }
        let mut options: Vec<Option<i64>> = vec![None];
        options.extend(self.saved.iter().map(|(id, _)| Some(*id)));
        let n = options.len();
        let i = options
            .iter()
            .position(|o| *o == self.person.profile_id)
            .unwrap_or(0);
        let next = options[if up { (i + 1) % n } else { (i + n - 1) % n }];
        self.person = match next.and_then(|id| self.saved.iter().find(|(x, _)| *x == id)) {
            Some((id, p)) => super::massage::Person {
                profile_id: Some(*id),
                stored: p.clone(),
            },
            None => super::massage::Person::default(),
        };
        // The item names itself and its new value ("服务对象，小李").
        let text = self
            .view()
            .focused()
            .map(|it| {
                announce::join(
                    &self.loc,
                    &[it.label.clone(), it.state.clone().unwrap_or_default()],
                )
            })
            .unwrap_or_default();
        vec![self.say(text)]
    }

    /// The massage form for the person, at the field that answers `ask`.
    fn open_massage_form(&mut self, ask: Option<crate::domain::rules::Missing>) -> Vec<Effect> {
        let mut form = match self.person.profile_id {
            Some(id) => {
                super::entitlements::EntForm::from_stored(id, &self.person.stored, &self.as_of)
            }
            None => super::entitlements::EntForm::from_stored(0, &self.person.stored, &self.as_of),
        };
        form.profile_id = self.person.profile_id;
        form.massage = true;
        let focus = ask
            .map(|m| super::entitlements::field_for(&m))
            .and_then(|f| form.fields().iter().position(|x| *x == f));
        let effects = self.push(ScreenKind::EntForm(Box::new(form)));
        match focus {
            Some(i) if i > 0 => {
                self.history.pop_back();
                self.screen_mut().focus = i;
                self.announce_screen()
            }
            _ => effects,
        }
    }

    /// Leaving the massage form (Back, or "查看按摩路径"): the person is what it says.
    fn take_massage_form(&mut self) {
        if let ScreenKind::EntForm(f) = &self.screen().kind
            && f.massage
        {
            self.person = super::massage::Person {
                profile_id: f.profile_id,
                stored: f.to_stored(),
            };
        }
    }

    /// "查看按摩路径" on the massage form: keep it (saved when it holds
    /// anything) and go back to the paths.
    fn form_to_paths(&mut self) -> Vec<Effect> {
        self.take_massage_form();
        if self.person.stored == Default::default() {
            return self.pop_and_announce();
        }
        vec![Effect::SaveProfile, Effect::PopAndAnnounce]
    }

    /// A path's steps, with the focus on the next step ("you are here").
    fn open_path(&mut self, path: usize) -> Vec<Effect> {
        let Some(p) = self.paths.as_ref().and_then(|ps| ps.get(path)) else {
            return vec![];
        };
        let next = self.path_result(p).next.unwrap_or(0);
        self.status = None;
        self.stack.push(Screen {
            kind: ScreenKind::MassagePath(path),
            focus: next,
        });
        self.announce_screen()
    }

    fn open_step(&mut self, path: usize, step: usize) -> Vec<Effect> {
        let entries = self.step_entries(path, step);
        if entries.is_empty() {
            return vec![];
        }
        self.push(ScreenKind::MassageStep {
            path,
            step,
            entries,
            date: String::new(),
        })
    }

    fn step_entries(&mut self, path: usize, step: usize) -> Vec<super::massage::Entry> {
        let Some(p) = self.paths.as_ref().and_then(|ps| ps.get(path)) else {
            return vec![];
        };
        let Some(s) = p.steps.get(step) else {
            return vec![];
        };
        let res = self.path_result(p);
        let region = self
            .person
            .profile(&self.as_of)
            .region
            .filter(|r| r != "elsewhere");
        // The person's region's measures; everyone's when the region is not known.
        let measures: Vec<_> = self
            .cache
            .measures_by_id(&s.spec.measures, self.lang().traditional())
            .unwrap_or_default()
            .into_iter()
            .filter(|m| region.as_ref().is_none_or(|r| &m.region_id == r))
            .collect();
        super::massage::entries(
            p,
            step,
            &res.steps[step],
            measures,
            self.rules.as_deref().unwrap_or(&[]),
        )
    }

    /// After the person or the marks changed: a step screen on top is read anew.
    fn refresh_step(&mut self) {
        if let ScreenKind::MassageStep { path, step, .. } = self.screen().kind {
            let fresh = self.step_entries(path, step);
            let focus = self.screen().focus.min(fresh.len().saturating_sub(1));
            if let ScreenKind::MassageStep { entries, .. } = &mut self.screen_mut().kind {
                *entries = fresh;
            }
            self.screen_mut().focus = focus;
        }
    }

    fn step_items(
        &self,
        path: &crate::domain::paths::MassagePath,
        step: usize,
        entries: &[super::massage::Entry],
        date: &str,
    ) -> Vec<Item> {
        let res = self.path_result(path);
        let profile = self.person.profile(&self.as_of);
        let rules = self.rules.as_deref().unwrap_or(&[]);
        let outcome = |r: &crate::domain::rules::Rule| -> String {
            crate::domain::rules::evaluate(std::slice::from_ref(r), &profile, &self.as_of)
                .first()
                .map(|e| super::entitlements::outcome_text(&self.loc, e))
                .unwrap_or_default()
        };
        let region = |name: &str| self.data_text(name);
        let mut items = super::massage::detail_items(
            &self.loc,
            path,
            step,
            &res,
            entries,
            rules,
            &outcome,
            &region,
            &self.plans,
            &self.as_of,
        );
        // The date typed for marking the step done, read back in words.
        let l = &self.loc;
        for (e, it) in entries.iter().zip(items.iter_mut()) {
            if *e == super::massage::Entry::MarkDate {
                it.state = Some(match mark_date(date, &self.as_of) {
                    Ok(None) => l.t("step-mark-date-today"),
                    Ok(Some(d)) => l.date(&d.to_iso()),
                    Err(()) => l.t_args(
                        "form-error",
                        &[(
                            "error",
                            l.t_args("step-mark-date-bad", &[("value", date.into())])
                                .as_str()
                                .into(),
                        )],
                    ),
                });
            }
        }
        items
    }

    fn step_activate(
        &mut self,
        path: usize,
        step: usize,
        entry: Option<super::massage::Entry>,
    ) -> Vec<Effect> {
        use super::massage::Entry;
        match entry {
            Some(Entry::Ask(m)) => self.open_massage_form(Some(m)),
            Some(Entry::Measure(m)) => self.push(ScreenKind::Measure(m)),
            Some(Entry::Rule(i)) => {
                let profile = self.person.profile(&self.as_of);
                let Some(rule) = self.rules.as_ref().and_then(|r| r.get(i)) else {
                    return vec![];
                };
                match crate::domain::rules::evaluate(
                    std::slice::from_ref(rule),
                    &profile,
                    &self.as_of,
                )
                .into_iter()
                .next()
                {
                    Some(e) => self.push(ScreenKind::EntDetail(i, Box::new(e))),
                    None => vec![],
                }
            }
            Some(Entry::Citation(_)) => match self.cited() {
                Some(_) => self.original(),
                None => self.announce_focus(),
            },
            Some(Entry::Mark) => self.toggle_mark(path, step),
            Some(Entry::Apply(kind)) => {
                let id = self
                    .paths
                    .as_ref()
                    .and_then(|ps| ps.get(path))
                    .and_then(|p| p.steps.get(step))
                    .map(|s| s.spec.id.clone())
                    .unwrap_or_default();
                self.apply_for(kind, id)
            }
            _ => self.announce_focus(),
        }
    }

    /// Mark the step done today (or take the mark back), then say the step
    /// after it.
    fn toggle_mark(&mut self, path: usize, step: usize) -> Vec<Effect> {
        let Some(p) = self.paths.as_ref().and_then(|ps| ps.get(path)) else {
            return vec![];
        };
        let Some(s) = p.steps.get(step) else {
            return vec![];
        };
        let id = s.spec.id.clone();
        let title = s.spec.title.clone();
        let owner = self.person.owner();
        let marked = self
            .marks
            .get(&owner)
            .and_then(|m| m.get(&id))
            .is_some_and(|m| m.done);
        let typed = match &self.screen().kind {
            ScreenKind::MassageStep { date, .. } => date.clone(),
            _ => String::new(),
        };
        let on = match mark_date(&typed, &self.as_of) {
            Ok(d) => d.unwrap_or(self.as_of).to_iso(),
            Err(()) => {
                let msg = self
                    .loc
                    .t_args("step-mark-date-bad", &[("value", typed.as_str().into())]);
                return vec![self.notify(msg)];
            }
        };
        if let ScreenKind::MassageStep { date, .. } = &mut self.screen_mut().kind {
            date.clear();
        }
        self.marks.entry(owner.clone()).or_default().insert(
            id.clone(),
            crate::domain::paths::Mark {
                done: !marked,
                on: on.clone(),
            },
        );
        let l = &self.loc;
        let mut text = if marked {
            l.t_args(
                "step-unmarked",
                &[
                    ("index", (step + 1).into()),
                    ("title", title.as_str().into()),
                ],
            )
        } else {
            l.t_args(
                "step-marked",
                &[
                    ("index", (step + 1).into()),
                    ("title", title.as_str().into()),
                    ("date", l.date(&on).as_str().into()),
                ],
            )
        };
        let Some(p) = self.paths.as_ref().and_then(|ps| ps.get(path)) else {
            return vec![];
        };
        let res = self.path_result(p);
        let next = match res.next {
            Some(i) => {
                let it = super::massage::step_item(l, p, &res, i);
                l.t_args(
                    "step-next-is",
                    &[(
                        "step",
                        announce::item_at(l, &it, i, p.steps.len(), Verbosity::Brief)
                            .as_str()
                            .into(),
                    )],
                )
            }
            None => l.t("path-all-behind"),
        };
        text = format!("{text}{}{next}", l.t("sentence-separator"));
        self.refresh_step();
        let effect = Effect::MarkStep {
            owner,
            step: id,
            done: !marked,
            on,
        };
        vec![effect, self.notify(text)]
    }

    /// Where a step screen's focused item (or the step itself) is written:
    /// a regional measure, or a citation of a plan document.
    fn step_cited(
        &self,
        path: usize,
        step: usize,
        entry: Option<&super::massage::Entry>,
    ) -> Option<(String, Option<usize>)> {
        use super::massage::Entry;
        let s = self.paths.as_ref()?.get(path)?.steps.get(step)?;
        if let Some(Entry::Measure(m)) = entry {
            return Some((m.document_id.clone(), m.paragraph));
        }
        let citations: Vec<&crate::domain::rules::Citation> = match entry {
            Some(Entry::Citation(k)) => s.spec.citations.get(*k).into_iter().collect(),
            Some(Entry::Requirement(k)) => s
                .spec
                .requirements
                .get(*k)
                .map(|r| &r.citation)
                .into_iter()
                .collect(),
            _ => s.spec.citations.iter().collect(),
        };
        citations.into_iter().find_map(|c| self.locate(c))
    }

    /// The plan document and paragraph that hold a citation's quote.
    fn locate(&self, c: &crate::domain::rules::Citation) -> Option<(String, Option<usize>)> {
        let doc = self.plans.by_source(&c.source)?.clone();
        let paragraphs = self.cache.paragraphs(&doc.id, false).ok()?;
        let head: String = c.quote.chars().take(12).collect();
        let at = paragraphs
            .iter()
            .position(|p| p.contains(&c.quote))
            .or_else(|| paragraphs.iter().position(|p| p.contains(&head)));
        Some((doc.id, at))
    }
}

/// The items above the list of applications: the client, new, export.
const APPS_CONTROLS: usize = 3;

/// The "四个一" registrations, started from the applications screen (the
/// other kinds start from a job, an entitlement or a massage step).
const NEW_KINDS: [crate::domain::forms::Kind; 3] = [
    crate::domain::forms::Kind::FourOneBasicInfo,
    crate::domain::forms::Kind::FourOneAssessment,
    crate::domain::forms::Kind::FourOneNeeds,
];

/// Applications.
impl App {
    /// The applications of the client on file, newest first; everyone's
    /// when no client is chosen (a centre's whole list, each saying whose).
    fn listed_apps(&self) -> Vec<&crate::store::applications::Application> {
        let everyone = self.person.profile_id.is_none();
        let mut v: Vec<_> = self
            .apps
            .iter()
            .filter(|a| everyone || a.profile_id == self.person.profile_id)
            .collect();
        v.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then(b.id.cmp(&a.id)));
        v
    }

    fn app(&self, id: i64) -> Option<&crate::store::applications::Application> {
        self.apps.iter().find(|a| a.id == id)
    }

    fn app_form(&self, id: i64) -> Option<&crate::domain::forms::Form> {
        let a = self.app(id)?;
        crate::domain::forms::form_for(&self.forms, a.kind)
    }

    /// The name of an application's client, if it has one.
    fn client_name(&self, profile_id: Option<i64>) -> Option<String> {
        let id = profile_id?;
        Some(
            self.saved
                .iter()
                .find(|(x, _)| *x == id)
                .map(|(_, p)| p.label.trim().to_string())
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| self.loc.t("profiles-unnamed")),
        )
    }

    /// Whose application it is, in words ("服务对象：王先生").
    fn owner_words(&self, profile_id: Option<i64>) -> String {
        crate::i18n::applications::owner_text(&self.loc, self.client_name(profile_id).as_deref())
    }

    /// A title with the name of the application's client.
    fn whose_app(&self, id: i64, title: String) -> String {
        match self.app(id).and_then(|a| self.client_name(a.profile_id)) {
            Some(n) => self.loc.t_args(
                "title-of-person",
                &[
                    ("title", title.as_str().into()),
                    ("name", n.as_str().into()),
                ],
            ),
            None => title,
        }
    }

    /// What an application is for, in words: a posting's title, a rule's, a step's.
    fn target_words(&self, a: &crate::store::applications::Application) -> String {
        use crate::domain::forms::TargetKind;
        if a.target.is_empty() {
            return self.loc.t("app-target-none");
        }
        match a.kind.target() {
            TargetKind::Posting => self
                .jobs
                .as_ref()
                .and_then(|j| j.get(&a.target).ok().flatten())
                .map_or_else(
                    || a.target.clone(),
                    |p| format!("{}（{}）", p.title, p.employer),
                ),
            TargetKind::Rule | TargetKind::Free => self
                .rules
                .as_ref()
                .and_then(|rs| rs.iter().find(|r| r.spec.id == a.target))
                .map_or_else(|| a.target.clone(), |r| r.spec.title.clone()),
            TargetKind::Step => self
                .paths
                .as_ref()
                .and_then(|ps| ps.iter().find_map(|p| p.step(&a.target)))
                .map_or_else(|| a.target.clone(), |s| s.spec.title.clone()),
        }
    }

    fn app_documents(
        &self,
        a: &crate::store::applications::Application,
    ) -> Vec<crate::domain::forms::Document> {
        crate::domain::forms::documents_for(
            a.kind,
            &a.target,
            &crate::domain::forms::DocumentSources {
                rules: self.rules.as_deref().unwrap_or(&[]),
                paths: self.paths.as_deref().unwrap_or(&[]),
            },
        )
    }

    fn applications_items(&self) -> Vec<Item> {
        let l = &self.loc;
        let mut items = vec![
            Item::new(l.t("app-client"), Role::Setting).with_state(
                if self.person.profile_id.is_none() && self.person.name().is_none() {
                    l.t("app-everyone")
                } else {
                    self.person_text()
                },
            ),
            Item::new(l.t("apps-new"), Role::MenuItem),
            Item::new(l.t("apps-export"), Role::MenuItem),
        ];
        let listed = self.listed_apps();
        let n = listed.len();
        let everyone = self.person.profile_id.is_none();
        for (i, a) in listed.into_iter().enumerate() {
            let date = a.updated_at.get(..10).unwrap_or(&a.updated_at).to_string();
            let mut item = super::applications::list_item(l, a, &self.target_words(a), &date);
            if everyone {
                item.state = Some(announce::join(
                    l,
                    &[
                        self.owner_words(a.profile_id),
                        item.state.unwrap_or_default(),
                    ],
                ));
            }
            items.push(item.at(i, n));
        }
        if n == 0 {
            items.push(Item::new(l.t("apps-none"), Role::ListItem));
        }
        items
    }

    fn app_entries(&self, id: i64) -> Vec<super::applications::Entry> {
        let (Some(a), Some(form)) = (self.app(id), self.app_form(id)) else {
            return vec![];
        };
        let docs = self.app_documents(a).len();
        let history = self.app_history.get(&id).map_or(0, Vec::len);
        super::applications::entries(a, form, docs, history)
    }

    fn application_items(&self, id: i64) -> Vec<Item> {
        let (Some(a), Some(form)) = (self.app(id), self.app_form(id)) else {
            return vec![];
        };
        let entries = self.app_entries(id);
        let docs = self.app_documents(a);
        let empty = vec![];
        let history = self.app_history.get(&id).unwrap_or(&empty);
        let local = |utc: &str| local_time_words(&self.loc, &self.cache, utc);
        let mut items = super::applications::items(
            &self.loc,
            a,
            form,
            &entries,
            &docs,
            history,
            &self.owner_words(a.profile_id),
            &self.target_words(a),
            &self.as_of,
            &local,
        );
        if self.line_mode && a.status.is_editable() {
            // Choices as numbered lists; `=2` picks the second.
            for (e, it) in entries.iter().zip(items.iter_mut()) {
                if let super::applications::Entry::Field(i) = e
                    && !super::applications::is_typed(form, *i)
                {
                    let f = &form.fields[*i];
                    let list = match f.ty {
                        crate::domain::forms::FieldType::YesNo => {
                            format!(
                                "1. {} 2. {}",
                                self.loc.t("value-yes"),
                                self.loc.t("value-no")
                            )
                        }
                        _ => crate::i18n::applications::numbered_choices(&self.loc, f).join(" "),
                    };
                    let hint = self
                        .loc
                        .t_args("app-choose-one", &[("choices", list.as_str().into())]);
                    it.state = Some(announce::join(
                        &self.loc,
                        &[it.state.clone().unwrap_or_default(), hint],
                    ));
                }
            }
        }
        items
    }

    /// The list, after the session read the applications again.
    pub fn show_applications(&mut self) -> Vec<Effect> {
        if let Err(e) = self.ensure_rules() {
            return vec![e];
        }
        if let Err(e) = self.ensure_paths() {
            return vec![e];
        }
        if matches!(self.screen().kind, ScreenKind::Applications) {
            return self.announce_screen();
        }
        // A draft waiting is offered first.
        let focus = self
            .listed_apps()
            .iter()
            .position(|a| a.status == crate::domain::forms::Status::Draft)
            .map_or(0, |i| i + APPS_CONTROLS);
        self.status = None;
        self.stack.push(Screen {
            kind: ScreenKind::Applications,
            focus,
        });
        self.announce_screen()
    }

    fn open_application(&mut self, id: i64) -> Vec<Effect> {
        if self.app(id).is_none() {
            return vec![];
        }
        // The first field to fill in (or the first field).
        let first = self.first_field_to_fill(id);
        self.status = None;
        self.stack.push(Screen {
            kind: ScreenKind::Application { id, typing: None },
            focus: first,
        });
        self.announce_screen()
    }

    /// The entry of the first empty required field of a draft, else the first field.
    fn first_field_to_fill(&self, id: i64) -> usize {
        let (Some(a), Some(form)) = (self.app(id), self.app_form(id)) else {
            return 0;
        };
        if a.status != crate::domain::forms::Status::Draft {
            return 0;
        }
        let entries = self.app_entries(id);
        let empty_required = form
            .fields
            .iter()
            .position(|f| f.required && a.values.get(&f.id).is_none_or(|v| v.trim().is_empty()));
        // Everything required is there: on "提交申请".
        let at = match empty_required {
            Some(k) => super::applications::Entry::Field(k),
            None => super::applications::Entry::Action(crate::domain::forms::Status::Filed),
        };
        entries.iter().position(|e| *e == at).unwrap_or(0)
    }

    /// Start an application of `kind` for `target` for the client on file:
    /// the session opens the draft there is, or makes one, prefilled.
    fn apply_for(&mut self, kind: crate::domain::forms::Kind, target: String) -> Vec<Effect> {
        if let Err(e) = self.ensure_rules() {
            return vec![e];
        }
        if let Err(e) = self.ensure_paths() {
            return vec![e];
        }
        let Some(form) = crate::domain::forms::form_for(&self.forms, kind) else {
            return vec![self.notify(self.loc.t("app-no-form"))];
        };
        if let Some(a) = self.apps.iter().find(|a| {
            a.kind == kind
                && a.target == target
                && a.profile_id == self.person.profile_id
                && a.status == crate::domain::forms::Status::Draft
        }) {
            let id = a.id;
            let mut effects = self.open_application(id);
            let note = self.loc.t("app-continue-draft");
            if let Some(Effect::Speak(t)) = effects.first_mut() {
                *t = format!("{note}{}{t}", self.loc.t("sentence-separator"));
            }
            return effects;
        }
        let regions: Vec<(String, String)> = self
            .cache
            .regions()
            .unwrap_or_default()
            .into_iter()
            .map(|r| (r.id, r.name))
            .collect();
        let region_name = |id: &str| {
            regions
                .iter()
                .find(|(r, _)| r == id)
                .map(|(_, n)| n.clone())
        };
        let values =
            crate::domain::forms::prefill(form, &self.person.stored, &region_name, &self.as_of);
        vec![Effect::Records(super::applications::RecordsOp::Create {
            kind,
            target,
            profile_id: self.person.profile_id,
            values,
        })]
    }

    /// The session made a new draft: open it.
    pub fn application_created(
        &mut self,
        a: crate::store::applications::Application,
        history: Vec<crate::store::applications::Event>,
    ) -> Vec<Effect> {
        let id = a.id;
        self.app_history.insert(id, history);
        self.apps.retain(|x| x.id != id);
        self.apps.push(a);
        // The choice of a new registration is done with: Back goes to the list.
        if matches!(self.screen().kind, ScreenKind::NewApplication) {
            self.stack.pop();
        }
        self.open_application(id)
    }

    /// The session saved a change: keep the version (and the status history).
    pub fn application_saved(
        &mut self,
        a: crate::store::applications::Application,
        history: Vec<crate::store::applications::Event>,
    ) {
        self.app_history.insert(a.id, history);
        match self.apps.iter_mut().find(|x| x.id == a.id) {
            Some(x) => *x = a,
            None => self.apps.push(a),
        }
    }

    /// The session read every application again.
    pub fn applications_loaded(
        &mut self,
        apps: Vec<crate::store::applications::Application>,
        history: BTreeMap<i64, Vec<crate::store::applications::Event>>,
    ) {
        self.apps = apps;
        self.app_history = history;
    }

    /// The entry focused on an application screen, if it is one of its fields.
    fn focused_app_field(&self, id: i64) -> Option<usize> {
        let entries = self.app_entries(id);
        match entries.get(self.screen().focus) {
            Some(super::applications::Entry::Field(i)) => Some(*i),
            _ => None,
        }
    }

    /// The focused field, when it takes typed text and the application is a draft.
    fn app_typed_field(&self, id: i64) -> Option<usize> {
        let a = self.app(id)?;
        let form = self.app_form(id)?;
        let i = self.focused_app_field(id)?;
        (a.status.is_editable() && super::applications::is_typed(form, i)).then_some(i)
    }

    /// Typing starts from what the field holds.
    fn begin_typing(&mut self) {
        let ScreenKind::Application { id, typing } = &self.screen().kind else {
            return;
        };
        let (id, focus) = (*id, self.screen().focus);
        if typing.as_ref().is_some_and(|(at, _)| *at == focus) {
            return;
        }
        let Some(i) = self.app_typed_field(id) else {
            return;
        };
        let current = self
            .app_form(id)
            .and_then(|f| f.fields.get(i))
            .and_then(|f| self.app(id).and_then(|a| a.values.get(&f.id)))
            .cloned()
            .unwrap_or_default();
        if let ScreenKind::Application { typing, .. } = &mut self.screen_mut().kind {
            *typing = Some((focus, current));
        }
    }

    /// After a typed change: the value to keep, saved before the next key.
    fn app_text_changed(&mut self) -> Option<Effect> {
        let ScreenKind::Application {
            id,
            typing: Some((_, text)),
        } = &self.screen().kind
        else {
            return None;
        };
        let (id, text) = (*id, text.clone());
        let i = self.app_typed_field(id)?;
        let field = self.app_form(id)?.fields.get(i)?.clone();
        let (value, _) = crate::domain::forms::stored_value(&field, &text, &self.as_of);
        self.set_app_value(id, &field.id, value)
    }

    /// Change one value of a draft here and ask the session to save it.
    fn set_app_value(&mut self, id: i64, field: &str, value: String) -> Option<Effect> {
        let a = self.apps.iter_mut().find(|a| a.id == id)?;
        if !a.status.is_editable() {
            return None;
        }
        let expected = a.version;
        if value.is_empty() {
            a.values.remove(field);
        } else {
            a.values.insert(field.to_string(), value.clone());
        }
        Some(Effect::Records(super::applications::RecordsOp::SetField {
            id,
            expected,
            field: field.to_string(),
            value,
        }))
    }

    /// The problem of the focused field, worded, if it has one.
    fn app_field_problem(&self) -> Option<String> {
        let ScreenKind::Application { id, .. } = self.screen().kind else {
            return None;
        };
        let i = self.focused_app_field(id)?;
        let (a, form) = (self.app(id)?, self.app_form(id)?);
        let p = super::applications::problem_of(form, i, a, &self.as_of)?;
        let e = crate::domain::forms::FieldError {
            field: form.fields.get(i)?.id.clone(),
            problem: p,
        };
        Some(crate::i18n::applications::field_error_text(
            &self.loc, form, &e,
        ))
    }

    /// Left/Right on a choice or yes/no field of a draft.
    fn adjust_app_field(&mut self, id: i64, up: bool) -> Vec<Effect> {
        let Some(i) = self.focused_app_field(id) else {
            return vec![];
        };
        let (Some(a), Some(form)) = (self.app(id), self.app_form(id)) else {
            return vec![];
        };
        if !a.status.is_editable() {
            return vec![self.notify(self.loc.t("app-not-editable"))];
        }
        let f = &form.fields[i];
        let current = a.values.get(&f.id).cloned().unwrap_or_default();
        let Some(next) = super::applications::cycle_value(form, i, &current, up) else {
            return vec![];
        };
        let field_id = f.id.clone();
        let save = self.set_app_value(id, &field_id, next);
        let mut effects: Vec<Effect> = save.into_iter().collect();
        let text = self
            .view()
            .focused()
            .map(|it| {
                announce::join(
                    &self.loc,
                    &[it.label.clone(), it.state.clone().unwrap_or_default()],
                )
            })
            .unwrap_or_default();
        effects.push(self.say(text));
        effects
    }

    /// Line mode's `=2` or `=全职` on a choice field: that choice.
    fn set_app_choice(&mut self, text: &str) -> Option<Vec<Effect>> {
        let ScreenKind::Application { id, .. } = self.screen().kind else {
            return None;
        };
        let i = self.focused_app_field(id)?;
        let form = self.app_form(id)?;
        let f = form.fields.get(i)?;
        if super::applications::is_typed(form, i) {
            return None;
        }
        let t = text.trim();
        let options: Vec<(String, String)> = match f.ty {
            crate::domain::forms::FieldType::YesNo => vec![
                ("yes".into(), self.loc.t("value-yes")),
                ("no".into(), self.loc.t("value-no")),
            ],
            _ => f
                .choices
                .iter()
                .map(|c| (c.value.clone(), self.loc.t(&c.label)))
                .collect(),
        };
        let chosen = t
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|k| options.get(k))
            .or_else(|| options.iter().find(|(v, label)| v == t || label == t))
            .map(|(v, _)| v.clone());
        let Some(v) = chosen else {
            let list = crate::i18n::applications::numbered_choices(&self.loc, f).join(" ");
            return Some(vec![
                self.notify(
                    self.loc
                        .t_args("app-choose-one", &[("choices", list.as_str().into())]),
                ),
            ]);
        };
        let field_id = f.id.clone();
        let mut effects: Vec<Effect> = self.set_app_value(id, &field_id, v).into_iter().collect();
        effects.extend(self.announce_focus());
        Some(effects)
    }

    /// Enter on an application's entry.
    fn application_activate(&mut self, id: i64) -> Vec<Effect> {
        use super::applications::Entry;
        let entries = self.app_entries(id);
        match entries.get(self.screen().focus).cloned() {
            Some(Entry::Field(i)) => match self.app_form(id) {
                Some(form) if !super::applications::is_typed(form, i) => self.adjust(true),
                _ => self.announce_focus(),
            },
            Some(Entry::Action(to)) => self.move_application(id, to),
            _ => self.announce_focus(),
        }
    }

    /// File (after the summary of problems), hand over, accept, reject, or
    /// withdraw (asked twice): the session writes it with the time and who.
    fn move_application(&mut self, id: i64, to: crate::domain::forms::Status) -> Vec<Effect> {
        use crate::domain::forms::Status;
        let (Some(a), Some(form)) = (self.app(id), self.app_form(id)) else {
            return vec![];
        };
        let version = a.version;
        if to == Status::Filed {
            let errors = crate::domain::forms::validate(form, &a.values, &self.as_of);
            if !errors.is_empty() {
                let n = errors.len();
                let effects = self.push(ScreenKind::AppErrors { id, errors });
                let head = self.loc.t_args("app-fix-first", &[("count", n.into())]);
                if let Some(Effect::Speak(t)) = effects.into_iter().next() {
                    self.history.pop_back();
                    let text = format!("{head}{}{t}", self.loc.t("sentence-separator"));
                    return vec![self.say(text)];
                }
                return vec![];
            }
        }
        if to == Status::Withdrawn && self.confirm_armed != Some((id, to)) {
            self.confirm_armed = Some((id, to));
            return vec![self.notify(self.loc.t("app-withdraw-ask"))];
        }
        self.confirm_armed = None;
        vec![Effect::Records(super::applications::RecordsOp::Status {
            id,
            expected: version,
            to,
        })]
    }

    /// The session moved an application on: say its new status.
    pub fn application_moved(&mut self, id: i64) -> Vec<Effect> {
        let Some(a) = self.app(id) else {
            return vec![];
        };
        let status = crate::i18n::applications::status_name(&self.loc, a.status);
        let docs = self.app_documents(a);
        let mut text = self
            .loc
            .t_args("app-moved", &[("status", status.as_str().into())]);
        if a.status == crate::domain::forms::Status::Filed && !docs.is_empty() {
            let list: Vec<String> = docs.iter().map(|d| d.what.clone()).collect();
            text = format!(
                "{text}{}{}",
                self.loc.t("sentence-separator"),
                self.loc.t_args(
                    "app-remember-bring",
                    &[(
                        "list",
                        list.join(&self.loc.t("enumeration-separator"))
                            .as_str()
                            .into()
                    )]
                )
            );
        }
        let n = self.view().items.len();
        let focus = self.screen().focus.min(n.saturating_sub(1));
        self.screen_mut().focus = focus;
        vec![self.notify(text)]
    }

    /// Back on the application at the field a problem names.
    fn focus_app_field(&mut self, id: i64, field: Option<&str>) -> Vec<Effect> {
        let at = field.and_then(|f| {
            let form = self.app_form(id)?;
            let i = form.fields.iter().position(|x| x.id == f)?;
            self.app_entries(id)
                .iter()
                .position(|e| *e == super::applications::Entry::Field(i))
        });
        if let Some(k) = at {
            self.screen_mut().focus = k;
        }
        self.announce_focus()
    }

    /// Export the applications listed (the client's, or everyone's) to CSV.
    fn export_listed(&mut self) -> Vec<Effect> {
        let rows: Vec<(i64, Option<String>, String)> = self
            .listed_apps()
            .iter()
            .map(|a| (a.id, self.client_name(a.profile_id), self.target_words(a)))
            .collect();
        if rows.is_empty() {
            return vec![self.notify(self.loc.t("apps-export-none"))];
        }
        let who = match (self.person.profile_id, self.person.name()) {
            (None, _) => self.loc.t("apps-export-everyone"),
            (Some(_), Some(n)) => n.to_string(),
            (Some(id), None) => format!("#{id}"),
        };
        vec![Effect::Records(super::applications::RecordsOp::ExportCsv {
            rows,
            who,
        })]
    }

    /// Drafts not yet filed, for the welcome ("继续填写？").
    pub fn drafts_waiting(&self) -> usize {
        self.apps
            .iter()
            .filter(|a| a.status == crate::domain::forms::Status::Draft)
            .count()
    }
}

/// The date typed for marking a step done: none (today), a date in any common
/// form up to today, or not a date.
fn mark_date(
    typed: &str,
    today: &crate::domain::card::Date,
) -> Result<Option<crate::domain::card::Date>, ()> {
    if typed.trim().is_empty() {
        return Ok(None);
    }
    match crate::domain::forms::parse_date(typed) {
        Some(d) if d <= *today => Ok(Some(d)),
        _ => Err(()),
    }
}

/// A stored UTC time ("2026-11-22T03:04:05.000") as local date and time in words.
fn local_time_words(l: &Localizer, cache: &Cache, utc: &str) -> String {
    let local = cache.local_time(utc);
    let (date, time) = local.split_once(' ').unwrap_or((local.as_str(), ""));
    format!("{} {time}", l.date(date))
}

pub fn pay_text(l: &Localizer, p: &Posting) -> String {
    match (p.pay_min, p.pay_max) {
        (Some(a), Some(b)) if a == b => {
            l.t_args("jobs-pay-exact", &[("amount", i64::from(a).into())])
        }
        (Some(a), Some(b)) => l.t_args(
            "jobs-pay-range",
            &[("min", i64::from(a).into()), ("max", i64::from(b).into())],
        ),
        (Some(a), None) => l.t_args("jobs-pay-from", &[("amount", i64::from(a).into())]),
        (None, Some(b)) => l.t_args("jobs-pay-to", &[("amount", i64::from(b).into())]),
        (None, None) => l.t("jobs-pay-none"),
    }
}

pub fn action_id(a: Action) -> &'static str {
    match a {
        Action::PublicBodies => "action-public-bodies",
        Action::StateEnterprises => "action-state-enterprises",
        Action::PrivateEnterprises => "action-private-enterprises",
        Action::SocialOrganisations => "action-social-organisations",
        Action::HardToEmploy => "action-hard-to-employ",
        Action::Rural => "action-rural",
        Action::Graduates => "action-graduates",
        Action::BlindMassage => "action-blind-massage",
        Action::EmploymentServices => "action-employment-services",
        Action::VocationalSkills => "action-vocational-skills",
        Action::General => "action-general",
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::measures::Group;

    /// Message ids built in code (not written as literals at a call site)
    /// exist in every locale.
    #[test]
    fn every_computed_message_id_exists_in_every_locale() {
        let mut ids: Vec<String> = vec![];
        ids.extend(HomeEntry::ALL.iter().map(|e| e.message_id().to_string()));
        ids.extend(SettingField::ALL.iter().map(|f| setting_id(*f).to_string()));
        ids.extend(Action::ALL.iter().map(|a| action_id(*a).to_string()));
        ids.extend(
            crate::domain::lang::Lang::ALL
                .iter()
                .map(|l| lang_id(*l).to_string()),
        );
        ids.extend(
            [
                Topic::Home,
                Topic::Regions,
                Topic::RegionMenu,
                Topic::Measures,
                Topic::Measure,
                Topic::Targets,
                Topic::Search,
                Topic::Jobs,
                Topic::JobDetail,
                Topic::Bookmarks,
                Topic::Profiles,
                Topic::EntForm,
                Topic::EntResults,
                Topic::EntDetail,
                Topic::Reader,
                Topic::Settings,
                Topic::Help,
                Topic::History,
                Topic::MassageHome,
                Topic::MassageForm,
                Topic::MassagePath,
                Topic::MassageStep,
                Topic::Applications,
                Topic::NewApplication,
                Topic::Application,
                Topic::AppErrors,
            ]
            .iter()
            .map(|t| t.message_id().to_string()),
        );
        use crate::domain::rules::{EDUCATION_LEVELS, Fact, HEALTH_MASSAGE_LEVELS};
        ids.extend(Fact::ALL.iter().map(|f| crate::i18n::describe::fact_id(*f)));
        ids.extend(
            HEALTH_MASSAGE_LEVELS
                .iter()
                .map(|v| format!("massage-level-{}", v.replace('_', "-"))),
        );
        ids.extend(
            EDUCATION_LEVELS
                .iter()
                .map(|v| format!("education-{}", v.replace('_', "-"))),
        );
        ids.extend(
            super::super::keymap::COMMANDS
                .iter()
                .map(|(c, _, _)| c.message_id()),
        );
        use super::super::view::Role;
        ids.extend(
            [
                Role::MenuItem,
                Role::ListItem,
                Role::Paragraph,
                Role::Setting,
                Role::HelpEntry,
                Role::HistoryEntry,
                Role::EditField,
                Role::Field,
                Role::Step,
            ]
            .iter()
            .map(|r| r.message_id().to_string()),
        );
        let groups: Vec<Group> = serde_json::from_str(
            r#"["disabled_people","visually_disabled","hearing_speech_disabled","physically_disabled","intellectual_psychosocial","severely_disabled","women","youth","graduates","students","rural","low_income","hard_to_employ","unemployed","self_employed","massage_practitioners","families","employers","public_bodies","state_enterprises","private_enterprises","social_organisations","service_agencies"]"#,
        )
        .expect("every group");
        ids.extend(
            groups
                .iter()
                .map(|g| format!("group-{}", g.key().replace('_', "-"))),
        );
        use crate::domain::jobs::{CATEGORIES, EMPLOYER_KINDS, JOB_KINDS};
        ids.extend(
            EMPLOYER_KINDS
                .iter()
                .map(|(_, k, _)| format!("employer-{}", k.replace('_', "-"))),
        );
        ids.extend(
            JOB_KINDS
                .iter()
                .map(|(_, k, _)| format!("job-kind-{}", k.replace('_', "-"))),
        );
        ids.extend(CATEGORIES.iter().map(|(_, k, _)| format!("category-{k}")));
        use crate::domain::forms::Status as AppStatus;
        ids.extend(
            AppStatus::ALL
                .iter()
                .map(|s| super::super::applications::action_id(*s).to_string()),
        );
        for lang in crate::domain::lang::Lang::ALL {
            let l = Localizer::new(lang);
            for id in &ids {
                assert!(l.has(id), "{} lacks {id}", lang.tag());
            }
        }
    }
}
