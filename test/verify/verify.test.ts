/**
 * verify against a real OpenID provider (oidc-provider) on 127.0.0.1: everything passes when the server
 * holds what the stack file and outputs say; each way an integration breaks after `pulumi up` (wrong key,
 * missing scope, unregistered redirect URI, wrong issuer, server down or stuck) is reported on its app with
 * the reason. Then the command line: where the outputs come from, the formats, the exit status. No network
 * beyond loopback; no secret or token in any output. One file, so the SDKs load once.
 */
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from "node:net";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../../scripts/verify";
import { reportJson, reportText, type Report } from "../../verify/report";
import { verifyStack, type VerifyOptions } from "../../verify/run";
import type { StackModel } from "../../config/model";
import { FRONTEGG_OKTA_SCOPES } from "../../recipes/frontegg-okta";
import type { StackOutputsJson } from "../../verify/outputs";
import {
  CANARY,
  ecKeyPair,
  ISSUER,
  keyPair,
  loadModel,
  MANAGEMENT_API,
  outputsFor,
  outputsOf,
  RECIPE_STACK_YAML,
  secretFragments,
  secretFragmentsOf,
  STACK_YAML,
  type KeyPair,
} from "./fixture";
import { startProvider, startProviderFor, type ModelProviderKnobs, type ProviderKnobs, type RunningProvider } from "./provider";

const model = loadModel();
const key = keyPair();
/** A second key pair for the wrong-key cases (generated once: RSA generation is slow on small machines). */
let otherKey: KeyPair | undefined;
const other = () => (otherKey ??= keyPair());
const running: RunningProvider[] = [];
const tcpServers: TcpServer[] = [];
const sockets: Socket[] = [];

afterAll(async () => {
  await Promise.all(running.map((p) => p.close()));
  for (const socket of sockets) socket.destroy();
  await Promise.all(tcpServers.map((s) => new Promise((resolve) => s.close(resolve))));
});

async function provider(knobs: ProviderKnobs = {}): Promise<RunningProvider> {
  const p = await startProvider(model, { web: CANARY.webSecret, auth0: CANARY.auth0Secret }, key.publicJwk, knobs);
  running.push(p);
  return p;
}

/** Run verify, and check that neither rendering holds a secret, a key fragment or an issued token. */
async function verify(options: VerifyOptions, outputs = outputsFor(key), issued: readonly string[] = [], pair: KeyPair = key): Promise<Report> {
  const report = await verifyStack("test", model, outputs, options);
  const printed = reportText(report) + reportJson(report);
  for (const fragment of [...secretFragments(pair), ...issued]) expect(printed).not.toContain(fragment);
  expect(printed).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./); // no JWT (client assertion)
  return report;
}

/** The fixture stack's apps (test/verify/fixture.ts STACK_YAML), as the report lists them. */
const APPS = ["auth0/partner-portal", "okta/mcp-automation", "okta/mcp-cli", "okta/portal"];

/** The report's apps, after checking they are the stack's: a loop over them then checks every app, never none. */
function everyApp(report: Report): Report["apps"] {
  expect(report.apps.map((a) => `${a.provider}/${a.name}`)).toEqual(APPS);
  return report.apps;
}

function app(report: Report, id: string) {
  const found = report.apps.find((a) => `${a.provider}/${a.name}` === id);
  if (!found) throw new Error(`no app ${id} in the report`);
  return found;
}

function check(report: Report, id: string, name: string, subject?: string) {
  const found = app(report, id).checks.find((c) => c.check === name && (subject === undefined || c.subject === subject));
  if (!found) throw new Error(`no ${name} check on ${id}`);
  return found;
}

const WEB_URIS = model.okta!.apps.find((a) => a.name === "portal")!;
const [PRIMARY_URI, LOCAL_URI] = WEB_URIS.kind === "service" ? [] : WEB_URIS.redirectUris;

