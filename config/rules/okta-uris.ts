/**
 * The URIs of an Okta app (redirect URIs, post-logout redirect URIs, the initiate-login URI, trusted origins)
 * and who it is assigned to. Each check reports with the exact key path.
 */
import type { Diagnostics } from "../diagnostics";
import type { GrantType } from "../grant-types";
import { itemsOf, wellFormed, type Lenient, type Slot } from "../lenient";
import { isMap } from "../maps";
import { keyPath, type PathSegment } from "../paths";
import type { RawOktaApp } from "../schema/okta";
import { OKTA_ROOT } from "../sections";
import { show as showValue } from "../show";
import { hostLabels, originOf, parseUri } from "../uris";
import { showUrl as show } from "../url-policy";
import { defineRules, type Rule } from "./rule";
import { OKTA_APPS_API, policy } from "./sources";
import { reportCaseVariants, reportUrlPolicy } from "./text-and-urls";

const RFC6749_REDIRECT = "RFC 6749 §3.1.2, Redirection Endpoint (rfc-editor.org/rfc/rfc6749#section-3.1.2)";
const RFC8252 = "OAuth 2.0 for Native Apps, RFC 8252 §7.1 and §7.3 (rfc-editor.org/rfc/rfc8252)";

export const OKTA_URI_RULES = defineRules({
  OKTA_REDIRECT_REQUIRED: {
    severity: "error",
    summary: "An app that signs users in with authorization code has no redirect URI.",
    rationale: "Okta has nowhere to send the code: \"at least one redirect URI and response type is required for all client types\" except password and client-credentials clients.",
    source: `${OKTA_APPS_API}, redirect_uris`,
    fix: "Add the app's callback URL to redirectUris.",
  },
  OKTA_REDIRECT_NOT_ABSOLUTE: {
    severity: "error",
    summary: "A redirect URI is not an absolute URI.",
    rationale: "The authorization server compares redirect URIs as whole absolute URIs; a relative one can never match, and `localhost:8080/cb` is read as the scheme `localhost:`.",
    source: `${RFC6749_REDIRECT}; ${OKTA_APPS_API}: "all redirect URIs must be absolute URIs"`,
    fix: "Write the full URI including the scheme, e.g. https://app.example.com/callback.",
  },
  OKTA_REDIRECT_FRAGMENT: {
    severity: "error",
    summary: "A redirect URI has a fragment.",
    rationale: "The redirection endpoint URI must not include a fragment component; the authorization response would be appended after it and lost or misread.",
    source: `${RFC6749_REDIRECT}; ${OKTA_APPS_API}: "must not include a fragment component"`,
    fix: "Remove the `#...` part.",
  },
  OKTA_REDIRECT_HTTP: {
    severity: "error",
    summary: "A redirect URI uses plain http on a host that is not loopback, or http at all in production.",
    rationale: "Codes and tokens would cross the network unencrypted. Okta itself accepts http; this is our transport policy, after the BCP and RFC 8252, which allows http only for loopback.",
    source: `RFC 6749 §3.1.2.1: the redirection endpoint SHOULD require TLS (rfc-editor.org/rfc/rfc6749#section-3.1.2.1); ${RFC8252}; ${policy("Environments")}`,
    fix: "Use https. Loopback http (localhost, 127.0.0.1, [::1]) is allowed outside production only.",
  },
  OKTA_REDIRECT_LOOPBACK: {
    severity: "error",
    summary: "A loopback redirect URI in a production stack.",
    rationale: "Production apps must not send codes to whatever listens on a user's own machine; loopback URIs belong to development.",
    source: policy("Environments"),
    fix: "Remove the localhost entry from the production stack; keep it in development stacks.",
  },
  OKTA_REDIRECT_LOCALHOST_NAME: {
    severity: "warning",
    summary: "A native app redirects to `localhost` rather than to the loopback IP literal.",
    rationale: "`localhost` is a name the device resolves: a hosts file, a resolver or a firewall may send it elsewhere, and the app may end up listening on an interface other than loopback. RFC 8252 calls `localhost` NOT RECOMMENDED for native apps and asks for the IP literal.",
    source: "OAuth 2.0 for Native Apps, RFC 8252 §8.3, Loopback Redirect Considerations (rfc-editor.org/rfc/rfc8252#section-8.3)",
    fix: "Use http://127.0.0.1:<port>/<path> (or http://[::1]:<port>/<path>) here and in the app.",
  },
  OKTA_REDIRECT_CUSTOM_SCHEME: {
    severity: "error",
    summary: "A custom-scheme redirect URI on an app that is not native.",
    rationale: "Private-use URI schemes are for native apps; a web or browser app can only be reached over http(s), so the URI is either a mistake or a way for another app on the device to catch the code.",
    source: RFC8252,
    fix: "Use an https URI, or make the app `type: native`.",
  },
  OKTA_REDIRECT_WILDCARD: {
    severity: "error",
    summary: "A wildcard redirect URI that Okta would not accept, or one that was not asked for.",
    rationale: "Okta's wildcard_redirect allows one `*` as the whole lowest host label, with at least one label between it and the top-level domain, over https only, and only with wildcard_redirect SUBDOMAIN. Okta calls wildcards an insecure practice.",
    source: `${OKTA_APPS_API}, wildcard_redirect`,
    fix: "Set `wildcardRedirect: subdomain` and write `https://*.example.com/callback`, or list each URI.",
  },
  OKTA_REDIRECT_WILDCARD_PRODUCTION: {
    severity: "error",
    summary: "A wildcard redirect URI in a production stack.",
    rationale: "A wildcard lets any subdomain, including a taken-over one, receive codes and tokens.",
    source: `${OKTA_APPS_API} ("the use of wildcard subdomains is discouraged as an insecure practice"); ${policy("Environments")}`,
    fix: "List each production redirect URI explicitly.",
  },
  OKTA_REDIRECT_WILDCARD_UNUSED: {
    severity: "error",
    summary: "`wildcardRedirect: subdomain` on an app with no wildcard redirect URI.",
    rationale: "It turns on Okta's wildcard matching of the app's redirect URIs (wildcard_redirect SUBDOMAIN), which Okta calls an insecure practice, and no redirect URI uses it: the app's policy is widened for nothing, and a wildcard URI added later would need no second look.",
    source: `${OKTA_APPS_API}, wildcard_redirect ("the use of wildcard subdomains is discouraged as an insecure practice"); @pulumi/okta 7.0.0 \`okta.app.OAuth.wildcardRedirect\``,
    fix: "Remove wildcardRedirect.",
  },
  OKTA_REDIRECT_DUPLICATE: {
    severity: "warning",
    summary: "A URI is listed twice.",
    rationale: "Harmless but usually a copy-paste slip that hides the URI that was meant.",
    source: policy("Validation"),
    fix: "Remove the duplicate.",
  },
  OKTA_LOGIN_URI_INVALID: {
    severity: "error",
    summary: "The initiate-login URI is not an absolute https URI (http allowed for loopback outside production).",
    rationale: "Okta sends users' browsers to it to start sign-in; the same transport policy as for redirect URIs applies.",
    source: `${OKTA_APPS_API}, initiate_login_uri; ${policy("Environments")}`,
    fix: "Use the https URL of the app's login route.",
  },
  OKTA_TRUSTED_ORIGIN_INVALID: {
    severity: "error",
    summary: "A trusted origin is not an origin (scheme, host and optional port).",
    rationale: "Okta matches trusted origins against the browser's Origin header, which never has a path, a query or a trailing slash; such an entry never matches.",
    source: "RFC 6454, The Web Origin Concept (rfc-editor.org/rfc/rfc6454); Okta, Enable CORS (developer.okta.com/docs/guides/enable-cors/main/)",
    fix: "Write it as the origin given in the message, e.g. https://app.example.com.",
  },
  OKTA_TRUSTED_ORIGIN_HTTP: {
    severity: "error",
    summary: "A trusted origin over plain http that is not loopback, or any loopback or http origin in production.",
    rationale: "A trusted origin may call Okta's APIs with the user's session (CORS) and receive redirects; over plain http it can be impersonated on the network.",
    source: `Okta, Enable CORS (developer.okta.com/docs/guides/enable-cors/main/); ${policy("Environments")}`,
    fix: "Use https; plain http only for localhost, 127.0.0.1 or [::1], and only outside production.",
  },
  OKTA_ASSIGN_GROUPS_DUPLICATE: {
    severity: "warning",
    summary: "A group is listed twice in assignTo.",
    rationale: "Harmless (the app is assigned once) but usually a copy-paste slip that hides the group that was meant.",
    source: policy("Validation"),
    fix: "Remove the duplicate.",
  },
  OKTA_ASSIGN_EVERYONE_PRODUCTION: {
    severity: "warning",
    summary: "A production Okta app assigned to Everyone, as written in the stack file.",
    rationale: "Everyone is every user of the org, contractors and service accounts included, and anyone added later: an app meant for a team is then open to all. It can be right (a portal for the whole org); the reviewer should see that it was meant. Recipes that assign Everyone by their guide's default say so in their section of docs/recipes.md.",
    source: `${policy("Okta apps")} ("Nobody is assigned by default"); Okta, Assign app integrations (help.okta.com/oie/en-us/content/topics/provisioning/lcm/lcm-assign-app-groups.htm)`,
    fix: "Assign the groups that need the app (`assignTo: { groups: [...] }`); if it really is for everyone, nothing to do.",
  },
});

