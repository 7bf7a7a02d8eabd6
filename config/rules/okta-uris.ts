/**
 * Rules for the URIs of an Okta app: redirect URIs, post-logout redirect URIs, the initiate-login URI and
 * trusted origins. Each check reports under a catalogue code with the exact key path.
 */
import type { Diagnostics } from "../diagnostics";
import { keyPath, type PathSegment } from "../paths";
import { urlProblemMessage, urlProblems, showUrl as show } from "../url-policy";
import { hostLabels, originOf, parseUri } from "../uris";

/**
 * The URL policy (config/url-policy.ts) for one URL, reported at `path`; true when the URL complies. The other
 * rules still run on a URL that does not (every problem at once, and the policy pack, which asks these rules,
 * keeps every finding it had): they quote it through `showUrl`, which never repeats userinfo or a secret.
 */
export function reportUrlPolicy(raw: string, path: string, diags: Diagnostics): boolean {
  const problems = urlProblems(raw);
  for (const p of problems) diags.report(p.code, path, urlProblemMessage(raw, p));
  return problems.length === 0;
}

/**
 * URLs of one list that differ only in letter case (exact repeats are the caller's duplicate rule): a warning on
 * each later one, naming the first.
 */
export function reportCaseVariants(list: readonly unknown[], root: string, at: readonly PathSegment[], diags: Diagnostics): void {
  const first = new Map<string, { index: number; raw: string }>();
  list.forEach((raw, i) => {
    if (typeof raw !== "string") return;
    const folded = raw.toLowerCase();
    const seen = first.get(folded);
    if (!seen) first.set(folded, { index: i, raw });
    else if (seen.raw !== raw) diags.report("URL_CASE_DUPLICATE", keyPath(root, [...at, i]), `${show(raw)} differs from ${keyPath(root, [...at, seen.index])} only in letter case; both are registered, and each matches only its own spelling.`);
  });
}

export interface UriContext {
  readonly root: string;
  readonly production: boolean;
  readonly native: boolean;
  /** `wildcardRedirect: subdomain` was asked for (sign-in redirect URIs only). */
  readonly wildcardAllowed: boolean;
  readonly diags: Diagnostics;
}

/** Sign-in or sign-out redirect URIs. */
export function checkRedirectUris(uris: readonly unknown[], at: readonly PathSegment[], ctx: UriContext): void {
  const seen = new Set<string>();
  uris.forEach((raw, i) => {
    if (typeof raw !== "string") return; // the shape check reports it
    const path = keyPath(ctx.root, [...at, i]);
    if (seen.has(raw)) ctx.diags.report("OKTA_REDIRECT_DUPLICATE", path, `${show(raw)} is listed more than once.`);
    seen.add(raw);
    checkRedirectUri(raw, path, ctx);
  });
  reportCaseVariants(uris, ctx.root, at, ctx.diags);
}

function checkRedirectUri(raw: string, path: string, ctx: UriContext): void {
  const { diags } = ctx;
  reportUrlPolicy(raw, path, diags);
  const uri = parseUri(raw);
  if (!uri) {
    diags.report("OKTA_REDIRECT_NOT_ABSOLUTE", path, `${show(raw)} is not an absolute URI.`);
    return;
  }
  if (raw.includes("#")) diags.report("OKTA_REDIRECT_FRAGMENT", path, `${show(raw)} has a fragment.`);
  if (!uri.isHttp) {
    if (!ctx.native) diags.report("OKTA_REDIRECT_CUSTOM_SCHEME", path, `${show(raw)} uses the custom scheme "${uri.scheme}:", which only native apps may use.`);
    return;
  }
  checkTransport(raw, uri.scheme, uri.isLoopback, path, ctx, "OKTA_REDIRECT_HTTP");
  if (uri.hasWildcard) checkWildcard(raw, uri.scheme, path, ctx);
}

