/**
 * Where a diff's base comes from: a previous JSON render (`--diff FILE`), or the stack file at a git revision
 * (`--diff-ref REV`), rendered now with the current code. Reading is impure; the diff itself is not.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, dirname } from "node:path";
import * as z from "zod";
import type { Plan } from "../run";

/** A usage problem with the base: exit status 2. */
export class BaseError extends Error {}

const diagnostic = z.object({ severity: z.enum(["error", "warning"]), code: z.string(), path: z.string(), message: z.string(), fix: z.string().optional() });
const planSchema = z.object({
  project: z.string(),
  stack: z.string(),
  resources: z.array(
    z.object({
      type: z.string(),
      name: z.string(),
      parent: z.string().nullable(),
      protect: z.boolean(),
      retainOnDelete: z.boolean(),
      import: z.string().optional(),
      ignoreChanges: z.array(z.string()).optional(),
      inputs: z.unknown(),
    }),
  ),
  invokes: z.array(z.object({ token: z.string(), args: z.unknown() })),
  outputs: z.unknown(),
  diagnostics: z.array(diagnostic),
});

/** A plan from `npm run plan -- <stack> --format json`. */
export function readPlanFile(path: string): Plan {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new BaseError(`cannot read the base plan ${path}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new BaseError(`the base plan ${path} is not JSON (${(e as Error).message}); write it with \`npm run -s plan -- <stack> --format json > ${path}\``);
  }
  // The diff walks values recursively: a base nested deeper than any render would overflow the stack there
  // (an internal error, exit 3). A render is a handful of levels deep; anything far deeper is not one.
  if (nestedDeeperThan(json, MAX_DEPTH)) throw new BaseError(`the base plan ${path} is not a plan render (nested deeper than ${MAX_DEPTH} levels)`);
  const parsed = planSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BaseError(`the base plan ${path} is not a plan render (${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "unexpected shape"})`);
  }
  const plan = parsed.data;
  return {
    project: plan.project,
    stack: plan.stack,
    resources: plan.resources.map((r) => ({ type: r.type, name: r.name, parent: r.parent, protect: r.protect, retainOnDelete: r.retainOnDelete, ...(r.import !== undefined ? { import: r.import } : {}), ...(r.ignoreChanges !== undefined ? { ignoreChanges: r.ignoreChanges } : {}), inputs: r.inputs })),
    invokes: plan.invokes.map((i) => ({ token: i.token, args: i.args })),
    outputs: plan.outputs,
    diagnostics: plan.diagnostics.map((d) => ({ severity: d.severity, code: d.code, path: d.path, message: d.message, ...(d.fix !== undefined ? { fix: d.fix } : {}) })) as Plan["diagnostics"],
  };
}

/** How deep a base plan's JSON may nest: renders are about 6 levels deep (resources → inputs → …). */
const MAX_DEPTH = 64;

/** Whether `value` has arrays or objects nested more than `limit` deep. Iterative, so any depth is safe to ask about. */
function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(v as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * The text of `file` at git revision `rev` (`git show <rev>:./<file>`, run in the file's directory, so any path
 * inside a work tree works), or undefined when the file did not exist there. A revision git does not know is a
 * usage error.
 */
export function stackFileAtRevision(file: string, rev: string): string | undefined {
  const cwd = dirname(file);
  const git = (args: string[]) => execFileSync("git", ["-C", cwd, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  if (rev.startsWith("-")) throw new BaseError(`"${rev}" is not a git revision`);
  try {
    git(["rev-parse", "--is-inside-work-tree"]);
  } catch {
    throw new BaseError(`${file} is not in a git work tree: --diff-ref reads the stack file from git (use --diff with a saved render instead)`);
  }
  try {
    git(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  } catch {
    throw new BaseError(`git does not know the revision "${rev}" (in ${cwd}); fetch it first, e.g. \`git fetch origin ${rev}\``);
  }
  try {
    return git(["show", `${rev}:./${basename(file)}`]);
  } catch {
    return undefined;
  }
}
