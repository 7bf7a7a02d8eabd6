/**
 * What the Okta MCP server does with what we hand it: facts read from its source, one version at a time. A new
 * server version is a one-place update here (and the consumer test in test/recipes/consumers/ replays it).
 *
 * Source: okta/okta-mcp-server, tag v1.1.4 (commit 49bd540a7aaf996f7acca40aef6ea79cbbf3779d).
 */

/** The server version these facts were read from. */
export const OKTA_MCP_SERVER_VERSION = "1.1.4";

/**
 * `TOOL_SCOPE_REGISTRY` (src/okta_mcp_server/utils/scope_registry.py, lines 27-176): every scope-gated tool and
 * the one scope it needs, in the source's order. 107 tools.
 *
 * `prune_tools_by_scope` (src/okta_mcp_server/utils/scope_guard.py) removes each tool whose scope is not, as an
 * exact string, one of the whitespace-separated words of `OKTA_SCOPES`: a `.manage` scope does not load the
 * `.read` tools (okta/okta-mcp-server PR #69 corrects the docs that said it does).
 */
export const MCP_TOOL_SCOPES: readonly (readonly [tool: string, scope: string])[] = [
  ["list_users", "okta.users.read"],
  ["get_user", "okta.users.read"],
  ["get_user_profile_attributes", "okta.users.read"],
  ["create_user", "okta.users.manage"],
  ["update_user", "okta.users.manage"],
  ["deactivate_user", "okta.users.manage"],
  ["delete_deactivated_user", "okta.users.manage"],
  ["list_groups", "okta.groups.read"],
  ["get_group", "okta.groups.read"],
  ["list_group_users", "okta.groups.read"],
  ["list_group_apps", "okta.groups.read"],
  ["create_group", "okta.groups.manage"],
  ["update_group", "okta.groups.manage"],
  ["delete_group", "okta.groups.manage"],
  ["confirm_delete_group", "okta.groups.manage"],
  ["add_user_to_group", "okta.groups.manage"],
  ["remove_user_from_group", "okta.groups.manage"],
  ["list_applications", "okta.apps.read"],
  ["get_application", "okta.apps.read"],
  ["create_application", "okta.apps.manage"],
  ["update_application", "okta.apps.manage"],
  ["delete_application", "okta.apps.manage"],
  ["confirm_delete_application", "okta.apps.manage"],
  ["activate_application", "okta.apps.manage"],
  ["deactivate_application", "okta.apps.manage"],
  ["list_policies", "okta.policies.read"],
  ["get_policy", "okta.policies.read"],
  ["list_policy_rules", "okta.policies.read"],
  ["get_policy_rule", "okta.policies.read"],
  ["create_policy", "okta.policies.manage"],
  ["update_policy", "okta.policies.manage"],
  ["delete_policy", "okta.policies.manage"],
  ["activate_policy", "okta.policies.manage"],
  ["deactivate_policy", "okta.policies.manage"],
  ["create_policy_rule", "okta.policies.manage"],
  ["update_policy_rule", "okta.policies.manage"],
  ["delete_policy_rule", "okta.policies.manage"],
  ["activate_policy_rule", "okta.policies.manage"],
  ["deactivate_policy_rule", "okta.policies.manage"],
  ["list_device_assurance_policies", "okta.deviceAssurance.read"],
  ["get_device_assurance_policy", "okta.deviceAssurance.read"],
  ["create_device_assurance_policy", "okta.deviceAssurance.manage"],
  ["replace_device_assurance_policy", "okta.deviceAssurance.manage"],
  ["delete_device_assurance_policy", "okta.deviceAssurance.manage"],
  ["get_logs", "okta.logs.read"],
  ["get_login_failures", "okta.logs.read"],
  ["list_brands", "okta.brands.read"],
  ["get_brand", "okta.brands.read"],
  ["list_brand_domains", "okta.brands.read"],
  ["create_brand", "okta.brands.manage"],
  ["replace_brand", "okta.brands.manage"],
  ["delete_brand", "okta.brands.manage"],
  ["list_brand_themes", "okta.brands.read"],
  ["get_brand_theme", "okta.brands.read"],
  ["replace_brand_theme", "okta.brands.manage"],
  ["upload_brand_theme_logo", "okta.brands.manage"],
  ["delete_brand_theme_logo", "okta.brands.manage"],
  ["upload_brand_theme_favicon", "okta.brands.manage"],
  ["delete_brand_theme_favicon", "okta.brands.manage"],
  ["upload_brand_theme_background_image", "okta.brands.manage"],
  ["delete_brand_theme_background_image", "okta.brands.manage"],
  ["get_error_page_resources", "okta.brands.read"],
  ["get_customized_error_page", "okta.brands.read"],
  ["get_default_error_page", "okta.brands.read"],
  ["get_preview_error_page", "okta.brands.read"],
  ["get_sign_in_page_resources", "okta.brands.read"],
  ["get_customized_sign_in_page", "okta.brands.read"],
  ["get_default_sign_in_page", "okta.brands.read"],
  ["get_preview_sign_in_page", "okta.brands.read"],
  ["list_sign_in_widget_versions", "okta.brands.read"],
  ["get_sign_out_page_settings", "okta.brands.read"],
  ["replace_customized_error_page", "okta.brands.manage"],
  ["delete_customized_error_page", "okta.brands.manage"],
  ["replace_preview_error_page", "okta.brands.manage"],
  ["delete_preview_error_page", "okta.brands.manage"],
  ["replace_customized_sign_in_page", "okta.brands.manage"],
  ["delete_customized_sign_in_page", "okta.brands.manage"],
  ["replace_preview_sign_in_page", "okta.brands.manage"],
  ["delete_preview_sign_in_page", "okta.brands.manage"],
  ["replace_sign_out_page_settings", "okta.brands.manage"],
  ["list_email_templates", "okta.templates.read"],
  ["get_email_template", "okta.templates.read"],
  ["list_email_customizations", "okta.templates.read"],
  ["get_email_customization", "okta.templates.read"],
  ["get_email_customization_preview", "okta.templates.read"],
  ["get_email_default_content", "okta.templates.read"],
  ["get_email_default_content_preview", "okta.templates.read"],
  ["get_email_settings", "okta.templates.read"],
  ["create_email_customization", "okta.templates.manage"],
  ["replace_email_customization", "okta.templates.manage"],
  ["delete_email_customization", "okta.templates.manage"],
  ["delete_all_email_customizations", "okta.templates.manage"],
  ["replace_email_settings", "okta.templates.manage"],
  ["send_test_email", "okta.templates.manage"],
  ["list_custom_domains", "okta.domains.read"],
  ["get_custom_domain", "okta.domains.read"],
  ["create_custom_domain", "okta.domains.manage"],
  ["replace_custom_domain", "okta.domains.manage"],
  ["delete_custom_domain", "okta.domains.manage"],
  ["upsert_custom_domain_certificate", "okta.domains.manage"],
  ["verify_custom_domain", "okta.domains.manage"],
  ["list_email_domains", "okta.emailDomains.read"],
  ["get_email_domain", "okta.emailDomains.read"],
  ["create_email_domain", "okta.emailDomains.manage"],
  ["replace_email_domain", "okta.emailDomains.manage"],
  ["delete_email_domain", "okta.emailDomains.manage"],
  ["verify_email_domain", "okta.emailDomains.manage"],
];