/** http only for loopback and never in production; loopback never in production. */
function checkTransport(
  raw: string,
  scheme: string,
  loopback: boolean,
  path: string,
  ctx: UriContext,
  httpCode: "OKTA_REDIRECT_HTTP" | "OKTA_TRUSTED_ORIGIN_HTTP",
): void {
  if (ctx.production && loopback) {
    ctx.diags.report(httpCode === "OKTA_REDIRECT_HTTP" ? "OKTA_REDIRECT_LOOPBACK" : "OKTA_TRUSTED_ORIGIN_HTTP", path, `${show(raw)} points at the user's own machine; production stacks may not use loopback URIs.`);
    return;
  }
  if (scheme === "http" && (ctx.production || !loopback)) {
    const why = ctx.production ? "production stacks allow only https" : "plain http is allowed only for localhost, 127.0.0.1 and [::1]";
    ctx.diags.report(httpCode, path, `${show(raw)} uses http; ${why}.`);
  }
}

/**
 * Okta's rule (Apps API `wildcard_redirect`, mirrored in FACTS.md): one `*`, as the whole lowest host label,
 * at least one label between it and the top-level domain, https only, and only with SUBDOMAIN mode.
 */
function checkWildcard(raw: string, scheme: string, path: string, ctx: UriContext): void {
  if (ctx.production) {
    ctx.diags.report("OKTA_REDIRECT_WILDCARD_PRODUCTION", path, `${show(raw)} is a wildcard redirect URI.`);
    return;
  }
  if (!ctx.wildcardAllowed) {
    ctx.diags.report("OKTA_REDIRECT_WILDCARD", path, `${show(raw)} has a "*" but the app does not set wildcardRedirect: subdomain.`);
    return;
  }
  const labels = hostLabels(raw);
  const stars = (raw.match(/\*/g) ?? []).length;
  const placed = stars === 1 && labels[0] === "*" && labels.length >= 3;
  if (!placed) {
    ctx.diags.report("OKTA_REDIRECT_WILDCARD", path, `${show(raw)}: the "*" must be the whole left-most host label with at least two labels after it, e.g. https://*.example.com/callback.`);
  } else if (scheme !== "https") {
    ctx.diags.report("OKTA_REDIRECT_WILDCARD", path, `${show(raw)}: wildcard redirect URIs must use https.`);
  }
}

export function checkInitiateLoginUri(raw: unknown, at: readonly PathSegment[], ctx: UriContext): void {
  if (typeof raw !== "string") return;
  const path = keyPath(ctx.root, at);
  reportUrlPolicy(raw, path, ctx.diags);
  const uri = parseUri(raw);
  const ok = uri && uri.isHttp && !uri.hasWildcard && !raw.includes("#") && (uri.scheme === "https" || (uri.isLoopback && !ctx.production)) && !(ctx.production && uri.isLoopback);
  if (!ok) ctx.diags.report("OKTA_LOGIN_URI_INVALID", path, `${show(raw)} is not an absolute https URI without a fragment or wildcard${ctx.production ? " (production: no http, no loopback)" : ""}.`);
}

export function checkTrustedOrigin(raw: unknown, at: readonly PathSegment[], ctx: UriContext): void {
  if (typeof raw !== "string") return;
  const path = keyPath(ctx.root, at);
  reportUrlPolicy(raw, path, ctx.diags);
  const parsed = originOf(raw);
  if (!parsed) {
    ctx.diags.report("OKTA_TRUSTED_ORIGIN_INVALID", path, `${show(raw)} is not an http(s) origin.`);
    return;
  }
  if (!parsed.exact) {
    ctx.diags.report("OKTA_TRUSTED_ORIGIN_INVALID", path, `${show(raw)} is not an origin; write it as ${show(parsed.origin)}.`);
    return;
  }
  const uri = parseUri(raw)!;
  checkTransport(raw, uri.scheme, uri.isLoopback, path, ctx, "OKTA_TRUSTED_ORIGIN_HTTP");
}
