/**
 * A frozen copy of the checkout for one bench run: the sources the measurements load, built into its own bin/,
 * with the checkout's node_modules linked. Every row of a run measures the same code, even when someone edits
 * the checkout meanwhile (the compiled program refuses to start when bin/ is older than the sources).
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ENTRIES = ["index.ts", "library", "program", "components", "config", "recipes", "plan", "bench", "scripts", "stacks", "package.json", "Pulumi.yaml", "tsconfig.json", "tsconfig.build.json"];

export function snapshotCheckout(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), "oidc-apps-bench-"));
  for (const entry of ENTRIES) if (existsSync(join(root, entry))) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  // The project's own build (tsc, the program bundle, the fingerprint), in the copy.
  execFileSync("npm", ["run", "--silent", "build"], { cwd: dir, stdio: "inherit" });
  return dir;
}
