/**
 * What verify decides without the network: which checks each app gets from the stack file and the outputs,
 * what it skips (and why), what it fails on the inputs alone; the outputs parser; the redaction safety net.
 */
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadStack } from "../../recipes/load-stack";
import type { StackModel } from "../../config/model";
import { parseOutputs, type StackOutputsJson } from "../../verify/outputs";
import { printable } from "../../verify/printable";
import { credentialsOf, redact, Redactor, secretsOf } from "../../verify/redact";
import { planTargets, type PlannedCheck } from "../../verify/targets";
import { keyPair, loadModel, outputsOf, RECIPE_STACK_YAML } from "./fixture";
import { auth0Apps, AUTH0_TENANT, environment, oktaApps, ORG_NAME, readStack, stackConfig, stackYaml } from "../support/stacks";

const ISSUER = "https://acme.okta.com";

function model(okta: Record<string, unknown>, auth0?: Record<string, unknown>): StackModel {
  const file = readStack(stackYaml(stackConfig({ "okta:orgName": ORG_NAME }, environment(), oktaApps(okta), auth0 ? { ...AUTH0_TENANT, ...auth0Apps(auth0) } : {})));
  const { model: m, diagnostics } = loadStack(file);
  if (!m) throw new Error(JSON.stringify(diagnostics));
  return m;
}

/** The planned checks in a compact form: [check, kind, subject or message]. */
function summary(checks: readonly PlannedCheck[]): [string, string, string?][] {
  return checks.map((c) => (c.kind === "run" ? [c.spec.check, "run", c.spec.check === "authorization-request" ? c.spec.redirectUri : undefined] : [c.check, c.kind, c.message]));
}

const webOut = { type: "web", clientId: "0oa1", clientSecret: "s".repeat(64), issuer: ISSUER };

