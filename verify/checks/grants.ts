/**
 * Token-endpoint and device-endpoint checks: client credentials (Okta service apps; Auth0's Management API)
 * and device authorization (native apps with the device grant). The requests are openid-client's; tokens and
 * device codes are checked for presence and dropped, never reported.
 */
import * as client from "openid-client";
import { signingAlg } from "../../config/keys";
import { describeError, formatOAuthError, oauthError } from "../errors";
import { inOutputJwks } from "../keys";
import { serverText } from "../printable";
import type { CheckSpec, ClientAuthPlan } from "../targets";
import type { RequestPolicy } from "../transport";
import type { Prepared } from "./client";
import type { Outcome } from "./outcome";

/**
 * Errors that can mean "a requested scope is not granted": RFC 6749's invalid_scope (Okta, oidc-provider) and
 * access_denied, which Auth0 answers for scopes missing from the client grant.
 */
const SCOPE_ERRORS = new Set(["invalid_scope", "access_denied"]);

type Ready = Extract<Prepared, { ok: true }>;

export async function clientCredentials(prepared: Ready, spec: Extract<CheckSpec, { check: "client-credentials" | "management-api" }>, policy: RequestPolicy): Promise<Outcome> {
  const request = async (scopes: readonly string[]) => {
    const tokens = await client.clientCredentialsGrant(prepared.config, { scope: scopes.join(" "), ...(spec.audience ? { audience: spec.audience } : {}) });
    return { issued: typeof tokens.access_token === "string" && tokens.access_token.length > 0, scope: tokens.scope };
  };
  const via = authLabel(spec.auth, prepared);
  try {
    const { issued, scope } = await request(spec.scopes);
    if (!issued) return { status: "fail", message: "the token response has no access token" };
    // RFC 6749 §5.1: a server that grants less than asked says so in `scope`.
    const granted = scope === undefined ? undefined : new Set(scope.split(" "));
    const missing = granted ? spec.scopes.filter((s) => !granted.has(s)) : [];
    if (missing.length > 0) return { status: "fail", message: `access token issued without ${missing.join(" ")}: ${thisOrThese(missing, "scope is", "scopes are")} not granted to the app` };
    return { status: "pass", message: `access token issued for ${spec.scopes.join(" ")} (${via})` };
  } catch (e) {
    const scopeProblem = await notGranted(e, spec.scopes, request);
    if (scopeProblem) return { status: "fail", message: scopeProblem };
    return { status: "fail", message: `token request ${oauthError(e) ? "refused" : "failed"}: ${describeError(e, policy.timeoutMs)}${keyHint(e, prepared, spec)}` };
  }
}

export async function deviceAuthorization(prepared: Ready, spec: Extract<CheckSpec, { check: "device-authorization" }>, policy: RequestPolicy): Promise<Outcome> {
  const request = async (scopes: readonly string[]) => {
    const response = await client.initiateDeviceAuthorization(prepared.config, { scope: scopes.join(" ") });
    return { issued: typeof response.device_code === "string" && response.device_code.length > 0, expiresIn: response.expires_in };
  };
  try {
    const { issued, expiresIn } = await request(spec.scopes);
    if (!issued) return { status: "fail", message: "the device authorization response has no device code" };
    return { status: "pass", message: `device code issued for ${spec.scopes.join(" ")} (expires in ${serverText(expiresIn, 20)} s)` };
  } catch (e) {
    const scopeProblem = await notGranted(e, spec.scopes, request);
    if (scopeProblem) return { status: "fail", message: scopeProblem };
    return { status: "fail", message: `device authorization ${oauthError(e) ? "refused" : "failed"}: ${describeError(e, policy.timeoutMs)}` };
  }
}

/**
 * When the server refuses the scopes as a whole, ask for each one alone to name the ones that are not
 * granted (servers rarely say which). Undefined when the refusal is not about scopes or cannot be narrowed.
 */
async function notGranted(e: unknown, scopes: readonly string[], request: (scopes: readonly string[]) => Promise<unknown>): Promise<string | undefined> {
  const info = oauthError(e);
  if (!info || !SCOPE_ERRORS.has(info.error)) return undefined;
  const refused: string[] = [];
  if (scopes.length > 1) {
    for (const scope of scopes) {
      try {
        await request([scope]);
      } catch (alone) {
        const aloneInfo = oauthError(alone);
        if (!aloneInfo || !SCOPE_ERRORS.has(aloneInfo.error)) return undefined; // another problem: report the original
        refused.push(scope);
      }
    }
  } else {
    refused.push(...scopes);
  }
  if (refused.length === 0) return undefined;
  return `${refused.join(" ")}: ${thisOrThese(refused, "scope is", "scopes are")} not granted to the app (${formatOAuthError(info)})`;
}

/** After invalid_client with private key JWT: say whether the outputs' key pair is consistent. */
function keyHint(e: unknown, prepared: Ready, spec: { readonly auth: ClientAuthPlan }): string {
  const info = oauthError(e);
  if (info?.error !== "invalid_client" || !prepared.key || spec.auth.method !== "private_key_jwt") return "";
  const consistent = inOutputJwks(prepared.key.publicJwk, spec.auth.jwks);
  const kid = prepared.key.publicJwk.kid;
  if (consistent === false) return `; the private key for kid ${kid} does not match jwks[${kid}] in the outputs`;
  // A consumer's algorithm other than the key's usual one: the issuer may refuse the algorithm, not the key.
  const alg = spec.auth.algs && prepared.key.alg !== signingAlg(prepared.key.publicJwk) ? `, or does not accept ${prepared.key.alg} assertions` : "";
  return `; the outputs' key pair for kid ${kid} is consistent, so the issuer does not hold this public key for the app${alg} (drift? run \`pulumi refresh\`)`;
}

/** The algorithm is named when a consumer's algorithms chose it (the per-app check keeps the key's own). */
function authLabel(auth: ClientAuthPlan, prepared: Ready): string {
  if (auth.method !== "private_key_jwt") return auth.method;
  return `private key JWT, kid ${auth.kid}${auth.algs && prepared.key ? `, ${prepared.key.alg}` : ""}`;
}

function thisOrThese(list: readonly unknown[], one: string, many: string): string {
  return list.length === 1 ? `this ${one}` : `these ${many}`;
}
