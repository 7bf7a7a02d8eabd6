/**
 * The pack as a whole: how it is wired, what the engine will be told about each policy, and the files the
 * Pulumi CLI reads (the pack's package.json and tsconfig.json, the README section).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_ENFORCEMENT, POLICIES } from "../../policy/policies";

// Constructing a real PolicyPack starts the analyzer's gRPC server; record the construction instead.
vi.mock("@pulumi/policy", async (importOriginal) => ({ ...(await importOriginal<typeof import("@pulumi/policy")>()), PolicyPack: vi.fn() }));

const ROOT = join(__dirname, "..", "..");
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), "utf8")) as Record<string, unknown>;

describe("the pack", () => {
  it("policy/index.ts serves every policy as the pack `oidc-apps`", async () => {
    const { PolicyPack } = await import("@pulumi/policy");
    await import("../../policy/index");
    expect(PolicyPack).toHaveBeenCalledTimes(1);
    expect(PolicyPack).toHaveBeenCalledWith("oidc-apps", expect.objectContaining({ policies: [...POLICIES] }));
  });

  it("has unique policy names, each with a description and remediation steps", () => {
    const names = POLICIES.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of POLICIES) {
      expect(p.description.length, p.name).toBeGreaterThan(20);
      expect(p.remediationSteps?.length ?? 0, p.name).toBeGreaterThan(10);
    }
  });

  it("defaults: every security rule is mandatory; Everyone in production (a judgement call) is advisory", () => {
    expect(DEFAULT_ENFORCEMENT).toEqual({
      "redirect-uris": "mandatory",
      "deprecated-grants": "mandatory",
      "public-client-pkce": "mandatory",
      "privileged-admin-roles": "mandatory",
      "production-redirect-uris": "mandatory",
      "everyone-in-production": "advisory",
      "production-apps-protected": "mandatory",
    });
  });

  it("leaves enforcementLevel out of every config schema (the SDK exits on it: every policy takes it anyway)", () => {
    for (const p of POLICIES) {
      expect(Object.keys(p.configSchema?.properties ?? {}), p.name).not.toContain("enforcementLevel");
      expect(p.configSchema?.required ?? [], p.name).not.toContain("enforcementLevel");
    }
  });
});

describe("the files the Pulumi CLI reads", () => {
  it("policy/package.json carries the version @pulumi/policy reads, and no dependencies: they resolve from the root", () => {
    const pkg = readJson("policy/package.json");
    expect(pkg["version"]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg).not.toHaveProperty("dependencies");
    const root = readJson("package.json");
    const rootDeps = { ...(root["dependencies"] as object), ...(root["devDependencies"] as object) };
    for (const dep of ["@pulumi/policy", "@pulumi/pulumi", "@pulumi/okta", "@pulumi/auth0"]) expect(rootDeps, dep).toHaveProperty(dep);
  });

  it("policy/tsconfig.json (what Pulumi's loader compiles the pack with) agrees with the root tsconfig", () => {
    const pack = (readJson("policy/tsconfig.json")["compilerOptions"] ?? {}) as Record<string, unknown>;
    const root = (readJson("tsconfig.json")["compilerOptions"] ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(pack)) expect(value, key).toEqual(root[key]);
    for (const key of ["target", "lib", "strict", "module"]) expect(pack, key).toHaveProperty(key);
  });

  it("policy/PulumiPolicy.yaml declares the nodejs runtime", () => {
    expect(readFileSync(join(ROOT, "policy", "PulumiPolicy.yaml"), "utf8")).toMatch(/^runtime: nodejs$/m);
  });

  it("the README's Policy pack section documents the command and every policy with its default level", () => {
    const readme = readFileSync(join(ROOT, "docs", "policy-pack.md"), "utf8");
    const start = readme.indexOf("## Policy pack");
    expect(start).toBeGreaterThan(-1);
    const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
    expect(section).toContain("pulumi preview --stack prod --policy-pack policy");
    for (const [name, level] of Object.entries(DEFAULT_ENFORCEMENT)) {
      expect(section, name).toMatch(new RegExp(`^\\| \`${name}\` \\|.*\\| ${level} \\|`, "m"));
    }
  });
});
