//! A team's work: the project the page opened (`?project=…`, its labels
//! and documents), the person working (asked once per project, written
//! into every line they change as `annotator` or `reviewer`, with
//! `updated_at`), and the review of several annotators' exports
//! (`?review`): where they differ is a dispute, settled by one key.

use super::*;
use crate::formats_worker::{ProjectWire, ReportView, ReviewWire};

/// The page's team context.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Team {
    /// The open project (`?project=`), once fetched.
    pub project: Option<Rc<ProjectWire>>,
    /// This page reviews annotators' exports (`?review`).
    pub review: bool,
    /// Who works here, once given (stored per project).
    pub user: Option<String>,
    /// The agreement of the exports under review, and its JSON (stored).
    pub report: Option<Rc<(ReportView, String)>>,
    /// Revision of `user` and `report` (saved when it grows).
    pub rev: u64,
}

/// What the team part of the page hears.
#[derive(Clone)]
pub enum TeamEvent {
    /// The page's mode, from its URL, before anything is loaded.
    Review(bool),
    /// The project file and its documents were fetched.
    Project(Rc<ProjectWire>),
    /// Stored with the work: the name given, the report under review.
    Stored { user: Option<String>, report: Option<String> },
    /// The name typed into `#name-dialog`.
    User(String),
    /// Exports merged by the formats worker.
    Reviewed(Rc<ReviewWire>),
    /// A key on the focused dispute.
    Settle(Pick),
    /// Focus the next (or previous) dispute, in this or a later document.
    NextDispute(bool),
}

/// How a dispute is settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// One annotator's version (by position).
    Take(usize),
    /// Every version's spans (when none overlaps another's).
    All,
    /// No span there.
    Nothing,
    /// No span, but the versions' spans that fit together as suggestions
    /// to edit.
    Edit,
}

/// A stored or received report, with its JSON.
fn parse_report(json: String) -> Option<Rc<(ReportView, String)>> {
    Some(Rc::new((serde_json::from_str(&json).ok()?, json)))
}

/// Now, as ISO 8601 (UTC), for `updated_at`.
fn now() -> String {
    #[cfg(target_arch = "wasm32")]
    return String::from(js_sys::Date::new_0().to_iso_string());
    #[cfg(not(target_arch = "wasm32"))]
    return "1970-01-01T00:00:00.000Z".to_string();
}

impl AppState {
    /// Whether the page waits for the user's name.
    pub fn asking_name(&self) -> bool {
        self.loaded && self.team.user.is_none() && (self.team.project.is_some() || self.team.review)
    }

    pub(super) fn on_team(&mut self, event: TeamEvent) -> bool {
        match event {
            TeamEvent::Review(on) => self.team.review = on,
            TeamEvent::Project(p) => self.set_project(p),
            TeamEvent::Stored { user, report } => {
                self.team.user = user;
                self.team.report = report.and_then(parse_report);
            }
            TeamEvent::User(name) => return self.set_user(name),
            TeamEvent::Reviewed(wire) => self.reviewed(&wire),
            TeamEvent::Settle(pick) => return self.settle(pick),
            TeamEvent::NextDispute(forward) => return self.next_dispute(forward),
        }
        true
    }

    fn set_project(&mut self, p: Rc<ProjectWire>) {
        match serde_json::from_str::<LabelSet>(&p.labels) {
            Ok(labels) if labels != *self.labels => {
                self.labels = Rc::new(labels);
                self.labels_rev = self.bump();
            }
            Ok(_) => {}
            Err(e) => self.message = error(self.lang.f(T::ProjectLabelsBad, &[&e])),
        }
        self.team.project = Some(p);
        if self.loaded {
            self.add_project_documents();
        }
    }

    fn set_user(&mut self, name: String) -> bool {
        let name = name.trim().to_string();
        if name.is_empty() {
            return false;
        }
        self.team.user = Some(name);
        self.team.rev = self.bump();
        self.add_project_documents();
        true
    }

