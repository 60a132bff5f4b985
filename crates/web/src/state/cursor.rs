//! Moving through the text by keyboard and fixing boundaries: the word
//! cursor and the selection it extends by words, a span's start or end
//! moved by a word or a character (keys) or to any place (a dragged
//! handle), a span re-marked by a drag begun inside it, and the next
//! document or suggestion.
//!
//! Words are the rules' words from the worker (they split words run
//! together), or the core tokenizer's until those come; all offsets are
//! code points of the original text.

use super::{error, info, span_text, AppState, Entry, Menu, SpanState};
use crate::i18n::T;
use barchasb_core::Span;
use std::ops::Range;
use std::rc::Rc;

/// The word cursor: the words from the one at `anchor` to the one at
/// `head` (code points inside those words). Collapsed (`anchor == head`)
/// it is one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caret {
    pub anchor: usize,
    pub head: usize,
}

/// A span's two ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    Start,
    End,
}

/// The word that holds `pos`, else the first one after it, else the last.
fn word_at(words: &[(u32, u32)], pos: usize) -> Option<usize> {
    let pos = pos as u32;
    words.iter().position(|&(_, e)| pos < e).or(words.len().checked_sub(1))
}

impl Entry {
    /// The words to move and snap by (see the module doc).
    pub fn word_list(&self) -> Rc<Vec<(u32, u32)>> {
        self.words.clone().unwrap_or_else(|| Rc::new(crate::dom_offsets::token_words(&self.doc.text)))
    }

    /// The spans (of every kind) other than the one at `start` that `r` overlaps.
    fn overlaps_other(&self, r: &Range<usize>, start: usize) -> Option<&Span> {
        self.doc
            .spans
            .iter()
            .chain(&self.doc.suggestions)
            .find(|s| s.start != start && s.start < r.end && r.start < s.end)
    }

    /// The span at `start` (confirmed or suggested).
    fn span_at(&self, start: usize) -> Option<&Span> {
        self.doc.spans.iter().chain(&self.doc.suggestions).find(|s| s.start == start)
    }

    /// The span that holds code point `pos`.
    fn span_holding(&self, pos: usize) -> Option<&Span> {
        self.doc.spans.iter().chain(&self.doc.suggestions).find(|s| s.start <= pos && pos < s.end)
    }
}

impl AppState {
    /// The word cursor's range in code points: what a label key labels and
    /// what the view highlights.
    pub fn caret_range(&self) -> Option<Range<usize>> {
        let c = self.caret?;
        let words = self.open_entry()?.word_list();
        let (a, h) = (word_at(&words, c.anchor)?, word_at(&words, c.head)?);
        Some(words[a.min(h)].0 as usize..words[a.max(h)].1 as usize)
    }

    /// Whether Tab (`forward`) or Shift+Tab on the focused span would go past
    /// the last (first) span: then the focus leaves the text for the page's
    /// next (previous) control.
    pub fn focus_leaves(&self, forward: bool) -> bool {
        let (Some(f), Some(e)) = (self.focused, self.open_entry()) else { return false };
        let spans = e.view_spans();
        if forward {
            spans.last().is_some_and(|s| s.start <= f)
        } else {
            spans.first().is_some_and(|s| s.start >= f)
        }
    }

    /// The start of the first span after `pos`.
    pub(super) fn span_after(&self, pos: usize) -> Option<usize> {
        self.open_entry()?.view_spans().iter().find(|s| s.start > pos).map(|s| s.start)
    }

