/** Raw config values are `unknown` until checked: the one test for "a map of named entries". */
export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
