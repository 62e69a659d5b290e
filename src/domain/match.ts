/**
 * Fuzzy matching of labels that differ slightly between sheets
 * (`Helsedesign , Arena` / `Helsesdesign Arena` / `Helsesdesign`): the
 * similarity of two labels, and a label's best match among candidates. The
 * engine's hot path: edit distances, scoring and the search stay in this one
 * module, without closures or calls across modules per candidate.
 *
 * `similarity` is the maximum of four components computed on normalized
 * labels, each in 0..1:
 * - Levenshtein similarity `1 - d / maxLen` of the normalized strings;
 * - the same with spaces removed (`helse design` vs `helsedesign`);
 * - a character-weighted word overlap (Dice): words pair up when equal,
 *   within a small edit distance (1 for words of 5–8 letters, 2 from 9), or
 *   when one (of at least 4 letters) is a prefix of the other; matched letters
 *   count on both sides, so `snr` vs `bruk fond snr` scores low while
 *   `helsesdesign` vs `helsesdesign arena` scores high;
 * - a prefix score: the shorter space-less string (at least 4 letters) against
 *   the closest prefix of the longer one, `(1 - d / len) * (0.3 + 0.7 * ratio)`
 *   where ratio = shorter length / longer length.
 * Only equal normalized labels score 1; any other pair is capped at 0.99, so
 * an exact match always beats a near one.
 *
 * Labels are compared normalized (normalizeLabel.ts).
 */
import { normalizeLabel } from './normalizeLabel';

export { isSimpleAscii, normalizeLabel } from './normalizeLabel';

// Module-level aliases: global lookups are slow inside Jest's vm sandbox, and this is hot code.
const { abs, max, min, floor } = Math;
/** Longest string (in UTF-16 units) compared by edit distance; the rest is ignored. */
const MAX_DP_LEN = 128;
const NON_EQUAL_CAP = 0.99;
const HIST_SIZE = 128;

interface Prepared {
  readonly norm: string;
  /** `spaced` without spaces. */
  readonly nospace: string;
  /** norm capped at MAX_DP_LEN. */
  readonly spaced: string;
  readonly words: readonly string[];
  readonly wordChars: number;
  readonly spaces: number;
  /** Character counts of `nospace` by `charCode & 127` (collisions only weaken the bounds). */
  readonly hist: Uint16Array;
  /** Distinct slots used in `hist`. */
  readonly slots: Uint8Array;
}

/**
 * Most words of a label the word overlap pairs up. Pairing is quadratic in the words: two labels
 * of Excel's maximum length (32 767 characters, ~5 000 words) took seconds a pair; a real label
 * has a handful of words, and the edit distances look at the first 128 characters anyway.
 */
const MAX_WORDS = 64;

/** The words of a normalized label that matching compares: at most MAX_WORDS, each capped. */
export function labelWords(norm: string): string[] {
  return norm === '' ? [] : norm.split(' ', MAX_WORDS).map((w) => w.slice(0, MAX_DP_LEN));
}

function prepare(text: string): Prepared {
  const norm = normalizeLabel(text);
  const words = labelWords(norm);
  const spaced = norm.slice(0, MAX_DP_LEN);
  const nospace = spaced.replace(/ /g, '');
  const hist = new Uint16Array(HIST_SIZE);
  const used: number[] = [];
  for (let i = 0; i < nospace.length; i++) {
    const k = nospace.charCodeAt(i) & (HIST_SIZE - 1);
    if (hist[k] === 0) used.push(k);
    hist[k]++;
  }
  let wordChars = 0;
  for (const w of words) wordChars += w.length;
  let spaces = 0;
  for (let i = 0; i < spaced.length; i++) if (spaced.charCodeAt(i) === 32) spaces++;
  return { norm, nospace, spaced, words, wordChars, spaces, hist, slots: Uint8Array.from(used) };
}

/** Letters of `a` that `b` cannot supply (multiset difference size). */
function excess(a: Prepared, b: Prepared): number {
  let e = 0;
  const ha = a.hist;
  const hb = b.hist;
  const slots = a.slots;
  for (let i = 0; i < slots.length; i++) {
    const k = slots[i];
    const d = ha[k] - hb[k];
    if (d > 0) e += d;
  }
  return e;
}

let prevRow = new Int32Array(MAX_DP_LEN + 2);
let curRow = new Int32Array(MAX_DP_LEN + 2);
/** Results of the last `editDistance` call. */
let dpFull = 0;
let dpPrefix = 0;

/**
 * Edit distance of `a` to `b` (`dpFull`) and the smallest edit distance of
 * `a` to any prefix of `b` (`dpPrefix`). Stops early, with both set to
 * `limit + 1`, once every cell of a row exceeds `limit` (row minima never
 * decrease, so neither result could be <= limit).
 */
