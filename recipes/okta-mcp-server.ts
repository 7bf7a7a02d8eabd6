/**
 * The Okta MCP server (shared/reference/002). Device mode: a native app with the device authorization grant,
 * custom-scheme redirect URIs derived from the org's domain, assigned to Everyone. Private-key mode: an API
 * service app with a generated (or brought) key, the scopes, and an admin role. The handoff is the `env` block
 * of an MCP client's server entry plus the tools the granted scopes unlock.
 */
import { z } from "zod";
import { activeKey, isGenerated } from "../config/keys";
import { keySchema, STANDARD_ADMIN_ROLES } from "../config/schema/okta";
import { requireOkta } from "./common";
import { ref, type HandoffTemplate, type Recipe } from "./types";

/** The guide's scope-to-tool table. `manage` unlocks its own tools and, implicitly, the `read` ones. */
export const MCP_TOOLS: Readonly<Record<string, readonly string[]>> = {
  "okta.users.read": ["list_users", "get_user", "get_user_profile_attributes"],
  "okta.users.manage": ["create_user", "update_user", "deactivate_user", "delete_deactivated_user"],
  "okta.groups.read": ["list_groups", "get_group", "list_group_users", "list_group_apps"],
  "okta.groups.manage": ["create_group", "update_group", "delete_group", "add_user_to_group", "remove_user_from_group"],
  "okta.apps.read": ["list_applications", "get_application"],
  "okta.apps.manage": ["create_application", "update_application", "delete_application", "activate_application", "deactivate_application"],
  "okta.policies.read": ["list_policies", "get_policy", "list_policy_rules", "get_policy_rule"],
  "okta.policies.manage": ["create_policy", "update_policy", "delete_policy", "activate_policy", "deactivate_policy", "create_policy_rule", "update_policy_rule", "delete_policy_rule", "activate_policy_rule", "deactivate_policy_rule"],
  "okta.deviceAssurance.read": ["list_device_assurance_policies", "get_device_assurance_policy"],
  "okta.deviceAssurance.manage": ["create_device_assurance_policy", "replace_device_assurance_policy", "delete_device_assurance_policy"],
  "okta.logs.read": ["get_logs"],
  "okta.brands.read": ["list_brands", "get_brand", "list_brand_domains", "list_brand_themes", "get_brand_theme", "get_sign_in_page_resources", "get_customized_sign_in_page", "get_default_sign_in_page", "get_preview_sign_in_page", "list_sign_in_widget_versions", "get_error_page_resources", "get_customized_error_page", "get_default_error_page", "get_preview_error_page", "get_sign_out_page_settings"],
  "okta.brands.manage": ["create_brand", "replace_brand", "delete_brand", "replace_brand_theme", "upload_brand_theme_logo", "delete_brand_theme_logo", "upload_brand_theme_favicon", "delete_brand_theme_favicon", "upload_brand_theme_background_image", "delete_brand_theme_background_image", "replace_customized_sign_in_page", "delete_customized_sign_in_page", "replace_preview_sign_in_page", "delete_preview_sign_in_page", "replace_customized_error_page", "delete_customized_error_page", "replace_preview_error_page", "delete_preview_error_page", "replace_sign_out_page_settings"],
  "okta.templates.read": ["list_email_templates", "get_email_template", "list_email_customizations", "get_email_customization", "get_email_customization_preview", "get_email_default_content", "get_email_default_content_preview", "get_email_settings"],
  "okta.templates.manage": ["create_email_customization", "replace_email_customization", "delete_email_customization", "delete_all_email_customizations", "replace_email_settings", "send_test_email"],
  "okta.domains.read": ["list_custom_domains", "get_custom_domain"],
  "okta.domains.manage": ["create_custom_domain", "replace_custom_domain", "delete_custom_domain", "upsert_custom_domain_certificate", "verify_custom_domain"],
  "okta.emailDomains.read": ["list_email_domains", "get_email_domain"],
  "okta.emailDomains.manage": ["create_email_domain", "replace_email_domain", "delete_email_domain", "verify_email_domain"],
};

