/**
 * Canaries: known secret values planted where credentials enter (provider credentials in config, values
 * providers compute on apply) must never appear in plan text, plan JSON, non-secret outputs or messages.
 */
import { generateKeyPairSync } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import main from "../../program/index";
import { readStackFileText } from "../../config/stack-file";
import { capture } from "../../plan/capture";
import { runPlan } from "../../plan/run";
import { planText } from "../../plan/text";
import { resolveOutput } from "../../plan/values";
import { oktaStack } from "../support/stacks";

const CANARY = {
  apiToken: "CANARY-api-token-7d1e",
  privateKey: "CANARY-private-key-02bc",
  clientSecret: "CANARY-client-secret-91aa",
  random: "CANARY-random-result-5c3f",
};

const apps = {
  portal: { type: "web", redirectUris: ["https://portal.example.com/cb"], assignTo: "everyone" },
  spa: { type: "browser", redirectUris: ["https://spa.example.com/cb"] },
  bot: { type: "service", keys: [{ kid: "k1" }], apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] },
  legacy: { type: "service", clientAuth: "client_secret_basic" },
};

/** A real key pair standing in for what the tls provider generates: its private body is a canary too. */
const pair = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs8", format: "pem" } });
const privateBody = pair.privateKey.split("\n").filter((l) => l && !l.startsWith("-----"));

function config() {
  const file = readStackFileText(oktaStack(apps));
  // As `pulumi config set --secret` would leave them: values present, keys marked secret.
  const config = { ...file.config, "okta:apiToken": CANARY.apiToken, "okta:privateKey": CANARY.privateKey };
  return { config, secretKeys: new Set(["okta:apiToken", "okta:privateKey"]) };
}

function assertClean(text: string) {
  for (const value of Object.values(CANARY)) expect(text).not.toContain(value);
  for (const line of privateBody) expect(text).not.toContain(line);
}

describe("secrets never appear in clear text", () => {
  it("in the plan, text and JSON, with provider credentials from secret config", async () => {
    const { config: cfg, secretKeys } = config();
    const plan = await runPlan({ stack: "canary", config: cfg, secretKeys });
    expect(plan.diagnostics).toEqual([]);
    const provider = plan.resources.find((r) => r.type === "pulumi:providers:okta")!;
    expect(provider.inputs).toMatchObject({ apiToken: "[secret]", privateKey: "[secret]" });
    assertClean(JSON.stringify(plan));
    assertClean(planText(plan, "stacks/Pulumi.canary.yaml"));
  });

  it("in outputs, when the provider returns real values on apply", async () => {
    const { config: cfg, secretKeys } = config();
    const run = await capture(
      {
        project: "oidc-apps",
        stack: "canary",
        config: cfg,
        secretKeys,
        computed: (type) =>
          type === "okta:app/oAuth:OAuth"
            ? { clientId: "0oa-visible", clientSecret: CANARY.clientSecret }
            : type === "random:index/randomPassword:RandomPassword"
              ? { result: CANARY.random }
              : type === "tls:index/privateKey:PrivateKey"
                ? { privateKeyPemPkcs8: pair.privateKey, privateKeyPem: pair.privateKey, publicKeyPem: pair.publicKey }
                : undefined,
      },
      () => main({ secretKeys, onDiagnostics: () => undefined }),
    );
    if (!run.result.ok) throw run.result.error;
    const outputs = run.result.value;
    const portal = outputs.okta!["portal"]!;
    expect(await pulumi.isSecret(portal.clientSecret!)).toBe(true);
    expect(await pulumi.isSecret(outputs.okta!["legacy"]!.clientSecret!)).toBe(true);
    const key = outputs.okta!["bot"]!.privateKeys!["k1"]!;
    expect([await pulumi.isSecret(key.pem), await pulumi.isSecret(key.jwk)]).toEqual([true, true]);
    const rendered = JSON.stringify(await resolveOutput(outputs));
    assertClean(rendered);
    expect(rendered).toContain("0oa-visible"); // the non-secret parts stay readable
    expect(rendered).toContain('"jwks":[{"e":"AQAB"'); // the public JWKS is not a secret
    assertClean(JSON.stringify(run.resources));
  });

  it("in error messages, even when a credential is pasted into the stack file in clear text", async () => {
    const file = readStackFileText(oktaStack(apps, { "okta:apiToken": CANARY.apiToken }));
    const plan = await runPlan({ stack: "canary", config: file.config, secretKeys: file.secretKeys });
    expect(plan.diagnostics.map((d) => d.code)).toEqual(["CONFIG_CLEARTEXT_CREDENTIAL"]);
    assertClean(JSON.stringify(plan));
    assertClean(planText(plan, "stacks/Pulumi.canary.yaml"));
  });
});
