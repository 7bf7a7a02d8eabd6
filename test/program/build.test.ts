import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROGRAM_SOURCES, sourceHash } from "../../program/build-info";
import { PROGRAM_BUNDLE } from "../../scripts/bundle-program";

describe("how pulumi runs the program", () => {
  it("Pulumi.yaml runs the program bundle with stack files in stacks/, and the build makes it", () => {
    const project = parse(readFileSync("Pulumi.yaml", "utf8")) as Record<string, unknown>;
    expect(project).toMatchObject({ name: "oidc-apps", main: PROGRAM_BUNDLE, stackConfigDir: "stacks", runtime: { name: "nodejs", options: { typescript: false } } });
    // tsc (which compiles the bundler script), the bundle, then the fingerprint: a build-info means both are done.
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string>; devDependencies: Record<string, string> };
    expect(pkg.scripts["build"]).toBe("tsc -p tsconfig.build.json && node bin/scripts/bundle-program.js && node bin/scripts/write-build-info.js");
    expect(readFileSync("tsconfig.build.json", "utf8")).toContain('"scripts/bundle-program.ts"');
    expect(pkg.devDependencies["esbuild"]).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("the program entry is program/index.ts and the package entry (the library) the root index.ts", () => {
    // The engine calls what the bundle of program/index.ts exports; importing the package (bin/index.js) must not run it.
    const program = readFileSync("program/index.ts", "utf8");
    expect(program).toMatch(/^import \{ main \} from "\.\/main";$/m);
    expect(program).toMatch(/^export = main;$/m);
    // Only re-exports: no side effects, nothing of the program (the analyzer and run-plugin start here too).
    const statements = readFileSync("index.ts", "utf8").replace(/\/\*[\s\S]*?\*\//g, "").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("//"));
    expect(statements).toEqual(['export * from "./library";']);
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { main: string; types: string; exports: Record<string, unknown> };
    expect(pkg).toMatchObject({ main: "bin/index.js", types: "bin/index.d.ts", exports: { ".": { types: "./bin/index.d.ts", default: "./bin/index.js" } } });
  });

  it("the build compiles exactly the sources the staleness check fingerprints", () => {
    const build = readFileSync("tsconfig.build.json", "utf8");
    for (const source of PROGRAM_SOURCES) expect(build).toContain(source.endsWith(".ts") ? `"${source}"` : `"${source}/**/*.ts"`);
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts["prepare"]).toBe("npm run build");
    // The staleness check runs from bin/program/bundle.js (or tsc's bin/program/build-info.js) and finds the root two levels up.
    expect(readFileSync("program/build-info.ts", "utf8")).toContain('resolve(__dirname, "..", "..")');
    expect(readFileSync("tsconfig.json", "utf8")).toContain('"library/**/*.ts"');
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
