/**
 * Canaries: secret values planted in config marked secret (as `pulumi config set --secret` leaves them), and
 * different on the two sides, never appear in any form of the diff; nor does a value on one side of a leaf
 * whose other side is a secret.
 */
import { describe, expect, it } from "vitest";
import { readStackFileText } from "../../../config/stack-file";
import { diffMarkdown, diffPlans, diffText, type Diff } from "../../../plan/diff";
import { runPlan } from "../../../plan/run";
import { planOf } from "./support";
import { auth0Apps, AUTH0_TENANT, edited, oktaConfig, stackYaml } from "../../support/stacks";

const CANARY = {
  baseToken: "CANARY-base-api-token-41f2",
  headToken: "CANARY-head-api-token-9a0c",
  baseKey: "CANARY-base-private-key-77de",
  headKey: "CANARY-head-private-key-13b5",
  baseAuth0: "CANARY-base-auth0-secret-c3e1",
  headAuth0: "CANARY-head-auth0-secret-58aa",
  plain: "CANARY-was-secret-now-plain-0d4e",
};

const apps = {
  portal: { type: "web", redirectUris: ["https://portal.example.com/cb"], assignTo: "everyone", clientSecretVersion: 1 },
  bot: { type: "service", keys: [{ kid: "k1" }], apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] },
};
const auth0 = { ...AUTH0_TENANT, ...auth0Apps({ partner: { type: "regular_web", callbacks: ["https://partner.example.com/cb"], grantTypes: ["authorization_code", "client_credentials"], managementApiScopes: ["read:users"] } }) };

async function renderWithSecrets(config: Record<string, unknown>, secrets: Record<string, string>) {
  const file = readStackFileText(stackYaml(config));
  const secretKeys = new Set([...file.secretKeys, ...Object.keys(secrets)]);
  return runPlan({ stack: "canary", config: { ...file.config, ...secrets }, secretKeys });
}

function forms(diff: Diff): string[] {
  return [JSON.stringify(diff), diffText(diff), diffMarkdown(diff)];
}

function assertClean(text: string) {
  for (const value of Object.values(CANARY)) expect(text).not.toContain(value);
}

describe("secrets never appear in a diff", () => {
  it("provider credentials from secret config, different on each side, with rotations and widenings around them", async () => {
    const base = oktaConfig(apps, auth0);
    const head = edited(base, (c) => {
      c["oidc-apps:okta"].apps.portal.clientSecretVersion = 2;
      c["oidc-apps:okta"].apps.bot.keys.push({ kid: "k2", active: false });
      c["oidc-apps:auth0"].apps.partner.clientSecretVersion = 2;
    });
    const before = await renderWithSecrets(base, { "okta:apiToken": CANARY.baseToken, "okta:privateKey": CANARY.baseKey, "auth0:clientSecret": CANARY.baseAuth0 });
    const after = await renderWithSecrets(head, { "okta:apiToken": CANARY.headToken, "okta:privateKey": CANARY.headKey, "auth0:clientSecret": CANARY.headAuth0 });
    expect(before.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const diff = diffPlans(before, after);
    expect(diff.risks.map((r) => r.kind)).toEqual(["secret-rotated", "secret-rotated", "secret-rotated"]);
    for (const text of forms(diff)) assertClean(text);
    // The credentials changed, but both sides are secrets: nothing to show, not even that they changed.
    expect(diff.changed.find((c) => c.resource === "pulumi:providers:okta::okta")).toBeUndefined();
  });

  it("a value that is secret on one side only is '[secret]' on both", () => {
    const r = { type: "okta:app/oAuth:OAuth", name: "a" };
    for (const [was, now] of [
      ["[secret]", CANARY.plain],
      [CANARY.plain, "[secret]"],
      [{ nested: CANARY.plain }, "[secret]"],
    ] as const) {
      const diff = diffPlans(planOf([{ ...r, inputs: { clientBasicSecret: was } }]), planOf([{ ...r, inputs: { clientBasicSecret: now } }]));
      expect(diff.changed).toEqual([{ resource: "okta:app/oAuth:OAuth::a", properties: [{ path: "clientBasicSecret", before: "[secret]", after: "[secret]" }] }]);
      for (const text of forms(diff)) assertClean(text);
    }
    // Inside an array (compared whole), position by position.
    const inArray = diffPlans(planOf([{ ...r, inputs: { jwks: ["[secret]", { k: "[secret]" }, "same"] } }]), planOf([{ ...r, inputs: { jwks: [CANARY.plain, { k: CANARY.plain }, "same", "new"] } }]));
    expect(inArray.changed[0]!.properties).toEqual([{ path: "jwks", before: ["[secret]", { k: "[secret]" }, "same"], after: ["[secret]", { k: "[secret]" }, "same", "new"] }]);
    for (const text of forms(inArray)) assertClean(text);
    const outputs = diffPlans(planOf([], { outputs: { okta: { a: { clientSecret: "[secret]" } } } }), planOf([], { outputs: { okta: { a: { clientSecret: CANARY.plain } } } }));
    expect(outputs.outputs).toEqual([{ path: "okta.a.clientSecret", before: "[secret]", after: "[secret]" }]);
    for (const text of forms(outputs)) assertClean(text);
  });
});