describe("planTargets", () => {
  it("sorts apps by provider, then name, whatever the order in the stack file and outputs", () => {
    const m = model({ zeta: { type: "web", redirectUris: ["https://z.example.com/cb"] }, alpha: { type: "web", redirectUris: ["https://a.example.com/cb"] } }, { mid: { type: "regular_web", callbacks: ["https://m.example.com/cb"] } });
    const outputs: StackOutputsJson = {
      okta: { zeta: webOut, alpha: webOut },
      auth0: { mid: { type: "regular_web", domain: "acme.us.auth0.com", clientId: "c", clientSecret: "x".repeat(64), issuer: "https://acme.us.auth0.com/" } },
    };
    expect(planTargets(m, outputs).map((t) => `${t.provider}/${t.name}`)).toEqual(["auth0/mid", "okta/alpha", "okta/zeta"]);
  });

  it("checks every redirect URI of an authorization-code app, and skips a wildcard one", () => {
    const m = model({ portal: { type: "web", wildcardRedirect: "subdomain", redirectUris: ["https://*.example.com/cb", "https://portal.example.com/cb"] } });
    const [portal] = planTargets(m, { okta: { portal: webOut } });
    expect(summary(portal!.checks)).toEqual([
      ["discovery", "run", undefined],
      ["authorization-request", "skip", "a wildcard redirect URI cannot be sent as is"],
      ["authorization-request", "run", "https://portal.example.com/cb"],
    ]);
  });

  it("service apps: signs with the active key's PEM; skips a brought key and an app without scopes", () => {
    const publicKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ type: "spki", format: "pem" }).toString();
    const m = model({
      bot: { type: "service", keys: [{ kid: "old" }, { kid: "new", active: true }], apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] },
      byo: { type: "service", keys: [{ kid: "mine", publicKey }], apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] },
      idle: { type: "service", keys: [{ kid: "k" }] },
    });
    const service = (activeKeyId: string, kids: string[]) => ({
      type: "service",
      clientId: "0oa",
      issuer: ISSUER,
      activeKeyId,
      privateKeys: Object.fromEntries(kids.map((k) => [k, { pem: `PEM-${k}`, jwk: "{}" }])),
    });
    const targets = planTargets(m, { okta: { bot: service("new", ["old", "new"]), byo: service("mine", []), idle: service("k", ["k"]) } });
    const bot = targets.find((t) => t.name === "bot")!.checks[1]!;
    expect(bot).toMatchObject({ kind: "run", spec: { check: "client-credentials", scopes: ["okta.users.read"], auth: { method: "private_key_jwt", kid: "new", pem: "PEM-new", audience: "token_endpoint" } } });
    expect(summary(targets.find((t) => t.name === "byo")!.checks)[1]).toEqual([
      "client-credentials",
      "skip",
      "the active key mine was brought: its private half is not in the outputs, so verify cannot sign with it",
    ]);
    expect(summary(targets.find((t) => t.name === "idle")!.checks)[1]).toEqual(["client-credentials", "skip", "the app has no apiScopes, so there is no token to ask the org authorization server for"]);
  });

  it("native apps with the device grant get a device-authorization check as public clients", () => {
    const m = model({ cli: { type: "native", grantTypes: ["authorization_code", "device_code"], redirectUris: ["com.okta.acme:/cb"], apiScopes: ["okta.users.read"] } });
    const [cli] = planTargets(m, { okta: { cli: { type: "native", clientId: "0oa", issuer: ISSUER } } });
    expect(cli!.checks.at(-1)).toEqual({ kind: "run", spec: { check: "device-authorization", scopes: ["openid", "okta.users.read"], auth: { method: "none" } } });
  });

  it("Auth0: the Management API check uses the tenant's audience; a private-key-JWT app is skipped", () => {
    const m = model(
      {},
      {
        secret: { type: "regular_web", callbacks: ["https://a.example.com/cb"], grantTypes: ["authorization_code", "client_credentials"], managementApiScopes: ["read:users"] },
        signed: { type: "regular_web", callbacks: ["https://b.example.com/cb"], grantTypes: ["authorization_code", "client_credentials"], clientAuth: "private_key_jwt", keys: [{ kid: "a0" }], managementApiScopes: ["read:users"] },
      },
    );
    const out = { type: "regular_web", domain: "acme.us.auth0.com", clientId: "c", clientSecret: "x".repeat(64), issuer: "https://acme.us.auth0.com/" };
    const [secret, signed] = planTargets(m, { auth0: { secret: out, signed: { ...out, clientSecret: undefined } } });
    expect(secret!.checks.at(-1)).toMatchObject({ kind: "run", spec: { check: "management-api", audience: "https://acme.us.auth0.com/api/v2/", scopes: ["read:users"], auth: { method: "client_secret_post" } } });
    expect(signed!.checks.at(-1)).toMatchObject({ kind: "skip", check: "management-api" });
  });

  it("an Auth0 app whose outputs name another issuer than https://<auth0:domain>/ gets no check that sends anything", () => {
    const m = model({}, { portal: { type: "regular_web", callbacks: ["https://p.example.com/cb"], grantTypes: ["authorization_code", "client_credentials"], managementApiScopes: ["read:users"] } });
    const out = (issuer: string) => ({ auth0: { portal: { type: "regular_web", domain: "acme.us.auth0.com", clientId: "c", clientSecret: "x".repeat(64), issuer } } });
    for (const issuer of ["https://evil.example.com/", "http://acme.us.auth0.com/", "https://acme.us.auth0.com.evil.example.com/", "https://acme.us.auth0.com@evil.example.com/", "https://acme.us.auth0.com/tenant/", "not a url"]) {
      expect(summary(planTargets(m, out(issuer))[0]!.checks)).toEqual([
        ["outputs", "fail", `the outputs' issuer ${issuer} is not https://acme.us.auth0.com/, the issuer of the stack file's auth0:domain: outputs edited or of another stack? Nothing sent`],
      ]);
    }
    // The same issuer, written with or without the slash, in any case: the checks are planned.
    for (const issuer of ["https://acme.us.auth0.com/", "https://acme.us.auth0.com", "https://ACME.us.auth0.com/"]) {
      expect(summary(planTargets(m, out(issuer))[0]!.checks).map((c) => c[0])).toEqual(["discovery", "authorization-request", "management-api"]);
    }
  });

  it("fails on the inputs alone: an app on one side only, outputs of another org", () => {
    const m = model({ portal: { type: "web", redirectUris: ["https://p.example.com/cb"] }, cli: { type: "native", grantTypes: ["authorization_code", "device_code"], redirectUris: ["com.okta.acme:/cb"] } });
    const targets = planTargets(m, {
      okta: {
        portal: { ...webOut, issuer: "https://other.okta.com" },
        ghost: webOut,
      },
    });
    const byName = (n: string) => summary(targets.find((t) => t.name === n)!.checks);
    expect(byName("cli")).toEqual([["outputs", "fail", "in the stack file but not in the stack outputs: run `pulumi up`, or pass the outputs of this stack"]]);
    expect(byName("ghost")).toEqual([["outputs", "fail", "in the stack outputs but not in the stack file: pass the stack file this stack was applied from"]]);
    expect(byName("portal")).toEqual([["outputs", "fail", "the outputs' issuer https://other.okta.com is not the stack file's org https://acme.okta.com: outputs of another stack? Nothing sent"]]);
  });
});

