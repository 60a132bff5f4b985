//! The label set: names, keys and colours. The default is the 11 labels of
//! the annotation guidelines; projects may replace it.

use serde::{Deserialize, Serialize};

pub const PER: &str = "PER";
pub const ORG: &str = "ORG";
pub const LOC: &str = "LOC";
pub const FAC: &str = "FAC";
pub const EVENT: &str = "EVENT";
pub const ROLE: &str = "ROLE";
pub const DATE: &str = "DATE";
pub const QUANTITY: &str = "QUANTITY";
pub const MONEY: &str = "MONEY";
pub const COMMODITY: &str = "COMMODITY";
pub const AGREEMENT: &str = "AGREEMENT";

/// One label: its name in the JSONL, the key that assigns it, a colour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub name: String,
    /// A single character typed to assign the label (`1`…`9`, `0`, `-`).
    pub key: String,
    /// CSS colour, `#rrggbb`.
    pub color: String,
    /// One line for annotators (Persian where it helps).
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelSet {
    pub labels: Vec<Label>,
}

impl LabelSet {
    pub fn get(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }
    pub fn by_key(&self, key: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.key == key)
    }
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
