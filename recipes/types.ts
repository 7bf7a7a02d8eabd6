/**
 * What a recipe is: a pure function from a few parameters to ordinary app configs (exactly what a user could
 * have written under `oidc-apps:okta` / `oidc-apps:auth0`, so the plan shows what will exist and the same rules
 * check it) plus a handoff template: the values the third-party product asks for, as literals or references to
 * the apps' outputs. References keep secrecy: a client secret stays a Pulumi secret inside the handoff.
 */
import type { z } from "zod";
import type { Diagnostics } from "../config/diagnostics";
import type { Environment } from "../config/schema/root";

/** `{ $ref: ["okta", "<app>", "clientId"] }`: an app output, resolved by the program after the apps exist. */
export interface OutputRef {
  readonly $ref: readonly [provider: "okta" | "auth0", app: string, ...path: string[]];
}

export type HandoffTemplate = string | number | boolean | OutputRef | readonly HandoffTemplate[] | { readonly [key: string]: HandoffTemplate };

export interface RecipeContext {
  readonly instance: string;
  readonly environment: Environment;
  /** Present when the stack sets `okta:orgName`. */
  readonly okta?: { readonly orgName: string; readonly baseUrl: string; readonly orgUrl: string };
  /** Present when the stack sets `auth0:domain`. */
  readonly auth0Domain?: string;
  /** Which provider settings the stack has at all (valid or not: invalid ones are reported where they are read). */
  readonly settingsPresent: { readonly okta: boolean; readonly auth0: boolean };
  /** Report problems with the parameters (paths under `oidc-apps:recipes.<instance>`). */
  readonly diags: Diagnostics;
  readonly path: (...segments: (string | number)[]) => string;
}

export interface Expansion {
  readonly okta?: Readonly<Record<string, Record<string, unknown>>>;
  readonly auth0?: Readonly<Record<string, Record<string, unknown>>>;
  readonly handoff: HandoffTemplate;
}

export interface Recipe<S extends z.ZodType = z.ZodType> {
  /** The reference guide it replaces (file in shared/reference/). */
  readonly guide: string;
  readonly params: S;
  /** Undefined when the parameters have a problem it reported. */
  expand(params: z.infer<S>, ctx: RecipeContext): Expansion | undefined;
}

export const ref = (provider: "okta" | "auth0", app: string, ...path: string[]): OutputRef => ({ $ref: [provider, app, ...path] });
