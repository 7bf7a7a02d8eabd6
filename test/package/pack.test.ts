/**
 * The npm tarball, as a consumer gets it: `npm pack` (of the fresh build: `npm run build` first when bin/ is
 * stale), extracted into a fresh project's node_modules/oidc-apps with the dependencies it declares linked from
 * this checkout (no network), then
 * - a fresh TypeScript Pulumi program importing "oidc-apps" type-checks against the shipped declarations
 *   (`skipLibCheck: false`) and, compiled, registers the Okta app under the Pulumi mocks;
 * - the extracted package serves as a Pulumi plugin (cmd/run-plugin, GetSchema over gRPC) the schema pinned by
 *   schema.test.ts: it holds the TypeScript sources and tsconfig.json the analyzer reads;
 * - it holds the library's import closure and nothing of the program, the tests or the stacks.
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUILD_INFO, sourceHash } from "../../program/build-info";
import { schemaViaRunPlugin } from "./run-plugin";
// Pinned by schema.test.ts from the repository's sources.
const SCHEMA_FILE = join(resolve(__dirname, "../.."), "test", "fixtures", "plugin-schema.json");

const ROOT = resolve(__dirname, "../..");
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");
const execFileAsync = promisify(execFile);

/** A fresh consumer: its program, and what it passes the component. */
const REDIRECT_URIS = ["https://shop.example.com/callback"];
const CONSUMER_PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { OktaWebApp, type OktaWebAppArgs } from "oidc-apps";

const args: OktaWebAppArgs = { redirectUris: ${JSON.stringify(REDIRECT_URIS)} };
const shop = new OktaWebApp("shop", args);

