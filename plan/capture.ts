/**
 * Runs a Pulumi program function under the mock runtime, in preview mode, and records what it declares:
 * resources in constructor order with type, name, parent, protect and inputs (secrets and unknowns marked), and
 * provider function calls. Used by the offline plan and by component tests; nothing here knows Okta or Auth0.
 */
import * as pulumi from "@pulumi/pulumi";
import { planValue, redactPaths, secretPaths, UNKNOWN_SENTINEL } from "./values";

export interface PlanResource {
  type: string;
  name: string;
  /** `<type>::<name>` of the parent, or null for a resource directly under the stack. */
  parent: string | null;
  protect: boolean;
  retainOnDelete: boolean;
  /** Present when the resource is adopted: the id Pulumi imports. */
  import?: string;
  /** Present when set: input paths the engine keeps at their old values on update. */
  ignoreChanges?: string[];
  inputs: unknown;
}

export interface PlanInvoke {
  token: string;
  args: unknown;
}

export interface CaptureOptions {
  readonly project: string;
  readonly stack: string;
  readonly config?: Record<string, string>;
  readonly secretKeys?: ReadonlySet<string>;
  /**
   * Tests only: values a provider would compute on apply (client ids, secrets, key material), merged into a
   * resource's state so a test can follow a known value, such as a planted canary, through the program.
   */
  readonly computed?: (type: string, name: string) => Record<string, unknown> | undefined;
  /** Tests only: what a lookup returns, as a real org would answer it (default: an unknown id, nothing else). */
  readonly lookup?: (token: string, args: Record<string, unknown>) => Record<string, unknown> | undefined;
}

export interface Capture<T> {
  readonly resources: PlanResource[];
  /** Sorted by token, then arguments: their call order depends on when inputs resolve. */
  readonly invokes: PlanInvoke[];
  /** What the program returned, or the error it threw. */
  readonly result: { ok: true; value: T } | { ok: false; error: unknown };
}

