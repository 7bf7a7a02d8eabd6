/**
 * What a recipe is, as the loader sees it: a pure function from a few parameters to ordinary app configs
 * (exactly what a user could have written under `oidc-apps:okta` / `oidc-apps:auth0`, so the plan shows what
 * will exist and the same rules check it) plus a handoff template: the values the third-party product asks
 * for, as literals or references to the apps' outputs. References keep secrecy: a client secret stays a Pulumi
 * secret inside the handoff.
 *
 * config/ owns these types and takes the recipes through {@link RecipeCatalog} (`loadStackConfig({ recipes })`),
 * so it depends on nothing above it; the recipes themselves are in recipes/, which imports config.
 */
import type * as z from "zod";
import type { Diagnostics } from "./diagnostics";
import type { Environment } from "./schema/root";

/** `{ $ref: ["okta", "<app>", "clientId"] }`: an app output, resolved by the program after the apps exist. */
export interface OutputRef {
  readonly $ref: readonly [provider: "okta" | "auth0", app: string, ...path: string[]];
  /**
   * `json`: the output is JSON text; hand over the value it encodes. A product that takes a JSON object (a JWK)
   * then gets an object in `pulumi stack output --json`, not a string of escaped JSON that pastes as a string.
   */
  readonly as?: "json";
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

/**
 * One request the receiving product makes with what it was handed, as its source code makes it: which app it
 * signs in as, which flow, the exact scopes, and (private key JWT) the algorithms it can sign with. Verify
 * sends these requests, and the grants must cover them.
 */
export interface ConsumerRequest {
  readonly provider: "okta" | "auth0";
  /** The app (a name this recipe creates) the product authenticates as. */
  readonly app: string;
  readonly flow: "client_credentials" | "device_authorization" | "authorization_code";
  /** Exactly the scopes the product puts in the request, in its order. */
  readonly scopes: readonly string[];
  /** Auth0 Management API: the `audience` it asks for. */
  readonly audience?: string;
  /** Private key JWT: the JWS algorithms the product can sign its client assertion with. */
  readonly signingAlgs?: readonly string[];
}

/** The product that receives a handoff, the version whose source the requests were read from, and the requests. */
export interface Consumer {
  readonly product: string;
  /** e.g. "okta/okta-mcp-server v1.1.4"; "documented setup guide" where the product's source is not public. */
  readonly checkedAgainst: string;
  readonly requests: readonly ConsumerRequest[];
}

export interface Expansion {
  readonly okta?: Readonly<Record<string, Record<string, unknown>>>;
  readonly auth0?: Readonly<Record<string, Record<string, unknown>>>;
  readonly handoff: HandoffTemplate;
  /** Who receives the handoff and what it asks the issuer for. */
  readonly consumer: Consumer;
}

export interface Recipe<S extends z.ZodType = z.ZodType> {
  /** The reference guide it replaces (file in shared/reference/). */
  readonly guide: string;
  readonly params: S;
  /** Undefined when the parameters have a problem it reported. */
  expand(params: z.infer<S>, ctx: RecipeContext): Expansion | undefined;
}

/** The recipes a stack may name, by name (recipes/index.ts `RECIPES`). */
export type RecipeCatalog = Readonly<Record<string, Recipe>>;
