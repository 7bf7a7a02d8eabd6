/**
 * Text and URLs: the string and URL policies (config/text-policy.ts, config/url-policy.ts), every value,
 * wherever it is used.
 *
 * The string policy runs over a whole stack: every key and every string value that oidc-apps reads or passes
 * on (`oidc-apps:*`, `okta:*`, `auth0:*`), at every depth. Values the stack marks secret, and credentials (which
 * CONFIG_CLEARTEXT_CREDENTIAL reports), are never looked into: nothing here may quote them. One pass, iterative
 * (no recursion on hostile nesting), linear in the size of the config.
 *
 * The URL policy is asked by each rule that reads a URL field ({@link reportUrlPolicy}), so one URL gets one
 * answer wherever it is used.
 */
import type { Diagnostics } from "../diagnostics";
import { wellFormed, type Slot } from "../lenient";
import { keyPath, type PathSegment } from "../paths";
import { AUTH0_CREDENTIAL_KEYS } from "../schema/auth0";
import { OKTA_CREDENTIAL_KEYS } from "../schema/root";
import { AUTH0_ROOT, OKTA_ROOT, PROJECT, RECIPES_ROOT } from "../sections";
import { findUnsafeCharacter, secretShape, secretShapeMessage, unsafeCharacterMessage } from "../text-policy";
import { showUrl, urlProblemMessage, urlProblems, type URL_PROBLEM_CODES, type UrlProblem, type UrlProblemKind } from "../url-policy";
import { defineRules, type Rule } from "./rule";
import { BCP, policy } from "./sources";

export const TEXT_AND_URL_RULES = defineRules({
  TEXT_UNSAFE_CHARACTER: {
    severity: "error",
    summary: "A control or invisible format character in a value or a key (a newline in a label, U+202E, U+200B).",
    rationale: "C0 and C1 controls (newline, escape), zero-width characters and bidi overrides are invisible or reorder text: printed in a plan, a log or a pull-request comment they forge lines, or make a label, a host or a name read as another. No label, name, id or URL needs one.",
    source: `Unicode Technical Report #36, Unicode Security Considerations (unicode.org/reports/tr36/); "Trojan Source", CVE-2021-42574 (bidi overrides, trojansource.codes/); ${policy("Untrusted input")}`,
    fix: "Retype the value without the character the message names.",
  },
  TEXT_SECRET_SHAPE: {
    severity: "error",
    summary: "A value shaped like a secret (a private key, a JWT, an API token) where none belongs.",
    rationale: "Labels, names and ids are printed in plans, reviews, logs and the providers' consoles: a key or a token pasted into one is leaked the moment the stack file is committed.",
    source: `RFC 7468 (PEM private keys, rfc-editor.org/rfc/rfc7468); RFC 7519 (JSON Web Tokens); Okta, Create an API token (developer.okta.com/docs/guides/create-an-api-token/); ${policy("Untrusted input")}`,
    fix: "Remove it and treat it as leaked: rotate the key or token. Credentials belong in provider keys set with `pulumi config set --secret`.",
  },
  URL_USERINFO: {
    severity: "error",
    summary: "A URL with userinfo: `user:pass@`, or a decoy `host@` before the real host.",
    rationale: "`https://portal.acme.io@evil.example/callback` goes to evil.example: what precedes the `@` is userinfo, which a reviewer reads as the host. A password there is sent with every request and printed in every plan and diff; RFC 3986 deprecates it.",
    source: `RFC 3986 §3.2.1, User Information (rfc-editor.org/rfc/rfc3986#section-3.2.1); WHATWG URL Standard, authority parsing (url.spec.whatwg.org/); ${policy("Untrusted input")}`,
    fix: "Remove the userinfo. A proxy that needs credentials: store its whole URL as a secret (`pulumi config set --secret okta:httpProxy …`).",
  },
  URL_HOST_NOT_ASCII: {
    severity: "error",
    summary: "A URL host with characters outside ASCII, or percent-encoded.",
    rationale: "Browsers map `portаl.example.com` (with a Cyrillic `а`) to punycode, `xn--…`: another host that reads like the real one. Written as its A-label, an internationalized host is reviewed as the host that is resolved.",
    source: `RFC 5890 §2.3.2.1, A-labels (rfc-editor.org/rfc/rfc5890); WHATWG URL Standard, host parsing (url.spec.whatwg.org/#host-parsing); Unicode Technical Standard #39, confusables (unicode.org/reports/tr39/); ${policy("Untrusted input")}`,
    fix: "Write the host in ASCII, an internationalized name as its punycode A-label (the message gives it).",
  },
  URL_HOST_UPPERCASE: {
    severity: "error",
    summary: "A URL host with capital letters.",
    rationale: "Browsers and providers lowercase hosts, while redirect URIs are compared as exact strings: `https://Portal.example.com/cb` is sent back as `https://portal.example.com/cb` and no longer matches what was registered. One spelling also keeps duplicates and reviews honest.",
    source: `RFC 3986 §6.2.2.1, case normalization (rfc-editor.org/rfc/rfc3986#section-6.2.2.1); RFC 6749 §3.1.2.3 (redirect URIs compared as strings); ${policy("Untrusted input")}`,
    fix: "Write the host in lowercase.",
  },
  URL_SECRET_PARAMETER: {
    severity: "error",
    summary: "A URL whose query carries a secret or an authorization code (`client_secret`, `access_token`, `code`, …).",
    rationale: "URLs are logged, cached and shown in plans and reviews, so a secret in one is leaked; RFC 6749 forbids client credentials in the request URI, and a redirect URI that already has a `code` collides with the authorization response's own.",
    source: `RFC 6749 §2.3.1 and §4.1.2 (rfc-editor.org/rfc/rfc6749); RFC 6750 §2.3 and §5.3 (access tokens in URLs); ${BCP}`,
    fix: "Remove the parameter; pass credentials as provider secrets, never in a URL.",
  },
  URL_CASE_DUPLICATE: {
    severity: "warning",
    summary: "Two URLs in one list that differ only in letter case.",
    rationale: "Redirect URIs are compared exactly, so both are registered and each admits its own spelling; usually one is a typo of the other, and a reviewer sees one URL where there are two.",
    source: `RFC 6749 §3.1.2.3 (simple string comparison, rfc-editor.org/rfc/rfc6749#section-3.1.2.3); ${policy("Validation")}`,
    fix: "Keep the spelling the app really uses and remove the other.",
  },
});

