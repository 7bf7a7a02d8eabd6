/**
 * A fingerprint of the program's TypeScript sources. `npm run build` records it beside the compiled program;
 * the compiled program compares it at start-up, so `pulumi up` never runs a stale build against a production
 * org after someone edited the sources and forgot to rebuild.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/** The directories and files compiled into bin/ (tsconfig.build.json). */
export const PROGRAM_SOURCES = ["index.ts", "components", "config", "recipes"];

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

export const BUILD_INFO = "bin/build-info.json";
