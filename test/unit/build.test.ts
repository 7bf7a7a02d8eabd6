import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROGRAM_SOURCES, sourceHash } from "../../program/build-info";

describe("how pulumi runs the program", () => {
  it("Pulumi.yaml runs the compiled program with stack files in stacks/", () => {
    const project = parse(readFileSync("Pulumi.yaml", "utf8")) as Record<string, unknown>;
    expect(project).toMatchObject({ name: "oidc-apps", main: "bin/index.js", stackConfigDir: "stacks", runtime: { name: "nodejs", options: { typescript: false } } });
  });

  it("the build compiles exactly the sources the staleness check fingerprints", () => {
    const build = readFileSync("tsconfig.build.json", "utf8");
    for (const source of PROGRAM_SOURCES) expect(build).toContain(source.endsWith(".ts") ? `"${source}"` : `"${source}/**/*.ts"`);
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["prepare"]).toBe("npm run build");
  });

  it("the source fingerprint changes with any program source and ignores everything else", () => {
    const dir = mkdtempSync(join(tmpdir(), "oidc-apps-hash-"));
    for (const source of PROGRAM_SOURCES) cpSync(source, join(dir, source), { recursive: true });
    const before = sourceHash(dir);
    expect(sourceHash(dir)).toBe(before);
    writeFileSync(join(dir, "README.md"), "not a source");
    expect(sourceHash(dir)).toBe(before);
    writeFileSync(join(dir, "config/show.ts"), readFileSync("config/show.ts", "utf8") + "\n// edited\n");
    expect(sourceHash(dir)).not.toBe(before);
  });
});
