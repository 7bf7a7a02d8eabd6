/**
 * The pack as the Pulumi CLI runs it, minus the CLI: `policy/` started the way the `pulumi-analyzer-policy`
 * plugin starts a Node.js pack (`node @pulumi/pulumi/cmd/run-policy-pack <engine> .` with the pack folder as
 * the working directory, TypeScript compiled by Pulumi's own loader), then spoken to over the analyzer gRPC
 * protocol the engine uses: pack info, per-resource analysis, stack analysis and policy configuration.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as okta from "@pulumi/okta";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as rpc from "@pulumi/pulumi/proto/analyzer_pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ENFORCEMENT } from "../../policy/policies";
import { STACK_TYPE, tokenOf } from "../../policy/support";

const PACK_DIR = join(__dirname, "..", "..", "policy");
const OKTA_APP = tokenOf(okta.app.OAuth);
const LEVEL_NAMES: Record<number, string> = { [rpc.EnforcementLevel.ADVISORY]: "advisory", [rpc.EnforcementLevel.MANDATORY]: "mandatory", [rpc.EnforcementLevel.DISABLED]: "disabled", [rpc.EnforcementLevel.REMEDIATE]: "remediate" };

let pack: ChildProcess | undefined;
let client: AnalyzerClient;
let stderr = "";

/** Start the pack; resolves with the port it prints, as the CLI reads it. */
function start(): Promise<number> {
  return new Promise((resolve, reject) => {
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack");
    const child = spawn(process.execPath, [runner, "127.0.0.1:0", "."], { cwd: PACK_DIR, stdio: ["ignore", "pipe", "pipe"] });
    pack = child;
    // Never leave the server behind, even if the test process ends without running afterAll.
    process.once("exit", () => child.kill());
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const port = /^(\d+)\s*$/m.exec(stdout);
      if (port) resolve(Number(port[1]));
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`the policy pack exited (${code}) before serving:\n${stdout}\n${stderr}`)));
  });
}

function unary<Res>(invoke: (done: (err: grpc.ServiceError | null, res: Res) => void) => unknown): Promise<Res> {
  return new Promise((resolve, reject) => invoke((err, res) => (err ? reject(err) : resolve(res))));
}

function options(protect: boolean): rpc.AnalyzerResourceOptions {
  const o = new rpc.AnalyzerResourceOptions();
  o.setProtect(protect);
  return o;
}

function analyzeRequest(type: string, name: string, props: Record<string, unknown>): rpc.AnalyzeRequest {
  const req = new rpc.AnalyzeRequest();
  req.setType(type);
  req.setName(name);
  req.setUrn(`urn:pulumi:prod::oidc-apps::${type}::${name}`);
  req.setProperties(Struct.fromJavaScript(props as Record<string, never>));
  req.setOptions(options(false));
  return req;
}

function stackResource(type: string, name: string, props: Record<string, unknown>, protect: boolean): rpc.AnalyzerResource {
  const r = new rpc.AnalyzerResource();
  r.setType(type);
  r.setName(name);
  r.setUrn(`urn:pulumi:prod::oidc-apps::${type}::${name}`);
  r.setProperties(Struct.fromJavaScript(props as Record<string, never>));
  r.setOptions(options(protect));
  return r;
}

/** The SDK sends each violation as "<policy description>\n<message>". */
const diagnostics = (res: rpc.AnalyzeResponse) =>
  res.getDiagnosticsList().map((d) => ({ policy: d.getPolicyname(), level: LEVEL_NAMES[d.getEnforcementlevel()], urn: d.getUrn(), message: d.getMessage() }));

const HTTP_APP = { label: "Portal", type: "web", tokenEndpointAuthMethod: "client_secret_basic", grantTypes: ["authorization_code"], redirectUris: ["http://portal.example.com/callback"] };

describe("the pack served over the analyzer protocol", () => {
  beforeAll(async () => {
    const port = await start();
    client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  }, 120_000);

  afterAll(() => {
    client?.close();
    pack?.kill();
  });

  it("describes itself: name, version from policy/package.json, every policy with its default level and config schema", async () => {
    const info = await unary<rpc.AnalyzerInfo>((done) => client.getAnalyzerInfo(new Empty(), done));
    expect(info.getName()).toBe("oidc-apps");
    expect(info.getVersion()).toBe("0.1.0");
    const policies = Object.fromEntries(info.getPoliciesList().map((p) => [p.getName(), LEVEL_NAMES[p.getEnforcementlevel()]]));
    expect(policies).toEqual(DEFAULT_ENFORCEMENT);
    const everyone = info.getPoliciesList().find((p) => p.getName() === "everyone-in-production");
    expect(Object.keys(everyone?.getConfigschema()?.getProperties()?.toJavaScript() ?? {}).sort()).toEqual(["environment", "everyoneGroupId"]);
  });

  it("blocks an http redirect URI (mandatory) when the engine analyzes the resource", async () => {
    const res = await unary<rpc.AnalyzeResponse>((done) => client.analyze(analyzeRequest(OKTA_APP, "portal", HTTP_APP), done));
    expect(diagnostics(res)).toEqual([
      { policy: "redirect-uris", level: "mandatory", urn: "", message: expect.stringMatching(/\nOKTA_REDIRECT_HTTP redirectUris\[0\]: "http:\/\/portal\.example\.com\/callback" uses http/) },
    ]);
  });

  it("checks the stack: an unprotected app in a production stack (environment from the stack output)", async () => {
    const req = new rpc.AnalyzeStackRequest();
    req.setResourcesList([stackResource(STACK_TYPE, "oidc-apps-prod", { environment: "production" }, false), stackResource(OKTA_APP, "portal", { ...HTTP_APP, redirectUris: ["https://portal.example.com/callback"] }, false)]);
    const res = await unary<rpc.AnalyzeResponse>((done) => client.analyzeStack(req, done));
    expect(diagnostics(res)).toEqual([
      { policy: "production-apps-protected", level: "mandatory", urn: `urn:pulumi:prod::oidc-apps::${OKTA_APP}::portal`, message: expect.stringMatching(/\n"portal" \(okta:app\/oAuth:OAuth\) is not protected/) },
    ]);
  });

  it("takes enforcement levels from the pack's configuration (`--policy-pack-config`)", async () => {
    const req = new rpc.ConfigureAnalyzerRequest();
    const advisory = new rpc.PolicyConfig();
    advisory.setEnforcementlevel(rpc.EnforcementLevel.ADVISORY);
    advisory.setProperties(Struct.fromJavaScript({}));
    req.getPolicyconfigMap().set("redirect-uris", advisory);
    await unary<Empty>((done) => client.configure(req, done));
    const res = await unary<rpc.AnalyzeResponse>((done) => client.analyze(analyzeRequest(OKTA_APP, "portal", HTTP_APP), done));
    expect(diagnostics(res).map((d) => [d.policy, d.level])).toEqual([["redirect-uris", "advisory"]]);
  });
});
