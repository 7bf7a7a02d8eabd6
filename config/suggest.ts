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
 * Longest input that gets suggestions. Edit distance costs the product of the two lengths, per known name:
 * nothing anyone types by hand is this long, and a hostile 150 KB value must not cost minutes.
 */
export const MAX_SUGGESTION_INPUT = 100;

/**
 * Known names within a distance that scales with the length of what was typed (a third of it, at least 2),
 * closest first, at most `max`. Ties keep the catalogue's order, so suggestions are deterministic. Bounded:
 * inputs longer than {@link MAX_SUGGESTION_INPUT} get none, and names whose length alone puts them out of reach
 * are skipped before any distance is computed.
 */
export function nearest(input: string, known: readonly string[], max = 3): string[] {
  if (input.length > MAX_SUGGESTION_INPUT) return [];
  const limit = Math.max(2, Math.floor(input.length / 3));
  return known
    .map((name, index) => ({ name, index, d: reachable(input, name, limit) ? closeness(input, name) : Infinity }))
    .filter((c) => c.d <= limit)
    .sort((a, b) => a.d - b.d || a.index - b.index)
    .slice(0, max)
    .map((c) => c.name);
}

/** Could `name` be within `limit` of `input`? Edit distance is at least the difference in length; a prefix is a near miss whatever the lengths. */
function reachable(input: string, name: string, limit: number): boolean {
  if (name.length > MAX_SUGGESTION_INPUT) return false;
  if (Math.abs(name.length - input.length) <= limit) return true;
  const a = input.toLowerCase();
  const b = name.toLowerCase();
  return a.length >= 3 && b.length >= 3 && (a.startsWith(b) || b.startsWith(a));
}

/** ` Did you mean "x" or "y"?` or an empty string. */
export function didYouMean(input: string, known: readonly string[]): string {
  const hits = nearest(input, known);
  if (hits.length === 0) return "";
  return ` Did you mean ${hits.map((h) => `"${h}"`).join(" or ")}?`;
}
