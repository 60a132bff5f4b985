//! The label set: names, keys and colours. The default is the 11 labels of
//! the annotation guidelines; projects may replace it.

use serde::{Deserialize, Serialize};

/// A person's name as written, without titles (`وجیه اله جعفری`, not `آقای`).
pub const PER: &str = "PER";
/// Companies, ministries, agencies, associations, banks, universities,
/// media; acronyms too (`ایمیدرو`).
pub const ORG: &str = "ORG";
/// Countries, provinces, cities, regions, seas, mountains (`قزاقستان`).
pub const LOC: &str = "LOC";
/// A named mine, plant, site, port or project (`معدن گل گهر 2`).
pub const FAC: &str = "FAC";
/// A named conference, exhibition, commission session, war or election.
pub const EVENT: &str = "EVENT";
/// The title or position of a person, up to a separately nameable ORG or
/// LOC (`رئیس هیأت عامل` + ORG `ایمیدرو`).
pub const ROLE: &str = "ROLE";
/// Dates, ranges, months and years in any calendar and digits
/// (`23 تا 25 اکتبر`, `۱۳۹۳/۱۱/۰۷`).
pub const DATE: &str = "DATE";
/// A number with its unit or counted noun; percentages (`2000 عضو`).
pub const QUANTITY: &str = "QUANTITY";
/// An amount with its currency (`9 میلیارد دلار`).
pub const MONEY: &str = "MONEY";
/// Minerals, metals, ores, mining or industrial products (`سنگ آهن`, `مس`).
pub const COMMODITY: &str = "COMMODITY";
/// A specific agreement, programme, plan, law or document
/// (`برنامه جامع 25 ساله`).
pub const AGREEMENT: &str = "AGREEMENT";

/// One label: its name in the JSONL, the key that assigns it, a colour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    /// The name in the JSONL (`"label":"PER"`).
    pub name: String,
    /// A single character typed to assign the label (`1`…`9`, `0`, `-`).
    pub key: String,
    /// CSS colour, `#rrggbb`.
    pub color: String,
    /// One line for annotators (Persian where it helps).
    #[serde(default)]
    pub description: String,
}

/// The labels of a project, in the order they are shown and keyed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelSet {
    /// The labels; names and keys are unique.
    pub labels: Vec<Label>,
}

impl LabelSet {
    /// The label named `name`.
    pub fn get(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }
    /// The label assigned by `key`.
    pub fn by_key(&self, key: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.key == key)
    }
    /// The label names, in order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.labels.iter().map(|l| l.name.as_str())
    }
}

impl Default for LabelSet {
    /// The guidelines' 11 labels, keys `1`…`9`, `0`, `-`.
    fn default() -> Self {
        let defs = [
            (PER, "1", "#e6194b", "شخص: نام فرد بدون عنوان (آقای، دکتر)"),
            (ORG, "2", "#3cb44b", "سازمان، شرکت، وزارتخانه، انجمن، بانک، رسانه"),
            (LOC, "3", "#4363d8", "کشور، استان، شهر، منطقه، دریا، کوه"),
            (FAC, "4", "#f58231", "معدن، کارخانه، بندر یا پروژهٔ نام‌دار"),
            (EVENT, "5", "#911eb4", "کنفرانس، نمایشگاه، کمیسیون، جنگ، انتخابات"),
            (ROLE, "6", "#008080", "سمت یا عنوان شخص (رئیس هیأت عامل)"),
            (DATE, "7", "#9a6324", "تاریخ، ماه، سال در هر تقویم"),
            (QUANTITY, "8", "#808000", "عدد با واحد یا معدود؛ درصد"),
            (MONEY, "9", "#800000", "مبلغ با واحد پول"),
            (COMMODITY, "0", "#469990", "کانی، فلز، سنگ معدنی، محصول معدنی"),
            (AGREEMENT, "-", "#000075", "توافق، برنامه، قانون یا سند مشخص"),
        ];
        LabelSet {
            labels: defs
                .iter()
                .map(|(n, k, c, d)| Label {
                    name: n.to_string(),
                    key: k.to_string(),
                    color: c.to_string(),
                    description: d.to_string(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_has_eleven_distinct_keys() {
        let set = LabelSet::default();
        assert_eq!(set.labels.len(), 11);
        let mut keys: Vec<&str> = set.labels.iter().map(|l| l.key.as_str()).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 11);
        assert_eq!(set.by_key("9").unwrap().name, MONEY);
    }
}
