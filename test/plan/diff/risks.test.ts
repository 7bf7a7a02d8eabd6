/**
 * Each risk kind is raised by a minimal change to a stack file, and by nothing else: the change raises only
 * that kind, and re-rendering either stack file unchanged gives an empty diff.
 */
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { diffPlans, isEmptyDiff, RISK_KINDS, type Diff, type RiskKind } from "../../../plan/diff";
import { planOfFile } from "../../support/plan";
import { render } from "./support";
import { auth0Apps, AUTH0_TENANT, edited, oktaConfig, type StackConfig } from "../../support/stacks";

const oktaApps = {
  portal: { type: "web", redirectUris: ["https://portal.example.com/cb"], clientSecretVersion: 1 },
  cli: { type: "native", redirectUris: ["com.example.cli:/callback"], apiScopes: ["okta.users.read"] },
  bot: { type: "service", keys: [{ kid: "k1" }], apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] },
  team: { type: "browser", redirectUris: ["https://team.example.com/cb"], assignTo: { groups: ["Support"] } },
};
const auth0 = { ...AUTH0_TENANT, ...auth0Apps({
  partner: {
    type: "regular_web",
    callbacks: ["https://partner.example.com/callback"],
    grantTypes: ["authorization_code", "refresh_token", "client_credentials"],
    managementApiScopes: ["read:users"],
  },
}) };
const base = oktaConfig(oktaApps, auth0);
/** Public keys brought by the team (no key resource): only the app's JWKS shows a rotation. */
const brought = () => generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
const [publicA, publicB] = [brought(), brought()];
const withBrought = edited(base, (c) => (c["oidc-apps:okta"].apps.sync = { type: "service", keys: [{ kid: "a", publicKey: publicA }], apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] }));
const production = edited(oktaConfig({ portal: oktaApps.portal, team: oktaApps.team }), (c) => (c["oidc-apps:environment"] = "production"));
/** Production with what a new user would remove: a super-admin role, an Everyone assignment, a trusted origin. */
const productionPrivileged = edited(production, (c) => {
  const apps = c["oidc-apps:okta"].apps;
  apps.portal.assignTo = "everyone";
  apps.team.trustedOrigins = [{ origin: "https://team.example.com" }];
  apps.bot = { type: "service", keys: [{ kid: "k1" }], apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN", "SUPER_ADMIN"], acknowledgeRoles: ["SUPER_ADMIN"] };
});

interface Case {
  readonly kind: RiskKind;
  readonly change: string;
  readonly before: StackConfig;
  readonly after: StackConfig;
  /** What the first risk's detail must say. */
  readonly says: RegExp;
  /** How many risks of the kind (default 1). */
  readonly count?: number;
  /** Other kinds the same change raises, by its nature (default none). */
  readonly also?: readonly RiskKind[];
  /** What the first risk's detail must not say. */
  readonly not?: RegExp;
}

const cases: Case[] = [
  {
    kind: "retarget",
    change: "a production stack's okta:orgName changes (acme → acme-corp)",
    before: production,
    after: edited(production, (c) => (c["okta:orgName"] = "acme-corp")),
    says: /Okta provider now manages the org https:\/\/acme-corp\.okta\.com \(was https:\/\/acme\.okta\.com\)\..*2 apps: `portal`, `team`.*creates every app, client secret, .* anew in https:\/\/acme-corp\.okta\.com.*In https:\/\/acme\.okta\.com nothing is deleted/,
  },
  {
    kind: "retarget",
    change: "okta:baseUrl changes (okta.com → oktapreview.com): another org",
    before: production,
    after: edited(production, (c) => (c["okta:baseUrl"] = "oktapreview.com")),
    says: /now manages the org https:\/\/acme\.oktapreview\.com \(was https:\/\/acme\.okta\.com\)/,
  },
  {
    kind: "retarget",
    change: "auth0:domain changes: one risk for the tenant, besides the grant's force-new audience",
    before: base,
    after: edited(base, (c) => (c["auth0:domain"] = "acme-eu.eu.auth0.com")),
    says: /Auth0 provider now manages the tenant acme-eu\.eu\.auth0\.com \(was acme\.us\.auth0\.com\)\..*1 app: `partner`.*creates every client, client secret, key credential and Management API grant anew/,
    also: ["replace"],
  },
  {
    kind: "replace",
    change: "the Auth0 tenant domain changes: the Management API grant's audience is force-new",
    before: base,
    after: edited(base, (c) => (c["auth0:domain"] = "acme-eu.eu.auth0.com")),
    says: /`audience` https:\/\/acme\.us\.auth0\.com\/api\/v2\/ → https:\/\/acme-eu\.eu\.auth0\.com\/api\/v2\//,
    also: ["retarget"],
  },
  {
    kind: "delete",
    change: "an app is removed",
    before: base,
    after: edited(base, (c) => delete c["oidc-apps:okta"].apps.portal),
    says: /`pulumi up` deletes it from the org and its client id stops working/,
  },
  {
    kind: "delete",
    change: "an app is renamed (a logical-name change)",
    before: base,
    after: edited(base, (c) => {
      c["oidc-apps:okta"].apps["customer-portal"] = c["oidc-apps:okta"].apps.portal;
      delete c["oidc-apps:okta"].apps.portal;
    }),
    says: /`customer-portal` is added in the same change: .*a new app with a new client id/,
  },
  {
    kind: "delete",
    change: "an app changes kind (web to browser): a new component, so a new app",
    before: base,
    after: edited(base, (c) => {
      const portal = c["oidc-apps:okta"].apps.portal;
      portal.type = "browser";
      delete portal.clientSecretVersion;
    }),
    says: /It is added again under oidc-apps:okta:BrowserApp::portal \(its kind changed\): that is a new app with a new client id/,
  },
  {
    kind: "revoke",
    change: "SUPER_ADMIN is removed from a production service app",
    before: productionPrivileged,
    after: edited(productionPrivileged, (c) => {
      c["oidc-apps:okta"].apps.bot.adminRoles = ["READ_ONLY_ADMIN"];
      delete c["oidc-apps:okta"].apps.bot.acknowledgeRoles;
    }),
    says: /^`bot` loses the Okta admin role SUPER_ADMIN \(it controlled the whole org\): `pulumi up` unassigns the role in the org\.$/,
  },
  {
    kind: "revoke",
    change: "a production app assigned to Everyone is assigned to nobody",
    before: productionPrivileged,
    after: edited(productionPrivileged, (c) => delete c["oidc-apps:okta"].apps.portal.assignTo),
    says: /^`portal` is no longer assigned to Everyone \(every user in the org\): `pulumi up` unassigns the group from the app in the org/,
  },
  {
    kind: "revoke",
    change: "a production trusted origin is removed",
    before: productionPrivileged,
    after: edited(productionPrivileged, (c) => delete c["oidc-apps:okta"].apps.team.trustedOrigins),
    says: /^the trusted origin https:\/\/team\.example\.com \(CORS, REDIRECT\) leaves the stack: `pulumi up` deletes it in the org: browser code served from it can no longer call Okta APIs \(CORS\); Okta no longer sends users to it/,
  },
  {
    kind: "revoke",
    change: "a group is removed from an app's assignment",
    before: edited(base, (c) => c["oidc-apps:okta"].apps.team.assignTo.groups.push("QA")),
    after: base,
    says: /^`team` is no longer assigned to the group `QA`: `pulumi up` unassigns the group/,
  },
  {
    kind: "revoke",
    change: "an Okta API scope is removed from an app",
    before: edited(base, (c) => c["oidc-apps:okta"].apps.cli.apiScopes.push("okta.groups.read")),
    after: base,
    says: /^`cli` loses Okta API scopes: okta\.groups\.read; `pulumi up` revokes them in the org \(kept: okta\.users\.read\)\.$/,
  },
  {
    kind: "revoke",
    change: "every Okta API scope of an app is removed: the grant leaves",
    before: base,
    after: edited(base, (c) => delete c["oidc-apps:okta"].apps.cli.apiScopes),
    says: /^`cli` loses every Okta API scope it was granted \(okta\.users\.read\): `pulumi up` revokes them in the org/,
  },
  {
    kind: "revoke",
    change: "an Auth0 Management API grant is removed",
    before: base,
    after: edited(base, (c) => {
      const partner = c["oidc-apps:auth0"].apps.partner;
      delete partner.managementApiScopes;
    }),
    says: /^`partner` loses its grant for https:\/\/acme\.us\.auth0\.com\/api\/v2\/ \(read:users\): `pulumi up` deletes the grant in the tenant/,
  },
  {
    kind: "protection-removed",
    change: "a production stack becomes staging",
    before: production,
    after: edited(production, (c) => (c["oidc-apps:environment"] = "staging")),
    says: /loses `protect`/,
    // The web app and the browser app: nothing else is protected or retained (assignments are revocable;
    // generated secrets and keys are never protected: replacing them is a rotation).
    count: 2,
  },
  {
    kind: "secret-rotated",
    change: "clientSecretVersion is bumped",
    before: base,
    after: edited(base, (c) => (c["oidc-apps:okta"].apps.portal.clientSecretVersion = 2)),
    says: /client secret of oidc-apps:okta:WebApp::portal is generated again because `keepers\.clientSecretVersion` 1 → 2, set on okta:app\/oAuth:OAuth::portal/,
  },
  {
    kind: "secret-rotated",
    change: "a signing key is added to a service app, not active (rotation step 1)",
    before: base,
    after: edited(base, (c) => c["oidc-apps:okta"].apps.bot.keys.unshift({ kid: "k0", active: false })),
    says: /^signing keys of `bot`: key `k0` is added, not active: the org accepts assertions signed with it after the apply, and clients keep signing with `k1`; roll `privateKeys\.k0` out to the clients, then make it active\.$/,
  },
  {
    kind: "secret-rotated",
    change: "a second key is added last without `active`: it is the active key at once",
    before: base,
    after: edited(base, (c) => c["oidc-apps:okta"].apps.bot.keys.push({ kid: "k2" })),
    says: /^signing keys of `bot`: key `k2` is added and is the active key at once \(`activeKeyId` `k1` → `k2`\): .*`k1` stays accepted.*give it `active: false` first/,
    not: /roll .* out before/,
  },
  {
    kind: "secret-rotated",
    change: "the active key switches to a key the app already has (rotation step 2)",
    before: edited(base, (c) => c["oidc-apps:okta"].apps.bot.keys.push({ kid: "k2", active: false })),
    after: edited(base, (c) => c["oidc-apps:okta"].apps.bot.keys.push({ kid: "k2", active: true })),
    says: /^signing keys of `bot`: the active key switches from `k1` to `k2`: `activeKeyId` and every handoff change with this apply, so give the clients `privateKeys\.k2` now; `k1` is still accepted until it is removed from `keys`\.$/,
  },
  {
    kind: "secret-rotated",
    change: "a signing key that is not active is removed (rotation step 3)",
    before: edited(base, (c) => c["oidc-apps:okta"].apps.bot.keys.unshift({ kid: "k0", active: false })),
    after: base,
    says: /^signing keys of `bot`: key `k0` is removed and its private key is deleted from the state: the org refuses assertions signed with it after the apply/,
  },
  {
    kind: "secret-rotated",
    change: "the active key is removed",
    before: edited(base, (c) => c["oidc-apps:okta"].apps.bot.keys.push({ kid: "k2" })),
    after: base,
    says: /^signing keys of `bot`: the active key `k2` is removed and its private key is deleted from the state: clients still signing with it are refused right after the apply, and `k1` becomes the active key/,
  },
  {
    kind: "secret-rotated",
    change: "a brought public key is added to a service app",
    before: withBrought,
    after: edited(withBrought, (c) => c["oidc-apps:okta"].apps.sync.keys.unshift({ kid: "b", publicKey: publicB, active: false })),
    says: /^signing keys of `sync`: key `b` is added, not active: .*roll its private key \(brought: it is not in Pulumi\) out/,
  },
  {
    kind: "secret-rotated",
    change: "a brought key is replaced under its kid",
    before: withBrought,
    after: edited(withBrought, (c) => (c["oidc-apps:okta"].apps.sync.keys[0].publicKey = publicB)),
    says: /^signing keys of `sync`: the public key of `a` changes: assertions signed with its old private key are refused after the apply\.$/,
  },
  {
    kind: "role-added",
    change: "a service app gains an admin role",
    before: base,
    after: edited(base, (c) => c["oidc-apps:okta"].apps.bot.adminRoles.push("GROUP_MEMBERSHIP_ADMIN")),
    says: /oidc-apps:okta:ServiceApp::bot gets the Okta admin role GROUP_MEMBERSHIP_ADMIN\./,
  },
  {
    kind: "role-added",
    change: "a service app gains the super-admin role",
    before: base,
    after: edited(base, (c) => {
      c["oidc-apps:okta"].apps.bot.adminRoles.push("SUPER_ADMIN");
      c["oidc-apps:okta"].apps.bot.acknowledgeRoles = ["SUPER_ADMIN"];
    }),
    says: /SUPER_ADMIN: it controls the whole org/,
  },
  {
    kind: "scope-widened",
    change: "a scope moves from read to manage",
    before: base,
    after: edited(base, (c) => (c["oidc-apps:okta"].apps.cli.apiScopes = ["okta.users.manage"])),
    says: /newly grants Okta API scopes: okta\.users\.manage \(was okta\.users\.read\)/,
  },
  {
    kind: "scope-widened",
    change: "an Auth0 Management API scope is added",
    before: base,
    after: edited(base, (c) => c["oidc-apps:auth0"].apps.partner.managementApiScopes.push("delete:users")),
    says: /scopes for https:\/\/acme\.us\.auth0\.com\/api\/v2\/: delete:users/,
  },
  {
    kind: "assignment-widened",
    change: "an app nobody was assigned to is assigned to Everyone",
    before: base,
    after: edited(base, (c) => (c["oidc-apps:okta"].apps.portal.assignTo = "everyone")),
    // The new assignment names Everyone; the stack's new Everyone lookup is explained by it, so it is not a
    // second risk.
    says: /^oidc-apps:okta:WebApp::portal is newly assigned to Everyone \(every user in the org\)\.$/,
  },
  {
    kind: "assignment-widened",
    change: "an app nobody was assigned to is assigned to groups",
    before: base,
    after: edited(base, (c) => (c["oidc-apps:okta"].apps.portal.assignTo = { groups: ["Support", "Finance Team"] })),
    // Named as the stack file writes them, not by their resource-name slugs (`support`, `finance-team`).
    says: /^oidc-apps:okta:WebApp::portal is newly assigned to the group `Support`\.$/,
    count: 2,
  },
  {
    kind: "assignment-widened",
    change: "a group is added to an app's assignment",
    before: base,
    after: edited(base, (c) => c["oidc-apps:okta"].apps.team.assignTo.groups.push("QA")),
    says: /^oidc-apps:okta:BrowserApp::team is newly assigned to the group `QA`\.$/,
  },
  {
    kind: "assignment-widened",
    change: "an app assigned to one group is assigned to Everyone instead",
    before: base,
    after: edited(base, (c) => (c["oidc-apps:okta"].apps.team.assignTo = "everyone")),
    // One assignment resource per group names the group: the switch shows even when another app already
    // uses Everyone (the next case). The group it replaces is named, and nobody loses access: no revoke.
    says: /^oidc-apps:okta:BrowserApp::team is newly assigned to Everyone \(every user in the org\), instead of the group `Support`\.$/,
  },
  {
    kind: "assignment-widened",
    change: "an app switches from a group to Everyone while another app already uses Everyone",
    before: edited(base, (c) => (c["oidc-apps:okta"].apps.portal.assignTo = "everyone")),
    after: edited(base, (c) => {
      c["oidc-apps:okta"].apps.portal.assignTo = "everyone";
      c["oidc-apps:okta"].apps.team.assignTo = "everyone";
    }),
    says: /oidc-apps:okta:BrowserApp::team is newly assigned to Everyone \(every user in the org\), instead of the group `Support`/,
  },
  {
    kind: "redirect-added",
    change: "a redirect URI is added",
    before: base,
    after: edited(base, (c) => c["oidc-apps:okta"].apps.portal.redirectUris.push("https://portal.example.net/cb")),
    says: /`redirectUris` \+ https:\/\/portal\.example\.net\/cb/,
  },
  {
    kind: "redirect-added",
    change: "an Auth0 callback is added",
    before: base,
    after: edited(base, (c) => c["oidc-apps:auth0"].apps.partner.callbacks.push("https://partner.example.org/callback")),
    says: /`callbacks` \+ https:\/\/partner\.example\.org\/callback/,
  },
  {
    kind: "redirect-added",
    change: "a trusted origin is added",
    before: base,
    after: edited(base, (c) => (c["oidc-apps:okta"].apps.team.trustedOrigins = [{ origin: "https://team.example.com" }])),
    says: /trusted origin https:\/\/team\.example\.com with the REDIRECT scope \(Okta may send users to it after sign-in, sign-out and recovery\)/,
  },
  {
    kind: "redirect-added",
    change: "a trusted origin is added for iframe embedding only: named IFRAME_EMBED, not REDIRECT",
    before: base,
    after: edited(base, (c) => (c["oidc-apps:okta"].apps.team.trustedOrigins = [{ origin: "https://team.example.com", scopes: ["IFRAME_EMBED"] }])),
    says: /trusted origin https:\/\/team\.example\.com with the IFRAME_EMBED scope \(its pages may embed Okta pages \(the sign-in page, the dashboard\) in an iframe\)/,
    not: /REDIRECT/,
  },
];

const kinds = (d: Diff) => [...new Set(d.risks.map((r) => r.kind))];

describe("risk notes", () => {
  it("every kind has a case", () => {
    expect([...new Set(cases.map((c) => c.kind))].sort()).toEqual([...RISK_KINDS].sort());
  });

  for (const c of cases) {
    it(`${c.kind}: ${c.change}, and nothing else`, async () => {
      // One render at a time: the Pulumi runtime is process-wide.
      const before = await render(c.before);
      const after = await render(c.after);
      const diff = diffPlans(before, after);
      expect([...kinds(diff)].sort()).toEqual([c.kind, ...(c.also ?? [])].sort());
      const own = diff.risks.filter((r) => r.kind === c.kind);
      expect(own).toHaveLength(c.count ?? 1);
      expect(own[0]!.detail).toMatch(c.says);
      if (c.not) expect(own[0]!.detail).not.toMatch(c.not);
      // Re-rendering either side unchanged: nothing at all.
      for (const config of [c.before, c.after]) {
        const a = await render(config);
        const b = await render(config);
        expect(isEmptyDiff(diffPlans(a, b))).toBe(true);
      }
    });
  }

  it("a rename: the old app is removed, the new one added with the new-client-id note, and nothing else is flagged", async () => {
    const renamed = cases.find((c) => c.change.includes("renamed"))!;
    const diff = diffPlans(await render(renamed.before), await render(renamed.after));
    const app = diff.added.find((r) => r.resource === "okta:app/oAuth:OAuth::customer-portal")!;
    expect(app.note).toMatch(/takes over from okta:app\/oAuth:OAuth::portal .*gets a new client id/);
    expect(diff.removed.map((r) => r.resource)).toEqual(["oidc-apps:okta:WebApp::portal", "random:index/randomPassword:RandomPassword::portal-client-secret", "okta:app/oAuth:OAuth::portal"]);
    expect(diff.risks.map((r) => r.resource)).toEqual(["okta:app/oAuth:OAuth::portal"]);
  });

  it("a rotated secret is '[secret]' on both sides and only said to have changed", async () => {
    const rotation = cases.find((c) => c.change.includes("clientSecretVersion"))!;
    const diff = diffPlans(await render(rotation.before), await render(rotation.after));
    expect(diff.changed).toEqual([
      { resource: "random:index/randomPassword:RandomPassword::portal-client-secret", properties: [{ path: "keepers.clientSecretVersion", before: "1", after: "2", replaces: true }] },
      { resource: "okta:app/oAuth:OAuth::portal", properties: [{ path: "clientBasicSecret", before: "[secret]", after: "[secret]" }] },
    ]);
  });

  it("a protected app: deleting or replacing it says pulumi up refuses; a retained one says it stays in the org", async () => {
    const diff = diffPlans(await render(production), await render(edited(production, (c) => delete c["oidc-apps:okta"].apps.portal)));
    expect(diff.risks).toHaveLength(1);
    // The engine checks protect before retainOnDelete (step.go DeleteStep.Apply): the preview fails first.
    expect(diff.risks[0]!.detail).toMatch(/it is protected, so `pulumi preview` and `pulumi up` fail \("cannot be deleted because it is protected"\) until `pulumi state unprotect '<urn>'`/);
    expect(diff.risks[0]!.detail).toMatch(/retained on delete, it stays in the org/);
    const rotated = diffPlans(await render(production), await render(edited(production, (c) => (c["oidc-apps:okta"].apps.portal.clientSecretVersion = 2))));
    expect(rotated.risks.map((r) => r.kind)).toEqual(["secret-rotated"]);
    // The secret itself is not protected, so the rotation goes through without unprotecting anything.
    expect(rotated.risks[0]!.detail).not.toMatch(/unprotect/);
  });

  it("a new app is compared with nothing: its scopes, roles, assignment and redirect URIs are flagged", async () => {
    const after = edited(base, (c) => {
      c["oidc-apps:okta"].apps.ops = { type: "service", keys: [{ kid: "o1" }], apiScopes: ["okta.apps.manage"], adminRoles: ["APP_ADMIN"] };
      c["oidc-apps:okta"].apps.wiki = { type: "web", redirectUris: ["https://wiki.example.com/cb"], assignTo: "everyone" };
    });
    const diff = diffPlans(await render(base), await render(after));
    expect(kinds(diff)).toEqual(["role-added", "scope-widened", "assignment-widened", "redirect-added"]);
    expect(diff.added.filter((r) => r.note).map((r) => [r.resource, r.note])).toEqual([
      ["okta:app/oAuth:OAuth::ops", "a new app: the org assigns it a new client id on create."],
      ["okta:app/oAuth:OAuth::wiki", "a new app: the org assigns it a new client id on create."],
    ]);
  });

  it("re-rendering the shipped stacks gives an empty diff", async () => {
    for (const name of ["dev", "staging", "prod"]) {
      const a = await planOfFile(`stacks/Pulumi.${name}.yaml`, name);
      const b = await planOfFile(`stacks/Pulumi.${name}.yaml`, name);
      const diff = diffPlans(a, b);
      expect(diff).toEqual({ stack: name, added: [], removed: [], changed: [], risks: [], lookups: { added: [], removed: [] }, outputs: [], notes: [], warnings: [] });
    }
  });
});
