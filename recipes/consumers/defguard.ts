/**
 * What Defguard does with what we hand it: facts read from its source, one version at a time. A new Defguard
 * version is a one-place update here (and the consumer test in test/recipes/consumers/ replays it).
 *
 * Source: DefGuard/defguard, tag v2.0.1 (commit ea1a50c3120705d1cf56fdf136808d4a70eb2093); okta.rs is the same
 * in v1.6.6.
 */

export const DEFGUARD_VERSION = "2.0.1";

/**
 * Sign-in (crates/defguard_core/src/enterprise/handlers/openid_login.rs `get_auth_info`): the openidconnect
 * crate adds `openid`, Defguard adds `email` and `profile`; no `groups`. The client authenticates with
 * client_secret_basic (the oauth2 crate's default; `make_oidc_client` sets no other).
 */
export const DEFGUARD_LOGIN_SCOPES: readonly string[] = ["openid", "email", "profile"];

/**
 * Directory sync (crates/defguard_core/src/enterprise/directory_sync/okta.rs): `TOKEN_SCOPE` is exactly
 * "okta.users.read okta.groups.read", requested with client credentials at `<base_url>/oauth2/v1/token`, no
 * DPoP, Bearer tokens on the API calls.
 */
export const DEFGUARD_DIRSYNC_SCOPES: readonly string[] = ["okta.users.read", "okta.groups.read"];

/**
 * `OktaDirectorySync::build_token`: the `okta_private_jwk` text is parsed with `jsonwebkey::JsonWebKey::from_str`
 * (one JWK object: `kty` and `kid` required, `alg` absent or RS256, `e` AQAB, every RSA private member d, p, q,
 * dp, dq, qi), converted to PEM and loaded with `EncodingKey::from_rsa_pem`, so only RSA keys work; the header
 * is RS256 with the JWK's `kid`; claims `iss` = `sub` = the directory-sync client id, `aud` =
 * `<base_url>/oauth2/v1/token`, `iat`, `exp` = iat + 3600, no `jti`.
 */
export const DEFGUARD_SIGNING_ALG = "RS256";
export const DEFGUARD_ASSERTION_LIFETIME_SECONDS = 3600;
export const DEFGUARD_JWK_REQUIRED_MEMBERS: readonly string[] = ["kty", "kid", "n", "e", "d", "p", "q", "dp", "dq", "qi"];
