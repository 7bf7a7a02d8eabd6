/**
 * The provisioning credential itself: the Okta API service app that the Okta provider signs in with (private
 * key JWT), with the scopes oidc-apps' resources need and an admin role chosen explicitly. Applied once with
 * an API token in a bootstrap stack; its handoff is the provider's environment for every other stack.
 */
import * as z from "zod";
import { activeKey, isGenerated } from "../config/keys";
import { keySchema, STANDARD_ADMIN_ROLES } from "../config/schema/okta";
import { requireOkta } from "./common";
import { ref, type Recipe } from "./types";

/**
 * The consumer is terraform-provider-okta itself (behind @pulumi/okta 7.0.0): with OKTA_API_PRIVATE_KEY it
 * signs its client assertion in `CreateKeySigner` (sdk/v2_requestExecutor.go; okta-sdk-golang okta/client.go
 * `createKeySigner`): RS256 for an RSA key (PKCS#1 or PKCS#8 PEM), ES256 for any EC key in a PKCS#8 PEM (what
 * our `privateKeys.<kid>.pem` is); SEC1 `EC PRIVATE KEY` is refused. ES256 is right only for P-256, the one EC
 * curve service apps allow (KEY_UNSUPPORTED), so every key a service app accepts works here.
 */
const PROVIDER_SIGNING_ALGS = ["RS256", "ES256"];

/**
 * What each resource kind needs (Okta Management API scopes of the endpoints the provider calls):
 * apps and assignments → okta.apps.manage; Everyone/group lookups → okta.groups.read; trusted origins →
 * okta.trustedOrigins.manage; API scope grants → okta.appGrants.manage; admin roles for apps → okta.roles.manage.
 */
export const PROVISIONER_SCOPES = ["okta.apps.manage", "okta.groups.read", "okta.trustedOrigins.manage", "okta.appGrants.manage", "okta.roles.manage"];

const params = z.strictObject({
  recipe: z.literal("okta-provisioner"),
  /** No default: granting Okta API scopes to apps takes a super admin, which must be a deliberate choice. */
  adminRole: z.enum(STANDARD_ADMIN_ROLES),
  acknowledgeRoles: z.array(z.enum(["SUPER_ADMIN", "ORG_ADMIN"])).optional(),
  scopes: z.array(z.string().min(1)).min(1).optional(),
  keys: z.array(keySchema).min(1).optional(),
  label: z.string().min(1).max(100).optional(),
});

export const oktaProvisioner: Recipe<typeof params> = {
  guide: "(none: the provider's own credential)",
  params,
  expand(p, ctx) {
    const org = requireOkta(ctx);
    if (!org) return undefined;
    const scopes = p.scopes ?? PROVISIONER_SCOPES;
    const keys = p.keys ?? [{ kid: `${ctx.instance}-1` }];
    const active = activeKey(keys)!;
    const kid = active.kid;
    // A brought key's private half never enters Pulumi: whoever brought it sets OKTA_API_PRIVATE_KEY.
    const generated = isGenerated(active);
    return {
      okta: {
        [ctx.instance]: {
          type: "service",
          label: p.label ?? "oidc-apps provisioning",
          keys,
          apiScopes: scopes,
          adminRoles: [p.adminRole],
          ...(p.acknowledgeRoles ? { acknowledgeRoles: p.acknowledgeRoles } : {}),
        },
      },
      handoff: {
        env: {
          OKTA_ORG_NAME: org.orgName,
          OKTA_BASE_URL: org.baseUrl,
          OKTA_API_CLIENT_ID: ref("okta", ctx.instance, "clientId"),
          OKTA_API_SCOPES: scopes.join(","),
          OKTA_API_PRIVATE_KEY_ID: kid,
          ...(generated ? { OKTA_API_PRIVATE_KEY: ref("okta", ctx.instance, "privateKeys", kid, "pem") } : {}),
        },
      },
      consumer: {
        product: "terraform-provider-okta",
        checkedAgainst: "terraform-provider-okta behind @pulumi/okta 7.0.0 (okta-sdk-golang private-key auth)",
        requests: [{ provider: "okta", app: ctx.instance, flow: "client_credentials", scopes, signingAlgs: PROVIDER_SIGNING_ALGS }],
      },
    };
  },
};