function editDistance(a: string, b: string, limit: number): void {
  if (a.length === 0) {
    dpFull = b.length;
    dpPrefix = 0;
    return;
  }
  if (a.length <= 32) {
    myers(a, b);
    return;
  }
  const la = a.length;
  const lb = b.length;
  if (prevRow.length < lb + 1) {
    prevRow = new Int32Array(lb + 1);
    curRow = new Int32Array(lb + 1);
  }
  let prev = prevRow;
  let cur = curRow;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    const ca = a.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      let v = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = prev[j] + 1;
      if (del < v) v = del;
      const ins = cur[j - 1] + 1;
      if (ins < v) v = ins;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) {
      dpFull = limit + 1;
      dpPrefix = limit + 1;
      return;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  dpFull = prev[lb];
  let m = prev[0];
  for (let j = 1; j <= lb; j++) if (prev[j] < m) m = prev[j];
  dpPrefix = m;
}

/** Bit masks of the pattern's positions, by UTF-16 code unit (cleared after each use). */
const peq = new Int32Array(0x10000);

/**
 * Myers' bit-parallel edit distance for a pattern `p` of 1..32 code units:
 * walks the text `t` keeping the last DP row's value D[|p|][j], so it yields
 * both the full distance and the minimum over all prefixes of `t`.
 */
function myers(p: string, t: string): void {
  const n = p.length;
  const m = t.length;
  const last = 1 << (n - 1);
  for (let i = 0; i < n; i++) peq[p.charCodeAt(i)] |= 1 << i;
  let pv = -1;
  let mv = 0;
  let sc = n;
  let min = n;
  for (let j = 0; j < m; j++) {
    let eq = peq[t.charCodeAt(j)];
    const xv = eq | mv;
    eq |= ((eq & pv) + pv) ^ pv;
    mv |= ~(eq | pv);
    pv &= eq;
    if (mv & last) sc++;
    if (pv & last) sc--;
    if (sc < min) min = sc;
    mv = (mv << 1) | 1;
    pv = (pv << 1) | ~(xv | mv);
    mv &= xv;
  }
  for (let i = 0; i < n; i++) peq[p.charCodeAt(i)] = 0;
  dpFull = sc;
  dpPrefix = min;
}

/** Matched letters (counted on both sides) when word `x` is paired with word `y`. */
function wordPair(x: string, y: string): number {
  if (x === y) return 2 * x.length;
  const lx = x.length;
  const ly = y.length;
  let v = 0;
  const short = lx <= ly ? x : y;
  const long = lx <= ly ? y : x;
  if (short.length >= 4 && long.startsWith(short)) v = 2 * short.length;
  const maxLen = lx > ly ? lx : ly;
  const tol = maxLen >= 9 ? 2 : maxLen >= 5 ? 1 : 0;
  if (tol > 0 && abs(lx - ly) <= tol) {
    if (lx <= ly) editDistance(x, y, tol);
    else editDistance(y, x, tol);
    if (dpFull <= tol) {
      const f = (1 - dpFull / maxLen) * (lx + ly);
      if (f > v) v = f;
    }
  }
  return v;
}

let usedScratch = new Uint8Array(16);

/** Character-weighted word overlap (greedy pairing in the order of `a`). */
function wordDice(a: Prepared, b: Prepared): number {
  const total = a.wordChars + b.wordChars;
  if (total === 0) return 0;
  if (usedScratch.length < b.words.length) usedScratch = new Uint8Array(b.words.length);
  const used = usedScratch;
  used.fill(0, 0, b.words.length);
  let matched = 0;
  for (const x of a.words) {
    let best = 0;
    let bestJ = -1;
    for (let j = 0; j < b.words.length; j++) {
      if (used[j]) continue;
      const v = wordPair(x, b.words[j]);
      if (v > best) {
        best = v;
        bestJ = j;
      }
    }
    if (bestJ >= 0) {
      used[bestJ] = 1;
      matched += best;
    }
  }
  return matched / total;
}

/**
 * Similarity of two prepared labels. Components whose upper bound is below
 * `need` are skipped, so the result is exact when it is >= `need` and
 * otherwise only known to be below `need`.
 */
