//! ROLE: role heads in a chain (`معاون وزیر`), their modifiers and
//! portfolio up to a nameable ORG or LOC, and the ORG a rare word after
//! them names (`رئیس هیأت عامل ایمیدرو`).

use super::places::PLACE_OFFICES;
use super::scan::{Cand, Doc, Glue, Hit, Mode};
use super::Names;
use crate::lexicon::kind;
use barchasb_core::labels::{ORG, ROLE};

/// Words that qualify a role head without naming anything (`معاون اول`).
/// Adjectives of time (`سفیر جدید`, `وزیر سابق`) describe the holder and
/// end the role (news-dev's NOTES: `سفیر جدید` → `سفیر`; see `tail`).
const ROLE_MODIFIERS: &[&str] = &["اول", "کل", "ارشد", "دوم"];

/// Roles complete in themselves: no portfolio follows them.
const ROLE_COMPLETE: &[&str] = &["رییسجمهور", "رییسجمهوری", "نخستوزیر", "جمهور", "جمهوری"];

impl Names {
    /// A role: heads in a chain (`معاون وزیر`), modifiers, then its
    /// portfolio up to a nameable ORG or LOC (`معاون وزیر صنعت و توسعه زیرساخت`,
    /// then `قزاقستان`). A rare word right after it is the ORG it belongs to
    /// (`رئیس هیأت عامل ایمیدرو`).
    pub(super) fn role(&self, d: &Doc, i: usize, h: Hit) -> Option<Vec<Cand>> {
        if h.glue == Glue::Plural || self.plural_after(d, h) {
            return None;
        }
        let mut weak = h.kinds & kind::ROLE_WEAK != 0
            && d.exact(i, kind::ROLE_HEAD).is_none_or(|x| x.kinds & kind::ROLE_WEAK != 0);
        let mut last = h;
        let mut last_start = i;
        let mut j = h.last + 1;
        while last.glue != Glue::Word && !d.breaks(j) {
            if let Some(h2) =
                d.any(j, kind::ROLE_HEAD).filter(|h2| h2.glue != Glue::Plural && !self.plural_after(d, *h2))
            {
                weak = false;
                last = h2;
                last_start = j;
                j = h2.last + 1;
            } else if ROLE_MODIFIERS.contains(&d.key(j)) {
                j += 1;
            } else {
                break;
            }
        }
        // `رئیس‌جمهور`, `نخست‌وزیر` need no portfolio: a word after them is
        // something else (`رئیس‌جمهور خاتمی …`).
        let last_key: String = (last_start..=last.last).map(|t| d.key(t)).collect();
        // `استاندار خوزستان`: an office named after its place ends at the place.
        let complete =
            ROLE_COMPLETE.iter().any(|c| last_key.ends_with(c)) || PLACE_OFFICES.contains(&last_key.as_str());
        let end = if complete {
            j
        } else if last.glue == Glue::Word {
            self.tail(d, j, Mode::Role, true)
        } else {
            self.tail(d, j, Mode::Role, false)
        };
        let end = end.max(j);
        // `نماینده مردم مرودشت`: a weak role that names the place it serves.
        let weak = weak && (d.breaks(end) || d.exact(end, kind::LOC).is_none());
        let mut out = vec![Cand { start: i, end, label: ROLE, weak }];
        // A bare rare word after the role: the organisation it heads (not
        // after an office named after a place: `استاندار کهگیلویه`).
        if !d.breaks(end)
            && !PLACE_OFFICES.contains(&last_key.as_str())
            && d.is_rare(end)
            && d.exact(end, kind::LOC).is_none()
            && !self.lx.is_given(d.key(end))
            && !self.lx.is_stop(d.key(end))
            && !self.lx.is_verb(d.key(end))
            && d.any(end, kind::HEAD | kind::HONORIFIC).is_none()
            && !d.temporal[end]
            && !(d.is_rare(end + 1) && d.is_word(end + 1) && !d.breaks(end + 1))
            && self.lx.rank(d.key(end)).is_none()
            && !self.lx.two_common_words(d.key(end))
            && !self.lx.is_possessive(d.key(end))
        {
            out.push(Cand { start: end, end: end + 1, label: ORG, weak: false });
        }
        Some(out)
    }
}
