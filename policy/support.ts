/**
 * Helpers for the policies: type tokens, reading resource properties defensively, where the environment comes
 * from, and how a validator diagnostic reads as a policy violation.
 */
import * as policySdk from "@pulumi/policy";
import type { PolicyConfigSchema, PolicyResource, ReportViolation, ResourceValidation, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import type { Diagnostic } from "../config/diagnostics";

/** One property of a policy's config schema (a JSON Schema). */
export type ConfigProperty = PolicyConfigSchema["properties"][string];

/** A resource class from a provider SDK: what `isType`, `asType` and the type tokens are taken from. */
export type ResourceClass = abstract new (...args: never[]) => unknown;

/**
 * A resource class's type token (`okta.app.OAuth` → `okta:app/oAuth:OAuth`). Generated SDKs set the static
 * `__pulumiType` that the policy SDK itself matches on; it is marked internal, so it is not in the typings.
 */
export function tokenOf(resourceClass: ResourceClass): string {
  const token = (resourceClass as unknown as { __pulumiType?: unknown }).__pulumiType;
  if (typeof token !== "string" || token === "") throw new Error(`internal: ${resourceClass.name} has no Pulumi type token`);
  return token;
}

/** The root resource of every Pulumi program; its properties are the stack outputs. */
export const STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * `UnknownValueError` is what the policy SDK's property proxy throws when a policy reads a value that is
 * known only after apply. It is exported at run time, but its typings are stripped (`proxy.d.ts` is empty).
 */
const UnknownValueError = (policySdk as unknown as { UnknownValueError: abstract new (...args: never[]) => Error }).UnknownValueError;

export function isUnknownValueError(error: unknown): boolean {
  return typeof UnknownValueError === "function" && error instanceof UnknownValueError;
}

/** A list property as an array of its elements (reading each one, so an unknown element throws here). */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [];
  const out: unknown[] = [];
  for (let i = 0; i < value.length; i++) out.push(value[i]);
  return out;
}

/**
 * A validation for some resource types, each with its own check; any other type is reported not applicable
 * once (an array of `validateResourceOfType` would report the policy not applicable to a type it did check).
 */
export function forTypes(checks: ReadonlyArray<readonly [ResourceClass | readonly ResourceClass[], (props: Record<string, unknown>, args: ResourceValidationArgs, report: ReportViolation) => void]>): ResourceValidation {
  const byToken = new Map<string, (props: Record<string, unknown>, args: ResourceValidationArgs, report: ReportViolation) => void>();
  for (const [classes, check] of checks) {
    for (const c of ([] as ResourceClass[]).concat(classes as ResourceClass | ResourceClass[])) byToken.set(tokenOf(c), check);
  }
  const tokens = [...byToken.keys()];
  return (args, report) => {
    const check = byToken.get(args.type);
    if (!check) return args.notApplicable(`Policy only applies to resources of type ${tokens.map((t) => `'${t}'`).join(", ")}`);
    check(args.props, args, report);
  };
}

/**
 * Stack validations read every resource's outputs, and during a preview some are unknown. One unknown value
 * must not hide the violations of the other resources: each resource is checked on its own, and the first
 * unknown is re-thrown at the end, so the policy SDK still says the check could not finish during preview.
 */
export function eachResource(resources: readonly PolicyResource[], check: (resource: PolicyResource) => void): void {
  let unknown: unknown;
  for (const resource of resources) {
    try {
      check(resource);
    } catch (error) {
      if (!isUnknownValueError(error)) throw error;
      unknown ??= error;
    }
  }
  // The first unknown-value error itself, rethrown: the policy SDK recognises it by its class.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (unknown !== undefined) throw unknown;
}

// --- Configuration ---------------------------------------------------------------------------------------

export const ENVIRONMENTS = ["development", "staging", "production"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const ENVIRONMENT_SCHEMA: ConfigProperty = {
  type: "string",
  enum: [...ENVIRONMENTS],
  description:
    "The stack's environment, as in `oidc-apps:environment`. Default: the program's `environment` stack output (oidc-apps exports it); when neither is there the stack is treated as production.",
};

export const EXEMPT_SCHEMA: ConfigProperty = {
  type: "array",
  items: { type: "string" },
  default: [],
  description:
    "Resource names (as `pulumi preview` shows them) or URNs exempt from this policy: the reviewed opt-in that `allowDeprecatedGrants` / `acknowledgeRoles` are in the stack file.",
};

export interface ExemptConfig {
  readonly exemptResources?: readonly string[];
}

export function isExempt(config: ExemptConfig, resource: { readonly name: string; readonly urn: string }): boolean {
  const exempt = config.exemptResources ?? [];
  return exempt.includes(resource.name) || exempt.includes(resource.urn);
}

export interface ResolvedEnvironment {
  readonly environment: Environment | undefined;
  /** Production, or unknown (fail closed). */
  readonly production: boolean;
  /** Appended to production messages when the environment is a guess. */
  readonly note: string;
}

/**
 * The stack's environment: the policy config `environment` if set, otherwise the `environment` output of the
 * stack (oidc-apps exports `oidc-apps:environment` there). Neither: treated as production, and every message
 * says so, because a production check that silently does not run is worse than a loud one that can be
 * configured away.
 */
export function resolveEnvironment(args: StackValidationArgs): ResolvedEnvironment {
  const configured = args.getConfig<{ environment?: unknown }>().environment;
  const environment = isEnvironment(configured) ? configured : stackOutputEnvironment(args.resources);
  if (environment) return { environment, production: environment === "production", note: "" };
  return {
    environment: undefined,
    production: true,
    note: " (The stack's environment is unknown, so it is treated as production: set this policy's `environment` config, or export `environment` from the program as oidc-apps does.)",
  };
}

function stackOutputEnvironment(resources: readonly PolicyResource[]): Environment | undefined {
  const stack = resources.find((r) => r.type === STACK_TYPE);
  if (!stack) return undefined;
  try {
    const value: unknown = stack.props["environment"];
    return isEnvironment(value) ? value : undefined;
  } catch (error) {
    if (isUnknownValueError(error)) return undefined;
    throw error;
  }
}

function isEnvironment(value: unknown): value is Environment {
  return typeof value === "string" && (ENVIRONMENTS as readonly string[]).includes(value);
}

// --- Messages --------------------------------------------------------------------------------------------

/** A validator diagnostic as a violation message: the rule code, the property path, what is wrong, the fix. */
export function violationOf(d: Diagnostic): string {
  return `${d.code} ${d.path}: ${d.message}${d.fix ? ` Fix: ${d.fix}` : ""}`;
}
