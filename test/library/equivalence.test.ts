/**
 * Each library class registers what the program's component registers for the equivalent stack-file entry:
 * the same children, names, parents (up to the component's type token), options and inputs. The program's side
 * is the stack file's model built by the loader's functions, given to the components/ classes.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { Auth0WebApp } from "../support/program-components";
import { groupLookupsWith } from "../../components/okta/group-lookups";
import { BrowserApp, NativeApp, ServiceApp, TrustedOrigins, WebApp } from "../support/program-components";
import { buildAuth0, parseAuth0Apps } from "../../config/auth0";
import { Diagnostics } from "../../config/diagnostics";
import type { OktaServiceAppSpec, OktaUserAppSpec } from "../../config/model";
import { buildOktaApp, mergeTrustedOrigins, oktaOrg, parseOktaApps } from "../../config/okta";
import {
  Auth0RegularWebApp,
  ClientAuthMethod,
  Environment,
  GrantType,
  KeyAlgorithm,
  OktaBrowserApp,
  OktaNativeApp,
  OktaServiceApp,
  OktaTrustedOrigins,
  OktaWebApp,
  RefreshTokenRotation,
  StandardAdminRole,
  TrustedOriginScope,
} from "../../library";
import { prebuiltOktaUserApp } from "../../library/channel";
import { capture, type PlanResource } from "../../plan/capture";

const org = oktaOrg("acme", "okta.com");

async function registered(program: () => unknown): Promise<PlanResource[]> {
  const { resources, result } = await capture({ project: "oidc-apps", stack: "test" }, program);
  if (!result.ok) throw result.error;
  return resources;
}

/** Type tokens and parents with the component's token replaced, so both sides compare. */
const normalised = (resources: PlanResource[], token: string) =>
  resources.map((r) => ({ ...r, type: r.type === token ? "<component>" : r.type, parent: r.parent?.replace(`${token}::`, "<component>::") ?? null }));

function oktaSpec(entry: Record<string, unknown>, production: boolean) {
  const diags = new Diagnostics();
  const parsed = parseOktaApps({ section: { apps: { app: entry } }, production, diags });
  if (!parsed) throw new Error(JSON.stringify(diags.list()));
  return { spec: buildOktaApp(parsed[0]!), origins: mergeTrustedOrigins(parsed) };
}

