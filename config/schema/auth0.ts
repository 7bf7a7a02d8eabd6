/** Shape of `oidc-apps:auth0`. Rules (URLs, grants, scopes) live in config/rules/auth0.ts. */
import * as z from "zod";
import { keySchema } from "./okta";

export const AUTH0_APP_TYPES = ["regular_web"] as const;

export const AUTH0_GRANT_TYPES = ["authorization_code", "refresh_token", "client_credentials", "implicit"] as const;

export const auth0AppSchema = z.strictObject({
  type: z.enum(AUTH0_APP_TYPES),
  /** Bring an existing application (and its credentials, and optionally its Management API grant) under management. */
  adopt: z.strictObject({ id: z.string().min(1).max(100), managementApiGrantId: z.string().min(1).max(100).optional() }).optional(),
  name: z.string().min(1).max(100).optional(),
  callbacks: z.array(z.string().min(1)).optional(),
  allowedLogoutUrls: z.array(z.string().min(1)).optional(),
  webOrigins: z.array(z.string().min(1)).optional(),
  initiateLoginUri: z.string().min(1).optional(),
  grantTypes: z.array(z.enum(AUTH0_GRANT_TYPES)).min(1).optional(),
  allowDeprecatedGrants: z.array(z.enum(["implicit"])).optional(),
  clientAuth: z.enum(["client_secret_post", "client_secret_basic", "private_key_jwt"]).optional(),
  clientSecretVersion: z.number().int().min(1).optional(),
  keys: z.array(keySchema).optional(),
  refreshToken: z
    .strictObject({
      rotation: z.enum(["rotate", "static"]).optional(),
      leewaySeconds: z.number().int().min(0).optional(),
      tokenLifetimeSeconds: z.number().int().min(1).optional(),
      idleTokenLifetimeSeconds: z.number().int().min(1).optional(),
    })
    .optional(),
  managementApiScopes: z.array(z.string().min(1)).optional(),
});

export type RawAuth0App = z.infer<typeof auth0AppSchema>;

/** Auth0 provider config keys (@pulumi/auth0 3.49.0 ProviderArgs); credentials among them must be secrets. */
export const AUTH0_PROVIDER_KEYS = [
  "domain", "clientId", "clientSecret", "apiToken", "audience", "clientAssertionPrivateKey", "clientAssertionSigningAlg",
  "customDomainHeader", "debug", "cliLogin", "dynamicCredentials",
] as const;
export const AUTH0_CREDENTIAL_KEYS = ["clientSecret", "apiToken", "clientAssertionPrivateKey"] as const;
