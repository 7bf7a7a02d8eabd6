/** A component's `environment`: the stack file's `oidc-apps:environment`, default production (the strictest). */
import type { Diagnostics } from "../config/diagnostics";
import { STACK_FILE_RULES } from "../config/rules/stack-file";
import { ENVIRONMENTS, type Environment } from "../config/schema/root";
import { show } from "../config/show";
import { didYouMean } from "../config/suggest";

export const DEFAULT_ENVIRONMENT: Environment = "production";

export function environmentOf(raw: unknown, name: string, diags: Diagnostics): Environment | undefined {
  if (raw === undefined) return DEFAULT_ENVIRONMENT;
  if (typeof raw === "string" && (ENVIRONMENTS as readonly string[]).includes(raw)) return raw as Environment;
  diags.report(STACK_FILE_RULES.CONFIG_INVALID_VALUE, `${name}.environment`, `must be one of ${ENVIRONMENTS.join(", ")}; got ${show(raw)}.${typeof raw === "string" ? didYouMean(raw, ENVIRONMENTS) : ""}`);
  return undefined;
}
