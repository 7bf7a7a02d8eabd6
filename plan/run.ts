/** The offline plan: the real program (program/main.ts) evaluated under the mock runtime for one stack's config. */
import type { Diagnostic } from "../config/diagnostics";
import { PROJECT } from "../config/sections";
import { main } from "../program/main";
import { capture, type PlanInvoke, type PlanResource } from "./capture";
import { resolveOutput } from "./values";

export type { PlanInvoke, PlanResource } from "./capture";

export interface Plan {
  project: string;
  stack: string;
  resources: PlanResource[];
  invokes: PlanInvoke[];
  outputs: unknown;
  diagnostics: Diagnostic[];
}

export interface PlanInput {
  readonly stack: string;
  readonly stackFile: string;
  readonly config: Record<string, string>;
  readonly secretKeys: ReadonlySet<string>;
}

export async function runPlan(input: PlanInput): Promise<Plan> {
  let diagnostics: readonly Diagnostic[] = [];
  const run = await capture({ project: PROJECT, stack: input.stack, config: input.config, secretKeys: input.secretKeys }, () =>
    main({ stackFile: input.stackFile, secretKeys: input.secretKeys, onDiagnostics: (d) => (diagnostics = d) }),
  );
  const failed = diagnostics.some((d) => d.severity === "error");
  if (!run.result.ok && !failed) throw run.result.error; // a defect, not a user mistake
  return {
    project: PROJECT,
    stack: input.stack,
    // Not blanked on errors: the program validates before registering anything, and the tests prove it here.
    resources: run.resources,
    invokes: run.invokes,
    outputs: run.result.ok ? await resolveOutput(run.result.value) : {},
    diagnostics: [...diagnostics],
  };
}