export interface UriContext {
  readonly root: string;
  readonly production: boolean;
  readonly native: boolean;
  /** `wildcardRedirect: subdomain` was asked for (sign-in redirect URIs only). */
  readonly wildcardAllowed: boolean;
  readonly diags: Diagnostics;
}

/** What the URI and assignment rules read of a web, browser or native app, as parsed. */
export type UserAppUriSettings = Pick<Lenient<RawOktaApp<"browser">>, "redirectUris" | "postLogoutRedirectUris" | "wildcardRedirect" | "initiateLoginUri" | "trustedOrigins" | "assignTo">;

/**
 * The URI and assignment rules of a web, browser or native app. They relate fields to each other and to the
 * environment; `grants` is the app's grant list when it is well-formed.
 */
export function checkUserAppUris(native: boolean, app: UserAppUriSettings, grants: readonly GrantType[] | undefined, at: readonly string[], production: boolean, diags: Diagnostics): void {
  const ctx: UriContext = { root: OKTA_ROOT, production, native, wildcardAllowed: app.wildcardRedirect === "subdomain", diags };

  const redirects = itemsOf(app.redirectUris);
  checkRedirectUris(redirects, [...at, "redirectUris"], ctx);
  if (ctx.wildcardAllowed && !redirects.some((u) => wellFormed(u) && u.includes("*"))) {
    diags.report(OKTA_URI_RULES.OKTA_REDIRECT_WILDCARD_UNUSED, keyPath(OKTA_ROOT, [...at, "wildcardRedirect"]), "is subdomain, but no sign-in redirect URI has a wildcard; it would widen Okta's redirect matching for nothing.");
  }
  if (grants?.includes("authorization_code") && redirects.length === 0) {
    diags.report(OKTA_URI_RULES.OKTA_REDIRECT_REQUIRED, keyPath(OKTA_ROOT, [...at, "redirectUris"]), "the app uses authorization_code but lists no redirect URI.");
  }
  checkRedirectUris(itemsOf(app.postLogoutRedirectUris), [...at, "postLogoutRedirectUris"], { ...ctx, wildcardAllowed: false });
  if (wellFormed(app.initiateLoginUri)) checkLoginUri(app.initiateLoginUri, [...at, "initiateLoginUri"], ctx);

  itemsOf(app.trustedOrigins).forEach((o, i) => {
    if (wellFormed(o) && wellFormed(o.origin)) checkOrigin(o.origin, [...at, "trustedOrigins", i, "origin"], ctx);
  });

  const assign = app.assignTo;
  if (wellFormed(assign) && typeof assign === "object" && wellFormed(assign.groups)) {
    const seen = new Set<string>();
    assign.groups.forEach((g, i) => {
      if (!wellFormed(g)) return;
      if (seen.has(g)) diags.report(OKTA_URI_RULES.OKTA_ASSIGN_GROUPS_DUPLICATE, keyPath(OKTA_ROOT, [...at, "assignTo", "groups", i]), `${showValue(g)} is listed more than once.`);
      seen.add(g);
    });
  }
}

