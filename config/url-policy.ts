/**
 * The URL policy: what every URL oidc-apps takes from a user may look like, whatever it is for (sign-in and
 * sign-out redirect URIs, initiate-login URIs, trusted origins, Auth0 callbacks, logout URLs and web origins,
 * recipe URL parameters, `okta:httpProxy`). Pure; the stack-file rules, the recipes and the policy pack all ask
 * these functions, so one URL gets one answer.
 *
 * Read from the text as written, not from what a URL parser makes of it: the WHATWG parser (browsers, Node)
 * takes `https://portal.acme.io@evil.example/cb` to be a URL of the host evil.example, maps a Cyrillic `а` to
 * punycode, lowercases `ACME.com`, drops U+200B and tab characters, and treats `\` as `/`: each of these lets
 * what a reviewer reads differ from where the browser goes.
 *
 * - No userinfo (`user:pass@`, or anything before an `@` in the authority).
 * - The host in ASCII (internationalized names as punycode A-labels, `xn--…`), without percent-encoding, and
 *   lowercase.
 * - No control or format characters anywhere (the string policy, `config/text-policy.ts`).
 * - No query parameter that carries a credential or an authorization code ({@link SECRET_QUERY_PARAMETERS}).
 *
 * Messages never repeat the userinfo or any parameter's value: quote URLs with {@link showUrl}.
 */
import { domainToASCII } from "node:url";
import { show } from "./show";
import { findUnsafeCharacter, SECRET_QUERY_PARAMETERS, unsafeCharacterMessage } from "./text-policy";

export { SECRET_QUERY_PARAMETERS };

export type UrlProblemKind = "unsafe-character" | "userinfo" | "host-not-ascii" | "host-uppercase" | "secret-parameter";

export interface UrlProblem {
  readonly kind: UrlProblemKind;
  /** The code the stack-file rules report it under (config/rules/text-and-urls.ts holds the rule). */
  readonly code: (typeof URL_PROBLEM_CODES)[UrlProblemKind];
  /** What is wrong, without the URL (the caller names the key) and never with the userinfo or a secret's value. */
  readonly message: string;
}

/**
 * The rule code of each kind: the same codes wherever the policy is applied (the stack file, the policy pack).
 * A pure module names the codes without importing the rules; config/rules/text-and-urls.ts maps each kind to
 * its rule with a type that must agree with these.
 */
export const URL_PROBLEM_CODES = {
  "unsafe-character": "TEXT_UNSAFE_CHARACTER",
  userinfo: "URL_USERINFO",
  "host-not-ascii": "URL_HOST_NOT_ASCII",
  "host-uppercase": "URL_HOST_UPPERCASE",
  "secret-parameter": "URL_SECRET_PARAMETER",
} as const satisfies Readonly<Record<UrlProblemKind, string>>;

/** Schemes whose URLs have an authority even without `//` (WHATWG "special schemes"): the parser skips any run of `/` and `\` after the colon. */
const SPECIAL_SCHEMES = new Set(["http", "https", "ws", "wss", "ftp", "file"]);

/** The parts of a URL as written, before any parser normalises them. */
export interface RawUrlParts {
  readonly scheme: string;
  /** Everything before the last `@` of the authority, when there is one. */
  readonly userinfo?: string;
  /** The host as written: `*.Example.com`, `[::1]`, `xn--80ak6aa92e.com`; empty when the URL has no authority. */
  readonly host: string;
  readonly port?: string;
  /** The query without its `?`, up to the fragment. */
  readonly query?: string;
}

/**
 * Split `raw` as written: scheme, userinfo (up to the authority's last `@`, as WHATWG does), host, port, query.
 * Undefined when `raw` has no scheme. A URL without an authority (`com.example.app:/callback`) has an empty host.
 */
export function rawUrlParts(raw: string): RawUrlParts | undefined {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(raw);
  if (!m) return undefined;
  const scheme = m[1]!.toLowerCase();
  let rest = raw.slice(m[0].length);
  const special = SPECIAL_SCHEMES.has(scheme);
  if (special) rest = rest.replace(/^[/\\]*/, "");
  else if (rest.startsWith("//")) rest = rest.slice(2);
  else return { scheme, host: "", ...queryOf(rest) };
  let end = 0;
  while (end < rest.length && !"/?#".includes(rest[end]!) && !(special && rest[end] === "\\")) end++;
  const authority = rest.slice(0, end);
  const at = authority.lastIndexOf("@");
  const hostPort = authority.slice(at + 1);
  let host: string;
  let port: string | undefined;
  if (hostPort.startsWith("[")) {
    const close = hostPort.indexOf("]");
    host = close < 0 ? hostPort : hostPort.slice(0, close + 1);
    const after = close < 0 ? "" : hostPort.slice(close + 1);
    port = after.startsWith(":") ? after.slice(1) : undefined;
  } else {
    const colon = hostPort.indexOf(":");
    host = colon < 0 ? hostPort : hostPort.slice(0, colon);
    port = colon < 0 ? undefined : hostPort.slice(colon + 1);
  }
  return {
    scheme,
    ...(at >= 0 ? { userinfo: authority.slice(0, at) } : {}),
    host,
    ...(port !== undefined ? { port } : {}),
    ...queryOf(rest.slice(end)),
  };
}

