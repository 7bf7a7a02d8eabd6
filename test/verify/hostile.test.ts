/**
 * verify against a hostile issuer on 127.0.0.1 that records everything it receives. Outputs with a tampered
 * issuer, metadata that points an endpoint at another host or down to plain http, an issuer that echoes what
 * it received (in pieces, encoded, with line breaks and workflow commands) in its error descriptions: verify
 * sends nothing it should not (the server's record has no secret and no assertion, and no request for
 * another host), and prints no fragment of a secret and no line a CI runner would execute.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { auth0Apps, AUTH0_TENANT, environment, oktaApps, ORG_NAME, stackConfig, stackYaml } from "../support/stacks";
import { cli } from "../../scripts/verify";
import type { StackOutputsJson } from "../../verify/outputs";
import { reportJson, reportText, type Report } from "../../verify/report";
import { verifyStack } from "../../verify/run";
import { AUTH0_DOMAIN, ISSUER, keyPair, loadModel, outputsOf, secretFragmentsOf } from "./fixture";
import { leaked, metadataOn, routeFetch, startHostile, workflowCommands, type Answer, type Hostile, type HostileOptions, type Received } from "./hostile";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { vi } from "vitest";

/** Every kind of app and client authentication: assertion, Basic, form-posted secret, public client. */
const HOSTILE_YAML = stackYaml(stackConfig(
  { "okta:orgName": ORG_NAME }, AUTH0_TENANT, environment(),
  oktaApps({
    portal: { type: "web", grantTypes: ["authorization_code"], redirectUris: ["https://portal.example.com/callback"] },
    cli: { type: "native", grantTypes: ["authorization_code", "device_code"], redirectUris: ["com.okta.acme:/callback"], apiScopes: ["okta.users.read"], assignTo: "everyone" },
    bot: { type: "service", keys: [{ kid: "bot-1" }], apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] },
  }),
  auth0Apps({
    posted: { type: "regular_web", callbacks: ["https://posted.example.com/callback"], grantTypes: ["authorization_code", "client_credentials"], managementApiScopes: ["read:users"] },
    basic: { type: "regular_web", clientAuth: "client_secret_basic", callbacks: ["https://basic.example.com/callback"], grantTypes: ["authorization_code", "client_credentials"], managementApiScopes: ["read:users"] },
  }),
));

const model = loadModel(HOSTILE_YAML);
const pair = keyPair("bot-1");
const outputs = (): StackOutputsJson => outputsOf(model, { bot: pair });
const AUTH0_ISSUER = `https://${AUTH0_DOMAIN}/`;
const EVIL = "https://evil.example.com";

const servers: Hostile[] = [];
afterEach(() => void vi.unstubAllGlobals());
afterAll(async () => void (await Promise.all(servers.map((s) => s.close()))));

async function hostile(options: HostileOptions): Promise<Hostile> {
  const h = await startHostile(options);
  servers.push(h);
  return h;
}

/** The report printed both ways, checked: no fragment of any secret or credential sent, no workflow command. */
async function verify(h: Hostile, out: StackOutputsJson, issuerOverride?: string): Promise<{ report: Report; printed: string }> {
  const report = await verifyStack("test", model, out, { timeoutMs: 3000, ...(issuerOverride ? { issuerOverride } : {}) });
  const printed = reportText(report) + reportJson(report);
  expectClean(printed, h, out);
  return { report, printed };
}

