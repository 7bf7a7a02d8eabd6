/** Helpers for the diff tests: stack files as objects, rendered through the real program. */
import { stringify } from "yaml";
import type { Plan, PlanResource } from "../../plan/run";
import { planOfYaml } from "../support/plan";

export type StackConfig = Record<string, unknown>;

/** A development stack for Okta org `acme` (and Auth0 tenant `acme.us.auth0.com` when it has Auth0 apps). */
export function stack(okta: Record<string, unknown>, extra: StackConfig = {}): StackConfig {
  return {
    "okta:orgName": "acme",
    "okta:baseUrl": "okta.com",
    "oidc-apps:environment": "development",
    "oidc-apps:okta": { apps: okta },
    ...extra,
  };
}

export async function render(config: StackConfig, name = "test"): Promise<Plan> {
  const plan = await planOfYaml(stringify({ config }), name);
  const errors = plan.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`fixture has errors: ${JSON.stringify(errors)}`);
  return plan;
}

/** A deep copy with `edit` applied: fixtures derive the changed stack from the base one. */
// `any`: an edit reaches into any depth of the stack config, which is plain YAML data.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function edited(config: StackConfig, edit: (c: any) => void): StackConfig {
  const copy = structuredClone(config);
  edit(copy);
  return copy;
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
