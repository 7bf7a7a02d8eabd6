/**
 * The stack outputs as `pulumi stack output --json --show-secrets` prints them: the contract documented in the
 * README ("Outputs") and typed by `StackOutputs` in index.ts. Parsed with zod, loosely: keys we do not use
 * (handoffs, discoveryUrl, ...) are allowed, so verify keeps working when the contract grows.
 */
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type main from "../index";
import { printable } from "./printable";

/** What Pulumi prints for a secret when `--show-secrets` is missing. */
export const MASKED = "[secret]";

const oktaAppSchema = z.looseObject({
  type: z.string(),
  clientId: z.string(),
  clientSecret: z.string().optional(),
  issuer: z.string(),
  discoveryUrl: z.string().optional(),
  tokenEndpoint: z.string().optional(),
  scopes: z.string().optional(),
  keyIds: z.array(z.string()).optional(),
  activeKeyId: z.string().optional(),
  jwks: z.array(z.unknown()).optional(),
  privateKeys: z.record(z.string(), z.object({ pem: z.string(), jwk: z.string() })).optional(),
});

const auth0AppSchema = z.looseObject({
  type: z.string(),
  domain: z.string(),
  clientId: z.string(),
  clientSecret: z.string().optional(),
  issuer: z.string(),
});

const outputsSchema = z.looseObject({
  environment: z.string().optional(),
  okta: z.record(z.string(), oktaAppSchema).optional(),
  auth0: z.record(z.string(), auth0AppSchema).optional(),
});

export type OktaAppOutput = z.infer<typeof oktaAppSchema>;
export type Auth0AppOutput = z.infer<typeof auth0AppSchema>;
export type StackOutputsJson = z.infer<typeof outputsSchema>;

/**
 * Compile-time link to the program: the resolved outputs of index.ts must fit this schema. If the program's
 * outputs change shape, this line stops compiling instead of verify silently reading nothing.
 */
type Fits<T extends U, U> = T;
export type ProgramOutputsFit = Fits<pulumi.Unwrap<main.StackOutputs>, StackOutputsJson>;

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
