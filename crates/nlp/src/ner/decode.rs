//! Viterbi decoding over BILOU labels, with the scheme built in: `I-t` and `L-t` only follow
//! `B-t` or `I-t`, which only `I-t` or `L-t` follow; a sentence neither opens nor closes inside a
//! name.

use super::{BEGIN, INSIDE, LAST, NL, UNIT, label, label_part, label_type};

/// O, then the labels of parts `a` and `b` of each type.
const fn outside_and(a: u8, b: u8) -> [u8; 9] {
    let mut out = [0u8; 9];
    let mut t = 0;
    while t < 4 {
        out[1 + 2 * t] = label(t as u8, a);
        out[2 + 2 * t] = label(t as u8, b);
        t += 1;
    }
    out
}

/// The labels that close a name or stand outside one: O, L- and U- of each type.
const CLOSED: [u8; 9] = outside_and(LAST, UNIT);
/// The labels that open a name or stand outside one: O, B- and U- of each type.
const OPENING: [u8; 9] = outside_and(BEGIN, UNIT);

/// Whether label `l` leaves a name open (the next label must go on with it).
#[inline]
fn open(l: u8) -> bool {
    matches!(label_part(l), Some(BEGIN | INSIDE))
}

/// Whether `cur` may follow `prev` (`None` = sentence start).
#[inline]
pub(crate) fn allowed(prev: Option<u8>, cur: u8) -> bool {
    let continues = matches!(label_part(cur), Some(INSIDE | LAST));
    match prev {
        Some(p) if open(p) => continues && label_type(p) == label_type(cur),
        _ => !continues,
    }
}

/// Whether a sentence may close on label `l`.
#[inline]
pub(crate) fn allowed_last(l: u8) -> bool {
    !open(l)
}

/// The nine opening labels, padded to a whole number of 4-lane vectors.
const W: usize = 12;

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
    mask: Option<&[u32]>,
    out: &mut Vec<u8>,
    s: &mut Scratch,
) {
    let n = em.len() / NL;
    out.clear();
    if n == 0 {
        return;
    }
    const NEG: f32 = f32::NEG_INFINITY;
    // The scheme fixes which labels may meet: a label that opens a name or stands outside one
    // (O, B-, U-) follows one that closes a name or stands outside (O, L-, U-), and I-t and L-t
    // follow B-t or I-t. The search visits those 97 pairs a token instead of all 289.
    // `closed_tr[k][j]`: from the k-th closing label to the j-th opening one
    let mut closed_tr = [[NEG; W]; 9];
    for (k, &p) in CLOSED.iter().enumerate() {
        for (j, &l) in OPENING.iter().enumerate() {
            closed_tr[k][j] = trans[p as usize * NL + l as usize];
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
        // all nine opening labels at once, one closing label after the other (the first best
        // wins, as it would label by label); the compiler keeps the nine in vector registers
        let mut best = [NEG; W];
        let mut arg = [0i32; W];
        for (k, tr) in closed_tr.iter().enumerate() {
            let v = prev[CLOSED[k] as usize];
            for j in 0..W {
                let c = v + tr[j];
                let better = c > best[j];
                best[j] = if better { c } else { best[j] };
                arg[j] = if better { k as i32 } else { arg[j] };
            }
        }
        for (j, &l) in OPENING.iter().enumerate() {
            cur[l as usize] = best[j] + e[l as usize];
            back[l as usize] = CLOSED[arg[j] as usize];
        }
        for t in 0..4u8 {
            let (b, i) = (label(t, BEGIN) as usize, label(t, INSIDE) as usize);
            for l in [i, label(t, LAST) as usize] {
                let (from_b, from_i) = (prev[b] + trans[b * NL + l], prev[i] + trans[i * NL + l]);
                let (best, arg) = if from_i > from_b { (from_i, i) } else { (from_b, b) };
                cur[l] = best + e[l];
                back[l] = arg as u8;
            }
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
        if last[l] > NEG && allowed_last(l as u8) && last[l] + end[l] > best {
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
