/**
 * OAuth grant types as Okta's Apps API names them, with the short names users may write in stack files.
 * Source: Okta Apps API `grant_types` enum; terraform-provider-okta `resource_okta_app_oauth.go`.
 */
export const GRANT_TYPE_URNS = {
  authorization_code: "authorization_code",
  refresh_token: "refresh_token",
  client_credentials: "client_credentials",
  implicit: "implicit",
  password: "password",
  device_code: "urn:ietf:params:oauth:grant-type:device_code",
  token_exchange: "urn:ietf:params:oauth:grant-type:token-exchange",
} as const;

export type GrantType = keyof typeof GRANT_TYPE_URNS;
export const GRANT_TYPES = Object.keys(GRANT_TYPE_URNS) as GrantType[];

/** Short name for a short name or a full URN; undefined when unknown. */
export function normaliseGrantType(raw: string): GrantType | undefined {
  // Own keys only: `"constructor" in GRANT_TYPE_URNS` is true too (Object.prototype), and would pass as a grant.
  if (Object.hasOwn(GRANT_TYPE_URNS, raw)) return raw as GrantType;
  const hit = GRANT_TYPES.find((g) => GRANT_TYPE_URNS[g] === raw);
  return hit;
}

/** Deprecated by the OAuth 2.0 Security BCP (RFC 9700 §2.1.2, §2.4): allowed only with an explicit opt-in. */
export const DEPRECATED_GRANTS: readonly GrantType[] = ["implicit", "password"];
