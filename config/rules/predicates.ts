/**
 * The validator's security rules, asked about provider resource properties instead of a stack file. The
 * policy pack (`policy/`) calls these so that `pulumi preview --policy-pack policy` applies the same rule code
 * to any `okta.app.OAuth`, `auth0.Client` or admin-role resource, also ones written outside our components.
 *
 * Nothing here re-implements a rule: each entry point feeds the values into the function the stack-file
 * validator runs (or reads the constant it reads) and returns its diagnostics, with key paths relative to the
 * resource (`redirectUris[1]`) instead of the stack file. Pure: no Pulumi imports.
 */
import { parseAuth0Apps } from "../auth0";
import { Diagnostics, type Diagnostic } from "../diagnostics";
import { AUTH0_ROOT } from "../sections";
import { DEPRECATED_GRANTS, normaliseGrantType, type GrantType } from "../grant-types";
import { MALFORMED, type Slot } from "../lenient";
import { adminRoleSchema } from "../schema/okta";
import { findUnsafeCharacter, secretShape, secretShapeMessage, unsafeCharacterMessage } from "../text-policy";
import { urlProblemMessage, urlProblems } from "../url-policy";
import { AUTH0_RULES } from "./auth0";
import { checkAdminRoles, PRIVILEGED_ROLES } from "./okta-scopes-and-roles";
import { checkRedirectUris, OKTA_URI_RULES } from "./okta-uris";
import { TEXT_AND_URL_RULES, urlRule } from "./text-and-urls";

/** The redirect-URI rules that are about security (plain http, loopback, wildcards), not about form. */
export const REDIRECT_SECURITY_CODES: ReadonlySet<string> = new Set<string>(
  [
    OKTA_URI_RULES.OKTA_REDIRECT_HTTP,
    OKTA_URI_RULES.OKTA_REDIRECT_LOOPBACK,
    OKTA_URI_RULES.OKTA_REDIRECT_WILDCARD,
    OKTA_URI_RULES.OKTA_REDIRECT_WILDCARD_PRODUCTION,
    AUTH0_RULES.AUTH0_URL_HTTP,
    AUTH0_RULES.AUTH0_URL_WILDCARD,
  ].map((r) => r.code),
);

/** An Okta OAuth app's URI settings, as `okta.app.OAuth` takes them. */
export interface OktaRedirectSettings {
  readonly redirectUris: readonly unknown[];
  readonly postLogoutRedirectUris: readonly unknown[];
  /** `type: native`: custom schemes are allowed. */
  readonly native: boolean;
  /** `wildcardRedirect: SUBDOMAIN`: one well-placed https wildcard is allowed in the sign-in redirect URIs. */
  readonly wildcardAllowed: boolean;
}

/**
 * What the stack-file validator says about these redirect URIs (`checkRedirectUris`, as for
 * `oidc-apps:okta.apps.<name>.redirectUris`): sign-out URIs never allow a wildcard, as in the validator.
 */
export function oktaRedirectFindings(app: OktaRedirectSettings, production: boolean): Diagnostic[] {
  const diags = new Diagnostics();
  const base = { production, native: app.native, diags };
  checkRedirectUris(app.redirectUris.map(asUri), [], { ...base, root: "redirectUris", wildcardAllowed: app.wildcardAllowed });
  checkRedirectUris(app.postLogoutRedirectUris.map(asUri), [], { ...base, root: "postLogoutRedirectUris", wildcardAllowed: false });
  return diags.list();
}

/** A resource's URI as the URI rules take it: any string is checked, anything else has no finding. */
function asUri(value: unknown): Slot<string> {
  return typeof value === "string" ? value : MALFORMED;
}

/** An Auth0 client's URL lists, as `auth0.Client` takes them. */
export interface Auth0UrlSettings {
  readonly callbacks: readonly unknown[];
  readonly allowedLogoutUrls: readonly unknown[];
  readonly webOrigins: readonly unknown[];
}

const AUTH0_PROBE_APP = "client";
const AUTH0_PROBE_PREFIX = `${AUTH0_ROOT}.apps.${AUTH0_PROBE_APP}.`;

/**
 * What the stack-file validator says about these URLs. Auth0's URL rule is part of the app check
 * (config/rules/auth0.ts `checkAuth0App`) and not exported on its own, so this runs that check on a one-app
 * `oidc-apps:auth0` section holding just the URL lists, and keeps the diagnostics about them (the
 * client-credentials grant keeps the unrelated "callback required" rule quiet; anything else it says is about the
 * probe, not the client).
 */