describe("verify against oidc-provider", () => {
  it("passes every app when the issuer holds what the stack says, in a fixed order, with no secret printed", async () => {
    const p = await provider();
    const report = await verify({ issuerOverride: p.url, timeoutMs: 5000 }, undefined, p.issued);
    // Two access tokens and a device code were really issued (and verify() checked none of them was printed).
    expect(p.issued.length).toBeGreaterThanOrEqual(3);
    // Signed with the active key, and addressed to the token endpoint: the audience Okta requires.
    expect(p.assertions).toEqual([{ aud: `${p.url}/token`, kid: "2026-11", alg: "RS256" }]);

    expect(report.ok).toBe(true);
    expect(report.summary).toEqual({ apps: 4, passed: 4, failed: 0, skippedChecks: 0 });
    expect(report.apps.map((a) => [`${a.provider}/${a.name}`, a.status, a.checks.map((c) => [c.check, c.status])])).toEqual([
      ["auth0/partner-portal", "pass", [["discovery", "pass"], ["authorization-request", "pass"], ["management-api", "pass"]]],
      ["okta/mcp-automation", "pass", [["discovery", "pass"], ["client-credentials", "pass"]]],
      ["okta/mcp-cli", "pass", [["discovery", "pass"], ["authorization-request", "pass"], ["device-authorization", "pass"]]],
      ["okta/portal", "pass", [["discovery", "pass"], ["authorization-request", "pass"], ["authorization-request", "pass"]]],
    ]);
    expect(check(report, "okta/mcp-automation", "client-credentials").message).toBe(
      "access token issued for okta.users.read okta.groups.manage okta.logs.read (private key JWT, kid 2026-11)",
    );
    expect(check(report, "auth0/partner-portal", "management-api", MANAGEMENT_API).message).toBe("access token issued for read:users read:logs (client_secret_post)");
    expect(check(report, "okta/mcp-cli", "device-authorization").message).toMatch(/^device code issued for openid okta.users.read okta.logs.read/);
    expect(check(report, "okta/portal", "authorization-request", LOCAL_URI).message).toMatch(/^accepted: redirected back with login_required/);
    expect(check(report, "okta/mcp-cli", "authorization-request", "com.okta.acme:/callback").status).toBe("pass");
  });

  it("wrong key: the issuer holds another public key for the service app", async () => {
    const p = await provider({ serviceKey: other().publicJwk });
    const report = await verify({ issuerOverride: p.url }, undefined, p.issued);
    expect(report.ok).toBe(false);
    expect(app(report, "okta/mcp-automation").status).toBe("fail");
    expect(check(report, "okta/mcp-automation", "client-credentials").message).toMatch(
      /^token request refused: HTTP 401 invalid_client: .*; the outputs' key pair for kid 2026-11 is consistent, so the issuer does not hold this public key/,
    );
    expect(report.apps.filter((a) => a.status === "fail").map((a) => a.name)).toEqual(["mcp-automation"]);
  });

  it("wrong key: the outputs' private key is not the one in their own JWKS", async () => {
    const p = await provider();
    const outputs = outputsFor(key);
    outputs.okta!["mcp-automation"]!.privateKeys = { "2026-11": { pem: other().privatePem, jwk: "{}" } };
    const report = await verify({ issuerOverride: p.url }, outputs, p.issued, other());
    expect(check(report, "okta/mcp-automation", "client-credentials").message).toMatch(/invalid_client.*the private key for kid 2026-11 does not match jwks\[2026-11\] in the outputs$/);
  });

  it("missing scope: names the Okta API scope that is not granted", async () => {
    const p = await provider({ serviceScopes: ["okta.users.read", "okta.logs.read"] });
    const report = await verify({ issuerOverride: p.url }, undefined, p.issued);
    expect(check(report, "okta/mcp-automation", "client-credentials")).toMatchObject({
      status: "fail",
      message: expect.stringMatching(/^okta\.groups\.manage: this scope is not granted to the app \(HTTP 400 invalid_scope/),
    });
  });

  it("missing scope: names the Management API scope missing from the Auth0 client grant", async () => {
    const p = await provider({ managementScopes: ["read:users"] });
    const report = await verify({ issuerOverride: p.url }, undefined, p.issued);
    expect(check(report, "auth0/partner-portal", "management-api")).toMatchObject({
      status: "fail",
      message: "access token issued without read:logs: this scope is not granted to the app",
    });
  });

  it("unregistered redirect URI: the one not registered fails, the registered one passes", async () => {
    const p = await provider({ webRedirectUris: [PRIMARY_URI!] });
    const report = await verify({ issuerOverride: p.url }, undefined, p.issued);
    expect(check(report, "okta/portal", "authorization-request", PRIMARY_URI).status).toBe("pass");
    expect(check(report, "okta/portal", "authorization-request", LOCAL_URI)).toMatchObject({
      status: "fail",
      message: expect.stringMatching(/^not accepted: HTTP 400 instead of a redirect back; the redirect URI is not registered/),
    });
    expect(report.apps.filter((a) => a.status === "fail").map((a) => a.name)).toEqual(["portal"]);
  });

  it("issuer mismatch: discovery fails on every app and the other checks are not run", async () => {
    const p = await provider({ issuer: () => ISSUER });
    const report = await verify({ issuerOverride: p.url }, undefined, p.issued);
    expect(report.summary.failed).toBe(4);
    for (const a of everyApp(report)) {
      expect(a.checks[0]).toMatchObject({
        check: "discovery",
        status: "fail",
        message: `issuer mismatch: the metadata at ${p.url}/.well-known/openid-configuration says issuer "${ISSUER}", expected "${p.url}"`,
      });
      for (const c of a.checks.slice(1)) expect(c).toMatchObject({ status: "skip", message: "not run: discovery failed" });
    }
    expect(p.issued).toEqual([]);
  });

  it("server down: a network error on each app, not an exception", async () => {
    const port = await freePort();
    const report = await verify({ issuerOverride: `http://127.0.0.1:${port}` });
    expect(report.ok).toBe(false);
    for (const a of everyApp(report)) expect(a.checks[0]!.message).toMatch(/^metadata at http:\/\/127\.0\.0\.1:\d+\/\.well-known\/openid-configuration unavailable: network error: ECONNREFUSED/);
  });

  it("a server that never answers: each app times out within the bound", async () => {
    const port = await silentServer();
    const started = Date.now();
    const report = await verify({ issuerOverride: `http://127.0.0.1:${port}`, timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(3000);
    for (const a of everyApp(report)) expect(a.checks[0]!.message).toMatch(/unavailable: timed out after 300 ms$/);
  });

  it("plain http to a host that is not loopback is refused before any request", async () => {
    const report = await verify({ issuerOverride: "http://issuer.example.com", timeoutMs: 300 });
    for (const a of everyApp(report)) expect(a.checks[0]!.message).toMatch(/refused to send a request over plain http/);
  });

  it("outputs read without --show-secrets: the credential checks fail with the fix, the rest still runs", async () => {
    const p = await provider();
    const outputs = outputsFor(key);
    outputs.okta!["portal"]!.clientSecret = "[secret]";
    outputs.okta!["mcp-automation"]!.privateKeys = { "2026-11": { pem: "[secret]", jwk: "[secret]" } };
    outputs.auth0!["partner-portal"]!.clientSecret = "[secret]";
    const report = await verify({ issuerOverride: p.url }, outputs, p.issued);
    expect(check(report, "okta/mcp-automation", "client-credentials").message).toBe(
      'privateKeys.2026-11.pem holds "[secret]": read the outputs with `pulumi stack output --json --show-secrets`',
    );
    expect(check(report, "auth0/partner-portal", "management-api").message).toMatch(/^clientSecret holds "\[secret\]"/);
    expect(check(report, "okta/portal", "authorization-request", PRIMARY_URI).status).toBe("pass");
  });
});

/** The recipe stack: its apps are recipe expansions, so verify sends their consumers' requests. */
const recipeModel = loadModel(RECIPE_STACK_YAML);
const MCP_KID = "okta-mcp-1";
const mcpKey = keyPair(MCP_KID);
const MCP = "the Okta MCP server (okta/okta-mcp-server v1.1.4)";
const FRONTEGG = "Frontegg (Frontegg's setup guide (shared/reference/000))";

async function recipeProvider(m: StackModel, outputs: StackOutputsJson, knobs: ModelProviderKnobs = {}): Promise<RunningProvider> {
  const p = await startProviderFor(m, outputs, knobs);
  running.push(p);
  return p;
}

/** verify() for the recipe stack: the same no-secret-printed checks, over its outputs' secrets. */
async function verifyRecipes(p: RunningProvider, m = recipeModel, outputs = outputsOf(recipeModel, { "okta-mcp": mcpKey }), pair: KeyPair = mcpKey): Promise<Report> {
  const report = await verifyStack("test", m, outputs, { issuerOverride: p.url, timeoutMs: 5000 });
  const printed = reportText(report) + reportJson(report);
  for (const fragment of [...secretFragmentsOf(outputs, [pair]), ...p.issued]) expect(printed).not.toContain(fragment);
  expect(printed).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./);
  return report;
}

/** The model with one recipe's consumer requests changed (what another product version would ask). */
function withRequests(m: StackModel, instance: string, change: (q: StackModel["recipes"][number]["consumer"]["requests"][number]) => object): StackModel {
  return { ...m, recipes: m.recipes.map((r) => (r.instance !== instance ? r : { ...r, consumer: { ...r.consumer, requests: r.consumer.requests.map((q) => ({ ...q, ...change(q) })) } })) };
}

/** The scopes each client sent (authorization, device) or was granted (token), in request order. */
function scopesSent(p: RunningProvider, endpoint: RunningProvider["requests"][number]["endpoint"], clientId: string): (string | undefined)[] {
  return p.requests.filter((r) => r.endpoint === endpoint && r.clientId === clientId).map((r) => r.scope);
}

describe("verify sends each recipe consumer's own request", () => {
  it("passes when the issuer grants what every consumer asks, sending exactly the consumers' scopes and algorithm", async () => {
    const p = await recipeProvider(recipeModel, outputsOf(recipeModel, { "okta-mcp": mcpKey }));
    const report = await verifyRecipes(p);
    expect(report.ok).toBe(true);
    expect(report.apps.map((a) => [`${a.provider}/${a.name}`, a.status, a.checks.map((c) => [c.check, c.status, c.consumer?.recipe])])).toEqual([
      ["auth0/frontegg-auth0", "pass", [["discovery", "pass", undefined], ["authorization-request", "pass", undefined], ["management-api", "pass", "frontegg-auth0"]]],
      ["okta/frontegg", "pass", [["discovery", "pass", undefined], ["authorization-request", "pass", "frontegg"]]],
      ["okta/okta-mcp", "pass", [["discovery", "pass", undefined], ["client-credentials", "pass", "okta-mcp"]]],
      // The device consumer does not sign in with a redirect: that check stays the app's own.
      ["okta/okta-mcp-device", "pass", [["discovery", "pass", undefined], ["authorization-request", "pass", undefined], ["device-authorization", "pass", "okta-mcp-device"]]],
      ["okta/portal", "pass", [["discovery", "pass", undefined], ["authorization-request", "pass", undefined]]],
    ]);

    // What went over the wire: the consumers' scopes, exactly and in their order; `openid` for the rest.
    expect(scopesSent(p, "authorization", "0oa-frontegg")).toEqual([FRONTEGG_OKTA_SCOPES.join(" ")]);
    expect(scopesSent(p, "device_authorization", "0oa-okta-mcp-device")).toEqual(["openid profile email offline_access okta.users.read okta.logs.read"]);
    expect(scopesSent(p, "token", "0oa-okta-mcp")).toEqual(["okta.users.read okta.groups.read"]);
    expect(scopesSent(p, "token", "auth0-frontegg-auth0")).toEqual(["read:users read:logs"]);
    expect(scopesSent(p, "authorization", "0oa-portal")).toEqual(["openid"]);
    expect(scopesSent(p, "authorization", "0oa-okta-mcp-device")).toEqual(["openid"]);
    // The MCP server's assertion: RS256 (hard-coded in auth_manager.py), the active key, the token endpoint.
    expect(p.assertions).toEqual([{ aud: `${p.url}/token`, kid: MCP_KID, alg: "RS256" }]);

    expect(check(report, "okta/okta-mcp", "client-credentials").message).toBe(
      `access token issued for okta.users.read okta.groups.read (private key JWT, kid ${MCP_KID}, RS256), as ${MCP} requests it`,
    );
    expect(check(report, "okta/frontegg", "authorization-request").message).toBe(
      `accepted for ${FRONTEGG_OKTA_SCOPES.join(" ")}: redirected back with login_required (no session, as expected with prompt=none), as ${FRONTEGG} requests it`,
    );
    expect(check(report, "okta/okta-mcp-device", "device-authorization").message).toMatch(
      new RegExp(`^device code issued for openid profile email offline_access okta.users.read okta.logs.read \\(expires in \\d+ s\\), as ${escape(MCP)} requests it$`),
    );
    expect(check(report, "okta/portal", "authorization-request").message).toBe("accepted: redirected back with login_required (no session, as expected with prompt=none)");

    // JSON: `consumer` is added after the existing keys, only on the checks that speak for a consumer.
    const json = JSON.parse(reportJson(report)) as { apps: { name: string; checks: Record<string, unknown>[] }[] };
    const mcp = json.apps.find((a) => a.name === "okta-mcp")!.checks[1]!;
    expect(Object.keys(mcp)).toEqual(["check", "status", "message", "consumer"]);
    expect(mcp["consumer"]).toEqual({
      recipe: "okta-mcp",
      product: "the Okta MCP server",
      checkedAgainst: "okta/okta-mcp-server v1.1.4",
      flow: "client_credentials",
      scopes: ["okta.users.read", "okta.groups.read"],
      signingAlgs: ["RS256"],
    });
    expect(json.apps.find((a) => a.name === "portal")!.checks.every((c) => !("consumer" in c))).toBe(true);
  });

  it("fails naming Frontegg's okta.users.read when the issuer does not grant it at the authorization request, which the per-app check never asks", async () => {
    const outputs = outputsOf(recipeModel, { "okta-mcp": mcpKey });
    const p = await recipeProvider(recipeModel, outputs, { clientScopes: { frontegg: FRONTEGG_OKTA_SCOPES.filter((s) => s !== "okta.users.read") } });
    const report = await verifyRecipes(p, recipeModel, outputs);
    expect(report.apps.filter((a) => a.status === "fail").map((a) => a.name)).toEqual(["frontegg"]);
    expect(check(report, "okta/frontegg", "authorization-request")).toMatchObject({
      status: "fail",
      subject: "https://gateway.example.com/integration-callback",
      message: `okta.users.read: this scope is not granted to the app (redirected back with invalid_scope: requested scope is not allowed); ${FRONTEGG} makes this request, so it would fail here`,
    });

    // The same issuer passes the app's own check (scope openid): only the consumer's request finds the gap.
    const withoutConsumers = await verifyRecipes(p, { ...recipeModel, recipes: [] }, outputs);
    expect(check(withoutConsumers, "okta/frontegg", "authorization-request")).toMatchObject({ status: "pass", message: expect.stringMatching(/^accepted: redirected back/) });
  });

  it("fails naming the MCP server's device scopes the issuer does not allow, beyond the app's apiScopes", async () => {
    const outputs = outputsOf(recipeModel, { "okta-mcp": mcpKey });
    const p = await recipeProvider(recipeModel, outputs, { clientScopes: { "okta-mcp-device": ["openid", "offline_access", "okta.users.read", "okta.logs.read"] } });
    const report = await verifyRecipes(p, recipeModel, outputs);
    expect(check(report, "okta/okta-mcp-device", "device-authorization")).toMatchObject({
      status: "fail",
      message: `profile email: these scopes are not granted to the app (HTTP 400 invalid_scope: requested scope is not allowed); ${MCP} makes this request, so it would fail here`,
    });
    expect(report.apps.filter((a) => a.status === "fail").map((a) => a.name)).toEqual(["okta-mcp-device"]);
  });

  it("fails naming an OKTA_SCOPES scope the service app is not granted", async () => {
    const outputs = outputsOf(recipeModel, { "okta-mcp": mcpKey });
    const p = await recipeProvider(recipeModel, outputs, { clientScopes: { "okta-mcp": ["okta.users.read"] } });
    const report = await verifyRecipes(p, recipeModel, outputs);
    expect(check(report, "okta/okta-mcp", "client-credentials").message).toMatch(
      new RegExp(`^okta\\.groups\\.read: this scope is not granted to the app \\(HTTP 400 invalid_scope: .*\\); ${escape(MCP)} makes this request, so it would fail here$`),
    );
  });

  it("signs the client assertion with the consumer's algorithm: the first of its list the key can sign with", async () => {
    const m = withRequests(recipeModel, "okta-mcp", () => ({ signingAlgs: ["ES256", "PS256", "RS256"] }));
    const outputs = outputsOf(m, { "okta-mcp": mcpKey });
    const p = await recipeProvider(m, outputs);
    const report = await verifyRecipes(p, m, outputs);
    expect(p.assertions).toEqual([{ aud: `${p.url}/token`, kid: MCP_KID, alg: "PS256" }]);
    expect(check(report, "okta/okta-mcp", "client-credentials").message).toMatch(/\(private key JWT, kid okta-mcp-1, PS256\), as the Okta MCP server/);
  });

  it("refuses to sign when the active key cannot sign with the consumer's algorithm: an EC key where RS256 is required", async () => {
    const ec = ecKeyPair(MCP_KID);
    const outputs = outputsOf(recipeModel, { "okta-mcp": ec });
    const p = await recipeProvider(recipeModel, outputs);
    const report = await verifyRecipes(p, recipeModel, outputs, ec);
    expect(check(report, "okta/okta-mcp", "client-credentials")).toMatchObject({
      status: "fail",
      message: `the active key ${MCP_KID} is an EC P-256 key, which signs ES256, but the client assertion must be signed with RS256: no assertion sent; ${MCP} makes this request, so it would fail here`,
    });
    expect(p.assertions).toEqual([]);
    expect(scopesSent(p, "token", "0oa-okta-mcp")).toEqual([]);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const dir = mkdtempSync(join(tmpdir(), "oidc-apps-verify-"));
const stackFile = join(dir, "Pulumi.test.yaml");
const outputsFile = join(dir, "outputs.json");
const outputsText = JSON.stringify(outputsFor(key), null, 2);
let server: RunningProvider;

async function run(args: string[], stdin?: string) {
  let stdout = "";
  let stderr = "";
  const code = await cli(args, { out: (s) => (stdout += s), err: (s) => (stderr += s), ...(stdin !== undefined ? { stdin: () => Promise.resolve(stdin) } : {}) });
  for (const fragment of [...secretFragments(key), ...server.issued]) expect(stdout + stderr).not.toContain(fragment);
  return { code, stdout, stderr };
}

const base = () => ["test", "--config-file", stackFile, "--issuer-override", server.url, "--timeout-ms", "5000"];

describe("npm run verify", () => {
  beforeAll(async () => {
    writeFileSync(stackFile, STACK_YAML);
    writeFileSync(outputsFile, outputsText);
    server = await provider();
  });

  it("reads the outputs from standard input, prints text and exits 0 when every app passes", async () => {
    const { code, stdout, stderr } = await run(base(), outputsText);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^oidc-apps verify · stack test · 4 apps: 4 passed, 0 failed\n/);
    expect(stdout).toContain("\nPASS okta/mcp-automation (service) client 0oa-mcp-automation\n");
    expect(stdout.indexOf("auth0/partner-portal")).toBeLessThan(stdout.indexOf("okta/mcp-automation"));
  });

  it("reads the outputs from a file, prints JSON in a fixed shape, the same on every run", async () => {
    const a = await run([...base(), outputsFile, "--format", "json"]);
    const b = await run([...base(), outputsFile, "--format", "json"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout) as Record<string, unknown> & { apps: Record<string, unknown>[] };
    expect(Object.keys(report)).toEqual(["stack", "ok", "summary", "apps"]);
    expect(report["summary"]).toEqual({ apps: 4, passed: 4, failed: 0, skippedChecks: 0 });
    expect(Object.keys(report.apps[0]!)).toEqual(["provider", "name", "type", "status", "clientId", "issuer", "checks"]);
    expect(report.apps.map((x) => `${String(x["provider"])}/${String(x["name"])}`)).toEqual(["auth0/partner-portal", "okta/mcp-automation", "okta/mcp-cli", "okta/portal"]);
  });

  it("exits 1 when an app fails, with the reason on the app", async () => {
    const outputs = outputsFor(key);
    outputs.okta!["mcp-automation"]!.clientId = "0oa-unknown";
    const { code, stdout } = await run(base(), JSON.stringify(outputs));
    expect(code).toBe(1);
    expect(stdout).toMatch(/\nFAIL okta\/mcp-automation \(service\) client 0oa-unknown\n {2}pass {2}discovery .*\n {2}fail {2}client-credentials {5}token request refused: HTTP 401 invalid_client/);
    expect(stdout).toContain("3 passed, 1 failed");
  });

  it.each([
    [[], "expected a stack name"],
    [["test", "--format", "yaml"], 'unknown format "yaml"'],
    [["test", "--timeout-ms", "0"], "--timeout-ms must be a whole number"],
    [["test", "--issuer-override", "acme.okta.com"], "--issuer-override must be an http(s) URL"],
    [["test", "--config-file", "/nonexistent/Pulumi.x.yaml"], "cannot read the stack file /nonexistent/Pulumi.x.yaml"],
    [["test", "--bogus"], "--bogus: unknown option"],
  ])("exits 2 on a usage error: %j", async (args, message) => {
    const { code, stdout, stderr } = await run(args, outputsText);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    expect(stderr).toContain("usage: ");
  });

  it("exits 2 when there is nothing to verify against: no outputs, not JSON, wrong shape, another environment", async () => {
    expect((await run(base())).stderr).toContain("no outputs: pipe `pulumi stack output --json --show-secrets` in, or give a file");
    const notJson = await run(base(), "Current stack outputs (3):");
    expect([notJson.code, notJson.stderr]).toEqual([2, expect.stringContaining("the stack outputs are not JSON")]);
    const shape = await run(base(), JSON.stringify({ okta: { portal: { type: "web", clientId: 42, clientSecret: CANARY.webSecret } } }));
    expect([shape.code, shape.stderr]).toEqual([2, expect.stringContaining("okta.portal.clientId: expected string")]);
    const env = await run(base(), JSON.stringify({ ...outputsFor(key), environment: "production" }));
    expect([env.code, env.stderr]).toEqual([2, expect.stringContaining("the outputs are for environment production")]);
  });

  it("exits 2 with the loader's diagnostics when the stack file is invalid", async () => {
    const bad = join(dir, "Pulumi.bad.yaml");
    writeFileSync(bad, "config:\n  oidc-apps:environment: dev\n");
    const { code, stderr } = await run(["bad", "--config-file", bad], outputsText);
    expect(code).toBe(2);
    expect(stderr).toContain("oidc-apps:environment: must be one of development, staging, production");
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createTcpServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Accepts connections and never answers. */
function silentServer(): Promise<number> {
  return new Promise((resolve) => {
    const s = createTcpServer((socket) => void sockets.push(socket));
    tcpServers.push(s);
    s.listen(0, "127.0.0.1", () => resolve((s.address() as AddressInfo).port));
  });
}