    /// The project's documents for this user that are not here yet (a
    /// document the lead added since is added at the next start).
    pub(super) fn add_project_documents(&mut self) {
        let (Some(p), Some(user)) = (self.team.project.clone(), self.team.user.clone()) else { return };
        if self.team.review {
            return; // a reviewer works on the annotators' exports
        }
        let mut problems = Vec::new();
        let mut added = 0;
        for path in p.paths_for(&user) {
            let Some((_, wire)) = p.documents.iter().find(|(d, _)| d == path) else { continue };
            let parsed = wire.clone().into_parsed();
            problems.extend(parsed.all_problems().iter().map(|p| p.to_string()));
            for r in parsed.records {
                if self.index_of(&r.doc.id).is_none() {
                    let e = self.new_entry(r.doc);
                    self.docs.push(Rc::new(e));
                    added += 1;
                }
            }
        }
        if added > 0 || !problems.is_empty() {
            let text = self.lang.f(T::ProjectAdded, &[&p.name, &self.lang.count(added, Noun::DocumentAdded)]);
            self.message =
                if problems.is_empty() { info(text) } else { error(format!("{text} {}", problems.join("; "))) };
        }
        if self.open.is_none() && !self.docs.is_empty() {
            self.open_doc(0);
        }
    }

    /// Stamps document `i` with who changed it and when (in a project or a
    /// review, where a name was given).
    pub(super) fn stamp(&mut self, i: usize) {
        let Some(user) = self.team.user.clone() else { return };
        let key = if self.team.review { "reviewer" } else { "annotator" };
        let meta = &mut Rc::make_mut(&mut self.docs[i]).doc.meta;
        meta.insert(key.into(), user.into());
        meta.insert("updated_at".into(), now().into());
    }

    /// The merged exports: each document not yet reviewed here is replaced
    /// by its merge (one reviewed already is kept, and said).
    fn reviewed(&mut self, wire: &ReviewWire) {
        let mut problems = wire.problems.clone();
        let (mut added, mut kept) = (0, 0);
        for line in &wire.docs {
            let mut doc = match Document::from_json_line(line, "") {
                Ok(d) => d,
                Err(e) => {
                    problems.push(e.to_string());
                    continue;
                }
            };
            let disputes = doc.meta.remove("disputes").map(serde_json::from_value::<Vec<Dispute>>);
            let at = self.index_of(&doc.id);
            if at.is_some_and(|i| self.docs[i].doc.status != Status::New) {
                kept += 1;
                continue;
            }
            let mut e = self.new_entry(doc);
            e.suggested = true; // no model suggestions in a review
            e.disputes = disputes.and_then(Result::ok).unwrap_or_default();
            match at {
                Some(i) => self.docs[i] = Rc::new(e),
                None => self.docs.push(Rc::new(e)),
            }
            added += 1;
        }
        self.team.report = parse_report(wire.report.clone());
        self.team.rev = self.bump();
        self.undo.clear();
        self.redo.clear();
        let disputes: usize = self.docs.iter().map(|e| e.disputes.len()).sum();
        let lang = self.lang;
        let (docs, left) = (lang.count(added, Noun::Document), lang.count(disputes, Noun::Disagreement));
        let mut text = lang.f(T::Reviewing, &[&wire.annotators.join(", "), &docs, &left]);
        if kept > 0 {
            text += &lang.f(T::ReviewKept, &[&lang.count(kept, Noun::Document)]);
        }
        self.message = if problems.is_empty() { info(text) } else { error(format!("{text} {}", problems.join("; "))) };
        if self.open.is_none() && !self.docs.is_empty() {
            self.open_doc(0);
        }
    }

