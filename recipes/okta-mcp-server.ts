/**
 * The Okta MCP server (shared/reference/002). Device mode: a native app with the device authorization grant,
 * custom-scheme redirect URIs derived from the org's domain, assigned to Everyone. Private-key mode: an API
 * service app with a generated (or brought) key, the scopes, and an admin role. The handoff is the `env` block
 * of an MCP client's server entry plus the tools the granted scopes unlock.
 */
import * as z from "zod";
import { activeKey, isGenerated } from "../config/keys";
import { keySchema, STANDARD_ADMIN_ROLES } from "../config/schema/okta";
import { requireOkta, requireRsaKeys } from "./common";
import { show } from "../config/show";
import { MCP_DEVICE_BASE_SCOPES, MCP_SIGNING_ALG, mcpToolsFor, mcpToolsOfScope, OKTA_MCP_SERVER_VERSION, readScopeOf } from "./consumers/okta-mcp-server";
import { ref, type Consumer, type HandoffTemplate, type Recipe, type RecipeContext } from "./types";
import { RECIPE_RULES } from "../config/rules/recipes";
import { STACK_FILE_RULES } from "../config/rules/stack-file";

const PRODUCT = "the Okta MCP server";
const CHECKED_AGAINST = `okta/okta-mcp-server v${OKTA_MCP_SERVER_VERSION}`;

/** A manage scope without its read scope: the server will not load the read tools (exact scope matching). */
function warnMissingReads(scopes: readonly string[], ctx: RecipeContext): void {
  scopes.forEach((scope, i) => {
    const read = readScopeOf(scope);
    const readTools = read === undefined ? [] : mcpToolsOfScope(read);
    if (read === undefined || readTools.length === 0 || scopes.includes(read)) return;
    ctx.diags.report(
      RECIPE_RULES.RECIPE_READ_TOOLS_NOT_LOADED,
      ctx.path("scopes", i),
      `${show(scope)} is given without ${show(read)}: ${PRODUCT} loads a tool only when its exact scope is in OKTA_SCOPES, so its ${readTools.length} read tools (${readTools.join(", ")}) will not load.`,
      `Add ${read} to scopes if the server should read as well as write.`,
    );
  });
}

/**
 * The tools the server loads with these scopes: exact membership in its registry, at the version named in
 * consumers/okta-mcp-server.ts. A manage scope does not load the read tools.
 */
export function toolsFor(scopes: readonly string[]): string[] {
  return mcpToolsFor(scopes);
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
    warnMissingReads(p.scopes, ctx);
    if (p.mode === "device") {
      const misplaced = (["keys", "adminRole", "acknowledgeRoles"] as const).filter((k) => p[k] !== undefined);
      for (const k of misplaced) ctx.diags.report(STACK_FILE_RULES.CONFIG_UNKNOWN_KEY, ctx.path(k), "applies to mode: private_key_jwt only.", "Remove it, or use mode: private_key_jwt.");
      if (misplaced.length > 0) return undefined;
      // The guide: com.oktapreview.{yourOktaDomain}:/callback and com.okta.{yourOktaDomain}:/ (reverse-domain schemes).
      const reversed = org.baseUrl.split(".").reverse().join(".");
      return {
        okta: {
          [ctx.instance]: {
            type: "native",
            label: p.label ?? "Okta MCP Server",
            // terraform-provider-okta requires authorization_code on native apps next to the device grant. The
            // server asks for offline_access and refreshes with the refresh token (auth_manager.py
            // `refresh_access_token`); without the grant every expiry is a new browser login. A public client's
            // refresh tokens rotate (the native-app default).
            grantTypes: ["authorization_code", "device_code", "refresh_token"],
            redirectUris: [`${reversed}.${org.orgName}:/callback`],
            postLogoutRedirectUris: [`com.okta.${org.orgName}:/`],
            assignTo: "everyone",
            apiScopes: p.scopes,
          },
        },
        handoff: { env, tools: toolsFor(p.scopes) },
        consumer: consumer({ app: ctx.instance, flow: "device_authorization", scopes: [...MCP_DEVICE_BASE_SCOPES, ...p.scopes] }),
      };
    }
    if (!requireRsaKeys(p.keys, ctx, PRODUCT, `auth_manager.py signs its client assertion with ${MCP_SIGNING_ALG}, hard-coded`)) return undefined;
    const manages = p.scopes.some((s) => s.endsWith(".manage"));
    if (manages && !p.adminRole) {
      ctx.diags.report(RECIPE_RULES.RECIPE_ADMIN_ROLE_REQUIRED, ctx.path("adminRole"), "the scopes include manage scopes, so the app needs an admin role that can write; none is chosen.", "Set adminRole to the narrowest role that covers the scopes (e.g. GROUP_MEMBERSHIP_ADMIN for okta.groups.manage, USER_ADMIN for okta.users.manage).");
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
      consumer: consumer({ app: ctx.instance, flow: "client_credentials", scopes: p.scopes, signingAlgs: [MCP_SIGNING_ALG] }),
    };
  },
};

/** The server's one request (auth_manager.py): device authorization, or client credentials with OKTA_SCOPES. */
function consumer(request: Omit<Consumer["requests"][number], "provider">): Consumer {
  return { product: PRODUCT, checkedAgainst: CHECKED_AGAINST, requests: [{ provider: "okta", ...request }] };
}
