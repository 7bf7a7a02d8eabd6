/** "Did you mean" suggestions: the closest known names by edit distance. */

/** Levenshtein distance, case-insensitive, so `redirectURIs` still finds `redirectUris`. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * Edit distance, except that one name extending the other (`webapp` / `web`) counts as a near miss: ranked
 * after true one-letter slips (`read:user` → `read:users` before `read:user_attribute_profiles`).
 */
function closeness(input: string, name: string): number {
  const a = input.toLowerCase();
  const b = name.toLowerCase();
  if (a === b) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const d = editDistance(input, name);
  return d > 1 && short.length >= 3 && long.startsWith(short) ? 1.5 : d;
}

/**
 * Known names within a distance that scales with the length of what was typed (a third of it, at least 2),
 * closest first, at most `max`. Ties keep the catalogue's order, so suggestions are deterministic.
 */
export function nearest(input: string, known: readonly string[], max = 3): string[] {
  const limit = Math.max(2, Math.floor(input.length / 3));
  return known
    .map((name, index) => ({ name, index, d: closeness(input, name) }))
    .filter((c) => c.d <= limit)
    .sort((a, b) => a.d - b.d || a.index - b.index)
    .slice(0, max)
    .map((c) => c.name);
}

/** ` Did you mean "x" or "y"?` or an empty string. */
export function didYouMean(input: string, known: readonly string[]): string {
  const hits = nearest(input, known);
  if (hits.length === 0) return "";
  return ` Did you mean ${hits.map((h) => `"${h}"`).join(" or ")}?`;
}
