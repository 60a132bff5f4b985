//! Constrained Viterbi decoding: the best tag sequence under emission and
//! transition scores among those [`bio::allowed`] and [`bio::allowed_last`]
//! permit.

use super::bio::{allowed, allowed_last, Tag};

/// Scores of one sequence: `emit[i * n_tags + y]` for token `i` and tag `y`;
/// `trans[p * n_tags + y]` for tag `p` followed by `y`, with the row
/// `p = n_tags` for the start of the sequence.
pub struct Lattice<'a> {
    pub n_tags: usize,
    pub emit: &'a [f64],
    pub trans: &'a [f64],
}

/// The best allowed path. Ties go to the lower tag index (so `O` first);
/// every input gives a valid sequence because `O` may follow `O` and end one.
pub fn decode(lat: &Lattice) -> Vec<Tag> {
    let t = lat.n_tags;
    let n = lat.emit.len() / t;
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![f64::NEG_INFINITY; n * t];
    let mut back = vec![0 as Tag; n * t];
    for (y, s) in score[..t].iter_mut().enumerate() {
        if allowed(None, y as Tag) {
            *s = lat.trans[t * t + y] + lat.emit[y];
        }
    }
    // the allowed predecessors of each tag, listed once: with BILOU most
    // pairs are forbidden, so this skips most of the t² inner loop
    let prevs: Vec<Vec<usize>> =
        (0..t).map(|y| (0..t).filter(|&p| allowed(Some(p as Tag), y as Tag)).collect()).collect();
    for i in 1..n {
        for (y, ps) in prevs.iter().enumerate() {
            let mut best = f64::NEG_INFINITY;
            let mut arg = 0;
            for &p in ps {
                let s = score[(i - 1) * t + p];
                if s == f64::NEG_INFINITY {
                    continue;
                }
                let s = s + lat.trans[p * t + y];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            score[i * t + y] = best + lat.emit[i * t + y];
            back[i * t + y] = arg as Tag;
        }
    }
    let last = &score[(n - 1) * t..];
    let mut y = 0;
    for (k, &s) in last.iter().enumerate() {
        if allowed_last(k as Tag) && s > last[y] {
            y = k;
        }
    }
    let mut path = vec![0 as Tag; n];
    for i in (0..n).rev() {
        path[i] = y as Tag;
        y = back[i * t + y] as usize;
    }
    path
}

/// Max-marginals: `out[i * n_tags + y]` is the score of the best allowed
/// path with tag `y` at token `i` (forward + backward); `-inf` where no
/// allowed path has it.
pub fn max_marginals(lat: &Lattice) -> Vec<f64> {
    let t = lat.n_tags;
    let n = lat.emit.len() / t;
    let ninf = f64::NEG_INFINITY;
    if n == 0 {
        return Vec::new();
    }
    let mut fwd = vec![ninf; n * t];
    for (y, s) in fwd[..t].iter_mut().enumerate() {
        if allowed(None, y as Tag) {
            *s = lat.trans[t * t + y] + lat.emit[y];
        }
    }
    for i in 1..n {
        for y in 0..t {
            let best = (0..t)
                .filter(|&p| allowed(Some(p as Tag), y as Tag) && fwd[(i - 1) * t + p] > ninf)
                .map(|p| fwd[(i - 1) * t + p] + lat.trans[p * t + y])
                .fold(ninf, f64::max);
            fwd[i * t + y] = best + lat.emit[i * t + y];
        }
    }
    // bwd: the best score of the tokens after i, given tag y at i
    let mut bwd = vec![ninf; n * t];
    for (y, s) in bwd[(n - 1) * t..].iter_mut().enumerate() {
        if allowed_last(y as Tag) {
            *s = 0.0;
        }
    }
    for i in (0..n - 1).rev() {
        for y in 0..t {
            bwd[i * t + y] = (0..t)
                .filter(|&z| allowed(Some(y as Tag), z as Tag) && bwd[(i + 1) * t + z] > ninf)
                .map(|z| lat.trans[y * t + z] + lat.emit[(i + 1) * t + z] + bwd[(i + 1) * t + z])
                .fold(ninf, f64::max);
        }
    }
    fwd.iter().zip(&bwd).map(|(f, b)| f + b).collect()
}

/// The margin between the best allowed path's score and the second best's
/// (how sure the decoding is; `f64::INFINITY` with fewer than two paths).
/// The second best differs from the best at some token, so it is the best
/// max-marginal of a tag off the best path: `mm` are the lattice's
/// max-marginals ([`max_marginals`], already computed).
pub fn margin_of(lat: &Lattice, mm: &[f64]) -> f64 {
    let t = lat.n_tags;
    if lat.emit.is_empty() {
        return f64::INFINITY;
    }
    let path = decode(lat);
    let best = mm[path[0] as usize];
    let mut second = f64::NEG_INFINITY;
    for (i, &p) in path.iter().enumerate() {
        for y in (0..t).filter(|&y| y != p as usize) {
            second = second.max(mm[i * t + y]);
        }
    }
    if second == f64::NEG_INFINITY {
        f64::INFINITY
    } else {
        best - second
    }
}

#[cfg(test)]
mod tests {
    use super::super::bio::{begin, is_valid, last, unit, O};
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn transitions_matter() {
        // Tags O, B-0, I-0, L-0, U-0. Token 0 prefers U alone, token 1 O, but
        // B-0 → L-0 is strongly rewarded.
        let emit = [0.0, 2.0, 0.0, 0.0, 2.5, 1.0, 0.0, 0.5, 0.0, 0.0];
        let mut trans = [0.0; 30];
        trans[5 + 3] = 3.0; // B-0 → L-0
        let lat = Lattice { n_tags: 5, emit: &emit, trans: &trans };
        assert_eq!(decode(&lat), [begin(0), last(0)]);
        trans[5 + 3] = 0.0;
        assert_eq!(decode(&Lattice { n_tags: 5, emit: &emit, trans: &trans }), [unit(0), O]);
    }

    #[test]
    fn spans_never_start_inside_or_stay_open_at_the_end() {
        let emit = [0.0, 0.0, 9.0, 9.0, 0.0];
        let lat = Lattice { n_tags: 5, emit: &emit, trans: &[0.0; 30] };
        assert_eq!(decode(&lat), [O]);
        // B-0 scores best on the last token, but a span cannot end open
        let emit = [0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 9.0, 0.0, 0.0, 0.0];
        let lat = Lattice { n_tags: 5, emit: &emit, trans: &[0.0; 30] };
        assert_eq!(decode(&lat), [unit(0), O]);
    }

    fn margin(lat: &Lattice) -> f64 {
        margin_of(lat, &max_marginals(lat))
    }

    #[test]
    fn margin_is_the_gap_to_the_second_best_path() {
        // one token, tags O, B, I, L, U: only O (0.0) and U (2.5) may start and end
        let lat = Lattice { n_tags: 5, emit: &[0.0, 9.0, 9.0, 9.0, 2.5], trans: &[0.0; 30] };
        assert_eq!(margin(&lat), 2.5);
        let emit = [0.0, 2.0, 0.0, 0.0, 2.5, 1.0, 0.0, 0.5, 0.0, 0.0];
        let mut trans = [0.0; 30];
        trans[5 + 3] = 3.0; // B-0 → L-0: 2 + 0 + 3 = 5; next U-0 → O: 2.5 + 1 = 3.5
        assert_eq!(margin(&Lattice { n_tags: 5, emit: &emit, trans: &trans }), 1.5);
        assert_eq!(margin(&Lattice { n_tags: 5, emit: &[], trans: &trans }), f64::INFINITY);
    }

    proptest! {
        #[test]
        fn decoded_paths_are_valid_bilou(
            n_labels in 1usize..4,
            n in 0usize..12,
            seed in proptest::collection::vec(-5.0f64..5.0, 400),
        ) {
            let t = 1 + 4 * n_labels;
            let emit: Vec<f64> = seed.iter().cycle().take(n * t).copied().collect();
            let trans: Vec<f64> = seed.iter().rev().cycle().take((t + 1) * t).copied().collect();
            let path = decode(&Lattice { n_tags: t, emit: &emit, trans: &trans });
            let gap = margin(&Lattice { n_tags: t, emit: &emit, trans: &trans });
            prop_assert!(gap >= 0.0, "margin {}", gap);
            prop_assert_eq!(path.len(), n);
            prop_assert!(is_valid(&path), "{:?}", path);
        }
    }
}
