/**
 * Evaluates the real program (`index.ts`) under Pulumi's mock runtime, in preview mode, and captures its
 * desired state: resources in registration order with type, name, parent, protect and inputs; provider
 * function calls; stack outputs; diagnostics. Nothing here knows about Okta or Auth0.
 */
import * as pulumi from "@pulumi/pulumi";
import main from "../index";
import type { Diagnostic } from "../config/diagnostics";
import { planValue, redactPaths, resolveOutput, secretPaths, UNKNOWN_SENTINEL } from "./values";

export interface PlanResource {
  type: string;
  name: string;
  /** `<type>::<name>` of the parent, or null for a resource directly under the stack. */
  parent: string | null;
  protect: boolean;
  inputs: unknown;
}

export interface PlanInvoke {
  token: string;
  args: unknown;
}

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

export const PROJECT = "oidc-apps";

export async function runPlan(input: PlanInput): Promise<Plan> {
  const order: { key: string; parent: string | null; protect: boolean; type: string; name: string; secrets: Promise<(string | number)[][]> }[] = [];
  const keys = new WeakMap<pulumi.Resource, string>();
  const inputsByKey = new Map<string, unknown>();
  const invokes: PlanInvoke[] = [];
  let diagnostics: readonly Diagnostic[] = [];

  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        inputsByKey.set(`${args.type}::${args.name}`, planValue(args.inputs));
        // Echo the inputs; every other property is absent, which a preview treats as unknown.
        return { id: undefined, state: args.inputs };
      },
      call(args) {
        invokes.push({ token: args.token, args: planValue(args.inputs) });
        // Lookups (groups, org data) are only known against a real org.
        return { id: UNKNOWN_SENTINEL };
      },
    },
    PROJECT,
    input.stack,
    true,
  );
  pulumi.runtime.setAllConfig(input.config, [...input.secretKeys]);

  let exported: unknown;
  let outputs: unknown = {};
  try {
    await pulumi.runtime.runInPulumiStack(async () => {
      // A stack transformation sees every resource synchronously, in constructor order, with its options:
      // that is what makes the plan's order deterministic and shows parent and protect.
      pulumi.runtime.registerStackTransformation((args) => {
        const key = `${args.type}::${args.name}`;
        keys.set(args.resource, key);
        const parent = args.opts.parent ? (keys.get(args.opts.parent) ?? null) : null;
        order.push({ key, parent, protect: args.opts.protect === true, type: args.type, name: args.name, secrets: secretPaths(args.props) });
        return undefined;
      });
      // Keep our own reference: the stack's resolved outputs drop anything unknown during a preview.
      exported = await main({ stackFile: input.stackFile, secretKeys: input.secretKeys, onDiagnostics: (d) => (diagnostics = d) });
      return exported as Record<string, unknown>;
    });
    outputs = await resolveOutput(exported ?? {});
  } catch (err) {
    if (!diagnostics.some((d) => d.severity === "error")) throw err;
  }
  await settled(() => order.every((r) => inputsByKey.has(r.key)));

  const failed = diagnostics.some((d) => d.severity === "error");
  const resources: PlanResource[] = [];
  for (const r of failed ? [] : order) {
    const inputs = redactPaths(inputsByKey.get(r.key) ?? {}, await r.secrets);
    resources.push({ type: r.type, name: r.name, parent: r.parent, protect: r.protect, inputs });
  }
  return {
    project: PROJECT,
    stack: input.stack,
    resources,
    invokes: failed ? [] : [...invokes].sort(byTokenThenArgs),
    outputs: failed ? {} : outputs,
    diagnostics: [...diagnostics],
  };
}

/** Mock registrations finish asynchronously; wait (boundedly) until every constructed resource has reported. */
async function settled(done: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !done(); i++) await new Promise((r) => setImmediate(r));
  if (!done()) throw new Error("internal: resource registrations did not complete under the mock runtime");
}

function byTokenThenArgs(a: PlanInvoke, b: PlanInvoke): number {
  const ka = `${a.token} ${JSON.stringify(a.args)}`;
  const kb = `${b.token} ${JSON.stringify(b.args)}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
