/**
 * How the pack reads a URL property before the validator's rules judge it. A value the pack cannot read
 * fails (fail closed): a provider or a browser may read it differently from us (`" http://evil.example.com/cb"`
 * is no URI to our parser, but a trimmed http URI to others). Every string is asked the URL policy
 * (config/url-policy.ts `urlProblems`, the one the stack-file rules ask: userinfo, hosts not in lowercase
 * ASCII, control and invisible characters, secret query parameters), then the pack's rules for what a field
 * is for: an absolute URI, no whitespace or backslash, no script or data scheme, http(s) unless the field
 * takes a native app's own scheme, https where the provider takes nothing else. The validator's transport and
 * wildcard rules (config/rules) then run on what is left.
 */
import { RULES, type RuleCode } from "../config/rules/catalogue";
import { parseUri } from "../config/uris";
import { showUrl, urlProblems } from "../config/url-policy";

/**
 * What a URL field is for: a place the provider sends the browser back to (sign-in and sign-out redirects,
 * Auth0 callbacks and logout URLs), an origin the provider trusts (web origins, CORS origins, Okta trusted
 * origins), or where the provider starts a sign-in (initiate-login URI).
 */
export type UrlRole = "redirect" | "origin" | "login";

export interface UrlField {
  readonly role: UrlRole;
  /** Custom schemes (`com.example.app:/cb`) are a native app's redirect URIs; nothing else may use one. */
  readonly customSchemes: boolean;
  /** https only, whatever the host (Auth0's initiate-login URI: "Must be HTTPS"). */
  readonly httpsOnly?: boolean;
  /** The validator's code for a value of this field that cannot be read, and for one with a refused scheme. */
  readonly codes: { readonly unreadable: RuleCode; readonly scheme: RuleCode };
}

export interface UrlRefusal {
  readonly code: string;
  /** What is wrong with the value, without the value: `is not an absolute URI`, `has userinfo (…)`. */
  readonly reason: string;
  readonly fix?: string;
}

/** Schemes that run or read content instead of returning to an app: never a redirect, even a native app's. */
const ACTIVE_SCHEMES = new Set(["javascript", "vbscript", "data", "file", "blob", "filesystem", "about", "view-source"]);

const WRITE_IT_PLAIN = "Write the URL exactly as it is to be matched: an absolute https URL (http only for localhost, 127.0.0.1, [::1]) and nothing around it.";

/**
 * Why the pack cannot accept `raw` for `field` on sight, in a fixed order: the URL policy's problems first,
 * then the pack's own. Empty when the validator's rules may judge it.
 */
export function urlRefusals(raw: unknown, field: UrlField): UrlRefusal[] {
  const unreadable = (reason: string, fix = WRITE_IT_PLAIN): UrlRefusal => ({ code: field.codes.unreadable, reason, fix });
  const scheme = (reason: string): UrlRefusal => ({
    code: field.codes.scheme,
    reason,
    fix: field.role === "redirect" && field.customSchemes ? "Use an https URI, or the app's own private-use scheme (e.g. com.example.app:/callback)." : "Use an https URL.",
  });
  if (typeof raw !== "string") return [unreadable(`is ${raw === null ? "null" : Array.isArray(raw) ? "a list" : typeof raw}, not a URL string, so the policy cannot check it`)];
  if (raw === "") return [unreadable("is empty")];
  const shared: UrlRefusal[] = urlProblems(raw).map((p) => ({ code: p.code, reason: p.message, ...(fixOf(p.code) ? { fix: fixOf(p.code)! } : {}) }));
  const own = ownRefusal(raw, field, unreadable, scheme);
  return [...shared, ...(own ? [own] : [])];
}

/** The pack's own rules, first failing one only: a value has one reason not to be read as a URL. */
function ownRefusal(raw: string, field: UrlField, unreadable: (reason: string) => UrlRefusal, scheme: (reason: string) => UrlRefusal): UrlRefusal | undefined {
  // Spaces (the URL policy names any control or invisible character): trimmed or split, it is another URL.
  if (raw.includes(" ")) return unreadable("has a space; a provider or browser that trims or splits it would read another URL");
  if (raw.includes("\\")) return unreadable("has a backslash, which browsers read as / in http(s) URLs");
  const uri = parseUri(raw);
  if (!uri) return unreadable("is not an absolute URI");
  if (ACTIVE_SCHEMES.has(uri.scheme)) return scheme(`uses the ${uri.scheme}: scheme, which runs or reads content instead of returning to an app`);
  if (!uri.isHttp && !(field.role === "redirect" && field.customSchemes)) return scheme(`is not an http(s) URL${field.role === "redirect" ? " (custom schemes are for native apps only)" : ""}`);
  if (uri.isHttp && !uri.url.hostname) return unreadable("has no host");
  if (field.httpsOnly && uri.scheme !== "https") return scheme("is not https");
  return undefined;
}

/** A refusal as a violation message: the code, the property path, the value (userinfo and secrets hidden), the fix. */
export function refusalMessage(r: UrlRefusal, path: string, raw: unknown): string {
  const value = typeof raw === "string" ? showUrl(raw) : typeof raw === "object" && raw !== null ? (Array.isArray(raw) ? "a list" : "a map") : String(raw);
  const reason = r.reason.endsWith(".") ? r.reason : `${r.reason}.`;
  return `${r.code} ${path}: ${value}: ${reason}${r.fix ? ` Fix: ${r.fix}` : ""}`;
}

function fixOf(code: string): string | undefined {
  return (RULES as Partial<Record<string, { fix?: string }>>)[code]?.fix;
}