/**
 * Tools the server registers outside the registry, so they load whatever the scopes: `get_scope_status`
 * (server.py, "always available") and `export_users_csv` (tools/users/users.py, no `@require_scopes`; it still
 * calls the Users API, so it works only with okta.users.read).
 */
export const MCP_ALWAYS_LOADED_TOOLS: readonly string[] = ["get_scope_status", "export_users_csv"];

/**
 * Private key JWT mode (`OktaAuthManager._get_client_assertion` and `_browserless_authenticate`,
 * src/okta_mcp_server/utils/auth/auth_manager.py): the key is a PEM string in `OKTA_PRIVATE_KEY` (PKCS#1 or
 * PKCS#8, literal `\n` turned into newlines), signed with RS256 (hard-coded) and `kid` = `OKTA_KEY_ID` in the
 * header; claims `iss` = `sub` = client id, `aud` = `<org>/oauth2/v1/token`, `iat`, `exp` = iat + 300, no `jti`.
 * The token request is `grant_type=client_credentials` with `scope` = `OKTA_SCOPES` at the org authorization
 * server, no DPoP.
 */
export const MCP_SIGNING_ALG = "RS256";
export const MCP_ASSERTION_LIFETIME_SECONDS = 300;

/**
 * Device mode (`OktaAuthManager.__init__` and `_initiate_device_authorization`): the device authorization
 * request asks for these scopes followed by `OKTA_SCOPES`; a refresh token is used when the token response has
 * one (`refresh_access_token`), else every expiry starts a new browser login (`is_valid_token`).
 */
export const MCP_DEVICE_BASE_SCOPES: readonly string[] = ["openid", "profile", "email", "offline_access"];

/**
 * The tools the server loads for an `OKTA_SCOPES` value, in its registry's order, then the always-loaded ones.
 * Exact membership, as `prune_tools_by_scope` decides.
 */
export function mcpToolsFor(scopes: readonly string[]): string[] {
  const configured = new Set(scopes);
  return [...MCP_TOOL_SCOPES.filter(([, scope]) => configured.has(scope)).map(([tool]) => tool), ...MCP_ALWAYS_LOADED_TOOLS];
}

/** The registry's tools for one scope, in its order. */
export function mcpToolsOfScope(scope: string): string[] {
  return MCP_TOOL_SCOPES.filter(([, s]) => s === scope).map(([tool]) => tool);
}

/** `okta.users.manage` → `okta.users.read`: the read scope whose tools the manage scope does not load. */
export function readScopeOf(manageScope: string): string | undefined {
  return manageScope.endsWith(".manage") ? manageScope.replace(/\.manage$/, ".read") : undefined;
}
