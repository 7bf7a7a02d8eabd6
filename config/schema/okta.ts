/**
 * Shape of `oidc-apps:okta`. Shape only (types, enums, unknown keys); rules that relate fields to each other
 * or to the environment live in `config/rules/`, so that one bad field never hides another problem.
 */
import * as z from "zod";
import { GRANT_TYPES, GRANT_TYPE_URNS } from "../grant-types";

export const OKTA_APP_TYPES = ["web", "browser", "native", "service"] as const;
export type OktaAppType = (typeof OKTA_APP_TYPES)[number];

const grantType = z.enum([...GRANT_TYPES, ...Object.values(GRANT_TYPE_URNS)] as [string, ...string[]]);
const uri = z.string().min(1);

export const assignToSchema = z.union([z.enum(["everyone", "none"]), z.strictObject({ groups: z.array(z.string().min(1)).min(1) })], {
  error: 'must be "everyone", "none" or { groups: [<Okta group name>, ...] }',
});

export const trustedOriginSchema = z.strictObject({
  origin: z.string().min(1),
  scopes: z.array(z.enum(["CORS", "REDIRECT", "IFRAME_EMBED"])).min(1).optional(),
});

const refreshTokenSchema = z.strictObject({
  rotation: z.enum(["rotate", "static"]).optional(),
  // Range (0..60) is a rule, not shape, so a wrong value is reported together with everything else.
  gracePeriodSeconds: z.number().int().optional(),
});

/**
 * A signing key for private key JWT. Exactly one of: generated (`algorithm`, `rsaBits`, `curve`), or brought
 * (`publicKey` PEM or `publicJwk`). Which combination is valid is a rule, so the message can say why.
 */
export const keySchema = z.strictObject({
  kid: z.string().min(1).max(255),
  active: z.boolean().optional(),
  algorithm: z.enum(["RSA", "EC"]).optional(),
  rsaBits: z.union([z.literal(2048), z.literal(3072), z.literal(4096)], { error: "must be 2048, 3072 or 4096" }).optional(),
  curve: z.enum(["P256", "P384", "P521"]).optional(),
  publicKey: z.string().min(1).optional(),
  publicJwk: z.record(z.string(), z.unknown()).optional(),
});

export const STANDARD_ADMIN_ROLES = [
  "READ_ONLY_ADMIN", "USER_ADMIN", "GROUP_MEMBERSHIP_ADMIN", "HELP_DESK_ADMIN", "APP_ADMIN", "REPORT_ADMIN",
  "API_ACCESS_MANAGEMENT_ADMIN", "ORG_ADMIN", "SUPER_ADMIN", "ACCESS_CERTIFICATIONS_ADMIN", "ACCESS_REQUESTS_ADMIN",
  "WORKFLOWS_ADMIN",
] as const;
export type StandardAdminRole = (typeof STANDARD_ADMIN_ROLES)[number];

export const adminRoleSchema = z.union(
  [z.enum(STANDARD_ADMIN_ROLES), z.strictObject({ custom: z.strictObject({ role: z.string().min(1), resourceSet: z.string().min(1) }) })],
  { error: `must be a standard role (${STANDARD_ADMIN_ROLES.join(", ")}) or { custom: { role: <role id>, resourceSet: <resource set id> } }` },
);

/** Keys every Okta app accepts. Scope names are checked against the catalogue by a rule (with suggestions). */
const commonKeys = {
  type: z.enum(OKTA_APP_TYPES),
  /** Bring an existing app under management instead of creating one (Pulumi's `import` option). */
  adopt: z.strictObject({ id: z.string().min(1).max(100) }).optional(),
  label: z.string().min(1).max(100).optional(),
  grantTypes: z.array(grantType).min(1).optional(),
  apiScopes: z.array(z.string().min(1)).optional(),
};

/** Keys every user-facing (interactive sign-in) Okta app accepts. */
const userFacingKeys = {
  ...commonKeys,
  allowDeprecatedGrants: z.array(z.enum(["implicit", "password"])).optional(),
  redirectUris: z.array(uri).optional(),
  postLogoutRedirectUris: z.array(uri).optional(),
  wildcardRedirect: z.enum(["subdomain", "disabled"]).optional(),
  initiateLoginUri: uri.optional(),
  refreshToken: refreshTokenSchema.optional(),
  trustedOrigins: z.array(trustedOriginSchema).optional(),
  assignTo: assignToSchema.optional(),
};

export const oktaAppSchemas = {
  web: z.strictObject({
    ...userFacingKeys,
    clientAuth: z.enum(["client_secret_basic", "client_secret_post"]).optional(),
    clientSecretVersion: z.number().int().min(1).optional(),
    pkceRequired: z.boolean().optional(),
  }),
  browser: z.strictObject(userFacingKeys),
  native: z.strictObject(userFacingKeys),
  service: z.strictObject({
    ...commonKeys,
    clientAuth: z.enum(["private_key_jwt", "client_secret_basic", "client_secret_post"]).optional(),
    clientSecretVersion: z.number().int().min(1).optional(),
    keys: z.array(keySchema).optional(),
    adminRoles: z.array(adminRoleSchema).optional(),
    acknowledgeRoles: z.array(z.enum(["SUPER_ADMIN", "ORG_ADMIN"])).optional(),
  }),
} satisfies Record<OktaAppType, z.ZodType>;

export type RawOktaApp<T extends OktaAppType> = z.infer<(typeof oktaAppSchemas)[T]>;
export type RawOktaWebApp = RawOktaApp<"web">;
export type RawKey = z.infer<typeof keySchema>;
export type AdminRole = z.infer<typeof adminRoleSchema>;
