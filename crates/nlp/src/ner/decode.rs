//! Viterbi decoding over BIO labels, with the BIO constraint built in: `I-t` only follows `B-t`
//! or `I-t`, and no sentence opens with `I-t`.

use super::NL;

/// Whether `cur` may follow `prev` (`None` = sentence start).
#[inline]
pub(crate) fn allowed(prev: Option<u8>, cur: u8) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    match prev {
        None => false,
        Some(p) => p == cur || p + 1 == cur,
    }
}

/// Reusable buffers.
#[derive(Default)]
pub(crate) struct Scratch {
    score: Vec<f32>,
    back: Vec<u8>,
}

/// Best label sequence for emissions `em` (`n * NL`), transitions `trans` (`prev * NL + cur`),
/// start and end scores. `mask`, when given, limits token `i` to the labels whose bit is set in
/// `mask[i]` (used to find the best gold sequence of a partially labeled sentence).
pub(crate) fn viterbi(
    em: &[f32],
    trans: &[f32],
    start: &[f32],
    end: &[f32],
    mask: Option<&[u16]>,
    out: &mut Vec<u8>,
    s: &mut Scratch,
) {
    let n = em.len() / NL;
    out.clear();
    if n == 0 {
        return;
    }
    const NEG: f32 = f32::NEG_INFINITY;
    // transitions with the BIO constraint folded in
    let mut tr = [NEG; NL * NL];
    for p in 0..NL {
        for l in 0..NL {
            if allowed(Some(p as u8), l as u8) {
                tr[p * NL + l] = trans[p * NL + l];
            }
        }
    }
    s.score.clear();
    s.score.resize(n * NL, NEG);
    s.back.clear();
    s.back.resize(n * NL, 0);
    let ok = |i: usize, l: usize| mask.is_none_or(|m| m[i] & (1 << l) != 0);
    for l in 0..NL {
        if allowed(None, l as u8) && ok(0, l) {
            s.score[l] = start[l] + em[l];
        }
    }
    for i in 1..n {
        let (prev, cur) = s.score.split_at_mut(i * NL);
        let prev: &[f32; NL] = prev[(i - 1) * NL..].try_into().unwrap();
        let cur: &mut [f32] = &mut cur[..NL];
        let back = &mut s.back[i * NL..i * NL + NL];
        let e = &em[i * NL..i * NL + NL];
        for l in 0..NL {
            let mut best = prev[0] + tr[l];
            let mut arg = 0u8;
            for p in 1..NL {
                let v = prev[p] + tr[p * NL + l];
                if v > best {
                    best = v;
                    arg = p as u8;
                }
            }
            cur[l] = best + e[l];
            back[l] = arg;
        }
        if let Some(m) = mask {
            for (l, c) in cur.iter_mut().enumerate() {
                if m[i] & (1 << l) == 0 {
                    *c = NEG;
                }
            }
        }
    }
    let last = &s.score[(n - 1) * NL..];
    let mut best = NEG;
    let mut arg = 0u8;
    for l in 0..NL {
        if last[l] > NEG && last[l] + end[l] > best {
            best = last[l] + end[l];
            arg = l as u8;
        }
    }
    out.resize(n, 0);
    if best == NEG {
        // an impossible mask: fall back to all O
        return;
    }
    out[n - 1] = arg;
    for i in (1..n).rev() {
        out[i - 1] = s.back[i * NL + out[i] as usize];
    }
}