/** Sign-in or sign-out redirect URIs. */
export function checkRedirectUris(uris: readonly Slot<string>[], at: readonly PathSegment[], ctx: UriContext): void {
  const seen = new Set<string>();
  uris.forEach((raw, i) => {
    if (!wellFormed(raw)) return; // the parse reports it
    const path = keyPath(ctx.root, [...at, i]);
    if (seen.has(raw)) ctx.diags.report(OKTA_URI_RULES.OKTA_REDIRECT_DUPLICATE, path, `${show(raw)} is listed more than once.`);
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
    diags.report(OKTA_URI_RULES.OKTA_REDIRECT_NOT_ABSOLUTE, path, `${show(raw)} is not an absolute URI.`);
    return;
  }
  if (raw.includes("#")) diags.report(OKTA_URI_RULES.OKTA_REDIRECT_FRAGMENT, path, `${show(raw)} has a fragment.`);
  if (!uri.isHttp) {
    if (!ctx.native) diags.report(OKTA_URI_RULES.OKTA_REDIRECT_CUSTOM_SCHEME, path, `${show(raw)} uses the custom scheme "${uri.scheme}:", which only native apps may use.`);
    return;
  }
  checkTransport(raw, uri.scheme, uri.isLoopback, path, ctx, { http: OKTA_URI_RULES.OKTA_REDIRECT_HTTP, loopback: OKTA_URI_RULES.OKTA_REDIRECT_LOOPBACK });
  // Production refuses loopback altogether (above); elsewhere a native app should name the loopback interface.
  if (ctx.native && !ctx.production && uri.url.hostname.toLowerCase() === "localhost") {
    diags.report(OKTA_URI_RULES.OKTA_REDIRECT_LOCALHOST_NAME, path, `${show(raw)} names localhost; a native app should redirect to the loopback IP literal (127.0.0.1 or [::1]).`);
  }
  if (uri.hasWildcard) checkWildcard(raw, uri.scheme, path, ctx);
}

/** http only for loopback and never in production; loopback never in production. */
function checkTransport(raw: string, scheme: string, loopback: boolean, path: string, ctx: UriContext, rules: { readonly http: Rule; readonly loopback: Rule }): void {
  if (ctx.production && loopback) {
    ctx.diags.report(rules.loopback, path, `${show(raw)} points at the user's own machine; production stacks may not use loopback URIs.`);
    return;
  }
  if (scheme === "http" && (ctx.production || !loopback)) {
    const why = ctx.production ? "production stacks allow only https" : "plain http is allowed only for localhost, 127.0.0.1 and [::1]";
    ctx.diags.report(rules.http, path, `${show(raw)} uses http; ${why}.`);
  }
}

/**
 * Okta's rule (Apps API `wildcard_redirect`, mirrored in FACTS.md): one `*`, as the whole lowest host label,
 * at least one label between it and the top-level domain, https only, and only with SUBDOMAIN mode.
 */
function checkWildcard(raw: string, scheme: string, path: string, ctx: UriContext): void {
  if (ctx.production) {
    ctx.diags.report(OKTA_URI_RULES.OKTA_REDIRECT_WILDCARD_PRODUCTION, path, `${show(raw)} is a wildcard redirect URI.`);
    return;
  }
  if (!ctx.wildcardAllowed) {
    ctx.diags.report(OKTA_URI_RULES.OKTA_REDIRECT_WILDCARD, path, `${show(raw)} has a "*" but the app does not set wildcardRedirect: subdomain.`);
    return;
  }
  const labels = hostLabels(raw);
  const stars = (raw.match(/\*/g) ?? []).length;
  const placed = stars === 1 && labels[0] === "*" && labels.length >= 3;
  if (!placed) {
    ctx.diags.report(OKTA_URI_RULES.OKTA_REDIRECT_WILDCARD, path, `${show(raw)}: the "*" must be the whole left-most host label with at least two labels after it, e.g. https://*.example.com/callback.`);
  } else if (scheme !== "https") {
    ctx.diags.report(OKTA_URI_RULES.OKTA_REDIRECT_WILDCARD, path, `${show(raw)}: wildcard redirect URIs must use https.`);
  }
}

/** The initiate-login URI of a resource (the policy pack): anything but a string has no finding. */
export function checkInitiateLoginUri(raw: unknown, at: readonly PathSegment[], ctx: UriContext): void {
  if (typeof raw === "string") checkLoginUri(raw, at, ctx);
}

function checkLoginUri(raw: string, at: readonly PathSegment[], ctx: UriContext): void {
  const path = keyPath(ctx.root, at);
  reportUrlPolicy(raw, path, ctx.diags);
  const uri = parseUri(raw);
  const ok = uri && uri.isHttp && !uri.hasWildcard && !raw.includes("#") && (uri.scheme === "https" || (uri.isLoopback && !ctx.production)) && !(ctx.production && uri.isLoopback);
  if (!ok) ctx.diags.report(OKTA_URI_RULES.OKTA_LOGIN_URI_INVALID, path, `${show(raw)} is not an absolute https URI without a fragment or wildcard${ctx.production ? " (production: no http, no loopback)" : ""}.`);
}

/** The origin of a trusted-origin resource (the policy pack): anything but a string has no finding. */
export function checkTrustedOrigin(raw: unknown, at: readonly PathSegment[], ctx: UriContext): void {
  if (typeof raw === "string") checkOrigin(raw, at, ctx);
}

function checkOrigin(raw: string, at: readonly PathSegment[], ctx: UriContext): void {
  const path = keyPath(ctx.root, at);
  reportUrlPolicy(raw, path, ctx.diags);
  const parsed = originOf(raw);
  if (!parsed) {
    ctx.diags.report(OKTA_URI_RULES.OKTA_TRUSTED_ORIGIN_INVALID, path, `${show(raw)} is not an http(s) origin.`);
    return;
  }
  if (!parsed.exact) {
    ctx.diags.report(OKTA_URI_RULES.OKTA_TRUSTED_ORIGIN_INVALID, path, `${show(raw)} is not an origin; write it as ${show(parsed.origin)}.`);
    return;
  }
  const uri = parseUri(raw)!;
  // Loopback in production is the trusted-origin http rule's too: an origin has no loopback rule of its own.
  checkTransport(raw, uri.scheme, uri.isLoopback, path, ctx, { http: OKTA_URI_RULES.OKTA_TRUSTED_ORIGIN_HTTP, loopback: OKTA_URI_RULES.OKTA_TRUSTED_ORIGIN_HTTP });
}

/**
 * Everyone assigned in production, as written in the stack file (over the merged section, once recipes have
 * expanded): a recipe's apps follow their product's guide, and docs/recipes.md states what each assigns; a recipe's
 * explicit `assignTo: everyone` is warned about on the recipe instance (config/rules/recipes.ts).
 */
export function checkEveryoneInProduction(apps: readonly [string, unknown][], recipeApps: ReadonlySet<string>, diags: Diagnostics): void {
  for (const [name, app] of apps) {
    if (recipeApps.has(`okta:${name}`) || !isMap(app) || app["assignTo"] !== "everyone") continue;
    diags.report(
      OKTA_URI_RULES.OKTA_ASSIGN_EVERYONE_PRODUCTION,
      keyPath(OKTA_ROOT, ["apps", name, "assignTo"]),
      "assigns the app to Everyone in a production stack: every user of the org can sign in to it, and everyone added later.",
    );
  }
}