export async function capture<T>(options: CaptureOptions, program: () => Promise<T> | T): Promise<Capture<T>> {
  const order: { key: string; parent: string | null; protect: boolean; retainOnDelete: boolean; import?: string; ignoreChanges?: string[]; type: string; name: string; secrets: Promise<(string | number)[][]> }[] = [];
  const keys = new WeakMap<pulumi.Resource, string>();
  // URNs as the engine makes them, to refuse a second registration of one as it does.
  const qualifiedTypes = new WeakMap<pulumi.Resource, string>();
  const urns = new Set<string>();
  let duplicate: Error | undefined;
  const inputsByKey = new Map<string, unknown>();
  const invokes: PlanInvoke[] = [];

  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        inputsByKey.set(`${args.type}::${args.name}`, planValue(args.inputs));
        // Echo the inputs; every other property is absent, which a preview treats as unknown.
        return { id: undefined, state: { ...args.inputs, ...options.computed?.(args.type, args.name) } };
      },
      call(args) {
        invokes.push({ token: args.token, args: planValue(args.inputs) });
        // Lookups (groups, org data) are only known against a real org.
        return options.lookup?.(args.token, args.inputs as Record<string, unknown>) ?? { id: UNKNOWN_SENTINEL };
      },
    },
    options.project,
    options.stack,
    true,
  );
  pulumi.runtime.setAllConfig(options.config ?? {}, [...(options.secretKeys ?? [])]);

  let result: Capture<T>["result"] = { ok: false, error: new Error("internal: the program did not run") };
  // The SDK records a stack trace for every promise it makes (for its leak reports, which a plan never
  // prints); with source maps on (tsx) that is most of the run time. Skip it unless asked for.
  const stackTraceLimit = Error.stackTraceLimit;
  const sourceMaps = process.sourceMapsEnabled;
  if (!process.env["OIDC_APPS_STACK_TRACES"]) {
    Error.stackTraceLimit = 0;
    // The SDK also reads call sites for every resource; source-mapping them (tsx turns it on) is costly.
    process.setSourceMapsEnabled(false);
  }
  try {
    await pulumi.runtime.runInPulumiStack(async () => {
      // A stack transformation sees every resource synchronously, in constructor order, with its options:
      // that is what makes the order deterministic and shows parent and protect.
      pulumi.runtime.registerStackTransformation((args) => {
        // Throwing here fails the constructor before it registers anything, as the engine fails the run.
        const qualifiedType = qualifiedTypeOf(args.type, args.opts.parent && qualifiedTypes.get(args.opts.parent));
        const urn = resourceUrn(options, qualifiedType, args.name);
        if (urns.has(urn)) throw (duplicate ??= new Error(duplicateUrnMessage(urn)));
        urns.add(urn);
        qualifiedTypes.set(args.resource, qualifiedType);
        const key = `${args.type}::${args.name}`;
        keys.set(args.resource, key);
        const parent = args.opts.parent ? (keys.get(args.opts.parent) ?? null) : null;
        const adopted = (args.opts as pulumi.CustomResourceOptions).import;
        const ignored = args.opts.ignoreChanges;
        order.push({
          key,
          parent,
          protect: args.opts.protect === true,
          retainOnDelete: args.opts.retainOnDelete === true,
          ...(typeof adopted === "string" ? { import: adopted } : {}),
          ...(ignored && ignored.length > 0 ? { ignoreChanges: [...ignored] } : {}),
          type: args.type,
          name: args.name,
          secrets: secretPaths(args.props),
        });
        return undefined;
      });
      // Keep our own reference: the stack's resolved outputs drop anything unknown during a preview. Catch
      // here, inside the stack, so a rejected program does not leave unhandled rejections in the runtime.
      try {
        result = { ok: true, value: await program() };
      } catch (error) {
        result = { ok: false, error };
      }
      return {};
    });
  } catch (error) {
    result = { ok: false, error };
  }
  try {
    // Even if the program caught the constructor's error: the engine fails the whole run.
    if (duplicate) result = { ok: false, error: duplicate };
    await settled(() => order.every((r) => inputsByKey.has(r.key)));
    // Let the runtime finish its own calls (the stack registers its outputs after the program returns) before
    // anyone installs new mocks: a late call would otherwise reach the next run's mock monitor.
    await pulumi.runtime.disconnect();
  } finally {
    // Only now: the registrations the program started run after it returns, and make promises of their own.
    Error.stackTraceLimit = stackTraceLimit;
    process.setSourceMapsEnabled(sourceMaps);
  }

  const resources: PlanResource[] = [];
  for (const r of order) {
    const inputs = redactPaths(inputsByKey.get(r.key) ?? {}, await r.secrets);
    resources.push({
      type: r.type,
      name: r.name,
      parent: r.parent,
      protect: r.protect,
      retainOnDelete: r.retainOnDelete,
      ...(r.import !== undefined ? { import: r.import } : {}),
      ...(r.ignoreChanges !== undefined ? { ignoreChanges: r.ignoreChanges } : {}),
      inputs,
    });
  }
  return { resources, invokes: [...invokes].sort(byTokenThenArgs), result };
}

/**
 * A resource's qualified type: its parent's qualified type, `$`, its own type. A resource directly under the
 * stack has its bare type (the stack resource is never recorded, so it has no qualified type here).
 */
function qualifiedTypeOf(type: string, parentQualifiedType: string | undefined): string {
  return parentQualifiedType ? `${parentQualifiedType}$${type}` : type;
}

/**
 * The URN the engine gives a resource: `urn:pulumi:<stack>::<project>::<qualified type>::<name>` (pulumi/pulumi
 * sdk/go/common/resource/urn.go `NewURN`, called by pkg/resource/deploy/step_generator.go `generateURN` with the
 * parent's qualified type, except for the root stack). Not the mock runtime's URNs: those keep only the
 * parent's last type, so they can merge two resources the engine tells apart.
 */
export function resourceUrn(options: Pick<CaptureOptions, "project" | "stack">, qualifiedType: string, name: string): string {
  return `urn:pulumi:${options.stack}::${options.project}::${qualifiedType}::${name}`;
}

/** The engine's text for a second resource with one URN (pkg/diag/errors.go `GetDuplicateResourceURNError`, error 2001). */
export function duplicateUrnMessage(urn: string): string {
  return `Duplicate resource URN '${urn}'; try giving it a unique name`;
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
