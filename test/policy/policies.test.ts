/**
 * The policy pack, policy by policy: for each, a compliant resource (or stack) and a non-compliant one, built
 * from the resource classes' type tokens and run through the harness the way the analyzer server runs them.
 */
import * as auth0 from "@pulumi/auth0";
import * as okta from "@pulumi/okta";
import { describe, expect, it } from "vitest";
import {
  deprecatedGrants,
  everyoneInProduction,
  privilegedAdminRoles,
  productionAppsProtected,
  productionRedirectUris,
  publicClientPkce,
  redirectUris,
} from "../../policy/policies";
import { tokenOf } from "../../policy/support";
import { messages, stackResource, stackRoot, UNKNOWN_STRING, urnOf, validateResource, validateStack } from "./harness";

/** An Okta web app as our components declare it (components/okta/oauth-args.ts), with `extra` merged in. */
function oktaWeb(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    label: "Portal",
    type: "web",
    grantTypes: ["authorization_code", "refresh_token"],
    responseTypes: ["code"],
    tokenEndpointAuthMethod: "client_secret_basic",
    pkceRequired: false,
    redirectUris: ["https://portal.example.com/callback"],
    postLogoutRedirectUris: ["https://portal.example.com/"],
    wildcardRedirect: "DISABLED",
    loginMode: "DISABLED",
    ...extra,
  };
}

function oktaBrowser(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return oktaWeb({ type: "browser", tokenEndpointAuthMethod: "none", pkceRequired: true, ...extra });
}

function auth0Client(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "Partner Portal",
    appType: "regular_web",
    grantTypes: ["authorization_code", "refresh_token"],
    callbacks: ["https://partners.example.com/callback"],
    allowedLogoutUrls: ["https://partners.example.com/"],
    webOrigins: ["https://partners.example.com"],
    ...extra,
  };
}

const PRODUCTION = stackRoot({ environment: "production" });
const DEVELOPMENT = stackRoot({ environment: "development" });

