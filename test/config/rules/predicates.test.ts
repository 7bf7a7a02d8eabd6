/**
 * The predicates the policies use say exactly what the stack-file validator says about the same values: the
 * same codes at the same places, for every URI in a table, in and out of production. This is what makes the
 * pack's rules the validator's rules rather than a copy that can drift.
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../../config/diagnostics";
import { loadStack } from "../../../recipes/load-stack";
import { auth0UrlFindings, oktaRedirectFindings, privilegedRoleFindings, productionOnly } from "../../../config/rules/predicates";
import { readStackFileText } from "../../../config/stack-file";
import { stackYaml } from "../../support/stacks";

function validate(config: Record<string, unknown>): readonly Diagnostic[] {
  const file = readStackFileText(stackYaml(config));
  return loadStack({ config: file.config, secretKeys: file.secretKeys }).diagnostics;
}

/** `code path` pairs under `prefix`, the path made relative to it. */
function under(diags: readonly Diagnostic[], prefix: string, codes: RegExp): string[] {
  return diags
    .filter((d) => d.path.startsWith(prefix) && codes.test(d.code))
    .map((d) => `${d.code} ${d.path.slice(prefix.length)}`)
    .sort();
}
const pairs = (diags: readonly Diagnostic[]) => diags.map((d) => `${d.code} ${d.path}`).sort();

const URIS = [
  "https://portal.example.com/callback",
  "http://portal.example.com/callback",
  "http://localhost:8080/callback",
  "https://127.0.0.1/callback",
  "https://*.example.com/callback",
  "http://*.example.com/callback",
  "https://*.com/callback",
  "https://a.*.example.com/callback",
  "com.example.app:/callback",
  "https://portal.example.com/cb#frag",
  "portal.example.com/callback",
];

describe("Okta redirect URIs: oktaRedirectFindings = the validator", () => {
  const cases = [
    { environment: "development", type: "web", wildcard: false },
    { environment: "development", type: "web", wildcard: true },
    { environment: "development", type: "native", wildcard: false },
    { environment: "production", type: "web", wildcard: true },
    { environment: "production", type: "browser", wildcard: false },
  ];
  it.each(cases)("$environment, $type app, wildcard $wildcard", ({ environment, type, wildcard }) => {
    const app = { type, redirectUris: URIS, postLogoutRedirectUris: URIS, ...(wildcard ? { wildcardRedirect: "subdomain" } : {}) };
    const validator = validate({ "okta:orgName": "acme", "oidc-apps:environment": environment, "oidc-apps:okta": { apps: { portal: app } } });
    const expected = under(validator, "oidc-apps:okta.apps.portal.", /^OKTA_REDIRECT_/);
    expect(expected.length).toBeGreaterThan(5);
    const findings = oktaRedirectFindings({ redirectUris: URIS, postLogoutRedirectUris: URIS, native: type === "native", wildcardAllowed: wildcard }, environment === "production");
    expect(pairs(findings)).toEqual(expected);
  });
});

describe("Auth0 URLs: auth0UrlFindings = the validator", () => {
  it.each(["development", "production"])("%s", (environment) => {
    const urls = { callbacks: URIS, allowedLogoutUrls: URIS, webOrigins: ["https://partners.example.com", "http://partners.example.com", "https://*.example.com", "https://partners.example.com/path"] };
    const validator = validate({ "auth0:domain": "acme.us.auth0.com", "oidc-apps:environment": environment, "oidc-apps:auth0": { apps: { partners: { type: "regular_web", ...urls } } } });
    const expected = under(validator, "oidc-apps:auth0.apps.partners.", /^AUTH0_URL_/);
    expect(expected.length).toBeGreaterThan(5);
    expect(pairs(auth0UrlFindings(urls, environment === "production"))).toEqual(expected);
  });
});

describe("admin roles: privilegedRoleFindings = the validator without acknowledgeRoles", () => {
  it.each(["SUPER_ADMIN", "ORG_ADMIN", "APP_ADMIN", "READ_ONLY_ADMIN"])("%s", (role) => {
    const service = { type: "service", clientAuth: "client_secret_basic", adminRoles: [role] };
    const validator = validate({ "okta:orgName": "acme", "oidc-apps:environment": "development", "oidc-apps:okta": { apps: { bot: service } } });
    const expected = validator.filter((d) => d.code === "OKTA_ROLE_ACKNOWLEDGE").map((d) => [d.code, d.message, d.fix]);
    expect(privilegedRoleFindings(role, "type").map((d) => [d.code, d.message, d.fix])).toEqual(expected);
    expect(expected).toHaveLength(["SUPER_ADMIN", "ORG_ADMIN"].includes(role) ? 1 : 0);
  });
});

describe("productionOnly", () => {
  it("keeps what production adds: same code at the same path counts once", () => {
    const d = (code: string, path: string): Diagnostic => ({ severity: "error", code, path, message: "" });
    const everywhere = [d("OKTA_REDIRECT_HTTP", "redirectUris[0]"), d("OKTA_REDIRECT_WILDCARD", "redirectUris[2]")];
    const production = [d("OKTA_REDIRECT_HTTP", "redirectUris[0]"), d("OKTA_REDIRECT_LOOPBACK", "redirectUris[1]"), d("OKTA_REDIRECT_WILDCARD_PRODUCTION", "redirectUris[2]")];
    expect(pairs(productionOnly(production, everywhere))).toEqual(["OKTA_REDIRECT_LOOPBACK redirectUris[1]", "OKTA_REDIRECT_WILDCARD_PRODUCTION redirectUris[2]"]);
  });
});
