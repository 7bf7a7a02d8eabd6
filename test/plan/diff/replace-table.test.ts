/**
 * The replace table, entry by entry: a change to exactly that property of that resource type is flagged as a
 * replacement (for generated secrets and keys, as a rotation), and a change elsewhere is not. Where the program
 * can produce the change from a stack file, that is tested too.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffPlans, entriesFor, REPLACE_TABLE } from "../../../plan/diff";
import { SECRET_SOURCE_TYPES } from "../../../plan/diff/replace-table";
import { planOf, render } from "./support";
import { edited, oktaConfig } from "../../support/stacks";

/** `a.b` → `{ a: { b: value } }`. */
function nested(path: string, value: unknown): Record<string, unknown> {
  const keys = path.split(".");
  let out: unknown = value;
  for (const key of keys.reverse()) out = { [key]: out };
  return out as Record<string, unknown>;
}

const component = { type: "oidc-apps:test:Component", name: "c", parent: null };

describe("the replace table", () => {
  it.each(REPLACE_TABLE.map((e) => [`${e.type} ${e.property}`, e] as const))("%s forces a replacement", (_label, entry) => {
    const resource = { type: entry.example, name: "r", parent: "oidc-apps:test:Component::c" };
    const before = planOf([component, { ...resource, inputs: { label: "same", ...nested(entry.property, "before-value") } }]);
    const after = planOf([component, { ...resource, inputs: { label: "same", ...nested(entry.property, "after-value") } }]);
    const diff = diffPlans(before, after);

    expect(diff.changed).toEqual([{ resource: `${entry.example}::r`, properties: [{ path: entry.property, before: "before-value", after: "after-value", replaces: true }] }]);
    const expected = SECRET_SOURCE_TYPES.has(entry.example) ? "secret-rotated" : "replace";
    expect(diff.risks.map((r) => r.kind)).toEqual([expected]);
    expect(diff.risks[0]!.detail).toContain(`\`${entry.property}\` before-value → after-value`);
    if (expected === "replace") expect(diff.risks[0]!.detail).toContain(entry.consequence);

    // The same change to another property is an in-place update.
    const other = diffPlans(planOf([component, { ...resource, inputs: { label: "a" } }]), planOf([component, { ...resource, inputs: { label: "b" } }]));
    expect(other.risks).toEqual([]);
    expect(other.changed[0]!.properties[0]).not.toHaveProperty("replaces");
  });

  it("a whole block appearing counts when the force-new value inside it differs", () => {
    const r = { type: "auth0:index/client:Client", name: "r", parent: null };
    const diff = diffPlans(planOf([{ ...r, inputs: {} }]), planOf([{ ...r, inputs: { jwtConfiguration: { alg: "RS256", secretEncoded: true } } }]));
    expect(diff.risks.map((x) => x.kind)).toEqual(["replace"]);
    expect(diff.changed[0]!.properties[0]).toMatchObject({ path: "jwtConfiguration", replaces: true });
    const harmless = diffPlans(planOf([{ ...r, inputs: {} }]), planOf([{ ...r, inputs: { jwtConfiguration: { alg: "RS256" } } }]));
    expect(harmless.risks).toEqual([]);
  });

  it("an Okta app whose type changes is replaced with a new client id", () => {
    const app = { type: "okta:app/oAuth:OAuth", name: "portal", parent: "oidc-apps:okta:WebApp::portal" };
    const diff = diffPlans(planOf([{ ...app, protect: true, inputs: { type: "web" } }]), planOf([{ ...app, protect: true, inputs: { type: "browser" } }]));
    expect(diff.risks).toHaveLength(1);
    expect(diff.risks[0]!.detail).toMatch(/`type` web → browser: a new Okta app is created with a new client id/);
    expect(diff.risks[0]!.detail).toMatch(/It is protected: `pulumi up` refuses to replace it/);
  });

  it("the role-assignment family matches every oauth2V1ClientsRole* type", () => {
    for (const type of ["okta:index/oauth2V1ClientsRoleSuperAdmin:Oauth2V1ClientsRoleSuperAdmin", "okta:index/oauth2V1ClientsRoleCustom:Oauth2V1ClientsRoleCustom"]) {
      expect(entriesFor(type).map((e) => e.property)).toEqual(["clientId", "type", "role", "resourceSet"]);
    }
    expect(entriesFor("okta:trustedorigin/origin:Origin")).toEqual([]);
  });

  describe("from stack files", () => {
    const bot = (key: Record<string, unknown>) => oktaConfig({ bot: { type: "service", keys: [{ kid: "k1", ...key }], apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] } });
    const keyCases: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
      ["rsaBits", {}, { rsaBits: 3072 }, "`rsaBits` 2048 → 3072"],
      ["algorithm", {}, { algorithm: "EC" }, "`algorithm` RSA → ECDSA"],
      // ecdsaCurve: a stack file can no longer change it (only P256 is allowed, KEY_UNSUPPORTED); the table
      // entry is exercised above.
    ];
    for (const [property, was, now, says] of keyCases) {
      it(`tls PrivateKey ${property}: the key is generated again`, async () => {
        const diff = diffPlans(await render(bot(was)), await render(bot(now)));
        expect(diff.risks.map((r) => [r.kind, r.resource])).toEqual([["secret-rotated", "tls:index/privateKey:PrivateKey::bot-key-k1"]]);
        expect(diff.risks[0]!.detail).toContain(says);
      });
    }

    it("RandomPassword keepers: clientSecretVersion regenerates the secret", async () => {
      const web = (v: number) => oktaConfig({ portal: { type: "web", redirectUris: ["https://p.example.com/cb"], clientSecretVersion: v } });
      const diff = diffPlans(await render(web(1)), await render(web(3)));
      expect(diff.risks.map((r) => r.kind)).toEqual(["secret-rotated"]);
      expect(diff.risks[0]!.detail).toContain("`keepers.clientSecretVersion` 1 → 3");
    });

    it("Auth0 ClientGrant audience: a new tenant domain replaces the grant", async () => {
      const tenant = (domain: string) =>
        oktaConfig({}, { "auth0:domain": domain, "oidc-apps:auth0": { apps: { p: { type: "regular_web", callbacks: ["https://p.example.com/cb"], grantTypes: ["authorization_code", "client_credentials"], managementApiScopes: ["read:users"] } } } });
      const diff = diffPlans(await render(edited(tenant("a.us.auth0.com"), (c) => delete c["oidc-apps:okta"])), await render(edited(tenant("b.us.auth0.com"), (c) => delete c["oidc-apps:okta"])));
      // The tenant change itself is the retarget risk, told once for the provider.
      expect(diff.risks.map((r) => [r.kind, r.resource])).toEqual([
        ["retarget", "pulumi:providers:auth0::auth0"],
        ["replace", "auth0:index/clientGrant:ClientGrant::p-management-api"],
      ]);
    });
  });

  it("README documents every entry", () => {
    const readme = readFileSync("docs/plan-and-review.md", "utf8");
    const section = readme.slice(readme.indexOf("## Reviewing changes"));
    expect(section.length).toBeLessThan(readme.length);
    for (const e of REPLACE_TABLE) expect(section, `${e.type} ${e.property}`).toMatch(new RegExp(`\\| \`${e.type.replace(/[*/.]/g, (c) => `\\${c}`)}\` \\|[^\\n]*\`${e.property.replace(/\./g, "\\.")}\``));
  });
});
