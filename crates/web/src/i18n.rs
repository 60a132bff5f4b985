//! The interface's words: one catalogue per language ([`fa`] and [`en`]),
//! Persian by default, English as a choice (`#language`, remembered in
//! `localStorage` as `barchasb-lang`; `www/boot.js` sets `html[lang]` and
//! `dir` before the first paint).
//!
//! Every visible string of the chrome is a [`T`] key; a text with values
//! in it is a template with `{0}`, `{1}`… (filled once, left to right, so a
//! value that itself holds `{1}` stays as it is). Counted nouns are
//! [`Noun`]s: English has one and other forms, Persian keeps the singular
//! after a number (`۲ سند`). Numbers of the chrome are written in Persian
//! digits in the Persian interface ([`Lang::num`]); document text, ids and
//! `data-*` values never go through here.
//!
//! ```text
//! app.lang.t(T::AcceptAll)                      // "پذیرش همه" / "Accept all"
//! app.lang.count(2, Noun::Document)             // "۲ سند" / "2 documents"
//! app.lang.f(T::ShownOf, &[&lang.num(3), &lang.num(9)])  // "۳ از ۹" / "3 of 9"
//! ```

mod en;
mod fa;

use std::fmt::Display;

/// The interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Fa,
    En,
}

impl Lang {
    /// The BCP 47 code (`html[lang]`, `#language`'s value, the stored choice).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fa => "fa",
            Lang::En => "en",
        }
    }

    /// The writing direction (`html[dir]`).
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Fa => "rtl",
            Lang::En => "ltr",
        }
    }

    /// A size in bytes as `1.2 MB` or `340 kB`, in this language's digits.
    pub fn size(self, bytes: f64) -> String {
        if bytes >= 1e6 {
            self.f(T::Megabytes, &[&self.num(format!("{:.1}", bytes / 1e6))])
        } else {
            self.f(T::Kilobytes, &[&self.num(format!("{:.0}", bytes / 1e3))])
        }
    }

    /// `fa` or `en`; anything else is no language.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "fa" => Some(Lang::Fa),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The text of `key` in this language.
    pub fn t(self, key: T) -> &'static str {
        match self {
            Lang::Fa => fa::text(key),
            Lang::En => en::text(key),
        }
    }

    /// The template `key` with `{i}` replaced by `args[i]`.
    pub fn f(self, key: T, args: &[&dyn Display]) -> String {
        fill(self.t(key), args)
    }

    /// A number of the chrome: Persian digits (and `٫` for the decimal
    /// point) in Persian, as given in English.
    pub fn num(self, n: impl Display) -> String {
        let s = n.to_string();
        match self {
            Lang::En => s,
            Lang::Fa => s
                .chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32('۰' as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
                    '.' => '٫',
                    '%' => '٪',
                    c => c,
                })
                .collect(),
        }
    }

    /// `n` and its noun, in the form the number takes.
    pub fn count(self, n: usize, noun: Noun) -> String {
        let (one, other) = match self {
            Lang::Fa => fa::noun(noun),
            Lang::En => en::noun(noun),
        };
        fill(if n == 1 { one } else { other }, &[&self.num(n)])
    }
}

