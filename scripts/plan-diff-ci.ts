/**
 * What CI comments on a pull request, per stack: the offline plan diff of the base revision, rendered with the
 * base revision's own code, against the head, rendered with this checkout's code. So a change to code alone
 * (a secret length, a default, a recipe) shows what it changes in every stack, which `--diff-ref` cannot show:
 * it renders both sides with one code.
 *
 *   npx tsx scripts/plan-diff-ci.ts --base-dir DIR --out DIR [--head-dir DIR] [--base-ref REV] [--head-ref REV] [--stack NAME]...
 *
 * - `--base-dir`: a checkout of the base revision with its own dependencies installed (`npm ci` there). Its
 *   stack files are rendered by its code: `npm run -s plan -- <stack> --format json`, run in that directory.
 * - `--head-dir`: where the head's stack files are (default `.`); they are rendered by this process's code.
 * - `--out`: one `<stack>.md` per stack on either side (a PR comment, marker first).
 * - `--base-ref`, `--head-ref`: how the comment names the two revisions (e.g. commit SHAs).
 * - `--stack`: only these stacks (default: every stack file on either side).
 *
 * When the base code cannot render a stack (it fails, or prints no plan), its stack file is rendered with this
 * checkout's code instead and the comment says so. Exit 0; 1 when a head stack file has errors (the comment
 * shows them); 2 usage. Offline: no Pulumi CLI, no credentials; the CI job that runs it holds none.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { commentMarker, diffMarkdown, diffPlans, type DiffLabels } from "../plan/diff";
import { BaseError, readPlanFile } from "../plan/diff/base";
import { summaryLine } from "../plan/diff/lines";
import type { Plan } from "../plan/run";
import { emptyPlan, errorsMarkdown, render } from "./plan";

const USAGE = "usage: npx tsx scripts/plan-diff-ci.ts --base-dir DIR --out DIR [--head-dir DIR] [--base-ref REV] [--head-ref REV] [--stack NAME]...";
const STACK_FILE = /^Pulumi\.([A-Za-z0-9_.-]+)\.yaml$/;

export async function cli(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let values: { "base-dir"?: string; out?: string; "head-dir"?: string; "base-ref"?: string; "head-ref"?: string; stack?: string[] };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { "base-dir": { type: "string" }, out: { type: "string" }, "head-dir": { type: "string" }, "base-ref": { type: "string" }, "head-ref": { type: "string" }, stack: { type: "string", multiple: true } },
    }));
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const baseDir = values["base-dir"];
  const outDir = values.out;
  if (!baseDir || !outDir) {
    err(`--base-dir and --out are required\n${USAGE}\n`);
    return 2;
  }
  if (!existsSync(join(baseDir, "package.json"))) {
    err(`${baseDir} is not a checkout of the base revision (no package.json)\n${USAGE}\n`);
    return 2;
  }
  const headDir = values["head-dir"] ?? ".";
  const baseRef = values["base-ref"] ?? "the base revision";
  const headRef = values["head-ref"] ?? "this change";
  const stacks = values.stack ?? [...new Set([...stacksIn(headDir), ...stacksIn(baseDir)])].sort();
  for (const stack of stacks) {
    if (!/^[A-Za-z0-9_.-]+$/.test(stack)) {
      err(`"${stack}" is not a stack name\n${USAGE}\n`);
      return 2;
    }
  }

  mkdirSync(outDir, { recursive: true });
  let status = 0;
  for (const stack of stacks) {
    const rel = `stacks/Pulumi.${stack}.yaml`;
    const headFile = join(headDir, rel);
    const baseFile = join(baseDir, rel);
    let text: string;
    let line: string;
    if (!existsSync(headFile)) {
      text = deletedMarkdown(stack, rel);
      line = "the stack file is deleted by this change";
    } else {
      const head = await render(stack, rel, readFileSync(headFile, "utf8"));
      if (head.diagnostics.some((d) => d.severity === "error")) {
        text = errorsMarkdown(head, rel);
        line = "the stack file has errors";
        status = 1;
      } else {
        const notes: string[] = [];
        let rendered = `the base rendered with the base revision's own code (${baseRef}), the head with this change's code (${headRef}): code changes show here as well as stack file changes`;
        let base: Plan;
        if (!existsSync(baseFile)) {
          notes.push(`${rel} does not exist at ${baseRef}: the stack is new, everything shows as added.`);
          base = emptyPlan(stack);
        } else {
          const byBaseCode = renderWithBaseCode(baseDir, stack);
          if ("plan" in byBaseCode) {
            base = byBaseCode.plan;
          } else {
            notes.push(`The base revision's code could not render this stack (${byBaseCode.problem}): the base is rendered with this change's code instead, so this diff shows what the stack file change does, not what a code change does.`);
            rendered = `both sides rendered with this change's code (${headRef}), see the note`;
            base = await render(stack, `${baseRef}:${rel}`, readFileSync(baseFile, "utf8"));
          }
        }
        const labels: DiffLabels = { base: `${baseRef}:${rel}`, rendered, command: `npx tsx scripts/plan-diff-ci.ts --base-dir <a checkout of ${baseRef}, after npm ci> --out plan-diff --stack ${stack}` };
        const diff = diffPlans(base, head, { notes });
        text = diffMarkdown(diff, labels);
        line = summaryLine(diff);
      }
    }
    writeFileSync(join(outDir, `${stack}.md`), text);
    out(`${stack}: ${line}\n`);
  }
  return status;
}

function stacksIn(dir: string): string[] {
  const stacksDir = join(dir, "stacks");
  if (!existsSync(stacksDir)) return [];
  return readdirSync(stacksDir)
    .map((f) => STACK_FILE.exec(f)?.[1])
    .filter((s): s is string => s !== undefined);
}

/**
 * The base revision's render of its stack file, by its own code (`npm run -s plan -- <stack> --format json` in
 * its checkout). Exit 1 is a render too (the base stack file has errors: the JSON lists them).
 */
function renderWithBaseCode(baseDir: string, stack: string): { plan: Plan } | { problem: string } {
  const run = spawnSync("npm", ["run", "-s", "plan", "--", stack, "--format", "json"], { cwd: resolve(baseDir), encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 10 * 60 * 1000 });
  if (run.error) return { problem: `npm could not be run: ${run.error.message}` };
  const firstLine = (run.stderr ?? "").split("\n").find((l) => l.trim() !== "") ?? "";
  if (run.status !== 0 && run.status !== 1) return { problem: `npm run plan exited ${run.status ?? run.signal}${firstLine ? `: ${firstLine.slice(0, 200)}` : ""}` };
  // Through the same reader as `--diff BASE.json`: whatever the base code printed is checked to be a plan render.
  const dir = mkdtempSync(join(tmpdir(), "oidc-apps-base-"));
  const saved = join(dir, `${stack}.json`);
  writeFileSync(saved, run.stdout);
  try {
    return { plan: readPlanFile(saved) };
  } catch (e) {
    if (e instanceof BaseError) return { problem: e.message };
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function deletedMarkdown(stack: string, rel: string): string {
  return [
    commentMarker(stack),
    `### Plan diff for stack \`${stack}\``,
    "",
    `**The stack file \`${rel}\` is deleted by this change.** Nothing is destroyed by`,
    `removing the file: the stack keeps its resources until \`pulumi destroy --stack ${stack}\`.`,
    "",
  ].join("\n");
}

if (require.main === module) {
  cli(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