    /// [`Action::Caret`](super::Action::Caret). With no cursor it starts
    /// beside the focused span (the word after it, going forward), else at
    /// the first (last) word.
    pub(super) fn move_caret(&mut self, forward: bool, extend: bool) -> bool {
        let Some(e) = self.open_entry() else { return false };
        let words = e.word_list();
        if words.is_empty() {
            return false;
        }
        let next = match self.caret {
            Some(c) => {
                let h = word_at(&words, c.head).unwrap_or(0);
                let h = if forward { (h + 1).min(words.len() - 1) } else { h.saturating_sub(1) };
                let head = words[h].0 as usize;
                Caret { anchor: if extend { c.anchor } else { head }, head }
            }
            None => {
                let span = self.focused.and_then(|f| e.span_at(f)).map(|s| s.start..s.end);
                let k = match (span, forward) {
                    (Some(s), true) => words.iter().position(|w| w.0 as usize >= s.end).unwrap_or(words.len() - 1),
                    (Some(s), false) => words.iter().rposition(|w| w.1 as usize <= s.start).unwrap_or(0),
                    (None, true) => 0,
                    (None, false) => words.len() - 1,
                };
                let at = words[k].0 as usize;
                Caret { anchor: at, head: at }
            }
        };
        let changed = self.caret != Some(next) || self.focused.is_some();
        self.caret = Some(next);
        self.focused = None;
        self.menu = Menu::None;
        changed
    }

    /// [`Action::CaretAt`](super::Action::CaretAt): the cursor on the word at `pos` (`extend`: its
    /// head only, the anchor kept).
    pub(super) fn caret_at(&mut self, pos: usize, extend: bool) {
        let anchor = self.caret.filter(|_| extend).map_or(pos, |c| c.anchor);
        self.caret = Some(Caret { anchor, head: pos });
        self.focused = None;
        self.menu = Menu::None;
    }

    /// A label key on the word cursor: its words become a span; begun
    /// inside a span (the anchor in it), they take that span's place.
    pub(super) fn label_caret(&mut self, label: String) -> bool {
        let (Some(r), Some(c), Some(e)) = (self.caret_range(), self.caret, self.open_entry()) else { return false };
        let inside = e.span_holding(c.anchor).map(|s| s.start);
        self.caret = None;
        match inside {
            Some(old) => self.replace(old, r, label),
            None => self.label_new(r.start, r.end, label),
        }
        true
    }

    /// [`Action::Resize`](super::Action::Resize): the focused span's `edge` one word (or one
    /// character) outward (`grow`) or inward.
    pub(super) fn resize(&mut self, edge: Edge, grow: bool, by_char: bool) -> bool {
        let (Some(f), Some(e)) = (self.focused, self.open_entry()) else { return false };
        let Some(span) = e.span_at(f) else { return false };
        let (s, t) = (span.start, span.end);
        let n = e.doc.text.chars().count();
        let words = e.word_list();
        let w = words.iter().map(|&(a, b)| (a as usize, b as usize));
        let new = match (edge, grow, by_char) {
            (Edge::Start, true, true) => s.checked_sub(1).map(|s| s..t),
            (Edge::Start, false, true) => (s + 1 < t).then(|| s + 1..t),
            (Edge::End, true, true) => (t < n).then(|| s..t + 1),
            (Edge::End, false, true) => (t - 1 > s).then(|| s..t - 1),
            (Edge::Start, true, false) => w.rev().find(|w| w.0 < s).map(|w| w.0..t),
            (Edge::Start, false, false) => w.map(|w| w.0).find(|&a| a > s && a < t).map(|a| a..t),
            (Edge::End, true, false) => w.map(|w| w.1).find(|&b| b > t).map(|b| s..b),
            (Edge::End, false, false) => w.map(|w| w.1).rev().find(|&b| b < t && b > s).map(|b| s..b),
        };
        match new {
            Some(r) => self.set_bounds(f, r),
            None => false,
        }
    }

