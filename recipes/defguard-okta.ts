/**
 * Defguard + Okta (shared/reference/004): a web app with `<url>/auth/callback`, plus
 * `<publicUrl>/openid/callback` for enrollment and `<publicUrl>/openid/mfa/callback` for MFA, assigned to
 * Everyone; optionally a directory-sync API service app with private key JWT, `okta.users.read` +
 * `okta.groups.read`, and Read-Only Administrator (Okta assigns no admin role to apps by itself, and its calls
 * are refused without one; read-only admin is the narrowest standard role covering both read scopes).
 */
import * as z from "zod";
import { baseUrl, oktaOverrides, requireOkta, withOktaOverrides } from "./common";
import { DEFGUARD_DIRSYNC_SCOPES, DEFGUARD_LOGIN_SCOPES, DEFGUARD_SIGNING_ALG, DEFGUARD_VERSION } from "./consumers/defguard";
import { jsonRef, ref, type ConsumerRequest, type HandoffTemplate, type Recipe } from "./types";
import { STACK_FILE_RULES } from "../config/rules/stack-file";

const params = z.strictObject({
  recipe: z.literal("defguard-okta"),
  url: baseUrl,
  publicUrl: baseUrl.optional(),
  enrollment: z.boolean().optional(),
  mfa: z.boolean().optional(),
  directorySync: z.boolean().optional(),
  label: z.string().min(1).max(100).optional(),
  overrides: oktaOverrides,
});

export const defguardOkta: Recipe<typeof params> = {
  guide: "004_78ce49ec52b55991.txt",
  params,
  expand(p, ctx) {
    const org = requireOkta(ctx);
    if (!org) return undefined;
    const enrollment = p.enrollment ?? true;
    const mfa = p.mfa ?? false;
    if ((enrollment || mfa) && !p.publicUrl) {
      ctx.diags.report(STACK_FILE_RULES.CONFIG_REQUIRED, ctx.path("publicUrl"), `is required for ${enrollment ? "enrollment" : "MFA"} (Defguard's enrollment proxy URL).`, "Set publicUrl, or turn enrollment and mfa off.");
      return undefined;
    }
    const syncApp = `${ctx.instance}-directory-sync`;
    const okta: Record<string, Record<string, unknown>> = {
      [ctx.instance]: withOktaOverrides(
        {
          type: "web",
          label: p.label ?? "Defguard",
          grantTypes: ["authorization_code"],
          redirectUris: [`${p.url}/auth/callback`, ...(enrollment ? [`${p.publicUrl}/openid/callback`] : []), ...(mfa ? [`${p.publicUrl}/openid/mfa/callback`] : [])],
          assignTo: "everyone",
        },
        p.overrides,
      ),
    };
    const handoff: Record<string, HandoffTemplate> = {
      baseUrl: org.orgUrl,
      clientId: ref("okta", ctx.instance, "clientId"),
      clientSecret: ref("okta", ctx.instance, "clientSecret"),
    };
    const requests: ConsumerRequest[] = [{ provider: "okta", app: ctx.instance, flow: "authorization_code", scopes: DEFGUARD_LOGIN_SCOPES }];
    if (p.directorySync) {
      okta[syncApp] = {
        type: "service",
        label: `${p.label ?? "Defguard"} directory sync`,
        // Generated RSA (the default): Defguard signs with RS256 from an RSA key only.
        keys: [{ kid: `${syncApp}-1` }],
        apiScopes: [...DEFGUARD_DIRSYNC_SCOPES],
        adminRoles: ["READ_ONLY_ADMIN"],
      };
      // The private JWK as a JSON object (Defguard's `okta_private_jwk` is the text of one JWK object, parsed at
      // sync time): `pulumi stack output --json` prints it as an object, so `jq -c` gives exactly the text to
      // paste. A string of escaped JSON would pass Defguard's save check and fail at sync.
      handoff["directorySync"] = { clientId: ref("okta", syncApp, "clientId"), privateKey: jsonRef("okta", syncApp, "privateKeys", `${syncApp}-1`, "jwk") };
      requests.push({ provider: "okta", app: syncApp, flow: "client_credentials", scopes: DEFGUARD_DIRSYNC_SCOPES, signingAlgs: [DEFGUARD_SIGNING_ALG] });
    }
    return { okta, handoff, consumer: { product: "Defguard", checkedAgainst: `DefGuard/defguard v${DEFGUARD_VERSION}`, requests } };
  },
};
