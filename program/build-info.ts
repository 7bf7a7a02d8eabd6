/**
 * A fingerprint of the program's TypeScript sources. `npm run build` records it beside the compiled program
 * (scripts/write-build-info.ts); the compiled program compares it at start-up, so `pulumi up` never runs a
 * stale build against a production org after someone edited the sources and forgot to rebuild.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";

/** The directories and files compiled into bin/ (tsconfig.build.json): the program and the library it uses. */
export const PROGRAM_SOURCES = ["index.ts", "library", "program", "components", "config", "recipes"];

export const BUILD_INFO = "bin/build-info.json";

export function sourceHash(root: string): string {
  const hash = createHash("sha256");
  for (const file of PROGRAM_SOURCES.flatMap((entry) => tsFiles(join(root, entry))).sort()) {
    hash.update(relative(root, file).split("\\").join("/"));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex");
}

function tsFiles(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith(".ts") ? [path] : [];
  return readdirSync(path).flatMap((name) => tsFiles(join(path, name)));
}

/**
 * `pulumi up` runs the built program (bin/program/bundle.js, for a fast start-up). Refuse to run a build that no
 * longer matches the sources. Running from TypeScript (the plan, the tests) needs no check.
 */
export function staleBuild(): string | undefined {
  if (!__filename.endsWith(".js")) return undefined;
  // Bundled into bin/program/bundle.js (compiled by tsc to bin/program/build-info.js): the project root is two levels up.
  const root = resolve(__dirname, "..", "..");
  let recorded: unknown;
  try {
    recorded = JSON.parse(readFileSync(join(root, BUILD_INFO), "utf8"));
  } catch {
    return `${BUILD_INFO} is missing: run \`npm run build\` (or \`npm ci\`) before \`pulumi preview\` / \`pulumi up\`.`;
  }
  if ((recorded as { sourceHash?: unknown }).sourceHash !== sourceHash(root)) {
    return "The compiled program in bin/ is older than the TypeScript sources: run `npm run build`, then run pulumi again.";
  }
  return undefined;
}
