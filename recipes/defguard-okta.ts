/**
 * Defguard + Okta (shared/reference/004): a web app with `<url>/auth/callback`, plus
 * `<publicUrl>/openid/callback` for enrollment and `<publicUrl>/openid/mfa/callback` for MFA, assigned to
 * Everyone; optionally a directory-sync API service app with private key JWT, `okta.users.read` +
 * `okta.groups.read`, and Read-Only Administrator (Okta assigns no admin role to apps by itself, and its calls
 * are refused without one; read-only admin is the narrowest standard role covering both read scopes).
 */
import { z } from "zod";
import { baseUrl, oktaOverrides, requireOkta, withOktaOverrides } from "./common";
import { ref, type HandoffTemplate, type Recipe } from "./types";

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
      ctx.diags.report("CONFIG_REQUIRED", ctx.path("publicUrl"), `is required for ${enrollment ? "enrollment" : "MFA"} (Defguard's enrollment proxy URL).`, "Set publicUrl, or turn enrollment and mfa off.");
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
    if (p.directorySync) {
      okta[syncApp] = {
        type: "service",
        label: `${p.label ?? "Defguard"} directory sync`,
        keys: [{ kid: `${syncApp}-1` }],
        apiScopes: ["okta.users.read", "okta.groups.read"],
        adminRoles: ["READ_ONLY_ADMIN"],
      };
      handoff["directorySync"] = { clientId: ref("okta", syncApp, "clientId"), privateKey: ref("okta", syncApp, "privateKeys", `${syncApp}-1`, "jwk") };
    }
    return { okta, handoff };
  },
};