function problemOf(kind: UrlProblemKind, message: string): UrlProblem {
  return { kind, code: URL_PROBLEM_CODES[kind], message };
}

/** The query of what follows a URL's authority (or of an authority-less URL's rest), without `?` and fragment. */
function queryOf(s: string): { query?: string } {
  const q = s.indexOf("?");
  if (q < 0) return {};
  const h = s.indexOf("#", q);
  return { query: s.slice(q + 1, h < 0 ? undefined : h) };
}

/**
 * Everything the URL policy says about `raw`, in a fixed order; empty when it complies. Each problem once. A
 * string that is not a URL at all has no policy problems (only its unsafe characters): whether it must be a URL
 * is the caller's rule.
 */
export function urlProblems(raw: string): UrlProblem[] {
  const problems: UrlProblem[] = [];
  const unsafe = findUnsafeCharacter(raw);
  if (unsafe) problems.push(problemOf("unsafe-character", unsafeCharacterMessage(unsafe)));
  const parts = rawUrlParts(raw);
  if (!parts) return problems;
  if (parts.userinfo !== undefined) {
    problems.push(
      problemOf(
        "userinfo",
        `has userinfo (something before an "@" in its authority: a user name, a password or a decoy host); the real host is ${show(parts.host)}, and userinfo in a URL is sent with every request and printed wherever the URL is.`,
      ),
    );
  }
  const host = parts.host;
  const hostNonAscii = [...host].find((c) => c > "~" && findUnsafeCharacter(c) === undefined);
  if (hostNonAscii !== undefined || host.includes("%")) {
    const ascii = host.includes("%") ? "" : domainToASCII(host.replace(/^\*\./, "x."));
    const hint = ascii && ascii !== host ? ` (as punycode: ${show(host.startsWith("*.") ? `*.${ascii.slice(2)}` : ascii)})` : "";
    const what = hostNonAscii !== undefined ? `the character ${characterLabel(hostNonAscii)}, which is not ASCII` : "percent-encoding";
    problems.push(problemOf("host-not-ascii", `has in its host ${what}${hint}; hosts are written in ASCII, internationalized names as punycode A-labels (xn--…), so that the host a reviewer reads is the host a browser resolves.`));
  } else if (/[A-Z]/.test(host)) {
    problems.push(problemOf("host-uppercase", `has capital letters in its host; write it ${show(host.toLowerCase())}: browsers and providers lowercase hosts, so a capitalised one differs from what is registered and reviewed.`));
  }
  const secrets = secretParameters(parts.query);
  if (secrets.length > 0) {
    problems.push(
      problemOf(
        "secret-parameter",
        `has the query parameter${secrets.length === 1 ? "" : "s"} ${secrets.map((s) => show(s)).join(", ")}, which carr${secrets.length === 1 ? "ies" : "y"} a credential or an authorization code: a URL is logged and shown everywhere, and an authorization response adds its own code.`,
      ),
    );
  }
  return problems;
}

/** True when `raw` complies with the URL policy. */
export function isPolicyCompliantUrl(raw: string): boolean {
  return urlProblems(raw).length === 0;
}

/** The names (lowercased, decoded) of `query`'s secret-looking parameters, each once, in order. */
export function secretParameters(query: string | undefined): string[] {
  if (query === undefined || query === "") return [];
  const found: string[] = [];
  for (const pair of query.split(/[&;]/)) {
    const name = decodeName(pair.split("=", 1)[0]!).toLowerCase();
    if (SECRET_QUERY_PARAMETERS.includes(name) && !found.includes(name)) found.push(name);
  }
  return found;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, " "));
  } catch {
    return name;
  }
}

function characterLabel(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} ${show(c)}`;
}

/**
 * `raw` with the userinfo replaced by `…`, and the value of every query and fragment parameter by `…`: what a
 * message may show of a URL. Unsafe characters are left as they are; print through {@link showUrl} (or `show`), which escapes them.
 */
export function redactUrl(raw: string): string {
  let out = raw;
  const parts = rawUrlParts(raw);
  if (parts?.userinfo !== undefined) {
    const at = out.indexOf(parts.userinfo);
    if (at >= 0) out = `${out.slice(0, at)}…${out.slice(at + parts.userinfo.length)}`;
  }
  // No rule needs a parameter's value, only its name (URL_SECRET_PARAMETER names the parameter), and any of
  // them may hold a token: `?token=…`, `?sig=…`, or, in the fragment, the implicit flow's `#access_token=…`
  // (RFC 6749 §4.2.2), which a URL pasted from a browser's address bar carries live. Every value is elided.
  const start = out.search(/[?#]/);
  if (start >= 0) out = out.slice(0, start + 1) + out.slice(start + 1).replace(/(^|[&;?#])([^=&;?#]*)=[^&;?#]*/g, "$1$2=…");
  return out;
}

/** How a URL is quoted in a message: {@link redactUrl}, then the usual short excerpt. */
export function showUrl(raw: string, max = 80): string {
  return show(redactUrl(raw), max);
}

/** What a rule says for a URL problem: `<the URL, redacted> <what is wrong>`; an unsafe character's message never quotes the value. */
export function urlProblemMessage(raw: string, problem: UrlProblem): string {
  return problem.kind === "unsafe-character" ? problem.message : `${showUrl(raw)} ${problem.message}`;
}