describe("the library's classes register what the program's components register", () => {
  const userCases = [
    { kind: "web", Library: OktaWebApp, Program: WebApp, token: "oidc-apps:okta:WebApp" },
    { kind: "browser", Library: OktaBrowserApp, Program: BrowserApp, token: "oidc-apps:okta:BrowserApp" },
    { kind: "native", Library: OktaNativeApp, Program: NativeApp, token: "oidc-apps:okta:NativeApp" },
  ] as const;
  for (const c of userCases) {
    it(`Okta ${c.kind} apps`, async () => {
      const redirect = c.kind === "native" ? "com.example.app:/callback" : "https://app.example.com/callback";
      const args = {
        label: "App",
        redirectUris: [redirect],
        postLogoutRedirectUris: [c.kind === "native" ? "com.example.app:/logout" : "https://app.example.com/"],
        grantTypes: [GrantType.AuthorizationCode, GrantType.RefreshToken],
        refreshToken: { rotation: RefreshTokenRotation.Rotate, gracePeriodSeconds: 10 },
        initiateLoginUri: "https://app.example.com/login",
        assignTo: { groups: ["Engineering"] },
        apiScopes: ["okta.users.read"],
        orgUrl: "https://acme.okta.com",
        environment: Environment.Production,
      };
      const { orgUrl: _o, environment: _e, ...stackFile } = args;
      const { spec } = oktaSpec({ type: c.kind, ...stackFile, assignTo: { groups: ["Engineering"] } }, true);
      const library = await registered(() => new c.Library("app", args));
      const program = await registered(() => {
        const parent = new pulumi.ComponentResource("lookups", "lookups");
        const groups = groupLookupsWith({ parent }).groupsFor("app", (spec as OktaUserAppSpec).assignTo);
        return new c.Program("app", { spec: spec as OktaUserAppSpec, org, groups, protect: true });
      });
      expect(normalised(library, `oidc-apps:index:${c.Library.name}`)).toEqual(normalised(program.slice(1), c.token));
    });
  }

  it("Okta service apps", async () => {
    const args = {
      label: "Bot",
      keys: [{ kid: "k1", algorithm: KeyAlgorithm.RSA, rsaBits: 3072 }, { kid: "k2", active: false }],
      apiScopes: ["okta.users.read"],
      adminRoles: [StandardAdminRole.ReadOnlyAdmin],
      customAdminRoles: [{ role: "cr0abc", resourceSet: "iam0abc" }],
      orgUrl: "https://acme.okta.com",
      environment: Environment.Development,
    };
    const { spec } = oktaSpec(
      { type: "service", label: "Bot", keys: args.keys, apiScopes: args.apiScopes, adminRoles: ["READ_ONLY_ADMIN", { custom: { role: "cr0abc", resourceSet: "iam0abc" } }] },
      false,
    );
    const library = await registered(() => new OktaServiceApp("app", args));
    const program = await registered(() => new ServiceApp("app", { spec: spec as OktaServiceAppSpec, org, protect: false }));
    expect(normalised(library, "oidc-apps:index:OktaServiceApp")).toEqual(normalised(program, "oidc-apps:okta:ServiceApp"));
    expect(library.map((r) => r.type)).toContain("okta:index/oauth2V1ClientsRoleCustom:Oauth2V1ClientsRoleCustom");
  });

  it("Okta trusted origins", async () => {
    const origins = [{ origin: "https://b.example.com", scopes: [TrustedOriginScope.Cors] }, { origin: "https://a.example.com" }, { origin: "https://b.example.com", scopes: [TrustedOriginScope.IframeEmbed] }];
    const specs = mergeTrustedOrigins([{ type: "browser", name: "x", raw: { type: "browser", trustedOrigins: origins } }]);
    const library = await registered(() => new OktaTrustedOrigins("trusted-origins", { origins }));
    const program = await registered(() => new TrustedOrigins("trusted-origins", { origins: specs }));
    expect(normalised(library, "oidc-apps:index:OktaTrustedOrigins")).toEqual(normalised(program, "oidc-apps:okta:TrustedOrigins"));
  });

  it("Auth0 regular web apps", async () => {
    const entry = {
      name: "Partner",
      callbacks: ["https://p.example.com/callback"],
      grantTypes: [GrantType.AuthorizationCode, GrantType.ClientCredentials],
      clientAuth: ClientAuthMethod.ClientSecretBasic,
      clientSecretVersion: 2,
      managementApiScopes: ["read:users"],
    };
    const diags = new Diagnostics();
    const parsed = parseAuth0Apps({ apps: { partner: { type: "regular_web", ...entry } } }, true, diags)!;
    const spec = buildAuth0("acme.us.auth0.com", parsed).apps[0]!;
    const library = await registered(() => new Auth0RegularWebApp("partner", { domain: "acme.us.auth0.com", ...entry }));
    const program = await registered(() => new Auth0WebApp("partner", { spec, domain: "acme.us.auth0.com", protect: true }));
    expect(normalised(library, "oidc-apps:index:Auth0RegularWebApp")).toEqual(normalised(program, "oidc-apps:auth0:WebApp"));
  });
});

describe("the program's channel (library/channel.ts)", () => {
  it("keeps the legacy type token and uses the prebuilt model and groups as they are: no validation, no lookup", async () => {
    // A spec the rules would refuse (http in production): the program validated already, so nothing is re-checked.
    const { spec } = oktaSpec({ type: "web", redirectUris: ["https://ok.example.com/cb"] }, true);
    const unchecked = { ...(spec as OktaUserAppSpec), redirectUris: ["http://not-rechecked.example.com/cb"] };
    const { resources, invokes, result } = await capture({ project: "oidc-apps", stack: "test" }, () =>
      new OktaWebApp("app", prebuiltOktaUserApp({ type: "oidc-apps:okta:WebApp", spec: unchecked, org, groups: [{ name: "G", slug: "g", id: "g1" }], protect: false })),
    );
    if (!result.ok) throw result.error;
    expect(resources[0]!.type).toBe("oidc-apps:okta:WebApp");
    expect(resources.find((r) => r.type === "okta:app/oAuth:OAuth")!.inputs).toMatchObject({ redirectUris: ["http://not-rechecked.example.com/cb"] });
    expect(invokes).toEqual([]);
    expect(result.value.issuer).toBe("https://acme.okta.com");
  });

  it("is invisible in the args: nothing enumerable, no string key", () => {
    const args = prebuiltOktaUserApp<object>({ type: "t", spec: {} as OktaUserAppSpec, org, groups: [], protect: false });
    expect(Object.keys(args)).toEqual([]);
    expect(JSON.stringify(args)).toBe("{}");
  });
});