export const clientId: pulumi.Output<string> = shop.clientId;
`;

/** Set the mocks, run the compiled program, print what it registered once everything settled. */
const RUNNER = `"use strict";
const pulumi = require("@pulumi/pulumi");
const registered = [];
pulumi.runtime.setMocks({
  newResource(a) {
    registered.push({ type: a.type, name: a.name, inputs: a.inputs });
    const state = { ...a.inputs };
    if (a.type === "okta:app/oAuth:OAuth") Object.assign(state, { clientId: "cid-" + a.name, clientSecret: "secret-" + a.name });
    return { id: a.name + "-id", state };
  },
  call: (a) => a.inputs,
}, "consumer", "dev", false);
const program = require("./out/index.js");
pulumi.output(program.clientId).apply((clientId) => {
  setImmediate(() => process.stdout.write(JSON.stringify({ clientId, registered }) + "\\n"));
});
`;

interface PackResult {
  filename: string;
  files: { path: string }[];
}

let tmp: string;
let pkgDir: string;
let files: string[];
let typeCheck: Promise<(Error & { stdout?: string }) | undefined>;
let served: Promise<string>;

/** vitest's loaders are not a consumer's. */
function childEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  delete env["NODE_OPTIONS"];
  return env;
}

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, env: childEnv(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** bin/ as `npm run build` leaves it for the current sources (what `prepare` would make `npm pack` build). */
function buildIsFresh(): boolean {
  try {
    const recorded = JSON.parse(readFileSync(join(ROOT, BUILD_INFO), "utf8")) as { sourceHash?: string };
    return recorded.sourceHash === sourceHash(ROOT) && existsSync(join(ROOT, "bin", "index.d.ts"));
  } catch {
    return false;
  }
}

/** Links `name` (`zod`, `@pulumi/okta`) into `nodeModules` from this checkout: what npm would install. */
function link(nodeModules: string, name: string): void {
  const target = join(ROOT, "node_modules", name);
  expect(existsSync(target), `${name} is not installed in this checkout`).toBe(true);
  mkdirSync(dirname(join(nodeModules, name)), { recursive: true });
  symlinkSync(target, join(nodeModules, name), "dir");
}

/** Every file the library entry reaches through relative imports (what the analyzer and Node follow). */
function libraryClosure(): string[] {
  const seen = new Set<string>();
  const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (!file.endsWith(".ts")) return; // a JSON file
    for (const { fileName: spec } of ts.preProcessFile(readFileSync(join(ROOT, file), "utf8"), true, true).importedFiles) {
      if (!spec.startsWith(".")) continue;
      const base = join(dirname(file), spec);
      const found = [base, `${base}.ts`, join(base, "index.ts")].find((c) => isFile(join(ROOT, c)));
      expect(found, `${file} imports ${spec}, which resolves to no file`).toBeDefined();
      visit(found!.split("\\").join("/"));
    }
  };
  visit("index.ts");
  return [...seen].sort();
}

beforeAll(() => {
  if (!buildIsFresh()) run("npm", ["run", "build"], ROOT);
  tmp = mkdtempSync(join(tmpdir(), "oidc-apps-pack-"));
  // --ignore-scripts: bin/ is fresh, `prepare` would only build it again.
  const [packed] = JSON.parse(run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", tmp], ROOT)) as PackResult[];
  files = packed!.files.map((f) => f.path).sort();
  const consumer = join(tmp, "consumer");
  mkdirSync(join(consumer, "node_modules"), { recursive: true });
  run("tar", ["-xzf", join(tmp, packed!.filename), "-C", tmp], tmp);
  pkgDir = join(consumer, "node_modules", "oidc-apps");
  renameSync(join(tmp, "package"), pkgDir);
  // What npm would install for the consumer: the package's dependencies and peer dependencies (npm 7+ installs
  // peers), and the consumer's own @types/node. Linked, so Node's realpath resolution shares one @pulumi/pulumi.
  const manifest = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
  for (const name of new Set([...Object.keys(manifest["dependencies"] ?? {}), ...Object.keys(manifest["peerDependencies"] ?? {}), "@types/node"])) link(join(consumer, "node_modules"), name);
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true, dependencies: { "oidc-apps": "0.2.0" } }, null, 2));
  writeFileSync(join(consumer, "index.ts"), CONSUMER_PROGRAM);
  // The repository's TypeScript example, checked against the package as published too (in the repo, tsconfig.json
  // `paths` maps "oidc-apps" to the sources).
  writeFileSync(join(consumer, "example.ts"), readFileSync(join(ROOT, "examples", "typescript", "index.ts"), "utf8"));
  writeFileSync(join(consumer, "run.js"), RUNNER);
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({
      // node16 resolves "oidc-apps" through package.json `exports["."].types`, as current TypeScript setups do.
      compilerOptions: { strict: true, target: "ES2022", module: "node16", moduleResolution: "node16", types: ["node"], skipLibCheck: false, outDir: "out", rootDir: "." },
      files: ["index.ts", "example.ts"],
    }),
  );
  // The two slow steps (seconds each: the Okta and Auth0 typings, the analyzer) run side by side; each test
  // awaits its own.
  typeCheck = execFileAsync(process.execPath, [TSC, "-p", "."], { cwd: consumer, env: childEnv(), encoding: "utf8" }).then(
    () => undefined,
    (e: Error & { stdout?: string }) => e,
  );
  served = schemaViaRunPlugin(pkgDir);
  served.catch(() => undefined); // reported by its test
}, 120_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("the npm tarball", () => {
  it("holds the built library with its declarations, the sources the plugin analyzer reads, PulumiPlugin.yaml", () => {
    for (const f of ["package.json", "bin/index.js", "bin/index.d.ts", "index.ts", "PulumiPlugin.yaml", "tsconfig.json", "CHANGELOG.md", "README.md"]) expect(files).toContain(f);
    // Every file the library entry reaches, as TypeScript (the analyzer) and compiled (Node, tsc).
    for (const f of libraryClosure()) {
      expect(files, "source").toContain(f);
      if (f.endsWith(".ts")) for (const built of [f.replace(/\.ts$/, ".js"), f.replace(/\.ts$/, ".d.ts")]) expect(files, "built").toContain(`bin/${built}`);
    }
  });

  it("holds no program, tests, stacks, tools or secrets-looking files", () => {
    const refused = files.filter(
      (f) =>
        /^(bin\/)?(program|test|bench|scripts|plan|verify|policy|stacks|examples|schema)\//.test(f) ||
        /(^|\/)Pulumi(\.[^/]+)?\.yaml$/.test(f) || // the project file and stack files
        /\.(test|spec)\.[cm]?[jt]s$/.test(f) ||
        /^bin\/build-info\.json$/.test(f) ||
        /(^|\/)\.env(\.|$)|(^|\/)\.npmrc$|\.(pem|key|p12|pfx|jks|tgz)$|(^|\/)id_(rsa|ecdsa|ed25519)|credential/i.test(f),
    );
    expect(refused).toEqual([]);
    // Nothing shipped holds a private key body, whatever its name.
    const withKeys = files.filter((f) => /-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/=]{40,}/.test(readFileSync(join(pkgDir, f), "utf8")));
    expect(withKeys).toEqual([]);
  });

  it("type-checks a fresh TypeScript program importing it, and examples/typescript, with the shipped declarations checked", async () => {
    const failure = await typeCheck;
    if (failure) throw new Error(`tsc failed:\n${failure.stdout ?? ""}${failure.message}`);
    expect(existsSync(join(tmp, "consumer", "out", "index.js"))).toBe(true);
  }, 60_000);

  it("runs under the Pulumi mocks: the component registers the Okta web app with the given redirect URIs", () => {
    const consumer = join(tmp, "consumer");
    expect(existsSync(join(consumer, "out", "index.js")), "the type-check compiles the program").toBe(true);
    const out = JSON.parse(run(process.execPath, ["run.js"], consumer)) as { clientId: string; registered: { type: string; name: string; inputs: Record<string, unknown> }[] };
    const apps = out.registered.filter((r) => r.type === "okta:app/oAuth:OAuth");
    expect(apps).toHaveLength(1);
    expect(apps[0]!.inputs).toMatchObject({ type: "web", redirectUris: REDIRECT_URIS });
    expect(out.registered.some((r) => r.type === "oidc-apps:index:OktaWebApp" && r.name === "shop")).toBe(true);
    expect(out.clientId).toBe(`cid-${apps[0]!.name}`);
  }, 60_000);

  it("serves, as a Pulumi plugin, the schema the repository's sources give", async () => {
    const schema = JSON.parse(await served) as Record<string, unknown>;
    expect(schema).toEqual(JSON.parse(readFileSync(SCHEMA_FILE, "utf8")));
  }, 90_000);
});