describe("redirect-uris (every environment)", () => {
  it("passes https, loopback http and a wildcard the app asked for (wildcardRedirect: SUBDOMAIN)", async () => {
    const outcome = await validateResource(
      redirectUris,
      okta.app.OAuth,
      oktaWeb({ wildcardRedirect: "SUBDOMAIN", redirectUris: ["https://portal.example.com/callback", "http://localhost:8080/callback", "https://*.preview.example.com/callback"] }),
    );
    expect(outcome).toEqual({ violations: [] });
  });

  it("passes a native app's custom-scheme redirect URI", async () => {
    const outcome = await validateResource(redirectUris, okta.app.OAuth, oktaBrowser({ type: "native", redirectUris: ["com.example.app:/callback"], postLogoutRedirectUris: [] }));
    expect(outcome.violations).toEqual([]);
  });

  it("fails plain http on a public host, with the validator's code, property path and fix", async () => {
    const outcome = await validateResource(redirectUris, okta.app.OAuth, oktaWeb({ redirectUris: ["https://portal.example.com/callback", "http://portal.example.com/callback"] }));
    expect(messages(outcome)).toEqual([
      'OKTA_REDIRECT_HTTP redirectUris[1]: "http://portal.example.com/callback" uses http; plain http is allowed only for localhost, 127.0.0.1 and [::1]. Fix: Use https. Loopback http (localhost, 127.0.0.1, [::1]) is allowed outside production only.',
    ]);
  });

  it("fails a wildcard the app did not ask for, and any wildcard in sign-out URIs", async () => {
    const outcome = await validateResource(redirectUris, okta.app.OAuth, oktaWeb({ redirectUris: ["https://*.example.com/callback"], postLogoutRedirectUris: ["https://*.example.com/"] }));
    expect(messages(outcome).map((m) => m.split(":")[0])).toEqual(["OKTA_REDIRECT_WILDCARD postLogoutRedirectUris[0]", "OKTA_REDIRECT_WILDCARD redirectUris[0]"]);
  });

  it("fails a wildcard Okta would refuse even with SUBDOMAIN (directly before the TLD)", async () => {
    const outcome = await validateResource(redirectUris, okta.app.OAuth, oktaWeb({ wildcardRedirect: "SUBDOMAIN", redirectUris: ["https://*.com/callback"] }));
    expect(messages(outcome)).toEqual([expect.stringMatching(/^OKTA_REDIRECT_WILDCARD redirectUris\[0\]: "https:\/\/\*\.com\/callback": the "\*" must be the whole left-most host label/)]);
  });

  it("leaves form problems (fragments, duplicates) to Okta and the validator", async () => {
    const outcome = await validateResource(redirectUris, okta.app.OAuth, oktaWeb({ redirectUris: ["https://portal.example.com/cb#x", "https://portal.example.com/cb#x"] }));
    expect(outcome.violations).toEqual([]);
  });

  it("passes an Auth0 client with https URLs and a localhost callback", async () => {
    const outcome = await validateResource(redirectUris, auth0.Client, auth0Client({ callbacks: ["https://partners.example.com/callback", "http://localhost:3001/callback"] }));
    expect(outcome.violations).toEqual([]);
  });

  it("fails an Auth0 client's http callback and a wildcard before the top-level domain", async () => {
    const outcome = await validateResource(redirectUris, auth0.Client, auth0Client({ callbacks: ["http://partners.example.com/callback"], allowedLogoutUrls: ["https://*.com/"] }));
    expect(messages(outcome).map((m) => m.split(":")[0])).toEqual(["AUTH0_URL_WILDCARD allowedLogoutUrls[0]", "AUTH0_URL_HTTP callbacks[0]"]);
  });

  it("is not applicable to other resource types", async () => {
    const outcome = await validateResource(redirectUris, okta.AppGroupAssignments, { appId: "0oa1", groups: [] });
    expect(outcome.notApplicable).toMatch(/okta:app\/oAuth:OAuth/);
    expect(outcome.violations).toEqual([]);
  });

  it("cannot run on a redirect URI known only after apply: the SDK's preview note, not a false pass", async () => {
    const outcome = await validateResource(redirectUris, okta.app.OAuth, oktaWeb({ redirectUris: [UNKNOWN_STRING] }));
    expect(outcome.unknown?.message).toMatch(/can't be known during preview/);
  });
});

describe("redirect-uris fails closed on what it cannot read, and covers every URL field", () => {
  const codes = (outcome: { violations: { message: string }[] }) => messages(outcome).map((m) => m.split(":")[0]);

  it("fails a redirect URI it cannot parse: leading whitespace, no scheme, a control character, a backslash", async () => {
    const outcome = await validateResource(
      redirectUris,
      okta.app.OAuth,
      oktaWeb({ redirectUris: [" http://evil.example.com/cb", "portal.example.com/callback", "https://portal.example.com/cb\t", "https://evil.example.com\\@portal.example.com/cb", "https://portal.example.com@evil.example.com/cb"] }),
    );
    expect(messages(outcome)).toEqual([
      'OKTA_REDIRECT_NOT_ABSOLUTE redirectUris[0]: " http://evil.example.com/cb": has a space; a provider or browser that trims or splits it would read another URL. Fix: Write the URL exactly as it is to be matched: an absolute https URL (http only for localhost, 127.0.0.1, [::1]) and nothing around it.',
      expect.stringMatching(/^OKTA_REDIRECT_NOT_ABSOLUTE redirectUris\[1\]: "portal\.example\.com\/callback": is not an absolute URI\./),
      expect.stringMatching(/^TEXT_UNSAFE_CHARACTER redirectUris\[2\]: .*U\+0009 TAB/),
      // WHATWG reads `\` as `/`: the host is evil.example.com, whatever a reviewer reads after it.
      expect.stringMatching(/^OKTA_REDIRECT_NOT_ABSOLUTE redirectUris\[3\]: .*has a backslash, which browsers read as \//),
      expect.stringMatching(/^URL_USERINFO redirectUris\[4\]: "https:\/\/…@evil\.example\.com\/cb": has userinfo/),
    ]);
  });

  it("fails values that are not strings, and a list property that is not a list, instead of skipping them", async () => {
    const notStrings = await validateResource(redirectUris, okta.app.OAuth, oktaWeb({ redirectUris: ["https://portal.example.com/callback", 42, { url: "https://x.example.com" }] }));
    expect(messages(notStrings)).toEqual([
      expect.stringMatching(/^OKTA_REDIRECT_NOT_ABSOLUTE redirectUris\[1\]: 42: is number, not a URL string, so the policy cannot check it\./),
      expect.stringMatching(/^OKTA_REDIRECT_NOT_ABSOLUTE redirectUris\[2\]: a map: is object, not a URL string/),
    ]);
    const notList = await validateResource(redirectUris, auth0.Client, auth0Client({ callbacks: "http://evil.example.com/cb" }));
    expect(messages(notList)).toEqual(['AUTH0_URL_INVALID callbacks: "http://evil.example.com/cb" is not a list of URLs, so the policy cannot check it. Fix: Give callbacks as a list.']);
  });

  it("fails script and data schemes, also on a native app (which may use its own scheme)", async () => {
    const web = await validateResource(redirectUris, okta.app.OAuth, oktaWeb({ redirectUris: ["javascript:alert(document.domain)//https://portal.example.com/cb"] }));
    expect(messages(web)).toEqual([expect.stringMatching(/^OKTA_REDIRECT_CUSTOM_SCHEME redirectUris\[0\]: "javascript:.*uses the javascript: scheme, which runs or reads content/)]);
    const native = await validateResource(redirectUris, okta.app.OAuth, oktaBrowser({ type: "native", redirectUris: ["com.example.app:/callback", "javascript:alert(1)", "data:text/html,x"], postLogoutRedirectUris: [] }));
    expect(codes(native)).toEqual(["OKTA_REDIRECT_CUSTOM_SCHEME redirectUris[1]", "OKTA_REDIRECT_CUSTOM_SCHEME redirectUris[2]"]);
    const auth0Web = await validateResource(redirectUris, auth0.Client, auth0Client({ callbacks: ["javascript:alert(1)", "com.example.app://callback"] }));
    expect(codes(auth0Web)).toEqual(["AUTH0_URL_INVALID callbacks[0]", "AUTH0_URL_INVALID callbacks[1]"]);
    const auth0Native = await validateResource(redirectUris, auth0.Client, auth0Client({ appType: "native", callbacks: ["com.example.app://callback"] }));
    expect(auth0Native.violations).toEqual([]);
  });

  it("checks an Okta app's initiate-login URI: https, http only for loopback", async () => {
    expect((await validateResource(redirectUris, okta.app.OAuth, oktaWeb({ loginUri: "https://portal.example.com/login" }))).violations).toEqual([]);
    expect((await validateResource(redirectUris, okta.app.OAuth, oktaWeb({ loginUri: "http://localhost:8080/login" }))).violations).toEqual([]);
    expect(codes(await validateResource(redirectUris, okta.app.OAuth, oktaWeb({ loginUri: "http://portal.example.com/login" })))).toEqual(["OKTA_LOGIN_URI_INVALID loginUri"]);
    expect(codes(await validateResource(redirectUris, okta.app.OAuth, oktaWeb({ loginUri: "javascript:alert(1)" })))).toEqual(["OKTA_LOGIN_URI_INVALID loginUri"]);
  });

  it("checks an Auth0 client's CORS origins (allowedOrigins) as web origins, and its initiate-login URI (https only)", async () => {
    const ok = await validateResource(redirectUris, auth0.Client, auth0Client({ allowedOrigins: ["https://partners.example.com", "http://localhost:3001"], initiateLoginUri: "https://partners.example.com/login" }));
    expect(ok.violations).toEqual([]);
    const bad = await validateResource(
      redirectUris,
      auth0.Client,
      auth0Client({ allowedOrigins: ["http://partners.example.com", "https://*.com", " https://partners.example.com"], initiateLoginUri: "http://localhost:3001/login" }),
    );
    expect(codes(bad)).toEqual([
      "AUTH0_URL_INVALID allowedOrigins[2]",
      "AUTH0_LOGIN_URI_INVALID initiateLoginUri",
      "AUTH0_URL_HTTP allowedOrigins[0]",
      "AUTH0_URL_WILDCARD allowedOrigins[1]",
    ]);
    expect(messages(bad)[1]).toBe('AUTH0_LOGIN_URI_INVALID initiateLoginUri: "http://localhost:3001/login": is not https. Fix: Use an https URL.');
    expect((await validateResource(redirectUris, auth0.Client, auth0Client({ initiateLoginUri: "" }))).violations).toEqual([]);
  });

  it("checks Okta trusted origins written as resources", async () => {
    expect((await validateResource(redirectUris, okta.trustedorigin.Origin, { name: "x", origin: "https://portal.example.com", scopes: [{ type: "CORS" }] })).violations).toEqual([]);
    expect(codes(await validateResource(redirectUris, okta.trustedorigin.Origin, { name: "x", origin: "http://portal.example.com", scopes: [{ type: "CORS" }] }))).toEqual(["OKTA_TRUSTED_ORIGIN_HTTP origin"]);
  });

  it("in production, also refuses loopback initiate-login URIs, CORS origins and trusted origins", async () => {
    const app = stackResource(okta.app.OAuth, oktaWeb({ loginUri: "http://localhost:8080/login" }), { name: "portal" });
    const client = stackResource(auth0.Client, auth0Client({ allowedOrigins: ["http://localhost:3001"], initiateLoginUri: "https://localhost:3001/login" }), { name: "partners" });
    const origin = stackResource(okta.trustedorigin.Origin, { name: "dev", origin: "http://localhost:8080", scopes: [] }, { name: "dev-origin" });
    const outcome = await validateStack(productionRedirectUris, [PRODUCTION, app, client, origin]);
    expect(outcome.violations.map((v) => v.message.split(":").slice(0, 2).join(":"))).toEqual([
      '"portal": OKTA_LOGIN_URI_INVALID loginUri',
      '"partners": AUTH0_URL_HTTP allowedOrigins[0]',
      '"partners": AUTH0_LOGIN_URI_INVALID initiateLoginUri',
      '"dev-origin": OKTA_TRUSTED_ORIGIN_HTTP origin',
    ]);
  });
});

describe("deprecated-grants", () => {
  it("passes authorization code and refresh token", async () => {
    expect((await validateResource(deprecatedGrants, okta.app.OAuth, oktaWeb())).violations).toEqual([]);
  });

  it("fails implicit and password on an Okta app, at their index", async () => {
    const outcome = await validateResource(deprecatedGrants, okta.app.OAuth, oktaBrowser({ type: "native", grantTypes: ["authorization_code", "implicit", "password"] }));
    expect(messages(outcome)).toEqual([
      expect.stringMatching(/^OKTA_GRANT_DEPRECATED grantTypes\[1\]: the implicit grant is deprecated\. Fix: Use authorization_code \(with PKCE\)\..* list "app" in this policy's exemptResources\.$/),
      expect.stringMatching(/^OKTA_GRANT_DEPRECATED grantTypes\[2\]: the password grant is deprecated\./),
    ]);
  });

  it("lets an exempted resource keep the grant (the policy's allowDeprecatedGrants)", async () => {
    const outcome = await validateResource(deprecatedGrants, okta.app.OAuth, oktaWeb({ grantTypes: ["authorization_code", "implicit"] }), { name: "legacy", config: { exemptResources: ["legacy"] } });
    expect(outcome).toEqual({ violations: [], notApplicable: "exempted by exemptResources" });
  });

  it("passes an Auth0 client without them", async () => {
    expect((await validateResource(deprecatedGrants, auth0.Client, auth0Client({ grantTypes: ["authorization_code", "client_credentials"] }))).violations).toEqual([]);
  });

  it("fails Auth0's implicit grant and its password grants (which the stack file cannot even ask for)", async () => {
    const outcome = await validateResource(deprecatedGrants, auth0.Client, auth0Client({ grantTypes: ["implicit", "http://auth0.com/oauth/grant-type/password-realm"] }));
    expect(messages(outcome)).toEqual([
      expect.stringMatching(/^AUTH0_GRANT_DEPRECATED grantTypes\[0\]: the implicit grant is deprecated\./),
      expect.stringMatching(/^grantTypes\[1\]: "http:\/\/auth0\.com\/oauth\/grant-type\/password-realm" is a password grant/),
    ]);
  });
});

describe("public-client-pkce", () => {
  it("passes a public client that requires PKCE, and a confidential client that does not", async () => {
    expect((await validateResource(publicClientPkce, okta.app.OAuth, oktaBrowser())).violations).toEqual([]);
    expect((await validateResource(publicClientPkce, okta.app.OAuth, oktaWeb({ pkceRequired: false }))).violations).toEqual([]);
  });

  it("fails a public client with pkceRequired false", async () => {
    const outcome = await validateResource(publicClientPkce, okta.app.OAuth, oktaBrowser({ pkceRequired: false }));
    expect(messages(outcome)).toEqual([expect.stringMatching(/^pkceRequired: the app is a public client \(tokenEndpointAuthMethod: "none"\) and pkceRequired is false; .*RFC 9700/)]);
  });

  it("fails a public client that leaves pkceRequired to the provider's default", async () => {
    const props = oktaBrowser();
    delete props["pkceRequired"];
    expect(messages(await validateResource(publicClientPkce, okta.app.OAuth, props))).toEqual([expect.stringContaining('pkceRequired is "unset"')]);
  });
});

describe("privileged-admin-roles", () => {
  it("passes a narrow standard role and a custom role", async () => {
    expect((await validateResource(privilegedAdminRoles, okta.Oauth2V1ClientsRoleReadOnlyAdmin, { clientId: UNKNOWN_STRING, type: "READ_ONLY_ADMIN" })).violations).toEqual([]);
    expect((await validateResource(privilegedAdminRoles, okta.Oauth2V1ClientsRoleCustom, { clientId: "0oa1", type: "CUSTOM", role: "cr0abc", resourceSet: "iam0abc" })).violations).toEqual([]);
  });

  it("fails SUPER_ADMIN with the validator's code and message", async () => {
    const outcome = await validateResource(privilegedAdminRoles, okta.Oauth2V1ClientsRoleSuperAdmin, { clientId: UNKNOWN_STRING, type: "SUPER_ADMIN" }, { name: "bot-role-super-admin" });
    expect(messages(outcome)).toEqual([
      expect.stringMatching(/^OKTA_ROLE_ACKNOWLEDGE type: SUPER_ADMIN gives this app full control of the org .* list "bot-role-super-admin" in this policy's exemptResources\.$/),
    ]);
  });

  it("fails ORG_ADMIN, also through the generic role-assignment resource", async () => {
    expect(messages(await validateResource(privilegedAdminRoles, okta.Oauth2V1ClientsRoleOrgAdmin, { clientId: "0oa1", type: "ORG_ADMIN" }))).toEqual([expect.stringMatching(/^OKTA_ROLE_ACKNOWLEDGE type: ORG_ADMIN/)]);
    expect(messages(await validateResource(privilegedAdminRoles, okta.app.OauthRoleAssignment, { clientId: "0oa1", type: "SUPER_ADMIN" }))).toEqual([expect.stringMatching(/^OKTA_ROLE_ACKNOWLEDGE type: SUPER_ADMIN/)]);
  });

  it("lets an exempted resource (by name or URN) hold the role (the policy's acknowledgeRoles)", async () => {
    const byName = await validateResource(privilegedAdminRoles, okta.Oauth2V1ClientsRoleSuperAdmin, { clientId: "0oa1", type: "SUPER_ADMIN" }, { name: "provisioner-role-super-admin", config: { exemptResources: ["provisioner-role-super-admin"] } });
    expect(byName.violations).toEqual([]);
    const urn = urnOf(tokenOf(okta.Oauth2V1ClientsRoleSuperAdmin), "provisioner-role-super-admin");
    const byUrn = await validateResource(privilegedAdminRoles, okta.Oauth2V1ClientsRoleSuperAdmin, { clientId: "0oa1", type: "SUPER_ADMIN" }, { name: "provisioner-role-super-admin", config: { exemptResources: [urn] } });
    expect(byUrn.violations).toEqual([]);
  });

  it("is not applicable to other resource types", async () => {
    expect((await validateResource(privilegedAdminRoles, okta.app.OAuth, oktaWeb())).notApplicable).toMatch(/admin-role/);
  });
});

describe("production-redirect-uris", () => {
  it("passes a production stack with https URIs only", async () => {
    const outcome = await validateStack(productionRedirectUris, [PRODUCTION, stackResource(okta.app.OAuth, oktaWeb(), { name: "portal" }), stackResource(auth0.Client, auth0Client(), { name: "partners" })]);
    expect(outcome).toEqual({ violations: [] });
  });

  it("fails loopback and wildcard URIs in production, on the resource, once (http on a public host is redirect-uris' finding)", async () => {
    const app = stackResource(okta.app.OAuth, oktaWeb({ wildcardRedirect: "SUBDOMAIN", redirectUris: ["http://localhost:8080/callback", "https://*.example.com/callback", "http://portal.example.com/callback"] }), { name: "portal" });
    const client = stackResource(auth0.Client, auth0Client({ callbacks: ["http://localhost:3001/callback"] }), { name: "partners" });
    const outcome = await validateStack(productionRedirectUris, [PRODUCTION, app, client]);
    expect(outcome.violations.map((v) => [v.urn, v.message.split(":").slice(0, 2).join(":")])).toEqual([
      [app.urn, '"portal": OKTA_REDIRECT_LOOPBACK redirectUris[0]'],
      [app.urn, '"portal": OKTA_REDIRECT_WILDCARD_PRODUCTION redirectUris[1]'],
      [client.urn, '"partners": AUTH0_URL_HTTP callbacks[0]'],
    ]);
  });

  it("is not applicable outside production (the environment from the program's stack output)", async () => {
    const outcome = await validateStack(productionRedirectUris, [DEVELOPMENT, stackResource(okta.app.OAuth, oktaWeb({ redirectUris: ["http://localhost:8080/callback"] }))]);
    expect(outcome).toEqual({ violations: [], notApplicable: "the stack's environment is development" });
  });

  it("takes the environment from its config before the stack output", async () => {
    const resources = [DEVELOPMENT, stackResource(okta.app.OAuth, oktaWeb({ redirectUris: ["http://localhost:8080/callback"] }))];
    expect((await validateStack(productionRedirectUris, resources, { environment: "production" })).violations).toHaveLength(1);
  });

  it("treats a stack of unknown environment as production, and says so", async () => {
    const outcome = await validateStack(productionRedirectUris, [stackResource(okta.app.OAuth, oktaWeb({ redirectUris: ["http://localhost:8080/callback"] }))]);
    expect(messages(outcome)).toEqual([expect.stringMatching(/OKTA_REDIRECT_LOOPBACK .*\(The stack's environment is unknown, so it is treated as production: set this policy's `environment` config/)]);
  });
});

describe("everyone-in-production", () => {
  const EVERYONE = "00g1everyone";
  const portal = stackResource("oidc-apps:okta:WebApp", {}, { name: "portal" });
  const assignments = (groups: string[], name = "portal-assignments") =>
    stackResource(okta.AppGroupAssignments, { appId: UNKNOWN_STRING, groups: groups.map((id) => ({ id, profile: "{}" })) }, { name, parent: portal });

  it("passes production apps assigned to named groups", async () => {
    const outcome = await validateStack(everyoneInProduction, [PRODUCTION, portal, assignments(["00g1support", "00g1qa"])], { everyoneGroupId: EVERYONE });
    expect(outcome).toEqual({ violations: [] });
  });

  it("warns about an app assigned to Everyone, on the assignment, naming its app", async () => {
    const bad = assignments(["00g1support", EVERYONE]);
    const outcome = await validateStack(everyoneInProduction, [PRODUCTION, portal, bad], { everyoneGroupId: EVERYONE });
    expect(outcome.violations).toEqual([{ urn: bad.urn, message: `"portal-assignments" (in portal) assigns the app to Everyone (${EVERYONE}): every user in the org can sign in to it.` }]);
  });

  it("also sees single okta.app.GroupAssignment resources written outside our components", async () => {
    const single = stackResource(okta.app.GroupAssignment, { appId: "0oa1", groupId: EVERYONE }, { name: "legacy-everyone" });
    expect((await validateStack(everyoneInProduction, [PRODUCTION, single], { everyoneGroupId: EVERYONE })).violations).toHaveLength(1);
  });

  it("says it cannot tell when everyoneGroupId is not configured, instead of passing silently", async () => {
    const outcome = await validateStack(everyoneInProduction, [PRODUCTION, portal, assignments([EVERYONE])]);
    expect(outcome.violations).toEqual([{ message: expect.stringMatching(/^cannot tell whether 1 group assignment\(s\) include Everyone: .* set this policy's everyoneGroupId/) }]);
  });

  it("is not applicable outside production", async () => {
    const outcome = await validateStack(everyoneInProduction, [stackRoot({ environment: "staging" }), assignments([EVERYONE])], { everyoneGroupId: EVERYONE });
    expect(outcome).toEqual({ violations: [], notApplicable: "the stack's environment is staging" });
  });

  it("still reports the known Everyone assignment when another group id is unknown during preview", async () => {
    const unknownFirst = assignments([UNKNOWN_STRING], "a-assignments");
    const everyone = assignments([EVERYONE], "b-assignments");
    const outcome = await validateStack(everyoneInProduction, [PRODUCTION, unknownFirst, everyone], { everyoneGroupId: EVERYONE });
    expect(outcome.violations.map((v) => v.urn)).toEqual([everyone.urn]);
    expect(outcome.unknown).toBeDefined();
  });
});

describe("production-apps-protected", () => {
  it("passes protected production apps (and does not ask it of their other resources)", async () => {
    const resources = [
      PRODUCTION,
      stackResource(okta.app.OAuth, oktaWeb(), { name: "portal", protect: true }),
      stackResource(auth0.Client, auth0Client(), { name: "partners", protect: true }),
      stackResource(okta.AppGroupAssignments, { appId: "0oa1", groups: [] }, { name: "portal-assignments" }),
    ];
    expect(await validateStack(productionAppsProtected, resources)).toEqual({ violations: [] });
  });

  it("fails an unprotected Okta app and Auth0 client in production", async () => {
    const app = stackResource(okta.app.OAuth, oktaWeb(), { name: "portal" });
    const client = stackResource(auth0.Client, auth0Client(), { name: "partners" });
    const outcome = await validateStack(productionAppsProtected, [PRODUCTION, app, client]);
    expect(outcome.violations).toEqual([
      { urn: app.urn, message: '"portal" (okta:app/oAuth:OAuth) is not protected: a replacement or a removed stack entry would delete the app and its client id.' },
      { urn: client.urn, message: '"partners" (auth0:index/client:Client) is not protected: a replacement or a removed stack entry would delete the app and its client id.' },
    ]);
  });

  it("is not applicable outside production", async () => {
    const outcome = await validateStack(productionAppsProtected, [DEVELOPMENT, stackResource(okta.app.OAuth, oktaWeb())]);
    expect(outcome.notApplicable).toBe("the stack's environment is development");
  });
});
