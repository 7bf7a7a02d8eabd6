/** Config key paths as users see them: `oidc-apps:okta.apps.portal.redirectUris[1]`. */
import { maskRandomRuns, redactSecrets } from "./text-policy";

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** A path locates a key; it need not repeat a hostile 1 MB one. Longer keys are cut (app names have at most 50). */
const MAX_KEY = 100;

export function keyPath(root: string, segments: readonly PathSegment[]): string {
  let out = root;
  for (const s of segments) {
    if (typeof s === "number") out += `[${s}]`;
    else if (PLAIN_KEY.test(s) && s.length <= MAX_KEY) out += `.${s}`;
    else {
      // A key is a value too: secrets in it are redacted before it is cut (config/text-policy.ts).
      const head = s.length > 1024 ? s.slice(0, 1024) : s;
      const safe = head.length > 32 ? maskRandomRuns(redactSecrets(head)) : head;
      out += `[${JSON.stringify(safe.length > MAX_KEY ? `${safe.slice(0, MAX_KEY)}…` : safe)}]`;
    }
  }
  return out;
}

/** Free text → a resource-name part: lowercase letters and digits, runs of anything else as one hyphen. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}
