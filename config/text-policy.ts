/**
 * The string policy: what a user string (a label, a name, a map key, a URL, an id) may contain, and how any
 * value is quoted back in a message. Pure, and linear in the length of its input (no regular expression here
 * can backtrack over a long run), so it is safe on hostile values.
 *
 * Used by the loader (TEXT_UNSAFE_CHARACTER, TEXT_SECRET_SHAPE, and every diagnostic through
 * `config/diagnostics.ts` and `config/show.ts`), and meant for anything else that takes strings from users
 * or providers and prints them (the policy pack, verify): one policy, one implementation.
 *
 * - Unsafe characters: C0 and C1 controls and DEL (Unicode category Cc), format characters (Cf: zero-width
 *   spaces and joiners, bidi embeddings, overrides and isolates such as U+202E, the BOM, soft hyphen, tag
 *   characters), line and paragraph separators (Zl, Zp) and lone surrogates (Cs). They are invisible or
 *   reorder text, so printed they can forge output lines or make a value read as another.
 * - Secret shapes: PEM private keys (with or without their header), JSON Web Tokens, Okta API tokens and a few
 *   widely used token formats. A label is never one; a value of that shape is a credential pasted by mistake.
 */

/** Cc, Cf, Zl, Zp, Cs: see the module comment. */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;
const UNSAFE_ALL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** Line breaks, for the few values that are multi-line by nature (a PEM public key). */
const LINE_BREAKS = new Set([0x0a, 0x0d]);

const NAMES: Readonly<Record<number, string>> = {
  0x00: "NULL",
  0x07: "BELL",
  0x08: "BACKSPACE",
  0x09: "TAB",
  0x0a: "LINE FEED",
  0x0d: "CARRIAGE RETURN",
  0x1b: "ESCAPE",
  0x7f: "DELETE",
  0x85: "NEXT LINE",
  0x9b: "CONTROL SEQUENCE INTRODUCER",
  0xad: "SOFT HYPHEN",
  0x061c: "ARABIC LETTER MARK",
  0x200b: "ZERO WIDTH SPACE",
  0x200c: "ZERO WIDTH NON-JOINER",
  0x200d: "ZERO WIDTH JOINER",
  0x200e: "LEFT-TO-RIGHT MARK",
  0x200f: "RIGHT-TO-LEFT MARK",
  0x2028: "LINE SEPARATOR",
  0x2029: "PARAGRAPH SEPARATOR",
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2060: "WORD JOINER",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
  0xfeff: "ZERO WIDTH NO-BREAK SPACE (BOM)",
};

export interface UnsafeCharacter {
  /** UTF-16 index in the string. */
  readonly index: number;
  readonly codePoint: number;
  /** `U+202E RIGHT-TO-LEFT OVERRIDE`, or `U+0001 (a control character)`. */
  readonly name: string;
}

/** `U+202E RIGHT-TO-LEFT OVERRIDE`; characters without a listed name say what kind they are. */
export function characterName(codePoint: number): string {
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = NAMES[codePoint];
  if (name) return `${hex} ${name}`;
  const char = String.fromCodePoint(codePoint);
  const kind = /\p{Cc}/u.test(char) ? "a control character" : /\p{Cs}/u.test(char) ? "a lone surrogate" : /\p{Z}/u.test(char) ? "a separator" : "an invisible format character";
  return `${hex} (${kind})`;
}

/**
 * The first unsafe character of `text`, or undefined. `allowLineBreaks` accepts LF and CR (a PEM public key is
 * several lines); every other control or format character is still refused.
 */
export function findUnsafeCharacter(text: string, options: { readonly allowLineBreaks?: boolean } = {}): UnsafeCharacter | undefined {
  if (!UNSAFE.test(text)) return undefined;
  UNSAFE_ALL.lastIndex = 0;
  for (const m of text.matchAll(UNSAFE_ALL)) {
    const codePoint = m[0].codePointAt(0)!;
    if (options.allowLineBreaks && LINE_BREAKS.has(codePoint)) continue;
    return { index: m.index, codePoint, name: characterName(codePoint) };
  }
  return undefined;
}

/** True when `text` has no unsafe character (see the module comment). */
export function isSafeText(text: string, options: { readonly allowLineBreaks?: boolean } = {}): boolean {
  return findUnsafeCharacter(text, options) === undefined;
}

/**
 * The message for a string with an unsafe character: which one and where, never the string itself. One
 * function, so every rule that finds the same character says the same thing (and the duplicate is dropped).
 */
export function unsafeCharacterMessage(found: UnsafeCharacter, what = "the value"): string {
  return `${what} contains ${found.name} at position ${found.index + 1}: control and invisible characters can forge lines in plans, logs and reviews, or make one value read as another.`;
}