describe("planTargets for recipe apps", () => {
  const recipes = loadModel(RECIPE_STACK_YAML);
  const outputs = outputsOf(recipes, { "okta-mcp": keyPair("okta-mcp-1") });
  const byName = (m: StackModel, name: string) => planTargets(m, outputs).find((t) => t.name === name)!.checks;

  it("plans each flow a consumer uses as the consumer's request; other flows and apps keep their own", () => {
    const mcp = byName(recipes, "okta-mcp")[1]!;
    expect(mcp).toMatchObject({
      kind: "run",
      spec: {
        check: "client-credentials",
        scopes: ["okta.users.read", "okta.groups.read"],
        auth: { method: "private_key_jwt", kid: "okta-mcp-1", audience: "token_endpoint", algs: ["RS256"] },
        consumer: { recipe: "okta-mcp", product: "the Okta MCP server", checkedAgainst: "okta/okta-mcp-server v1.1.4", flow: "client_credentials", signingAlgs: ["RS256"] },
      },
    });
    const device = byName(recipes, "okta-mcp-device");
    // The native app's redirect URI is checked as before; the device request is the server's.
    expect(device[1]).toEqual({ kind: "run", spec: { check: "authorization-request", redirectUri: "com.okta.acme:/callback", scopes: ["openid"] } });
    expect(device[2]).toMatchObject({ kind: "run", spec: { check: "device-authorization", scopes: ["openid", "profile", "email", "offline_access", "okta.users.read", "okta.logs.read"], auth: { method: "none" }, consumer: { recipe: "okta-mcp-device" } } });
    expect(byName(recipes, "frontegg")[1]).toMatchObject({ kind: "run", spec: { check: "authorization-request", redirectUri: "https://gateway.example.com/integration-callback", scopes: expect.arrayContaining(["openid", "okta.users.read", "okta.logs.read"]), consumer: { recipe: "frontegg", flow: "authorization_code" } } });
    expect(byName(recipes, "frontegg-auth0")[2]).toMatchObject({ kind: "run", spec: { check: "management-api", audience: "https://acme.us.auth0.com/api/v2/", scopes: ["read:users", "read:logs"], consumer: { recipe: "frontegg-auth0" } } });
    // No recipe made portal: nothing changes for it.
    expect(byName(recipes, "portal")).toEqual([
      { kind: "run", spec: { check: "discovery" } },
      { kind: "run", spec: { check: "authorization-request", redirectUri: "https://portal.example.com/authorization-code/callback", scopes: ["openid"] } },
    ]);
  });

  it("a consumer request the app has no grant for fails on the inputs, naming the product", () => {
    const m: StackModel = {
      ...recipes,
      recipes: recipes.recipes.map((r) => (r.instance !== "frontegg" ? r : { ...r, consumer: { ...r.consumer, requests: [...r.consumer.requests, { provider: "okta", app: "frontegg", flow: "device_authorization", scopes: ["openid"] }] } })),
    };
    const checks = byName(m, "frontegg");
    expect(checks.map((c) => (c.kind === "run" ? c.spec.check : c.check))).toEqual(["discovery", "authorization-request", "device-authorization"]);
    expect(checks[2]).toMatchObject({ kind: "fail", message: "Frontegg uses the device_code grant, but the stack file does not give this web app that grant", consumer: { recipe: "frontegg", flow: "device_authorization" } });
  });

  it("a consumer's request to a service app whose active key was brought is skipped, with the consumer", () => {
    const publicKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    const brought = loadModel(RECIPE_STACK_YAML.replace("mode: private_key_jwt", `mode: private_key_jwt\n      keys:\n        - kid: mine\n          publicKey: ${JSON.stringify(publicKey)}`));
    const out = { ...outputs, okta: { ...outputs.okta, "okta-mcp": { ...outputs.okta!["okta-mcp"]!, activeKeyId: "mine", privateKeys: {} } } };
    expect(planTargets(brought, out).find((t) => t.name === "okta-mcp")!.checks[1]).toMatchObject({
      kind: "skip",
      check: "client-credentials",
      message: "the active key mine was brought: its private half is not in the outputs, so verify cannot sign with it",
      consumer: { recipe: "okta-mcp" },
    });
  });
});

