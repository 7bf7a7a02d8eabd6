/** The offline plan: the real program (program/main.ts) evaluated under the mock runtime for one stack's config. */
import * as pulumi from "@pulumi/pulumi";
import type { Diagnostic } from "../config/diagnostics";
import { PROJECT } from "../config/sections";
import { registerStack } from "../program/main";
import { loadStack } from "../recipes/load-stack";
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
  readonly config: Record<string, string>;
  readonly secretKeys: ReadonlySet<string>;
}

export async function runPlan(input: PlanInput): Promise<Plan> {
  // The stack file is loaded and validated before the mock runtime starts, by the loader main() runs, and the
  // program then registers the model through main()'s own registerStack (test/plan/run.test.ts pins that this
  // equals evaluating main() itself, for every stack and corpus file). Measured (issue 19, with
  // `node --trace-gc-nvp --import tsx bench/eval-child.ts plan 1000`): loaded inside the runtime, as main()
  // does, every young-generation collection of the registration that follows promoted about 1.4 MB instead of
  // 0.8 MB, until the next full collection; at 1,000 apps that was some 140 ms more in the scavenger. Why V8
  // keeps more alive then we did not find; the output is the same either way. An invalid stack file never
  // starts the runtime, so nothing is registered.
  // The config as main() reads it: through the SDK's own store, which turns the legacy `ns:config:name` keys that
  // Pulumi accepts into `ns:name` (@pulumi/pulumi runtime/config.js `setAllConfig` → `cleanKey`). Setting
  // config starts nothing; capture() sets the same map again.
  pulumi.runtime.setAllConfig(input.config, [...input.secretKeys]);
  const { model, diagnostics } = loadStack({ config: pulumi.runtime.allConfig(), stack: input.stack, secretKeys: input.secretKeys });
  // The plan JSON's keys keep their order (a contract: test/contract/plan-bytes.test.ts).
  const plan = (resources: PlanResource[], invokes: PlanInvoke[], outputs: unknown): Plan => ({ project: PROJECT, stack: input.stack, resources, invokes, outputs, diagnostics: [...diagnostics] });
  if (!model) return plan([], [], {});
  const run = await capture({ project: PROJECT, stack: input.stack, config: input.config, secretKeys: input.secretKeys }, () => registerStack(model, input.secretKeys));
  if (!run.result.ok) throw run.result.error; // a defect, not a user mistake
  return plan(run.resources, run.invokes, await resolveOutput(run.result.value));
}