    /// Settles the focused dispute of the open document.
    fn settle(&mut self, pick: Pick) -> bool {
        let (Some(i), Some(f)) = (self.open, self.focused) else { return false };
        let Some(k) = self.docs[i].disputes.iter().position(|d| d.start == f) else { return false };
        let d = self.docs[i].disputes[k].clone();
        let (spans, suggestions) = match pick {
            Pick::Take(a) if a < d.versions.len() => (d.versions[a].clone(), Vec::new()),
            Pick::Take(_) => return false,
            Pick::Nothing => (Vec::new(), Vec::new()),
            Pick::All | Pick::Edit => {
                let mut all: Vec<Span> = d.versions.concat();
                all.sort();
                all.dedup();
                let fits = sanitize(all.clone(), usize::MAX);
                if pick == Pick::Edit {
                    (Vec::new(), fits)
                } else if fits.len() == all.len() {
                    (all, Vec::new())
                } else {
                    self.message = error(self.lang.t(T::VersionsOverlap));
                    return true;
                }
            }
        };
        let id = self.docs[i].doc.id.clone();
        let before = self.edit_doc(i, |doc| {
            doc.spans.extend(spans);
            doc.spans.sort();
            doc.suggestions.extend(suggestions);
            doc.suggestions.sort();
        });
        Rc::make_mut(&mut self.docs[i]).disputes.remove(k);
        self.push_undo(vec![(id, before)]);
        self.menu = Menu::None;
        self.focused = self.docs[i].disputes.iter().find(|d| d.start > f).map(|d| d.start);
        true
    }

    /// Focuses the next dispute after the focus (or the previous one),
    /// opening the next document that has one when this one has no more.
    fn next_dispute(&mut self, forward: bool) -> bool {
        let n = self.docs.len();
        let Some(i) = self.open.filter(|_| n > 0) else { return false };
        let here = &self.docs[i].disputes;
        let f = self.focused;
        let next = if forward {
            here.iter().find(|d| f.is_none_or(|f| d.start > f))
        } else {
            here.iter().rev().find(|d| f.is_none_or(|f| d.start < f))
        };
        if let Some(d) = next {
            self.focused = Some(d.start);
            self.menu = Menu::None;
            return true;
        }
        let order: Vec<usize> =
            if forward { (1..=n).map(|k| (i + k) % n).collect() } else { (1..=n).map(|k| (i + n - k) % n).collect() };
        let Some(j) = order.into_iter().find(|&j| !self.docs[j].disputes.is_empty()) else {
            self.message = info(self.lang.t(T::NoDisagreementLeft));
            return true;
        };
        self.open_doc(j);
        let ds = &self.docs[j].disputes;
        self.focused = if forward { ds.first() } else { ds.last() }.map(|d| d.start);
        true
    }

