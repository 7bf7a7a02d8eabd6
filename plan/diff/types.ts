/**
 * The reviewer's view of a change: what a plan diff holds. The first five keys are the contract in docs/plan-and-review.md
 * ("Reviewing changes"); `lookups`, `outputs`, `notes` and `warnings` follow them (`warnings`, and the risk
 * kinds `retarget` and `revoke`, were added with issue 15: readers that ignore unknown keys and kinds are
 * unaffected).
 */
import type { PlanInvoke } from "../run";

export const RISK_KINDS = [
  "retarget",
  "replace",
  "delete",
  "revoke",
  "protection-removed",
  "secret-rotated",
  "role-added",
  "scope-widened",
  "assignment-widened",
  "redirect-added",
] as const;

/** In this order in every output: the most disruptive first. */
export type RiskKind = (typeof RISK_KINDS)[number];

/** One leaf that differs. `null` means "not set" on that side. Secrets are "[secret]" on both sides. */
export interface PropertyChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
  /** Present (true) when the provider cannot update this property in place: the resource is re-created. */
  readonly replaces?: true;
}

/** An added or removed resource, as it appears in the plan it comes from. */
export interface ResourceEntry {
  /** `<type>::<name>`. */
  readonly resource: string;
  readonly type: string;
  readonly name: string;
  readonly parent: string | null;
  readonly protect: boolean;
  readonly retainOnDelete: boolean;
  readonly import?: string;
  readonly ignoreChanges?: readonly string[];
  readonly inputs: unknown;
  /** What a reviewer should know about it, e.g. that a new app gets a new client id. */
  readonly note?: string;
}

export interface ResourceChange {
  /** `<type>::<name>`. */
  readonly resource: string;
  readonly properties: PropertyChange[];
}

export interface Risk {
  readonly kind: RiskKind;
  /** `<type>::<name>` of the resource, or `lookup <token> <args>` for an org lookup. */
  readonly resource: string;
  readonly detail: string;
}

export interface Diff {
  readonly stack: string;
  readonly added: ResourceEntry[];
  readonly removed: ResourceEntry[];
  readonly changed: ResourceChange[];
  readonly risks: Risk[];
  /** Org lookups (group ids) the head makes that the base did not, and the other way round. */
  readonly lookups: { readonly added: PlanInvoke[]; readonly removed: PlanInvoke[] };
  /** Stack outputs that differ, by dotted path. */
  readonly outputs: PropertyChange[];
  /** About the comparison itself (e.g. the base had no stack file). */
  readonly notes: string[];
  /** The head stack file's warnings: the ones the base did not have first (`new: true`), then the rest, each in head order. */
  readonly warnings: DiffWarning[];
}

/** A warning of the head stack file, as the loader reports it. */
export interface DiffWarning {
  readonly code: string;
  /** Config key path, e.g. `oidc-apps:okta.apps.bot.apiScopes`. */
  readonly path: string;
  readonly message: string;
  readonly fix?: string;
  /** True when the base had no warning with this code, path and message. */
  readonly new: boolean;
}

export function isEmptyDiff(diff: Diff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    diff.risks.length === 0 &&
    diff.lookups.added.length === 0 &&
    diff.lookups.removed.length === 0 &&
    diff.outputs.length === 0
  );
}