describe("parseOutputs", () => {
  it("reports the path and the expected type, never the value", () => {
    const result = parseOutputs(JSON.stringify({ okta: { bot: { type: "service", clientId: "0oa", issuer: ISSUER, clientSecret: 1234567890 } } }));
    expect(result).toEqual({ ok: false, message: "the stack outputs do not have the expected shape: okta.bot.clientSecret: expected string" });
  });

  it("accepts keys it does not use (handoffs, future outputs)", () => {
    expect(parseOutputs(JSON.stringify({ environment: "development", handoffs: { x: 1 }, okta: { a: { ...webOut, extra: true } } })).ok).toBe(true);
  });
});

describe("redact", () => {
  it("removes every credential from the outputs, PEM lines and private JWK members included, and JWTs", () => {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const jwk = JSON.stringify(privateKey.export({ format: "jwk" }));
    const d = (JSON.parse(jwk) as { d: string }).d;
    const outputs: StackOutputsJson = {
      okta: { bot: { type: "service", clientId: "0oa", issuer: ISSUER, clientSecret: "okta-secret-123456", privateKeys: { k: { pem, jwk } } } },
      auth0: { a: { type: "regular_web", domain: "d", clientId: "c", issuer: "https://d/", clientSecret: "auth0-secret-abcdef" } },
    };
    const secrets = secretsOf(outputs);
    const pemLine = pem.split("\n")[1]!;
    const text = `echo okta-secret-123456 / auth0-secret-abcdef / ${pemLine} / ${d} / eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln / 0oa`;
    expect(redact(text, secrets)).toBe("echo [redacted] / [redacted] / [redacted] / [redacted] / [redacted] / 0oa");
  });
});

