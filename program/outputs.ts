/**
 * The stack outputs contract, written once: what the program exports, what `pulumi stack output --json
 * --show-secrets` prints, what verify parses and the plan reads. The README documents it ("Outputs"). Output
 * names and values are what consumers read: test/contract/identities.test.ts holds them to a record.
 *
 * Loose objects: a reader keeps working when the contract grows (keys it does not know pass through, and
 * verify's redaction still sees them). The program's own type is derived from the same schema, without those
 * open index signatures, so the program cannot export a key the contract does not name.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as z from "zod";

/** A generated signing key's private halves. Both secret. */
const privateKeySchema = z.object({
  /** PKCS#8 PEM. */
  pem: z.string(),
  /** Private JWK JSON with kid and alg. */
  jwk: z.string(),
});

export const oktaAppOutputSchema = z.looseObject({
  /** The app's kind, one of OKTA_APP_TYPES (config/schema/okta.ts). */
  type: z.string(),
  clientId: z.string(),
  /** Web apps and client-secret service apps. Secret. */
  clientSecret: z.string().optional(),
  issuer: z.string(),
  /** The program always exports it; readers do not need it. */
  discoveryUrl: z.string().optional(),
  /** Service apps. */
  tokenEndpoint: z.string().optional(),
  /** Apps with API scopes: space-separated. */
  scopes: z.string().optional(),
  keyIds: z.array(z.string()).optional(),
  /** Service apps with private key JWT: the one to sign with, and the public JWKS. */
  activeKeyId: z.string().optional(),
  jwks: z.array(z.unknown()).optional(),
  /** Generated keys by kid. */
  privateKeys: z.record(z.string(), privateKeySchema).optional(),
});

export const auth0AppOutputSchema = z.looseObject({
  /** `regular_web`, the only kind. */
  type: z.string(),
  domain: z.string(),
  clientId: z.string(),
  /** Client-secret auth. Secret. */
  clientSecret: z.string().optional(),
  issuer: z.string(),
  /** private_key_jwt: the kids Auth0 holds and the one to sign with. */
  keyIds: z.array(z.string()).optional(),
  activeKeyId: z.string().optional(),
  /** private_key_jwt, generated keys by kid. */
  privateKeys: z.record(z.string(), privateKeySchema).optional(),
});

export const stackOutputsSchema = z.looseObject({
  /** The stack file's `oidc-apps:environment`. */
  environment: z.string(),
  okta: z.record(z.string(), oktaAppOutputSchema).optional(),
  auth0: z.record(z.string(), auth0AppOutputSchema).optional(),
  /** Per recipe instance: exactly what its third-party product asks for; secrets stay secrets. */
  handoffs: z.record(z.string(), z.unknown()).optional(),
});

export type OktaAppOutput = z.infer<typeof oktaAppOutputSchema>;
export type Auth0AppOutput = z.infer<typeof auth0AppOutputSchema>;
/** The outputs as printed (secrets shown). */
export type StackOutputsJson = z.infer<typeof stackOutputsSchema>;

/** A loose object's `[key: string]: unknown` removed; a record's typed index signature kept. */
type Closed<T> = { [K in keyof T as string extends K ? (unknown extends T[K] ? never : K) : K]: T[K] };

/**
 * The values the providers determine (issue 19: no Output per value where none is needed): the program
 * exports these as Outputs, and every other value, known from the config, as it is.
 */
type Computed = "clientId" | "clientSecret" | "jwks" | "pem" | "jwk";

/** A printed value as the program returns it. Open records (`handoffs`: anything a recipe hands off) stay open. */
export type Exported<T> = T extends object
  ? T extends readonly unknown[]
    ? T
    : keyof Closed<T> extends never
      ? T
      : { readonly [K in keyof Closed<T>]: K extends Computed ? pulumi.Output<NonNullable<Closed<T>[K]>> | Extract<Closed<T>[K], undefined> : Exported<Closed<T>[K]> }
  : T;

/** The program's stack outputs: the contract, as the program builds it up. */
export type StackOutputs = { -readonly [K in keyof Exported<StackOutputsJson>]: Exported<StackOutputsJson>[K] };
export type OktaAppOutputs = Exported<OktaAppOutput>;
export type Auth0AppOutputs = Exported<Auth0AppOutput>;

/** The stack outputs' sections that hold apps, by provider. */
export type AppsSection = "okta" | "auth0";

/**
 * An app's outputs as the plan reads them, from its own render or a recorded base plan: names from the
 * contract, values unchecked (secrets and unknowns print as placeholders, and a base plan may be older).
 */
export type AppOutputsRead = { readonly [K in keyof Closed<OktaAppOutput> | keyof Closed<Auth0AppOutput>]?: unknown };