/**
 * The rule of each kind of URL problem. Keyed by kind and tied by type to the code config/url-policy.ts gives
 * the problem (`URL_PROBLEM_CODES`, which the policy pack prints), so the two cannot disagree.
 */
const URL_RULES: { readonly [K in UrlProblemKind]: Rule<(typeof URL_PROBLEM_CODES)[K]> } = {
  "unsafe-character": TEXT_AND_URL_RULES.TEXT_UNSAFE_CHARACTER,
  userinfo: TEXT_AND_URL_RULES.URL_USERINFO,
  "host-not-ascii": TEXT_AND_URL_RULES.URL_HOST_NOT_ASCII,
  "host-uppercase": TEXT_AND_URL_RULES.URL_HOST_UPPERCASE,
  "secret-parameter": TEXT_AND_URL_RULES.URL_SECRET_PARAMETER,
};

/** The rule a URL problem is reported under (a recipe's URL parameter carries it in its zod issue). */
export function urlRule(problem: UrlProblem): Rule {
  return URL_RULES[problem.kind];
}

/**
 * The URL policy (config/url-policy.ts) for one URL, reported at `path`; true when the URL complies. The other
 * rules still run on a URL that does not (every problem at once, and the policy pack, which asks these rules,
 * keeps every finding it had): they quote it through `showUrl`, which never repeats userinfo or a secret.
 */
export function reportUrlPolicy(raw: string, path: string, diags: Diagnostics): boolean {
  const problems = urlProblems(raw);
  for (const p of problems) diags.report(urlRule(p), path, urlProblemMessage(raw, p));
  return problems.length === 0;
}

/**
 * URLs of one list that differ only in letter case (exact repeats are the caller's duplicate rule): a warning on
 * each later one, naming the first.
 */
export function reportCaseVariants(list: readonly Slot<string>[], root: string, at: readonly PathSegment[], diags: Diagnostics): void {
  const first = new Map<string, { index: number; raw: string }>();
  list.forEach((raw, i) => {
    if (!wellFormed(raw)) return;
    const folded = raw.toLowerCase();
    const seen = first.get(folded);
    if (!seen) first.set(folded, { index: i, raw });
    else if (seen.raw !== raw) diags.report(TEXT_AND_URL_RULES.URL_CASE_DUPLICATE, keyPath(root, [...at, i]), `${showUrl(raw)} differs from ${keyPath(root, [...at, seen.index])} only in letter case; both are registered, and each matches only its own spelling.`);
  });
}

/** Structured sections: Pulumi hands them to the program as JSON text. */
const STRUCTURED = new Set([OKTA_ROOT, AUTH0_ROOT, RECIPES_ROOT]);
const CREDENTIALS = new Set([...OKTA_CREDENTIAL_KEYS.map((k) => `okta:${k}`), ...AUTH0_CREDENTIAL_KEYS.map((k) => `auth0:${k}`)]);
/** PEM public keys are multi-line by nature; a private one there is KEY_PRIVATE_MATERIAL's. */
const PEM_FIELD = "publicKey";
/**
 * Fields that hold URLs (and their lists): a password or a secret query parameter in one is the URL policy's
 * (URL_USERINFO, URL_SECRET_PARAMETER), reported by the rule that reads the field.
 */