describe("Redactor: any 8-character run of a secret, in any encoding", () => {
  const secret = "Xk7pQ2vL9mZr4TsW8yBn3HcJ6dFg1KaE5uYoN0iRqVbCxMzA-_w~"; // 52 characters, as Okta and Auth0 generate them
  const clientId = "0oa1b2c3d4EXAMPLE";
  const r = new Redactor([secret], [{ clientId, secret }]);
  const b64 = (s: string) => Buffer.from(s).toString("base64");

  it.each([
    ["the whole secret", secret],
    ["its first 40 characters", secret.slice(0, 40)],
    ["a piece from the middle", secret.slice(13, 29)],
    ["its last 8 characters", secret.slice(-8)],
    ["base64", b64(secret)],
    ["base64 of a piece that starts anywhere", b64(secret.slice(7, 40))],
    ["base64url", Buffer.from(secret).toString("base64url")],
    ["URL-encoded as a form body", encodeURIComponent(secret).replace(/[-_.!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)],
    ["the HTTP Basic credential", b64(`${clientId}:${encodeURIComponent(secret).replace(/[-_.!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`)],
    ["the HTTP Basic credential unencoded", b64(`${clientId}:${secret}`)],
  ])("removes %s", (_label, form) => {
    const out = r.redact(`invalid_client: got ${form} from you`);
    expect(out).toBe("invalid_client: got [redacted] from you");
  });

  it("leaves a 7-character piece and ordinary text alone, and keeps the words next to a redacted run", () => {
    expect(r.redact(`client ${clientId} sent ${secret.slice(0, 7)}`)).toBe(`client ${clientId} sent ${secret.slice(0, 7)}`);
    expect(r.redact(`scope okta.users.read refused for ${secret.slice(2, 20)}.`)).toBe("scope okta.users.read refused for [redacted].");
  });

  it("redacts what verify sent as it learns it (a client assertion), and a private JWK only by its private members", () => {
    const learning = new Redactor(secretsOf(outputsOf(loadModel(RECIPE_STACK_YAML), { "okta-mcp": keyPair("okta-mcp-1") })));
    const assertion = "eyJhbGciOiJSUzI1NiIsImtpZCI6Im9rdGEtbWNwLTEifQ.eyJpc3MiOiIwb2EtbWNwIn0.c2lnbmF0dXJlLW9mLXRoZS1hc3NlcnRpb24tMTIzNDU2Nzg5MA";
    learning.add(assertion);
    const signature = assertion.split(".")[2]!;
    expect(learning.redact(`echo ${signature.slice(5)} / kid okta-mcp-1 / the Okta MCP server`)).toBe("echo [redacted] / kid okta-mcp-1 / the Okta MCP server");
  });

  it("credentialsOf pairs each client secret with its client id, and skips masked ones", () => {
    expect(credentialsOf({ okta: { a: { type: "web", clientId: "0oa", clientSecret: "[secret]", issuer: ISSUER } }, auth0: { b: { type: "regular_web", domain: "d", clientId: "c", clientSecret: secret, issuer: "https://d/" } } })).toEqual([
      { clientId: "c", secret },
    ]);
  });
});

describe("printable: server text as one line, never a workflow command", () => {
  it.each([
    ["line breaks and tabs", "a\nb\r\nc\td", "a\\nb\\r\\nc\\td"],
    ["a workflow command after a line break", "denied\n::error::pwned", "denied\\n::error::pwned"],
    ["a workflow command at the start", "  ::add-mask::x", "  \\::add-mask::x"],
    ["the old ##[ form anywhere", "x ##[error]y", "x ##\\[error]y"],
    ["terminal escapes and bidi overrides", "\u001b[2J\u202eevil\u2028", "\\u001b[2J\\u202eevil\\u2028"],
    ["a backslash, so that an escape is never ambiguous", "C:\\n", "C:\\\\n"],
    ["plain text unchanged", "HTTP 400 invalid_scope: okta.users.read", "HTTP 400 invalid_scope: okta.users.read"],
  ])("%s", (_label, text, expected) => {
    expect(printable(text)).toBe(expected);
    expect(printable(text)).not.toMatch(/[\n\r\u2028\u2029]/);
  });
});
