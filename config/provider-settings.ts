/**
 * Okta provider settings that keep a stack inside Okta's per-minute rate limits. Source: Okta rate limits
 * (developer.okta.com/docs/reference/rl-global-mgmt/: `/api/v1/apps` 20-100 requests per minute by edition)
 * and terraform-provider-okta's provider schema (backoff, min/max wait, max_retries <= 100,
 * max_api_capacity 1-100 as a percentage of each bucket).
 */
export const OKTA_PROVIDER_DEFAULTS = {
  /** Retry 429s and 5xx with exponential backoff, honouring Okta's X-Rate-Limit-Reset. */
  backoff: true,
  minWaitSeconds: 30,
  maxWaitSeconds: 300,
  maxRetries: 5,
  /**
   * Use at most half of each rate-limit bucket, leaving the other half to the org's own apps and admins: a
   * `pulumi up` must never be the reason users cannot sign in. Raise it per stack with `okta:maxApiCapacity`.
   */
  maxApiCapacity: 50,
} as const;

/** Provider tunables a stack may override, with their types and ranges. */
export const OKTA_TUNABLES: Record<string, { type: "number" | "boolean"; min?: number; max?: number }> = {
  backoff: { type: "boolean" },
  minWaitSeconds: { type: "number", min: 1, max: 3600 },
  maxWaitSeconds: { type: "number", min: 1, max: 3600 },
  maxRetries: { type: "number", min: 0, max: 100 },
  maxApiCapacity: { type: "number", min: 1, max: 100 },
  parallelism: { type: "number", min: 1, max: 100 },
  requestTimeout: { type: "number", min: 0, max: 300 },
  logLevel: { type: "number", min: 1, max: 5 },
};

/**
 * Auth0 provider switches a stack may set (`auth0:debug`, `auth0:cliLogin`, `auth0:dynamicCredentials`;
 * @pulumi/auth0 3.49.0 ProviderArgs). The program builds an explicit provider, which does not read the stack's
 * `auth0:*` config by itself, so each is read and passed on; docs/stack-file.md § Auth0 apps says what each does.
 */
export const AUTH0_SWITCHES = ["debug", "cliLogin", "dynamicCredentials"] as const;