const URL_FIELDS = new Set([
  "redirectUris", "postLogoutRedirectUris", "initiateLoginUri", "origin", "callbacks", "allowedLogoutUrls", "webOrigins",
  "gatewayUrl", "appUrl", "localDevUrl", "url", "publicUrl", "extraRedirectUris",
]);

/** The string policy over the whole stack: TEXT_UNSAFE_CHARACTER and TEXT_SECRET_SHAPE at the exact key path. */
export function checkConfigText(config: Readonly<Record<string, string>>, secretKeys: ReadonlySet<string> | undefined, diags: Diagnostics): void {
  const clean = new CleanStrings();
  for (const key of Object.keys(config).sort()) {
    const ns = key.slice(0, key.indexOf(":"));
    if (ns !== PROJECT && ns !== "okta" && ns !== "auth0") continue; // other tools' keys: not read, not printed
    checkString(key, placeOf(key), "the key", false, diags, clean);
    if (secretKeys?.has(key) || CREDENTIALS.has(key)) continue;
    if (key === "okta:httpProxy") {
      checkString(config[key]!, placeOf(key), "the value", false, diags, clean, true);
      continue;
    }
    const raw = config[key]!;
    let value: unknown = raw;
    if (STRUCTURED.has(key)) {
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw;
      }
    }
    walk(key, value, diags, clean);
  }
}

/**
 * The strings already found to comply, by how they were checked: a stack repeats most of its strings (every
 * app's keys, types, grant types, groups and origins), and a string that complies once complies everywhere
 * it is checked the same way. One per check of the whole config, so nothing outlives it.
 */
class CleanStrings {
  private readonly plain = new Set<string>();
  private readonly urls = new Set<string>();
  has(text: string, url: boolean): boolean {
    return (url ? this.urls : this.plain).has(text);
  }
  add(text: string, url: boolean): void {
    (url ? this.urls : this.plain).add(text);
  }
}

/**
 * Where a string is: a chain from the config key down (`up` is the enclosing map or list). Nearly every string
 * complies, so the key path is only spelled out (`keyPath`) for one that is reported, and no path is copied
 * per string.
 */
interface Place {
  readonly root: string;
  readonly up: Place | undefined;
  readonly segment: PathSegment | undefined;
  /** The nearest key name at or above this place (a list item's is its list's): it decides URL fields. */
  readonly field: string | undefined;
}

const placeOf = (root: string): Place => ({ root, up: undefined, segment: undefined, field: undefined });

function pathOf(place: Place): string {
  const segments: PathSegment[] = [];
  for (let p: Place | undefined = place; p?.segment !== undefined; p = p.up) segments.push(p.segment);
  return keyPath(place.root, segments.reverse());
}

function walk(root: string, value: unknown, diags: Diagnostics, clean: CleanStrings): void {
  const stack: { value: unknown; place: Place }[] = [{ value, place: placeOf(root) }];
  while (stack.length > 0) {
    const { value: v, place } = stack.pop()!;
    if (typeof v === "string") {
      checkString(v, place, "the value", place.segment === PEM_FIELD, diags, clean, place.field !== undefined && URL_FIELDS.has(place.field));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], place: { root, up: place, segment: i, field: place.field } });
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        const at: Place = { root, up: place, segment: k, field: k };
        checkString(k, at, "the key", false, diags, clean);
        stack.push({ value: child, place: at });
      }
    }
  }
}

/** `pem`: a PEM field, where line breaks belong and private keys are another rule's; `url`: a URL field (see URL_FIELDS). */
function checkString(text: string, place: Place, what: string, pem: boolean, diags: Diagnostics, clean: CleanStrings, url = false): void {
  // PEM fields are few and long: not remembered.
  if (!pem && clean.has(text, url)) return;
  const unsafe = findUnsafeCharacter(text, { allowLineBreaks: pem });
  if (unsafe) diags.report(TEXT_AND_URL_RULES.TEXT_UNSAFE_CHARACTER, pathOf(place), unsafeCharacterMessage(unsafe, what));
  if (pem) return;
  const shape = secretShape(text, { urlCredentials: !url });
  if (shape) diags.report(TEXT_AND_URL_RULES.TEXT_SECRET_SHAPE, pathOf(place), secretShapeMessage(shape, what));
  if (!unsafe && !shape) clean.add(text, url);
}