function expectClean(printed: string, h: Hostile, out: StackOutputsJson): void {
  const clientIds = [...Object.values(out.okta ?? {}), ...Object.values(out.auth0 ?? {})].map((a) => a.clientId);
  expect(leaked(printed, [...secretFragmentsOf(out, [pair]), ...h.credentials()], clientIds)).toEqual([]);
  expect(workflowCommands(printed)).toEqual([]);
  expect(printed).not.toMatch(/\n\s+at \S+ \(|Error: /); // no stack trace
}

/** What reached the server, as "METHOD URL" (no query). */
function requests(h: Hostile): string[] {
  return h.received.map((r) => `${r.method} ${r.url.origin}${r.url.pathname}`);
}

const discoveryOf = (issuer: string) => `GET ${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;

describe("a tampered issuer in the outputs", () => {
  it.each([
    ["another https host", EVIL],
    ["a loopback http server", undefined],
  ])("gets no request at all, not even discovery, when it is %s", async (_label, host) => {
    const h = await hostile({ metadata: (issuer) => metadataOn(issuer) });
    routeFetch(h);
    const evil = host ?? h.url;
    const out = outputs();
    for (const app of Object.values(out.auth0!)) app.issuer = `${evil}/`; // auth0:domain is still right
    for (const app of Object.values(out.okta!)) app.issuer = evil;
    const { report } = await verify(h, out);
    expect(h.received).toEqual([]);
    expect(report.summary).toMatchObject({ apps: 5, failed: 5 });
    for (const a of report.apps) expect(a.checks.map((c) => [c.check, c.status])).toEqual([["outputs", "fail"]]);
    expect(report.apps.find((a) => a.name === "basic")!.checks[0]!.message).toBe(
      `the outputs' issuer ${evil}/ is not ${AUTH0_ISSUER}, the issuer of the stack file's auth0:domain: outputs edited or of another stack? Nothing sent`,
    );
    expect(report.apps.find((a) => a.name === "bot")!.checks[0]!.message).toBe(`the outputs' issuer ${evil} is not the stack file's org ${ISSUER}: outputs of another stack? Nothing sent`);
  });
});

describe("metadata that sends verify elsewhere", () => {
  /** The real issuers (https, routed to the hostile server) with one member of their metadata changed. */
  async function withMetadata(change: (issuer: string, self: string) => Record<string, string>, issuerOverride?: (h: Hostile) => string) {
    const h = await hostile({ metadata: (issuer, self) => metadataOn(issuer, change(issuer, self)) });
    routeFetch(h);
    const { report } = await verify(h, outputs(), issuerOverride?.(h));
    // Discovery only, once per app, to the issuer itself; not a credential.
    expect(h.credentials()).toEqual([]);
    expect(h.received.every((r) => r.method === "GET" && r.url.pathname === "/.well-known/openid-configuration")).toBe(true);
    expect(h.received).toHaveLength(5);
    for (const a of report.apps) {
      expect(a.checks[0]).toMatchObject({ check: "discovery", status: "fail" });
      for (const c of a.checks.slice(1)) expect(c).toMatchObject({ status: "skip", message: "not run: discovery failed" });
    }
    return { h, report };
  }

  it.each(["token_endpoint", "device_authorization_endpoint", "authorization_endpoint", "jwks_uri"])("a %s on another host: discovery fails, nothing is sent there", async (member) => {
    const { h, report } = await withMetadata(() => ({ [member]: `${EVIL}/oauth2/v1/${member}` }));
    expect(requests(h).sort()).toEqual([...Array(3).fill(discoveryOf(ISSUER)), ...Array(2).fill(discoveryOf(AUTH0_ISSUER))].sort());
    expect(report.apps.find((a) => a.name === "bot")!.checks[0]!.message).toBe(
      `metadata at ${ISSUER}/.well-known/openid-configuration refused: the metadata's ${member} ${EVIL}/oauth2/v1/${member} is not on the issuer's origin ${ISSUER}; refusing to send anything to it`,
    );
  });

  it("plain http on the https issuer's own host: refused at discovery", async () => {
    const { report } = await withMetadata((issuer) => ({ token_endpoint: `${issuer.replace(/^https:/, "http:").replace(/\/$/, "")}/oauth2/v1/token` }));
    expect(report.apps.find((a) => a.name === "bot")!.checks[0]!.message).toBe(
      `metadata at ${ISSUER}/.well-known/openid-configuration refused: the metadata's token_endpoint http://acme.okta.com/oauth2/v1/token is plain http on the https issuer's host; refusing to send anything to it`,
    );
  });

  it.each([
    ["plain http on a host that is not loopback", () => "http://evil.example.com"],
    ["another loopback origin", (self: string) => self.replace("127.0.0.1", "localhost")],
  ])("a loopback http issuer's endpoints on %s: refused, http stays on the issuer's own origin", async (_label, elsewhere) => {
    const { h, report } = await withMetadata(
      (_issuer, self) => ({
        token_endpoint: `${elsewhere(self)}/token`,
        device_authorization_endpoint: `${elsewhere(self)}/device/code`,
        authorization_endpoint: `${elsewhere(self)}/authorize`,
      }),
      (x) => x.url,
    );
    expect(requests(h)).toEqual(Array(5).fill(discoveryOf(h.url)));
    expect(report.apps.find((a) => a.name === "bot")!.checks[0]!.message).toMatch(
      new RegExp(`refused: the metadata's (token|device_authorization|authorization)_endpoint ${elsewhere(h.url).replace(/[.]/g, "\\.")}/\\S+ is not on the issuer's origin ${h.url.replace(/[.]/g, "\\.")}; refusing`),
    );
  });
});

/** What a hostile issuer can echo of what it received: pieces, encodings, and lines meant for the CI runner. */
function echo(r: Received): string {
  const basic = r.headers["authorization"]?.replace(/^Basic /, "");
  const [id, secret] = basic ? Buffer.from(basic, "base64").toString("utf8").split(":").map(decodeURIComponent) : [r.form.get("client_id") ?? r.url.searchParams.get("client_id"), r.form.get("client_secret")];
  const assertion = r.form.get("client_assertion");
  const injection = "\n::error title=verify::all checks passed\r\n::add-mask::nothing\n  ::warning::indented\n##[error]legacy \u001b[2J\u202eevil";
  const parts = [
    `client ${id}${injection}`,
    ...(r.headers["authorization"] ? [`header ${r.headers["authorization"]}`] : []),
    ...(secret
      ? [
          `prefix ${secret.slice(0, 40)}`,
          `middle ${secret.slice(6, 30)}`,
          `b64url ${Buffer.from(secret).toString("base64url")}`,
          `b64 ${Buffer.from(secret.slice(1)).toString("base64")}`,
          `form ${formUrlEncode(secret)}`,
          `basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`,
        ]
      : []),
    ...(assertion ? [`signature ${assertion.split(".")[2]}`, `body ${assertion.split(".").slice(1).join(".")}`] : []),
  ];
  return parts.join("; ");
}

/** As a form body carries it (oauth4webapi encodes `-` and `_` too). */
function formUrlEncode(s: string): string {
  return encodeURIComponent(s).replace(/[-_.!~*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function echoing(r: Received): Answer {
  const json = (status: number, body: object, headers: Record<string, string> = {}) => ({ status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  const path = r.url.pathname;
  if (path === "/token" && r.headers["authorization"]) {
    // A 401 with a challenge: the description comes back in a header (quoted-string: no line breaks there).
    const description = echo(r).replace(/[\r\n"\\]/g, " ").replace(/[^\x20-\x7e]/g, "?");
    return json(401, { error: "invalid_client" }, { "www-authenticate": `Basic realm="x", error="invalid_client", error_description="${description}"` });
  }
  if (path === "/token") return json(400, { error: "invalid_client", error_description: echo(r) });
  if (path === "/device/code") return json(400, { error: "invalid_request\n::error::code", error_description: echo(r) });
  if (path === "/authorize") {
    const back = new URL(r.url.searchParams.get("redirect_uri")!);
    back.searchParams.set("error", "server_error");
    back.searchParams.set("error_description", echo(r));
    back.searchParams.set("state", r.url.searchParams.get("state") ?? "");
    return { status: 302, headers: { location: back.href } };
  }
  return json(404, { error: "not_found" });
}

describe("an issuer that echoes what it received", () => {
  it("gets its error descriptions printed without any fragment of a secret or an assertion, escaped, never as a workflow command", async () => {
    const h = await hostile({ metadata: (issuer) => metadataOn(issuer), answer: echoing });
    const out = outputs();
    const { report, printed } = await verify(h, out, h.url);
    // It did receive credentials (it is the issuer here): the assertion, the Basic header, the posted secret.
    expect(h.credentials().length).toBeGreaterThanOrEqual(3);
    expect(report.summary).toMatchObject({ apps: 5, failed: 5 });
    const message = (name: string, check: string) => report.apps.find((a) => a.name === name)!.checks.find((c) => c.check === check)!.message;
    // Secret-free parts stay, as the server wrote them; the rest is [redacted]; line breaks print as \n.
    const escaped = "\\n::error title=verify::all checks passed\\r\\n::add-mask::nothing\\n  ::warning::indented\\n##\\[error]legacy \\u001b[2J\\u202eevil";
    expect(message("posted", "management-api")).toBe(
      `token request refused: HTTP 400 invalid_client: client auth0-posted${escaped}; prefix [redacted]; middle [redacted]; b64url [redacted]; b64 [redacted]; form [redacted]; basic [redacted]`,
    );
    expect(message("basic", "management-api")).toMatch(/^token request refused: HTTP 401 invalid_client: client auth0-basic ::error .*evil; header Basic \[redacted\]; prefix \[redacted\]; middle \[redacted\]; b64url \[redacted\]; b64 \[redacted\]; form \[redacted\]; basi…$/);
    // An assertion is longer than a description may be: cut, and the piece that is left redacted all the same.
    expect(message("bot", "client-credentials")).toBe(
      `token request refused: HTTP 400 invalid_client: client 0oa-bot${escaped}; signature [redacted]; body [redacted]…; the outputs' key pair for kid bot-1 is consistent, so the issuer does not hold this public key for the app (drift? run \`pulumi refresh\`)`,
    );
    expect(message("cli", "device-authorization")).toBe(`device authorization refused: HTTP 400 invalid_request\\n::error::code: client 0oa-cli${escaped}`);
    expect(message("portal", "authorization-request")).toBe(`the redirect URI is registered, but the authorization server answered server_error: client 0oa-portal${escaped}`);
    // Bounded: a server cannot fill the log.
    expect(report.apps).toHaveLength(5); // the bound is checked on every app, not on none
    for (const a of report.apps) for (const c of a.checks) expect(c.message.length).toBeLessThan(1200);
    expect(printed).toContain("\\n::error title=verify::all checks passed");
  });

  it("the command line prints it the same way: nothing leaked on stdout or stderr, in either format", async () => {
    const h = await hostile({ metadata: (issuer) => metadataOn(issuer), answer: echoing });
    const dir = mkdtempSync(join(tmpdir(), "oidc-apps-hostile-"));
    const stackFile = join(dir, "Pulumi.test.yaml");
    writeFileSync(stackFile, HOSTILE_YAML);
    const out = outputs();
    for (const format of ["text", "json"]) {
      let stdout = "";
      let stderr = "";
      const code = await cli(["test", "--config-file", stackFile, "--issuer-override", h.url, "--timeout-ms", "3000", "--format", format], {
        out: (s) => (stdout += s),
        err: (s) => (stderr += s),
        stdin: () => Promise.resolve(JSON.stringify(out)),
      });
      expect(code).toBe(1);
      expect(stderr).toBe("");
      expectClean(stdout + stderr, h, out);
    }
  });
});