function score(p: Prepared, q: Prepared, need: number): number {
  if (p.norm === q.norm) return 1;
  if (p.norm === '' || q.norm === '') return 0;
  // Canonical order keeps every component (and the greedy word pairing) symmetric.
  const a = p.norm < q.norm ? p : q;
  const b = a === p ? q : p;
  let best = 0;
  // What a component must reach to matter: the caller's need or the best so far.
  let bar = need;

  const exA = excess(a, b);
  const exB = excess(b, a);

  // Space-less: full Levenshtein and prefix score share one DP.
  const la = a.nospace.length;
  const lb = b.nospace.length;
  const shortIsA = la < lb || (la === lb && a.nospace <= b.nospace);
  const s = shortIsA ? a : b;
  const l = shortIsA ? b : a;
  const ls = s.nospace.length;
  const ll = l.nospace.length;
  const exS = shortIsA ? exA : exB;
  const maxNo = ll;
  const ubLevNo = maxNo === 0 ? 0 : 1 - max(exA, exB) / maxNo;
  const prefixFactor = 0.3 + (0.7 * ls) / ll;
  const usePrefix = ls >= 4;
  const ubPrefix = usePrefix ? (1 - exS / ls) * prefixFactor : 0;
  if (maxNo > 0 && (ubLevNo >= bar || ubPrefix >= bar)) {
    // Largest distances that could still reach `bar`.
    const limFull = floor((1 - bar) * maxNo + 1e-9);
    const limPrefix = usePrefix ? floor((1 - bar / prefixFactor) * ls + 1e-9) : -1;
    editDistance(s.nospace, l.nospace, max(limFull, limPrefix, 0));
    const levNo = 1 - dpFull / maxNo;
    if (levNo > best) best = levNo;
    if (usePrefix) {
      const pre = (1 - dpPrefix / ls) * prefixFactor;
      if (pre > best) best = pre;
    }
    if (best > bar) bar = best;
  }

  // Levenshtein with spaces.
  const maxSp = max(a.spaced.length, b.spaced.length);
  const exAs = exA + max(0, a.spaces - b.spaces);
  const exBs = exB + max(0, b.spaces - a.spaces);
  const ubLevSp = 1 - max(exAs, exBs) / maxSp;
  if (ubLevSp >= bar) {
    const lim = floor((1 - bar) * maxSp + 1e-9);
    if (a.spaced.length <= b.spaced.length) editDistance(a.spaced, b.spaced, max(lim, 0));
    else editDistance(b.spaced, a.spaced, max(lim, 0));
    const lev = 1 - dpFull / maxSp;
    if (lev > best) best = lev;
    if (best > bar) bar = best;
  }

  // Word overlap: at most 2 * min / (sum) of the letters can be matched.
  const ubWords = (2 * min(a.wordChars, b.wordChars)) / (a.wordChars + b.wordChars);
  if (ubWords >= bar) {
    const w = wordDice(a, b);
    if (w > best) best = w;
  }

  if (best < 0) best = 0;
  return best > NON_EQUAL_CAP ? NON_EQUAL_CAP : best;
}

/**
 * 0..1; 1 exactly for equal normalized labels, at most 0.99 otherwise.
 * Symmetric.
 */
export function similarity(a: string, b: string): number {
  return score(prepare(a), prepare(b), 0);
}

export interface MatchCandidate<K> {
  readonly key: K;
  readonly text: string;
}

interface CandidateCache {
  readonly texts: string[];
  readonly prepared: Prepared[];
  /** First candidate index for each normalized label. */
  readonly byNorm: Map<string, number>;
}

const candidateCache = new WeakMap<object, CandidateCache>();

function preparedCandidates<K>(candidates: readonly MatchCandidate<K>[]): CandidateCache {
  let c = candidateCache.get(candidates);
  let fresh = c === undefined || c.texts.length !== candidates.length;
  if (!fresh && c) {
    for (let i = 0; i < candidates.length; i++) {
      if (c.texts[i] !== candidates[i].text) {
        fresh = true;
        break;
      }
    }
  }
  if (fresh || !c) {
    const texts = candidates.map((x) => x.text);
    const prepared = texts.map(prepare);
    const byNorm = new Map<string, number>();
    prepared.forEach((p, i) => {
      if (!byNorm.has(p.norm)) byNorm.set(p.norm, i);
    });
    c = { texts, prepared, byNorm };
    candidateCache.set(candidates, c);
  }
  return c;
}

/**
 * Best candidate with similarity >= threshold (default 0.6), ties broken by
 * the earlier candidate; null if none. Normalized candidates are cached per
 * candidates array, so calling this repeatedly with the same array is cheap.
 */
export function bestMatch<K>(
  label: string,
  candidates: readonly MatchCandidate<K>[],
  threshold = 0.6,
): { key: K; text: string; score: number } | null {
  if (candidates.length === 0) return null;
  const cache = preparedCandidates(candidates);
  const p = prepare(label);
  const exact = cache.byNorm.get(p.norm);
  if (exact !== undefined) {
    if (1 < threshold) return null;
    return { key: candidates[exact].key, text: candidates[exact].text, score: 1 };
  }
  let bestIdx = -1;
  let bestScore = -Infinity;
  for (let i = 0; i < cache.prepared.length; i++) {
    const need = bestIdx < 0 ? threshold : bestScore;
    const sc = score(p, cache.prepared[i], need);
    if (bestIdx < 0 ? sc >= threshold : sc > bestScore) {
      bestIdx = i;
      bestScore = sc;
    }
  }
  if (bestIdx < 0) return null;
  return { key: candidates[bestIdx].key, text: candidates[bestIdx].text, score: bestScore };
}
