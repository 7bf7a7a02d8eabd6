/** Helpers for the diff tests: stack configs (from ../../support/stacks) rendered through the real program, and bare plans. */
import type { Plan, PlanResource } from "../../../plan/run";
import { planOfYaml } from "../../support/plan";
import { stackYaml, type StackConfig } from "../../support/stacks";

/** The plan of a stack config; fails the test when the stack has errors. */
export async function render(config: StackConfig, name = "test"): Promise<Plan> {
  const plan = await planOfYaml(stackYaml(config), name);
  const errors = plan.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`fixture has errors: ${JSON.stringify(errors)}`);
  return plan;
}

/** A plan from resources alone, for tests of the pure diff. */
export function planOf(resources: Partial<PlanResource>[], extra: Partial<Plan> = {}): Plan {
  return {
    project: "oidc-apps",
    stack: "test",
    resources: resources.map((r) => ({ type: "test:index:Thing", name: "thing", parent: null, protect: false, retainOnDelete: false, inputs: {}, ...r })),
    invokes: [],
    outputs: {},
    diagnostics: [],
    ...extra,
  };
}
