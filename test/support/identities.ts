/**
 * What must never change by accident (issue 19): every resource's URN as the engine makes it (stack, project,
 * the parent chain's types, type and name), with its parent, and every stack output key. A rename of either
 * deletes and recreates the app in the org (a new client id) or breaks a consumer of the stack's outputs.
 */
import { readFileSync } from "node:fs";
import { generatedConfig } from "../../bench/stack";
import { readStackFileText } from "../../config/stack-file";
import { auth0Apps, AUTH0_TENANT, environment, oktaApps, ORG_NAME, stackConfig, stackYaml } from "./stacks";
import { resourceUrn } from "../../plan/capture";
import { runPlan, type Plan } from "../../plan/run";

export interface Identities {
  /** `<urn>  <parent's type::name or "-">`, in constructor order. */
  readonly resources: string[];
  /** Dotted paths of every stack output leaf (arrays are leaves), sorted. */
  readonly outputs: string[];
}

export function identitiesOf(plan: Plan): Identities {
  const qualified = new Map<string, string>();
  const resources = plan.resources.map((r) => {
    const type = r.parent === null ? r.type : `${qualified.get(r.parent) ?? `?${r.parent}`}$${r.type}`;
    qualified.set(`${r.type}::${r.name}`, type);
    return `${resourceUrn({ project: plan.project, stack: plan.stack }, type, r.name)}  ${r.parent ?? "-"}`;
  });
  const outputs: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    } else outputs.push(path);
  };
  walk(plan.outputs, "");
  return { resources, outputs: outputs.sort() };
}

/** The stacks the snapshot covers: every shipped stack file, and generated ones that cross the program's batches. */
export const SNAPSHOT_STACKS: readonly { readonly name: string; readonly stack: string; readonly plan: () => Promise<Plan> }[] = [
  ...["dev", "staging", "prod"].map((stack) => ({ name: `stacks/Pulumi.${stack}.yaml`, stack, plan: () => planOfText(readFileSync(`stacks/Pulumi.${stack}.yaml`, "utf8"), stack) })),
  ...[10, 60].map((n) => ({ name: `bench/stack.ts generatedConfig(${n})`, stack: "bench", plan: () => runPlan({ stack: "bench", config: generatedConfig(n), secretKeys: new Set() }) })),
  { name: "30 Okta and 30 Auth0 apps", stack: "mixed", plan: () => planOfText(mixedStack(30), "mixed") },
];

async function planOfText(text: string, stack: string): Promise<Plan> {
  const file = readStackFileText(text);
  return runPlan({ stack, config: file.config, secretKeys: file.secretKeys });
}

/** n Okta user apps and n Auth0 apps, with secrets and keys on both sides. */
function mixedStack(n: number): string {
  const okta: Record<string, unknown> = {};
  const auth0: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    okta[`okta-${i}`] = { type: i % 2 ? "web" : "browser", redirectUris: [`https://o${i}.example.com/cb`], assignTo: "everyone" };
    auth0[`auth0-${i}`] =
      i % 3 === 0
        ? { type: "regular_web", callbacks: [`https://a${i}.example.com/cb`], grantTypes: ["authorization_code", "client_credentials"], managementApiScopes: ["read:users"] }
        : i % 3 === 1
          ? { type: "regular_web", callbacks: [`https://a${i}.example.com/cb`], clientAuth: "private_key_jwt", keys: [{ kid: `k${i}` }] }
          : { type: "regular_web", callbacks: [`https://a${i}.example.com/cb`] };
  }
  return stackYaml(stackConfig({ "okta:orgName": ORG_NAME }, AUTH0_TENANT, environment("staging"), oktaApps(okta), auth0Apps(auth0)));
}


/** The committed snapshot (test/fixtures/identities.json): stack name → identities. */
export const SNAPSHOT_FILE = "test/fixtures/identities.json";

export async function currentIdentities(): Promise<Record<string, Identities>> {
  const out: Record<string, Identities> = {};
  for (const s of SNAPSHOT_STACKS) {
    const plan = await s.plan();
    if (plan.diagnostics.some((d) => d.severity === "error")) throw new Error(`${s.name} has errors: ${JSON.stringify(plan.diagnostics)}`);
    out[s.name] = identitiesOf(plan);
  }
  return out;
}
