/**
 * Shape of `oidc-apps:okta`. Shape only (types, enums, unknown keys); rules that relate fields to each other
 * or to the environment live in `config/rules/`, so that one bad field never hides another problem.
 */
import { z } from "zod";
import { GRANT_TYPES, GRANT_TYPE_URNS } from "../grant-types";

export const OKTA_APP_TYPES = ["web", "browser", "native"] as const;
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

/** Keys every user-facing (interactive sign-in) Okta app accepts. */
const userFacingKeys = {
  type: z.enum(OKTA_APP_TYPES),
  label: z.string().min(1).max(100).optional(),
  grantTypes: z.array(grantType).min(1).optional(),
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
} satisfies Record<OktaAppType, z.ZodType>;

export type RawOktaApp<T extends OktaAppType> = z.infer<(typeof oktaAppSchemas)[T]>;
export type RawOktaWebApp = RawOktaApp<"web">;