/** Every unsafe character written as a `\u…` escape, so text prints as what it is. Idempotent. */
export function escapeUnsafe(text: string): string {
  if (!UNSAFE.test(text)) return text;
  return text.replace(UNSAFE_ALL, (c) => {
    const cp = c.codePointAt(0)!;
    return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, "0")}`;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Secret shapes.

/** A PEM private key header: PKCS#8, PKCS#1, SEC1, encrypted, OpenSSH, PGP. */
const PEM_PRIVATE = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----/;
const PEM_PRIVATE_BLOCK = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----(?:\\n|\n)?|$)/g;
/**
 * The DER openings of private keys, base64-encoded, as they start a PEM body pasted without its header:
 * PKCS#8 RSA (`MII..IBADAN`), PKCS#1 RSA (`MII..IBAAKC`), SEC1 EC P-256/384/521 and PKCS#8 EC.
 */
const DER_PRIVATE = /(?:MHcCAQEE|MIGkAgEBBDA|MIHcAgEBBEI|MIGHAgEAMBMGByqGSM49|MIG2AgEAMBAGByqGSM49|MIHuAgEAMBAGByqGSM49|MII[A-Za-z0-9+/]{2}[AQgw]IBA(?:DAN|AKC))[A-Za-z0-9+/=]{16}/;
const DER_PRIVATE_ALL = /(?:MHcCAQEE|MIGkAgEBBDA|MIHcAgEBBEI|MIGHAgEAMBMGByqGSM49|MIG2AgEAMBAGByqGSM49|MIHuAgEAMBAGByqGSM49|MII[A-Za-z0-9+/]{2}[AQgw]IBA(?:DAN|AKC))[A-Za-z0-9+/=]*/g;

/** Runs of token characters; every token shape below is checked on one run, anchored, so nothing backtracks. */
const TOKEN_RUN = /[A-Za-z0-9_.~+/=-]+/g;

interface TokenShape {
  readonly name: string;
  /** Anchored at both ends; matched against a whole run or a run's `.`-free part. */
  readonly pattern: RegExp;
}

const TOKEN_SHAPES: readonly TokenShape[] = [
  // RFC 7519: three base64url parts, the first two JSON objects (`{"` is `eyJ`).
  { name: "a JSON Web Token", pattern: /^eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/ },
  // Okta API tokens (SSWS): `00` and 40 base64url characters.
  { name: "an Okta API token", pattern: /^00[A-Za-z0-9_-]{40}$/ },
  { name: "a GitHub token", pattern: /^(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})$/ },
  { name: "an AWS access key id", pattern: /^(?:AKIA|ASIA)[0-9A-Z]{16}$/ },
  { name: "a Slack token", pattern: /^xox[abposr]-[A-Za-z0-9-]{10,}$/ },
  { name: "a Google API key", pattern: /^AIza[0-9A-Za-z_-]{35}$/ },
  { name: "a Stripe secret key", pattern: /^(?:sk|rk)_live_[A-Za-z0-9]{16,}$/ },
];

/** `SSWS <token>` or `Bearer <token>`: an Authorization header value. */
const AUTH_HEADER = /\b(?:SSWS|Bearer) [A-Za-z0-9._~+/-]{20}/;

/**
 * Query parameters that carry a secret or an authorization code (RFC 6749 §4.1.2, §2.3.1; RFC 6750 §2.3;
 * RFC 7523), compared case-insensitively after percent-decoding. The URL policy refuses them in URLs.
 */
export const SECRET_QUERY_PARAMETERS: readonly string[] = [
  "client_secret", "client_assertion", "access_token", "refresh_token", "id_token", "code", "password", "api_key", "apikey",
];
/** `?client_secret=<value>` (or `&…`, `;…`) anywhere in text: the value is group 2. */
const SECRET_QUERY_VALUE = new RegExp(`([?&;](?:${SECRET_QUERY_PARAMETERS.join("|")})=)([^&#;\\s"'\\\\]+)`, "gi");

/**
 * What secret `text` looks like (`"a PEM private key"`, `"a JSON Web Token"`, …), or undefined. For a value
 * that must never be one: labels, names, ids. `urlCredentials: false` leaves out URLs with a password or a
 * secret query parameter: for URL fields, where the URL policy reports them (URL_USERINFO, URL_SECRET_PARAMETER).
 */
export function secretShape(text: string, options: { readonly urlCredentials?: boolean } = {}): string | undefined {
  if (PEM_PRIVATE.test(text)) return "a PEM private key";
  if (DER_PRIVATE.test(text)) return "a private key (a PEM body without its header)";
  if (AUTH_HEADER.test(text)) return "an Authorization header with a token";
  for (const run of text.match(TOKEN_RUN) ?? []) {
    const shape = tokenShape(run);
    if (shape) return shape;
  }
  if (options.urlCredentials !== false) {
    if (hasUrlPassword(text)) return "a URL with a password";
    SECRET_QUERY_VALUE.lastIndex = 0;
    if (SECRET_QUERY_VALUE.test(text)) return "a URL with a secret query parameter";
  }
  return undefined;
}