    /// [`Action::SetBounds`](super::Action::SetBounds): the span at `start` gets the bounds `new` and
    /// is confirmed (the annotator decided them). Refused, with a message,
    /// where it would overlap another span or cross a line break.
    pub(super) fn set_bounds(&mut self, start: usize, new: Range<usize>) -> bool {
        let Some(i) = self.open else { return false };
        let e = &self.docs[i];
        let Some(old) = e.span_at(start).cloned() else { return false };
        if new.start >= new.end || new.end > e.doc.text.chars().count() || new == (old.start..old.end) {
            return false;
        }
        let (state, id) = (e.find(start).map(|(s, _)| s), e.doc.id.clone());
        if !self.fits(new.clone(), start) {
            return true;
        }
        let span = Span::new(new.start, new.end, old.label);
        let before = self.edit_doc(i, move |d| {
            match state {
                Some(SpanState::Confirmed) => d.spans.retain(|s| s.start != start),
                _ => d.suggestions.retain(|s| s.start != start),
            }
            d.spans.push(span);
            d.spans.sort();
        });
        self.push_undo(vec![(id, before)]);
        self.focused = Some(new.start);
        self.caret = None;
        self.menu = Menu::None;
        self.offer = None;
        true
    }

    /// Whether `r` may hold a span in place of the one at `start`: it
    /// overlaps no other span and crosses no line break. If not, says why.
    fn fits(&mut self, r: Range<usize>, start: usize) -> bool {
        let Some(e) = self.open_entry() else { return false };
        let why = if let Some(o) = e.overlaps_other(&r, start) {
            let t = span_text(&e.doc.text, o.start..o.end);
            self.lang.f(T::SpanOverlap, &[&t, &o.label])
        } else if span_text(&e.doc.text, r).contains('\n') {
            self.lang.t(T::RefusedLineBreak).to_string()
        } else {
            return true;
        };
        self.message = error(why);
        self.menu = Menu::None;
        false
    }

    /// [`Action::Replace`](super::Action::Replace): a new span `r` in place of the span at `old`
    /// (one undo step); said in a message, so nothing goes silently.
    pub(super) fn replace(&mut self, old: usize, r: Range<usize>, label: String) {
        let Some(i) = self.open else { return };
        let was = self.docs[i].span_at(old).filter(|s| s.start < r.end && r.start < s.end).cloned();
        let Some(was) = was else { return self.label_new(r.start, r.end, label) };
        if r.start >= r.end || r.end > self.docs[i].doc.text.chars().count() || !self.fits(r.clone(), old) {
            return;
        }
        let id = self.docs[i].doc.id.clone();
        let span = Span::new(r.start, r.end, label);
        let sp = span.clone();
        let before = self.edit_doc(i, move |d| {
            d.spans.retain(|s| s.start != old);
            d.suggestions.retain(|s| s.start != old);
            d.spans.push(sp);
            d.spans.sort();
        });
        self.push_undo(vec![(id, before)]);
        self.focused = Some(r.start);
        self.menu = Menu::None;
        if (was.start, was.end) != (r.start, r.end) {
            let t = span_text(&self.docs[i].doc.text, was.start..was.end);
            self.message = info(self.lang.f(T::Became, &[&t, &was.label, &span_text(&self.docs[i].doc.text, r)]));
        }
        self.offer = self.make_offer(&span);
    }

    /// [`Action::OpenNext`](super::Action::OpenNext): the next (previous) document in the
    /// collection's order, wrapping; the open one keeps its status.
    pub(super) fn open_next(&mut self, forward: bool) -> bool {
        let (Some(i), n) = (self.open, self.docs.len()) else { return false };
        if n < 2 {
            return false;
        }
        self.open_doc(if forward { (i + 1) % n } else { (i + n - 1) % n });
        true
    }

    /// [`Action::FocusSuggestion`](super::Action::FocusSuggestion): the first suggestion after the focus
    /// (or the cursor), wrapping to the first.
    pub(super) fn focus_suggestion(&mut self) {
        let Some(e) = self.open_entry() else { return };
        let from = self.focused.or(self.caret_range().map(|r| r.start.saturating_sub(1)));
        let all: Vec<usize> = e.doc.suggestions.iter().map(|s| s.start).collect();
        match all.iter().find(|&&s| from.is_none_or(|f| s > f)).or(all.first()) {
            Some(&s) => {
                self.focused = Some(s);
                self.caret = None;
                self.menu = Menu::None;
            }
            None => self.message = info(self.lang.t(T::NoSuggestionLeft)),
        }
    }
}
