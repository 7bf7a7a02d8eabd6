/** Test helpers: render a stack file (path or YAML text) through the real program, as the plan CLI does. */
import { readFileSync } from "node:fs";
import { stringify } from "yaml";
import { readStackFileText } from "../../config/stack-file";
import { runPlan, type Plan } from "../../plan/run";

export async function planOfYaml(yamlText: string, stack = "test", stackFile = `stacks/Pulumi.${stack}.yaml`): Promise<Plan> {
  const file = readStackFileText(yamlText);
  if (file.diagnostics.length > 0) throw new Error(`fixture is not valid YAML: ${JSON.stringify(file.diagnostics)}`);
  return runPlan({ stack, stackFile, config: file.config, secretKeys: file.secretKeys });
}

export function planOfFile(path: string, stack: string): Promise<Plan> {
  return planOfYaml(readFileSync(path, "utf8"), stack, path);
}

/** A stack file for an Okta org `acme` with the given apps. */
export function oktaStack(apps: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return stringify({
    config: {
      "okta:orgName": "acme",
      "okta:baseUrl": "okta.com",
      "oidc-apps:environment": "development",
      "oidc-apps:okta": { apps },
      ...extra,
    },
  });
}

export function resourcesOfType(plan: Plan, type: string) {
  return plan.resources.filter((r) => r.type === type);
}

export function inputsOf(plan: Plan, type: string, name: string): Record<string, unknown> {
  const r = plan.resources.find((x) => x.type === type && x.name === name);
  if (!r) throw new Error(`no ${type} named ${name} in the plan: ${plan.resources.map((x) => `${x.type}::${x.name}`).join(", ")}`);
  return r.inputs as Record<string, unknown>;
}
