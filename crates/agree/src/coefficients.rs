//! Chance-corrected agreement over nominal categories: Cohen's kappa (two
//! raters), Fleiss' kappa and Krippendorff's alpha (any number). Each rater
//! gives one category (a small `u32`) to every item; there are no missing
//! values. Counts are kept in integers and divided once, so a perfect
//! agreement is exactly 1.0. `None` where the measure is 0/0: every rating
//! is the same category, so chance already explains all agreement.

/// Cohen's kappa of two raters over the same items: `(p_o − p_e) / (1 − p_e)`
/// with `p_e = Σ_k p_a(k)·p_b(k)`, as `sklearn.metrics.cohen_kappa_score`.
pub fn cohen_kappa(a: &[u32], b: &[u32]) -> Option<f64> {
    assert_eq!(a.len(), b.len(), "two raters of the same items");
    let k = categories(&[a, b]);
    let (mut ca, mut cb) = (vec![0u64; k], vec![0u64; k]);
    let mut agreed = 0u64;
    for (&x, &y) in a.iter().zip(b) {
        ca[x as usize] += 1;
        cb[y as usize] += 1;
        agreed += u64::from(x == y);
    }
    let n = a.len() as u128;
    let chance: u128 = ca.iter().zip(&cb).map(|(&x, &y)| x as u128 * y as u128).sum();
    ratio(n as i128 * agreed as i128 - chance as i128, (n * n) as i128 - chance as i128)
}

/// Fleiss' kappa of `m ≥ 2` raters (`ratings[rater][item]`):
/// `(P̄ − P̄_e) / (1 − P̄_e)`, as `statsmodels.stats.inter_rater.fleiss_kappa`.
pub fn fleiss_kappa(ratings: &[&[u32]]) -> Option<f64> {
    let t = Table::new(ratings)?;
    // 1 − T(mT − Q) / ((m − 1)(T² − C)), the textbook form multiplied out.
    let num = t.total * (t.raters * t.total - t.squares);
    ratio((t.raters - 1) * t.spread - num, (t.raters - 1) * t.spread)
}

/// Krippendorff's alpha, nominal, of `m ≥ 2` raters with no missing values
/// (`ratings[rater][item]`): `1 − (n − 1)·D_o / D_e` over the coincidence
/// matrix, as `krippendorff.alpha(level_of_measurement="nominal")`.
pub fn krippendorff_alpha(ratings: &[&[u32]]) -> Option<f64> {
    let t = Table::new(ratings)?;
    // o_ck summed off the diagonal is (mT − Q)/(m − 1); Σ_{c≠k} n_c·n_k is T² − C.
    let num = (t.total - 1) * (t.raters * t.total - t.squares);
    ratio((t.raters - 1) * t.spread - num, (t.raters - 1) * t.spread)
}

/// The sums both many-rater measures are made of.
struct Table {
    /// m, the raters.
    raters: i128,
    /// T = items × raters, all ratings.
    total: i128,
    /// Q = Σ_items Σ_categories n_ic², how concentrated each item's ratings are.
    squares: i128,
    /// T² − Σ_categories n_c²: the pairs of ratings of different categories overall.
    spread: i128,
}

impl Table {
    fn new(ratings: &[&[u32]]) -> Option<Table> {
        let items = ratings.first()?.len();
        assert!(ratings.iter().all(|r| r.len() == items), "raters of the same items");
        if ratings.len() < 2 || items == 0 {
            return None;
        }
        let k = categories(ratings);
        let (mut overall, mut item) = (vec![0i128; k], vec![0i128; k]);
        let mut squares = 0i128;
        for i in 0..items {
            for r in ratings {
                item[r[i] as usize] += 1;
            }
            for r in ratings {
                let c = &mut item[r[i] as usize];
                squares += *c * *c;
                overall[r[i] as usize] += *c;
                *c = 0;
            }
        }
        let total = (items * ratings.len()) as i128;
        let spread = total * total - overall.iter().map(|c| c * c).sum::<i128>();
        Some(Table { raters: ratings.len() as i128, total, squares, spread })
    }
}

fn categories(ratings: &[&[u32]]) -> usize {
    ratings.iter().flat_map(|r| r.iter()).max().map_or(0, |&m| m as usize + 1)
}

/// `num / den`, `None` when `den` is 0.
fn ratio(num: i128, den: i128) -> Option<f64> {
    (den != 0).then(|| num as f64 / den as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(x: Option<f64>, y: f64) -> bool {
        x.is_some_and(|x| (x - y).abs() < 1e-12)
    }

    #[test]
    fn cohen_of_a_textbook_table() {
        // 20 agree on 1, 15 on 0, 5 + 10 disagree: p_o = 0.7, p_e = 0.5.
        let mut a = vec![1; 20];
        let mut b = vec![1; 20];
        a.extend([0; 15]);
        b.extend([0; 15]);
        a.extend([1; 5]);
        b.extend([0; 5]);
        a.extend([0; 10]);
        b.extend([1; 10]);
        assert!(close(cohen_kappa(&a, &b), 0.4), "{:?}", cohen_kappa(&a, &b));
        assert!(close(cohen_kappa(&a, &a), 1.0));
        assert_eq!(cohen_kappa(&[3, 3], &[3, 3]), None);
    }

    #[test]
    fn fleiss_of_the_wikipedia_example() {
        // Fleiss (1971) as on Wikipedia: 10 items, 14 raters, 5 categories, κ = 0.210.
        let rows: [[u32; 5]; 10] = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        let mut raters = vec![Vec::new(); 14];
        for row in rows {
            let cats = row.iter().enumerate().flat_map(|(c, &n)| std::iter::repeat_n(c as u32, n as usize));
            for (r, c) in cats.enumerate() {
                raters[r].push(c);
            }
        }
        let refs: Vec<&[u32]> = raters.iter().map(Vec::as_slice).collect();
        let k = fleiss_kappa(&refs).unwrap();
        assert!((k - 0.20993).abs() < 1e-5, "{k}");
    }

    #[test]
    fn alpha_of_krippendorffs_two_coder_example() {
        // Krippendorff, "Computing Krippendorff's alpha-reliability" (2011), A:
        // two observers, ten units, nominal: α = 0.095.
        let a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
        let b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
        let alpha = krippendorff_alpha(&[&a, &b]).unwrap();
        assert!((alpha - 0.095).abs() < 5e-4, "{alpha}");
        assert!(close(krippendorff_alpha(&[&a, &a, &a]), 1.0));
        assert_eq!(krippendorff_alpha(&[&[2, 2], &[2, 2]]), None);
        assert_eq!(fleiss_kappa(&[&[], &[]]), None);
    }
}