    /// The adjudicated documents as they are exported: each line says who
    /// annotated it, who reviewed it, and where each span came from (the
    /// annotators who marked it so, or the reviewer).
    pub fn export_documents(&self) -> Vec<Document> {
        self.docs
            .iter()
            .map(|e| {
                let mut doc = e.doc.clone();
                // Every line of an annotator's export is theirs, edited or not.
                if let Some(user) = self.team.user.as_ref().filter(|_| !self.team.review) {
                    doc.meta.insert("annotator".into(), user.clone().into());
                }
                if let Some(each) = doc.meta.get("annotations").and_then(|v| v.as_object()) {
                    // Each annotator's spans, read once per document.
                    let each: Vec<(String, Vec<Span>)> = each
                        .iter()
                        .map(|(n, v)| (n.clone(), serde_json::from_value(v.clone()).unwrap_or_default()))
                        .collect();
                    let from = |s: &Span| -> Vec<String> {
                        let who: Vec<String> =
                            each.iter().filter(|(_, v)| v.contains(s)).map(|(n, _)| n.clone()).collect();
                        if who.is_empty() {
                            vec!["reviewer".into()]
                        } else {
                            who
                        }
                    };
                    let sources: Vec<serde_json::Value> = doc
                        .spans
                        .iter()
                        .map(|s| serde_json::json!({"start": s.start, "end": s.end, "label": s.label, "from": from(s)}))
                        .collect();
                    doc.meta.insert("sources".into(), sources.into());
                }
                doc
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats_worker::{review, ProjectWire, Wire};
    use barchasb_formats::read_file;

    const TEXT: &str = "ایمیدرو در تهران با انجمن معدن چین دیدار کرد";

    fn loaded(team: TeamEvent) -> Rc<AppState> {
        let s = Rc::new(AppState::english()).reduce(Action::Team(team));
        s.reduce(Action::Loaded { docs: Vec::new(), labels: None, open: None })
    }

    fn project() -> Rc<ProjectWire> {
        let lines = |ids: &[&str]| -> String {
            ids.iter().map(|id| format!("{{\"id\":\"{id}\",\"text\":\"{TEXT}\"}}\n")).collect()
        };
        let wire =
            |name: &str, ids: &[&str]| (name.to_string(), Wire::from_parsed(read_file(name, lines(ids).as_bytes())));
        Rc::new(ProjectWire {
            path: "q4/project.json".into(),
            id: "q4".into(),
            name: "Q4".into(),
            labels: r##"{"labels":[{"name":"ORG","key":"2","color":"#3cb44b","description":""}]}"##.into(),
            guidelines: None,
            assigned: vec![
                ("sara".into(), vec!["a.jsonl".into(), "s.jsonl".into()]),
                (String::new(), vec!["s.jsonl".into()]),
            ],
            documents: vec![wire("a.jsonl", &["a1", "a2"]), wire("s.jsonl", &["shared"])],
        })
    }

    #[test]
    fn a_projects_user_gets_their_documents_and_labels_and_stamps_each_edit() {
        let s = loaded(TeamEvent::Project(project()));
        assert!(s.asking_name() && s.docs.is_empty(), "nothing before the name");
        assert_eq!(s.labels.names().collect::<Vec<_>>(), ["ORG"]);
        let s = s.reduce(Action::Team(TeamEvent::User(" sara ".into())));
        assert!(!s.asking_name());
        assert_eq!(s.docs.iter().map(|e| e.doc.id.as_str()).collect::<Vec<_>>(), ["a1", "a2", "shared"]);
        let other = loaded(TeamEvent::Project(project())).reduce(Action::Team(TeamEvent::User("reza".into())));
        assert_eq!(
            other.docs.iter().map(|e| e.doc.id.as_str()).collect::<Vec<_>>(),
            ["shared"],
            "not listed: shared only"
        );
        let s = s.reduce(Action::Label { start: 0, end: 7, label: "ORG".into() });
        let meta = &s.docs[0].doc.meta;
        assert_eq!(meta["annotator"], "sara");
        assert!(meta["updated_at"].as_str().is_some());
        assert!(s.export_documents().iter().all(|d| d.meta["annotator"] == "sara"), "every exported line");
    }

    fn exports() -> Vec<barchasb_formats::Parsed> {
        let line = |who: &str, spans: &str| {
            format!("{{\"id\":\"d\",\"text\":\"{TEXT}\",\"status\":\"done\",\"annotator\":\"{who}\",\"spans\":[{spans}]}}\n")
        };
        let org = r#"{"start":0,"end":7,"label":"ORG"}"#;
        let a = line("sara", &format!(r#"{org},{{"start":11,"end":16,"label":"LOC"}}"#));
        let b = line(
            "reza",
            &format!(r#"{org},{{"start":11,"end":16,"label":"ORG"}},{{"start":20,"end":30,"label":"ORG"}}"#),
        );
        vec![read_file("sara.jsonl", a.as_bytes()), read_file("reza.jsonl", b.as_bytes())]
    }

    #[test]
    fn a_review_settles_each_dispute_by_one_key_undoably_and_exports_gold_with_sources() {
        let wire = review(exports());
        assert_eq!(wire.annotators, ["sara", "reza"]);
        let s = loaded(TeamEvent::Review(true)).reduce(Action::Team(TeamEvent::User("lead".into())));
        let s = s.reduce(Action::Team(TeamEvent::Reviewed(Rc::new(wire))));
        let e = &s.docs[0];
        assert_eq!(e.doc.spans, vec![Span::new(0, 7, "ORG")], "settled: what both marked");
        assert_eq!(e.disputes.len(), 2);
        assert!(!e.doc.meta.contains_key("disputes"));
        // a model answer that comes late (asked for before the review) leaves it alone
        assert_eq!(s.refreshable().count(), 0);
        let late = crate::state::ModelEvent::Suggested {
            docs: vec![(
                "d".into(),
                crate::tagger_worker::Scored {
                    spans: vec![Span::new(11, 16, "LOC")],
                    confidence: vec![0.9],
                    margin: 1.0,
                },
            )],
            tokens: 9,
            ms: 1.0,
        };
        let s = s.reduce(Action::Model(late));
        assert!(s.docs[0].doc.suggestions.is_empty() && s.docs[0].disputes.len() == 2);
        let view = &s.team.report.as_ref().unwrap().0;
        assert!(view.table("overall")[0][0].starts_with("overall F1="));
        let s = s.reduce(Action::MarkDoneNext);
        assert!(s.message.as_ref().unwrap().text.contains("2 disagreements are not settled"));
        let s = s.reduce(Action::Team(TeamEvent::NextDispute(true)));
        assert_eq!(s.focused, Some(11));
        let s = s.reduce(Action::Team(TeamEvent::Settle(Pick::Take(1)))); // reza's ORG
        assert_eq!(s.docs[0].doc.spans[1], Span::new(11, 16, "ORG"));
        assert_eq!(s.focused, Some(20), "on to the next dispute");
        let undone = s.clone().reduce(Action::Undo);
        assert_eq!(undone.docs[0].disputes.len(), 2, "undo brings the dispute back");
        let s = s.reduce(Action::Team(TeamEvent::Settle(Pick::Nothing)));
        assert!(s.docs[0].disputes.is_empty());
        let s = s.reduce(Action::MarkDoneNext);
        let gold = &s.export_documents()[0];
        assert_eq!(gold.status, Status::Done);
        assert_eq!(gold.meta["reviewer"], "lead");
        assert_eq!(gold.meta["annotators"], serde_json::json!(["sara", "reza"]));
        let from: Vec<&serde_json::Value> =
            gold.meta["sources"].as_array().unwrap().iter().map(|s| &s["from"]).collect();
        assert_eq!(from, [&serde_json::json!(["reza", "sara"]), &serde_json::json!(["reza"])]);
    }

    #[test]
    fn versions_that_overlap_cannot_all_be_taken_but_can_be_edited() {
        let wire = review(exports());
        let s = loaded(TeamEvent::Review(true)).reduce(Action::Team(TeamEvent::Reviewed(Rc::new(wire))));
        let s = s.reduce(Action::Team(TeamEvent::NextDispute(true)));
        let refused = s.clone().reduce(Action::Team(TeamEvent::Settle(Pick::All)));
        assert_eq!(refused.docs[0].disputes.len(), 2);
        let s = s.reduce(Action::Team(TeamEvent::Settle(Pick::Edit)));
        assert_eq!(s.docs[0].doc.suggestions, vec![Span::new(11, 16, "LOC")], "the first version that fits");
    }

    #[test]
    fn differing_texts_are_refused_by_id() {
        let mut files = exports();
        files[1].records[0].doc.text.push('!');
        let wire = review(files);
        assert!(wire.docs.is_empty());
        assert!(wire.problems[0].contains("document d") && wire.problems[0].contains("differ"), "{:?}", wire.problems);
    }
}