export function auth0UrlFindings(client: Auth0UrlSettings, production: boolean): Diagnostic[] {
  const diags = new Diagnostics();
  const probe = {
    type: "regular_web",
    grantTypes: ["client_credentials"],
    callbacks: [...client.callbacks],
    allowedLogoutUrls: [...client.allowedLogoutUrls],
    webOrigins: [...client.webOrigins],
  };
  parseAuth0Apps({ apps: { [AUTH0_PROBE_APP]: probe } }, production, diags);
  return diags
    .list()
    .filter((d) => d.path.startsWith(AUTH0_PROBE_PREFIX))
    .map((d) => ({ ...d, path: d.path.slice(AUTH0_PROBE_PREFIX.length) }))
    .filter((d) => /^(callbacks|allowedLogoutUrls|webOrigins)\[/.test(d.path));
}

/**
 * The findings that production adds to what holds everywhere: `production` minus any finding with the same
 * code at the same path in `everywhere` (an http URI is OKTA_REDIRECT_HTTP in both; loopback is new).
 */
export function productionOnly(production: readonly Diagnostic[], everywhere: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set(everywhere.map((d) => `${d.code}\u0000${d.path}`));
  return production.filter((d) => !seen.has(`${d.code}\u0000${d.path}`));
}

export interface GrantFinding<G extends string = string> {
  /** Index in the resource's `grantTypes`. */
  readonly index: number;
  /** As written on the resource. */
  readonly raw: string;
  readonly grant: G;
}

/** Okta grant types (short names or Okta's URNs) that the validator refuses without `allowDeprecatedGrants`. */
export function deprecatedOktaGrants(grants: readonly unknown[]): GrantFinding<GrantType>[] {
  const found: GrantFinding<GrantType>[] = [];
  grants.forEach((raw, index) => {
    const grant = typeof raw === "string" ? normaliseGrantType(raw) : undefined;
    if (typeof raw === "string" && grant && DEPRECATED_GRANTS.includes(grant)) found.push({ index, raw, grant });
  });
  return found;
}

/**
 * Auth0 `grant_types` values that are the implicit or a password grant (Auth0, Application Grant Types:
 * `password`, the `password-realm` extension grant and the legacy resource-owner grant). The stack file only
 * accepts `implicit` of these (with an opt-in); the others cannot come from it at all.
 */
export const AUTH0_DEPRECATED_GRANTS: Readonly<Record<string, "implicit" | "password">> = {
  implicit: "implicit",
  password: "password",
  "http://auth0.com/oauth/grant-type/password-realm": "password",
  "http://auth0.com/oauth/legacy/grant-type/ro": "password",
};

export function deprecatedAuth0Grants(grants: readonly unknown[]): GrantFinding<"implicit" | "password">[] {
  const found: GrantFinding<"implicit" | "password">[] = [];
  grants.forEach((raw, index) => {
    if (typeof raw === "string" && Object.hasOwn(AUTH0_DEPRECATED_GRANTS, raw)) found.push({ index, raw, grant: AUTH0_DEPRECATED_GRANTS[raw]! });
  });
  return found;
}

/** SUPER_ADMIN and ORG_ADMIN: the roles the validator refuses without `acknowledgeRoles`. */
export function isPrivilegedRole(role: unknown): role is (typeof PRIVILEGED_ROLES)[number] {
  return typeof role === "string" && (PRIVILEGED_ROLES as readonly string[]).includes(role);
}

/**
 * What the validator's admin-role rule (`checkAdminRoles`) says about an app holding `role` with nothing
 * acknowledged: OKTA_ROLE_ACKNOWLEDGE for SUPER_ADMIN and ORG_ADMIN, nothing otherwise. `path` names the
 * resource property the role came from.
 */
export function privilegedRoleFindings(role: unknown, path: string): Diagnostic[] {
  const diags = new Diagnostics();
  // Read as the stack file's parse reads a role: the rule sees well-formed roles only.
  const parsed = adminRoleSchema.safeParse(role);
  checkAdminRoles({ adminRoles: [parsed.success ? parsed.data : MALFORMED], acknowledgeRoles: [] }, [], diags);
  return diags
    .list()
    .filter((d) => d.code === "OKTA_ROLE_ACKNOWLEDGE")
    .map((d) => ({ ...d, path }));
}

/** A client with no credential at the token endpoint (`token_endpoint_auth_method: none`): browser and native apps. */
export function isPublicClient(tokenEndpointAuthMethod: unknown): boolean {
  return tokenEndpointAuthMethod === "none";
}

/**
 * A public client must prove possession of the code verifier (PKCE, RFC 7636; required for public clients by
 * RFC 9700 §2.1.1). The model always sets `pkceRequired: true` on browser and native apps; a resource that
 * leaves it unset is not given the benefit of a provider default.
 */
export function publicClientWithoutPkce(tokenEndpointAuthMethod: unknown, pkceRequired: unknown): boolean {
  return isPublicClient(tokenEndpointAuthMethod) && pkceRequired !== true;
}

/**
 * The URL policy (config/url-policy.ts) for one URL of a resource, as diagnostics at `path`: the codes and
 * messages the stack-file validator reports for the same URL (URL_USERINFO, URL_HOST_NOT_ASCII,
 * URL_HOST_UPPERCASE, URL_SECRET_PARAMETER, TEXT_UNSAFE_CHARACTER). Messages never repeat userinfo or a
 * secret parameter's value. Anything that is not a string has no finding.
 */
export function urlPolicyFindings(url: unknown, path: string): Diagnostic[] {
  if (typeof url !== "string") return [];
  const diags = new Diagnostics();
  for (const p of urlProblems(url)) diags.report(urlRule(p), path, urlProblemMessage(url, p));
  return diags.list();
}

/**
 * The string policy (config/text-policy.ts) for one string of a resource (a label, a name, an id), as
 * diagnostics at `path`: TEXT_UNSAFE_CHARACTER and TEXT_SECRET_SHAPE, as the validator reports them for the
 * stack file. `url: true` for a URL field, whose credentials are {@link urlPolicyFindings}' to report.
 */
export function textPolicyFindings(value: unknown, path: string, options: { readonly url?: boolean } = {}): Diagnostic[] {
  if (typeof value !== "string") return [];
  const diags = new Diagnostics();
  const unsafe = findUnsafeCharacter(value);
  if (unsafe) diags.report(TEXT_AND_URL_RULES.TEXT_UNSAFE_CHARACTER, path, unsafeCharacterMessage(unsafe));
  const shape = secretShape(value, { urlCredentials: !options.url });
  if (shape) diags.report(TEXT_AND_URL_RULES.TEXT_SECRET_SHAPE, path, secretShapeMessage(shape));
  return diags.list();
}
