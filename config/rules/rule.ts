/**
 * What a rule is. A leaf: it imports nothing, so the rule groups (config/rules/*.ts), the diagnostics
 * collection and the catalogue can all depend on it without depending on each other.
 *
 * Checks report a rule by reference (`diags.report(OKTA_URIS.OKTA_REDIRECT_HTTP, path, message)`), never by
 * a string, so the compiler proves that every reported rule exists and carries its severity and default fix.
 */
export type Severity = "error" | "warning";

export interface Rule<C extends string = string> {
  /** Stable code, e.g. OKTA_REDIRECT_HTTP: a contract (editors, CI logs and suppressions name it). */
  readonly code: C;
  readonly severity: Severity;
  /** One line: what is wrong. */
  readonly summary: string;
  /** Why it matters. */
  readonly rationale: string;
  /** Where the rule comes from: a provider's documentation or source, a standard, or our documented policy. */
  readonly source: string;
  /** The default fix; a check may give a more specific one with the diagnostic. */
  readonly fix: string;
}

/** A rule as it is written in its group: everything but the code, which is its key. */
export type RuleText = Omit<Rule, "code">;

/** A group's rules, each carrying its key as its code (with the literal type, so codes stay checkable). */
export type RuleGroup<T extends Record<string, RuleText>> = { readonly [K in keyof T & string]: Rule<K> };

/** Gives every rule of a group its code: the key it is written under. */
export function defineRules<const T extends Record<string, RuleText>>(texts: T): RuleGroup<T> {
  const group: Record<string, Rule> = {};
  for (const [code, text] of Object.entries(texts)) group[code] = { code, ...text };
  return group as RuleGroup<T>;
}

/** Whether a value is a rule (a zod refinement may carry one in its issue's params). */
export function isRule(value: unknown): value is Rule {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return typeof r["code"] === "string" && (r["severity"] === "error" || r["severity"] === "warning") && typeof r["fix"] === "string";
}
