/** Test helpers: render a stack file (path or YAML text) through the real program, as the plan CLI does. Stack files come from ./stacks. */
import { readFileSync } from "node:fs";
import { runPlan, type Plan } from "../../plan/run";
import { readStack } from "./stacks";

export async function planOfYaml(yamlText: string, stack = "test"): Promise<Plan> {
  const file = readStack(yamlText);
  return runPlan({ stack, config: file.config, secretKeys: file.secretKeys });
}

export function planOfFile(path: string, stack: string): Promise<Plan> {
  return planOfYaml(readFileSync(path, "utf8"), stack);
}

export function resourcesOfType(plan: Plan, type: string) {
  return plan.resources.filter((r) => r.type === type);
}

export function inputsOf(plan: Plan, type: string, name: string): Record<string, unknown> {
  const r = plan.resources.find((x) => x.type === type && x.name === name);
  if (!r) throw new Error(`no ${type} named ${name} in the plan: ${plan.resources.map((x) => `${x.type}::${x.name}`).join(", ")}`);
  return r.inputs as Record<string, unknown>;
}
