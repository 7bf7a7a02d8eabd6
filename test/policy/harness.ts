/**
 * A test harness for the policies. @pulumi/policy has no official one, so this builds what its analyzer
 * server builds for each engine request (server.js `makeAnalyzeRpcFun` / `makeAnalyzeStackRpcFun`): the
 * argument bags with type tokens taken from the resource classes, properties wrapped in the SDK's own
 * unknown-checking proxy, `getConfig`, `notApplicable`; and it catches what the server catches.
 */
import * as policySdk from "@pulumi/policy";
import * as proxyModule from "@pulumi/policy/proxy";
import type {
  PolicyResource,
  PolicyResourceOptions,
  ReportViolation,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationArgs,
  StackValidationPolicy,
} from "@pulumi/policy";
import { isUnknownValueError, STACK_TYPE, tokenOf, type ResourceClass } from "../../policy/support";

/** The SDK's proxy and its unknown-string sentinel: exported at run time, stripped from the typings. */
const unknownCheckingProxy = (policySdk as unknown as { unknownCheckingProxy: <T>(props: T) => T }).unknownCheckingProxy;
/** A string value that is known only after apply, as the engine sends it during a preview. */
export const UNKNOWN_STRING = (proxyModule as unknown as { unknownStringValue: string }).unknownStringValue;

export interface Violation {
  readonly message: string;
  readonly urn?: string;
}

export interface Outcome {
  readonly violations: Violation[];
  /** The reason given to `notApplicable`, when the policy called it. */
  readonly notApplicable?: string;
  /** The policy read a value unknown during preview (the server turns this into an advisory "can't run"). */
  readonly unknown?: Error;
}

class NotApplicable extends Error {
  constructor(readonly reason: string | undefined) {
    super(`not applicable: ${reason ?? ""}`);
  }
}

function options(protect: boolean, parent?: string): PolicyResourceOptions {
  return {
    protect,
    ignoreChanges: [],
    aliases: [],
    customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
    additionalSecretOutputs: [],
    ...(parent ? { parent } : {}),
  };
}

export function urnOf(type: string, name: string): string {
  return `urn:pulumi:test::oidc-apps::${type}::${name}`;
}

export interface ResourceOptions {
  readonly name?: string;
  readonly protect?: boolean;
  /** Policy config, as `getConfig()` returns it (the pack's config for this policy, without enforcementLevel). */
  readonly config?: Record<string, unknown>;
}

/** A resource class or a raw type token (for types no SDK class stands for, such as the stack). */
type TypeOf = ResourceClass | string;
const typeOf = (t: TypeOf) => (typeof t === "string" ? t : tokenOf(t));

export function resourceArgs(resource: TypeOf, props: Record<string, unknown>, opts: ResourceOptions = {}): ResourceValidationArgs {
  const type = typeOf(resource);
  const name = opts.name ?? "app";
  const proxied = unknownCheckingProxy(props);
  return {
    type,
    props: proxied,
    urn: urnOf(type, name),
    name,
    opts: options(opts.protect ?? false),
    stackTags: new Map(),
    isType: (cls) => tokenOf(cls as unknown as ResourceClass) === type,
    asType: ((cls: unknown) => (tokenOf(cls as ResourceClass) === type ? proxied : undefined)) as ResourceValidationArgs["asType"],
    getConfig: <T extends object>() => (opts.config ?? {}) as T,
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason);
    },
  };
}

async function run(body: (report: ReportViolation) => Promise<void> | void): Promise<Outcome> {
  const violations: Violation[] = [];
  const report: ReportViolation = (message, urn) => violations.push(urn === undefined ? { message } : { message, urn });
  try {
    await body(report);
  } catch (error) {
    if (error instanceof NotApplicable) return { violations, notApplicable: error.reason ?? "" };
    if (isUnknownValueError(error)) return { violations, unknown: error as Error };
    throw error;
  }
  return { violations };
}

/** Run a resource policy on one resource: every validation function, as the server does. */
export function validateResource(policy: ResourceValidationPolicy, resource: TypeOf, props: Record<string, unknown>, opts: ResourceOptions = {}): Promise<Outcome> {
  const validations = policy.validateResource === undefined ? [] : Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
  return run(async (report) => {
    for (const validate of validations) await validate(resourceArgs(resource, props, opts), report);
  });
}

export interface StackResourceOptions {
  readonly name?: string;
  readonly protect?: boolean;
  readonly parent?: PolicyResource;
}

/** A resource as a stack validation sees it: its outputs (during a preview, mostly its inputs). */
export function stackResource(resource: TypeOf, props: Record<string, unknown>, opts: StackResourceOptions = {}): PolicyResource {
  const type = typeOf(resource);
  const name = opts.name ?? "app";
  const proxied = unknownCheckingProxy(props);
  return {
    type,
    props: proxied,
    urn: urnOf(type, name),
    name,
    opts: options(opts.protect ?? false, opts.parent?.urn),
    ...(opts.parent ? { parent: opts.parent } : {}),
    dependencies: [],
    propertyDependencies: {},
    isType: (cls) => tokenOf(cls as unknown as ResourceClass) === type,
    asType: ((cls: unknown) => (tokenOf(cls as ResourceClass) === type ? proxied : undefined)) as PolicyResource["asType"],
  };
}

/** The root stack resource, whose properties are the program's outputs (oidc-apps exports `environment`). */
export function stackRoot(outputs: Record<string, unknown>): PolicyResource {
  return stackResource(STACK_TYPE, outputs, { name: "oidc-apps-test" });
}

export function stackArgs(resources: readonly PolicyResource[], config: Record<string, unknown> = {}): StackValidationArgs {
  return {
    resources: [...resources],
    stackTags: new Map(),
    getConfig: <T extends object>() => config as T,
    notApplicable: (reason?: string): never => {
      throw new NotApplicable(reason);
    },
  };
}

export function validateStack(policy: StackValidationPolicy, resources: readonly PolicyResource[], config: Record<string, unknown> = {}): Promise<Outcome> {
  return run((report) => policy.validateStack(stackArgs(resources, config), report));
}

/** Just the messages, for compact assertions. */
export function messages(outcome: Outcome): string[] {
  return outcome.violations.map((v) => v.message);
}