/** `scheme://user:password@…` anywhere in text. Linear. */
function hasUrlPassword(text: string): boolean {
  if (!text.includes("@")) return false;
  for (let i = text.indexOf("://"); i >= 0; i = text.indexOf("://", i + 3)) {
    let colon = false;
    for (let j = i + 3; j < text.length && !AUTHORITY_END.has(text[j]!); j++) {
      if (text[j] === ":") colon = true;
      else if (text[j] === "@") {
        if (colon) return true;
        break;
      }
    }
  }
  return false;
}

function tokenShape(run: string): string | undefined {
  for (const s of TOKEN_SHAPES) if (s.pattern.test(run)) return s.name;
  // A token glued to text by `=`, `/` or `+` (`token=ghp_…`): check the parts too.
  if (/[=/+~]/.test(run)) {
    for (const part of run.split(/[=/+~]+/)) for (const s of TOKEN_SHAPES) if (part && s.pattern.test(part)) return s.name;
  }
  return undefined;
}

/** The message for a string of a secret's shape: what it looks like, never the value. */
export function secretShapeMessage(shape: string, what = "the value"): string {
  return `${what} looks like ${shape}; a secret in a stack file is committed to the repository and printed in plans and reviews.`;
}

// ---------------------------------------------------------------------------------------------------------
// Quoting values in messages.

/**
 * `text` with every secret-looking part replaced by a placeholder: PEM private keys (to the END line),
 * private-key DER bodies, JWTs and the token shapes above, Authorization header values, and the userinfo of
 * URLs (`https://user:pass@host` → `https://…@host`). For messages: whatever else they say, no secret.
 */
export function redactSecrets(text: string): string {
  let out = text;
  if (out.includes("PRIVATE KEY")) out = out.replace(PEM_PRIVATE_BLOCK, "[a PEM private key, not shown]");
  if (DER_PRIVATE.test(out)) out = out.replace(DER_PRIVATE_ALL, "[a private key, not shown]");
  out = out.replace(/\b(SSWS|Bearer) [A-Za-z0-9._~+/-]{20,}/g, "$1 [a token, not shown]");
  out = out.replace(TOKEN_RUN, (run) => {
    const shape = tokenShape(run);
    return shape ? `[${shape}, not shown]` : run;
  });
  out = out.replace(SECRET_QUERY_VALUE, "$1…");
  return redactUserinfo(out);
}

/** `scheme://user:pass@host` → `scheme://…@host`, wherever it occurs in `text`. Linear. */
export function redactUserinfo(text: string): string {
  if (!text.includes("@") || !text.includes("://")) return text;
  const parts: string[] = [];
  let from = 0;
  let i = text.indexOf("://");
  while (i >= 0) {
    const start = i + 3;
    let end = start;
    let at = -1;
    for (; end < text.length && !AUTHORITY_END.has(text[end]!); end++) if (text[end] === "@") at = end;
    if (at >= 0) {
      parts.push(text.slice(from, start), "…");
      from = at;
    }
    i = text.indexOf("://", Math.max(end, start));
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/** Where a URL's authority ends, also inside quotes and prose. */
const AUTHORITY_END = new Set([..."/?#\\ \"'`<>", "\t", "\n", "\r"]);

/**
 * Runs of 24 or more characters that mix capitals, small letters and digits (or 32 and more hex digits with
 * letters and digits): what generated secrets look like. Ids and kids can look so too; a message loses little by
 * not repeating them, since the key path says where they are.
 */
export function maskRandomRuns(text: string): string {
  return text.replace(/[A-Za-z0-9+/_=-]{24,}/g, (run) => {
    const upper = /[A-Z]/.test(run);
    const lower = /[a-z]/.test(run);
    const digit = /[0-9]/.test(run);
    const hex = run.length >= 32 && /^[0-9a-fA-F]+$/.test(run) && digit && /[a-fA-F]/.test(run);
    return (upper && lower && digit) || hex ? `${run.slice(0, 4)}…[${run.length - 4} characters not shown]` : run;
  });
}

/** A short, safe excerpt of `text` for a message: secrets redacted, unsafe characters escaped, at most `max` characters. */
export function safeExcerpt(text: string, max: number): string {
  // Cut long values before the (linear) passes, far enough out that a secret at the start is still recognised whole.
  const head = text.length > 4 * max + 512 ? text.slice(0, 4 * max + 512) : text;
  const safe = escapeUnsafe(maskRandomRuns(redactSecrets(head)));
  return safe.length > max || head.length < text.length ? `${safe.slice(0, max - 1)}…` : safe;
}