/** The tools a scope list unlocks, in the table's order. */
export function toolsFor(scopes: readonly string[]): string[] {
  const unlocked = new Set<string>();
  for (const s of scopes) {
    unlocked.add(s);
    if (s.endsWith(".manage")) unlocked.add(s.replace(/\.manage$/, ".read"));
  }
  return Object.entries(MCP_TOOLS).flatMap(([scope, tools]) => (unlocked.has(scope) ? tools : []));
}

const params = z.strictObject({
  recipe: z.literal("okta-mcp-server"),
  mode: z.enum(["device", "private_key_jwt"]),
  scopes: z.array(z.string().min(1)).min(1),
  adminRole: z.enum(STANDARD_ADMIN_ROLES).optional(),
  /** As for any service app: SUPER_ADMIN or ORG_ADMIN must be acknowledged. */
  acknowledgeRoles: z.array(z.enum(["SUPER_ADMIN", "ORG_ADMIN"])).optional(),
  keys: z.array(keySchema).min(1).optional(),
  label: z.string().min(1).max(100).optional(),
});

export const oktaMcpServer: Recipe<typeof params> = {
  guide: "002_631e41b5a55325ec.txt",
  params,
  expand(p, ctx) {
    const org = requireOkta(ctx);
    if (!org) return undefined;
    const env: Record<string, HandoffTemplate> = {
      OKTA_ORG_URL: org.orgUrl,
      OKTA_CLIENT_ID: ref("okta", ctx.instance, "clientId"),
      OKTA_SCOPES: p.scopes.join(" "),
    };
    if (p.mode === "device") {
      const misplaced = (["keys", "adminRole", "acknowledgeRoles"] as const).filter((k) => p[k] !== undefined);
      for (const k of misplaced) ctx.diags.report("CONFIG_UNKNOWN_KEY", ctx.path(k), "applies to mode: private_key_jwt only.", "Remove it, or use mode: private_key_jwt.");
      if (misplaced.length > 0) return undefined;
      // The guide: com.oktapreview.{yourOktaDomain}:/callback and com.okta.{yourOktaDomain}:/ (reverse-domain schemes).
      const reversed = org.baseUrl.split(".").reverse().join(".");
      return {
        okta: {
          [ctx.instance]: {
            type: "native",
            label: p.label ?? "Okta MCP Server",
            // terraform-provider-okta requires authorization_code on native apps next to the device grant.
            grantTypes: ["authorization_code", "device_code"],
            redirectUris: [`${reversed}.${org.orgName}:/callback`],
            postLogoutRedirectUris: [`com.okta.${org.orgName}:/`],
            assignTo: "everyone",
            apiScopes: p.scopes,
          },
        },
        handoff: { env, tools: toolsFor(p.scopes) },
      };
    }
    const manages = p.scopes.some((s) => s.endsWith(".manage"));
    if (manages && !p.adminRole) {
      ctx.diags.report("RECIPE_ADMIN_ROLE_REQUIRED", ctx.path("adminRole"), "the scopes include manage scopes, so the app needs an admin role that can write; none is chosen.", "Set adminRole to the narrowest role that covers the scopes (e.g. GROUP_MEMBERSHIP_ADMIN for okta.groups.manage, USER_ADMIN for okta.users.manage).");
      return undefined;
    }
    const keys = p.keys ?? [{ kid: `${ctx.instance}-1` }];
    // The same choice as the service app's activeKeyId.
    const chosen = activeKey(keys)!;
    const active = chosen.kid;
    const generated = isGenerated(chosen);
    return {
      okta: {
        [ctx.instance]: {
          type: "service",
          label: p.label ?? "Okta MCP server automation",
          keys,
          apiScopes: p.scopes,
          // Read-only scopes: Read-Only Administrator is the narrowest standard role that covers them.
          adminRoles: [p.adminRole ?? "READ_ONLY_ADMIN"],
          ...(p.acknowledgeRoles ? { acknowledgeRoles: p.acknowledgeRoles } : {}),
        },
      },
      handoff: {
        env: {
          ...env,
          OKTA_KEY_ID: active,
          // A brought key's private half never enters Pulumi: the MCP client already holds it.
          ...(generated ? { OKTA_PRIVATE_KEY: ref("okta", ctx.instance, "privateKeys", active, "pem") } : {}),
        },
        tools: toolsFor(p.scopes),
      },
    };
  },
};
