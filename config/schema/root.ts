/** The top-level keys of a stack file that oidc-apps reads, and the providers' own keys it knows. */
import * as z from "zod";

export const ENVIRONMENTS = ["development", "staging", "production"] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const environmentSchema = z.enum(ENVIRONMENTS);

/** `oidc-apps:<key>` keys. Each value is validated by its own module. */
export const PROJECT_KEYS = ["environment", "okta", "auth0", "recipes"] as const;

/** `oidc-apps:okta` is `{ apps: { <name>: <app> } }`. */
export const OKTA_SECTION_KEYS = ["apps"] as const;

/**
 * Okta provider config keys (@pulumi/okta 7.0.0 ProviderArgs). Credentials among them must be secrets:
 * set with `pulumi config set --secret`, never in clear text in a stack file.
 */
export const OKTA_PROVIDER_KEYS = [
  "orgName", "baseUrl", "apiToken", "accessToken", "clientId", "scopes", "privateKey", "privateKeyId",
  "backoff", "httpProxy", "logLevel", "maxApiCapacity", "maxRetries", "maxWaitSeconds", "minWaitSeconds",
  "parallelism", "requestTimeout",
] as const;
export const OKTA_CREDENTIAL_KEYS = ["apiToken", "accessToken", "privateKey"] as const;

/** Logical app names become resource names and output keys: keep them boring and stable. */
export const APP_NAME = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;
