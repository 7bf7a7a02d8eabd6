/**
 * Run the whole policy pack over what the real program declares for a stack file (the offline plan, under
 * Pulumi's mock runtime): resource policies on each resource's inputs, stack policies on all of them with the
 * program's stack outputs on the root stack resource, as `pulumi preview --policy-pack policy` would.
 */
import type { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { UNKNOWN } from "../../plan/values";
import type { Plan } from "../../plan/run";
import { POLICIES } from "../../policy/policies";
import { stackResource, stackRoot, UNKNOWN_STRING, validateResource, validateStack, type Outcome } from "./harness";

export interface PackFinding {
  readonly policy: string;
  readonly level: string;
  /** The resource's name, or "(stack)" for a violation reported against the whole stack. */
  readonly resource: string;
  readonly message: string;
}

export interface PackRun {
  readonly findings: PackFinding[];
  /** Policies that could not finish on some resource because a value is unknown during preview. */
  readonly unknown: string[];
}

/** Plan values → engine values: what the plan prints as "(known after apply)" is an unknown on the wire. */
function wire(value: unknown): unknown {
  if (value === UNKNOWN) return UNKNOWN_STRING;
  if (Array.isArray(value)) return value.map(wire);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wire(v)]));
  return value;
}

export async function runPack(plan: Plan, config: Record<string, Record<string, unknown>> = {}): Promise<PackRun> {
  const findings: PackFinding[] = [];
  const unknown: string[] = [];
  const collect = (policy: ResourceValidationPolicy | StackValidationPolicy, outcome: Outcome, resourceByUrn: Map<string, string>, fallback: string) => {
    for (const v of outcome.violations) {
      findings.push({ policy: policy.name, level: policy.enforcementLevel ?? "advisory", resource: v.urn ? (resourceByUrn.get(v.urn) ?? v.urn) : fallback, message: v.message });
    }
    if (outcome.unknown) unknown.push(policy.name);
  };

  const byKey = new Map<string, PolicyResource>();
  const resources: PolicyResource[] = [stackRoot(wire(plan.outputs) as Record<string, unknown>)];
  for (const r of plan.resources) {
    const parent = r.parent ? byKey.get(r.parent) : undefined;
    const resource = stackResource(r.type, wire(r.inputs) as Record<string, unknown>, { name: r.name, protect: r.protect, ...(parent ? { parent } : {}) });
    byKey.set(`${r.type}::${r.name}`, resource);
    resources.push(resource);
  }
  const names = new Map(resources.map((r) => [r.urn, r.name]));

  for (const policy of POLICIES) {
    if ("validateStack" in policy) {
      collect(policy, await validateStack(policy, resources, config[policy.name] ?? {}), names, "(stack)");
      continue;
    }
    for (const r of plan.resources) {
      const outcome = await validateResource(policy, r.type, wire(r.inputs) as Record<string, unknown>, { name: r.name, protect: r.protect, config: config[policy.name] ?? {} });
      collect(policy, outcome, names, r.name);
    }
  }
  return { findings, unknown };
}