/// Fills `{0}`…`{9}` in one pass (a filled value is not read again).
fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let b = tail.as_bytes();
        match (b.get(1), b.get(2)) {
            (Some(d @ b'0'..=b'9'), Some(b'}')) if usize::from(d - b'0') < args.len() => {
                out.push_str(&args[usize::from(d - b'0')].to_string());
                rest = &tail[3..];
            }
            _ => {
                out.push('{');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Nouns said with a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    Document,
    DocumentAdded,
    DocumentMarkedDone,
    Doc,
    Span,
    Suggestion,
    Occurrence,
    MoreOccurrence,
    Disagreement,
    DisagreementIs,
    Problem,
    Label,
    Name,
}

/// Declares [`T`] and `ALL` (every key, for the catalogues' tests).
macro_rules! keys {
    ($($(#[$m:meta])* $k:ident,)*) => {
        /// Every text of the interface.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum T { $($k,)* }
        #[cfg(test)]
        const ALL: &[T] = &[$(T::$k,)*];
    };
}

keys! {
    // header
    Brand,
    SaveFailed,
    SaveReadOnly,
    Saved,
    Saving,
    ReviewBadge,
    ProgressTitle,
    ProgressAria,
    DocsButtonTitle,
    AcceptAll,
    DoneNext,
    Undo,
    Redo,
    SuggestingAria,
    SuggestingLeft,
    // document list
    DoneLabel,
    AgreementCounts,
    OneAnnotatorCounts,
    DeleteDocTitle,
    DeleteDocAria,
    SearchDocs,
    StatusAria,
    LabelAria,
    ConfidenceAria,
    OrderAria,
    AnyStatus,
    StatusNew,
    StatusInProgress,
    StatusDone,
    AnyLabel,
    AnyConfidence,
    UnsureSuggestions,
    AsGiven,
    LeastSureFirst,
    ShownOf,
    PastePlaceholder,
    PasteAdd,
    // document view
    NoDocument,
    Loading,
    // apply everywhere
    ApplyBefore,
    ApplyAfter,
    ApplyThisDoc,
    ApplyAllDocs,
    Dismiss,
    // common
    Close,
    Cancel,
    // tabs
    TabBusy,
    TabTaken,
    TabFree,
    TakeOver,
    ReadOnly,
    // a new version (components/update_banner.rs)
    UpdateReady,
    UpdateReload,
    // menu
    ExportFailed,
    NothingExported,
    AndMoreParen,
    Export,
    ExportFormatAria,
    ExportWhichAria,
    AllDocuments,
    DoneOnly,
    WithSuggestions,
    MenuButton,
    MenuTitle,
    Files,
    OpenFiles,
    DropHint,
    Model,
    View,
    Names,
    Labels,
    Guidelines,
    Agreement,
    ThemeTitle,
    Theme,
    ThemeAuto,
    ThemeDark,
    ThemeLight,
    KeysButton,
    LanguageAria,
    LanguageName,
    // help
    Keys,
    LabelKeys,
    HelpSelect,
    NoticesBefore,
    Notices,
    KeyLineUp,
    KeyLineDown,
    KeyNextSpan,
    KeyPrevSpan,
    KeyNextSuggestion,
    KeyUnsure,
    KeyConfirm,
    KeySpanMenu,
    KeyDelete,
    KeyLabelKey,
    KeyCaretNext,
    KeyCaretPrev,
    KeyExtendNext,
    KeyExtendPrev,
    KeyGrowStart,
    KeyShrinkStart,
    KeyGrowEnd,
    KeyShrinkEnd,
    KeyNextDoc,
    KeyPrevDoc,
    KeyDoneNext,
    KeyAcceptAll,
    KeySearch,
    KeyEntities,
    KeyUndo,
    KeyRedo,
    KeyHelp,
    KeyEscape,
    KeyMenuItems,
    KeyNextDispute,
    KeyPrevDispute,
    KeyTake,
    KeySettle,
    // span menu
    SpanSuggested,
    SpanConfirmed,
    SpanDisputed,
    Confirm,
    Delete,
    // import dialog
    ConflictRow,
    ConflictLegend,
    AndMore,
    KeepMine,
    TakeTheirs,
    KeepBoth,
    UnknownLabels,
    AddLabels,
    SetAside,
    ImportTitle,
    Import,
    // labels editor
    Remove,
    LabelName,
    LabelColour,
    LabelKey,
    LabelDescription,
    AddLabel,
    // model
    CannotReadFile,
    ModelUnknown,
    ModelLearning,
    ModelDocs,
    NotLearning,
    ModelStatusTitle,
    ExportModel,
    ExportModelTitle,
    ImportModel,
    ImportModelTitle,
    ForgetAsk,
    Reset,
    ResetModel,
    ModelExportFailed,
    // name dialog, projects
    Review,
    NameAnnotator,
    NameReviewer,
    Start,
    ProjectAria,
    NoProject,
    // storage
    Megabytes,
    Kilobytes,
    Persistent,
    NotPersistent,
    PersistenceUnknown,
    Used,
    StoredOf,
    Stored,
    ExportUnsaved,
    ExportUnsavedTitle,
    StorageError,
    StorageCannotSave,
    StorageWorksAgain,
    CannotSaveModel,
    SaveModelAborted,
    NotCommitted,
    DbBlocked,
    OlderVersionOpen,
    CannotReadDocs,
    CannotOpenDb,
    CannotReadName,
    TransactionAborted,
    DemoTextFailed,
    ProjectFailed,
    // names panel
    EntitySummary,
    SearchNames,
    RelabelAllAria,
    LabelAllAs,
    DeleteAll,
    // guidelines
    GuidelinesFailed,
    // agreement
    ColLabel,
    ColSpans,
    ColExactF1,
    ColPartialF1,
    ColKappa,
    ColAlpha,
    ColPair,
    LabelsTraded,
    NoSpan,
    NoAgreement,
    Progress,
    AnnotatorDone,
    // state messages
    RefusedOverlap,
    RefusedLineBreak,
    SpanOverlap,
    Became,
    NoSuggestionLeft,
    DocTextAria,
    SpanMenuAria,
    NoSuggestions,
    Accepted,
    LabelledMore,
    NotSettled,
    AllDone,
    DeletedDoc,
    Added,
    AddedUpdated,
    NewLabels,
    ProblemsColon,
    ImportCancelled,
    ImportReading,
    ImportParsing,
    ImportStop,
    ImportStopped,
    RemovedLabel,
    ModelNotSaved,
    LabelNameBad,
    LabelExists,
    ColourBad,
    KeyBad,
    KeyUsed,
    LabelledAll,
    DeletedAll,
    ProjectLabelsBad,
    ProjectAdded,
    Reviewing,
    ReviewKept,
    VersionsOverlap,
    NoDisagreementLeft,
    ModelAtMost,
    ModelResetCap,
    ModelKeepsLabels,
    ModelImported,
    ModelWasReset,
    ModelImportFailed,
    ModelLearnsAgain,
    ModelUnreadable,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_forms() {
        assert_eq!(Lang::En.size(1_234_567.0), "1.2 MB");
        assert_eq!(Lang::En.size(340_200.0), "340 kB");
        assert_eq!(Lang::Fa.size(2_900_000.0), "۲٫۹ مگابایت");
        assert_eq!(Lang::En.count(1, Noun::Document), "1 document");
        assert_eq!(Lang::En.count(2, Noun::Document), "2 documents");
        assert_eq!(Lang::En.count(0, Noun::Document), "0 documents");
        assert_eq!(Lang::Fa.count(1, Noun::Document), "۱ سند");
        assert_eq!(Lang::Fa.count(12, Noun::Document), "۱۲ سند");
    }

    #[test]
    fn persian_digits_only_in_persian() {
        assert_eq!(Lang::Fa.num("0.83"), "۰٫۸۳");
        assert_eq!(Lang::Fa.num(1907), "۱۹۰۷");
        assert_eq!(Lang::En.num(1907), "1907");
    }

    #[test]
    fn a_filled_value_is_not_read_again() {
        assert_eq!(fill("{0} and {1}", &[&"{1}", &"b"]), "{1} and b");
        assert_eq!(fill("{2} {x} {", &[&"a"]), "{2} {x} {");
    }

    #[test]
    fn both_catalogues_fill_the_same_places() {
        // Each template takes the same values in both languages.
        let holes = |s: &str| (0..10).filter(|i| s.contains(&format!("{{{i}}}"))).collect::<Vec<_>>();
        for k in ALL {
            assert_eq!(holes(Lang::Fa.t(*k)), holes(Lang::En.t(*k)), "{k:?}");
            assert!(!Lang::Fa.t(*k).is_empty() && !Lang::En.t(*k).is_empty(), "{k:?}");
        }
    }

    #[test]
    fn persian_has_no_latin_words() {
        // Key names, label-like names and F1 are allowed in the chrome.
        let allowed = ["F1", "JSONL", "rrggbb", "Alt", "Shift", "Ctrl+Z", "barchasb-model.bin", "English"];
        for k in ALL {
            let mut s = Lang::Fa.t(*k).to_string();
            for a in allowed {
                s = s.replace(a, "");
            }
            let latin = s.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 1).collect::<Vec<_>>();
            assert!(latin.is_empty(), "{k:?}: {latin:?}");
        }
    }
}
