/**
 * The stack outputs as `pulumi stack output --json --show-secrets` prints them: the contract in
 * program/outputs.ts (documented in docs/stack-file.md, "Outputs"). Parsed loosely: keys we do not use (handoffs,
 * discoveryUrl, ...) are allowed, so verify keeps working when the contract grows.
 */
import * as z from "zod";
import { stackOutputsSchema } from "../program/outputs";
import { printable } from "./printable";

export type { Auth0AppOutput, OktaAppOutput } from "../program/outputs";

/** What Pulumi prints for a secret when `--show-secrets` is missing. */
export const MASKED = "[secret]";

/**
 * Verify reads outputs it is handed, perhaps hand-written: it checks the environment against the stack file
 * only when the outputs name one (scripts/verify.ts).
 */
const outputsSchema = stackOutputsSchema.partial({ environment: true });

export type StackOutputsJson = z.infer<typeof outputsSchema>;

export type ParsedOutputs = { ok: true; outputs: StackOutputsJson } | { ok: false; message: string };

/**
 * Parse the outputs JSON. Messages name the path and what was expected, never a value: the input holds
 * secrets.
 */
export function parseOutputs(text: string): ParsedOutputs {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: "the stack outputs are not JSON (expected the output of `pulumi stack output --json --show-secrets`)" };
  }
  const result = outputsSchema.safeParse(raw);
  if (result.success) return { ok: true, outputs: result.data };
  // A path is made of the outputs' keys (app names): escaped, since the file is not ours to trust.
  const issues = result.error.issues.map((i) => `${i.path.length > 0 ? printable(i.path.map(String).join(".")) : "(top level)"}: ${i.code === "invalid_type" ? `expected ${i.expected}` : i.code}`);
  return { ok: false, message: `the stack outputs do not have the expected shape: ${issues.join("; ")}` };
}
