/** Recipe handoffs: what each recipe instance's third-party product asks for, filled from the apps' outputs. */
import * as pulumi from "@pulumi/pulumi";
import type { HandoffTemplate, OutputRef } from "../recipes/types";
import type { StackOutputs } from "./outputs";

/** Fill a recipe's handoff template with the apps' outputs; references keep their outputs' secrecy. */
export function resolveHandoff(template: HandoffTemplate, outputs: StackOutputs): unknown {
  if (typeof template !== "object") return template;
  if (Array.isArray(template)) return template.map((t: HandoffTemplate) => resolveHandoff(t, outputs));
  if ("$ref" in template) {
    const [provider, ...path] = (template as OutputRef).$ref;
    let value: unknown = outputs[provider];
    for (const key of path) value = value === undefined ? undefined : (value as Record<string, unknown>)[key];
    if (value === undefined) throw new Error(`internal: a recipe's handoff refers to ${(template as OutputRef).$ref.join(".")}, which the program did not output`);
    // apply keeps the output's secrecy: a secret JWK stays a secret object.
    return (template as OutputRef).as === "json" ? pulumi.output(value).apply((text) => JSON.parse(text as string) as unknown) : value;
  }
  return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, resolveHandoff(v, outputs)]));
}
