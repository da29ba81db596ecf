/** "did you mean ...?" for a misspelt name: the closest known name, if it is close enough. */

/** Levenshtein distance, case-insensitive (FEAT_Pauth is a misspelling of FEAT_PAuth, not a new name). */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i]?.toLowerCase() === b[i]?.toLowerCase()) i++;
  return i;
}

/**
 * The known name closest to `name`, when it is within a third of the
 * name's length (at most 3 edits) of it; among equally close names the one
 * sharing the longest prefix with `name` (v8.30 -> v8.3, not v8.0), then the
 * first in `known`.
 */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(name.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  let bestPrefix = -1;
  for (const k of known) {
    const d = distance(name, k);
    const prefix = commonPrefix(name, k);
    if (d < bestDistance || (d === bestDistance && prefix > bestPrefix)) {
      best = k;
      bestDistance = d;
      bestPrefix = prefix;
    }
  }
  return best;
}

/** " (did you mean X?)" or "". */
export function didYouMean(name: string, known: Iterable<string>): string {
  const c = closest(name, known);
  return c === undefined ? "" : ` (did you mean ${c}?)`;
}
