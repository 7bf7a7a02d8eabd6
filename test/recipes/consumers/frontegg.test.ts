/**
 * Frontegg plays its part against issuers configured from the plan. Frontegg's code is not public: what it
 * requests is what its setup guides tell the admin to configure (shared/reference/000 and 003), which is what
 * the recipes declare as its requests. Okta: the authorization code flow with the handoff's scope list, every
 * `okta.*` scope of which must be granted. Auth0: client credentials for the Management API (`audience`).
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic, browse, postForm, renderStack, revealedHandoff, scopeWords, startAuth0Issuer, startOktaIssuer, type Issuer, type RenderedStack } from "./issuer";

const FRONTEGG = "Frontegg (setup guide; its source is not public)";
const GATEWAY = "https://mcp.example.com";

/** Frontegg's Okta integration: sign-in at `https://<domain>` with the configured scopes, the code redeemed with the client secret. */
async function fronteggOkta(issuer: Issuer, h: { domain: string; clientId: string; clientSecret: string; scopes: string }) {
  const origin = `https://${h.domain}`;
  const redirectUri = `${GATEWAY}/integration-callback`;
  const state = randomUUID();
  const authorize = new URL(`${origin}/oauth2/v1/authorize`);
  for (const [k, v] of Object.entries({ response_type: "code", client_id: h.clientId, redirect_uri: redirectUri, scope: h.scopes, state })) authorize.searchParams.set(k, v);
  const callback = await browse(issuer, authorize.href);
  expect(`${callback.origin}${callback.pathname}`).toBe(redirectUri);
  expect(callback.searchParams.get("state")).toBe(state);
  const error = callback.searchParams.get("error");
  if (error) return { error, scope: callback.searchParams.get("scope") };
  const tokens = await postForm(issuer, `${origin}/oauth2/v1/token`, { grant_type: "authorization_code", code: callback.searchParams.get("code")!, redirect_uri: redirectUri }, { authorization: basic(h.clientId, h.clientSecret) });
  expect(tokens.status).toBe(200);
  return { tokens: tokens.body };
}

describe(`${FRONTEGG} + Okta (frontegg-okta, defaults)`, () => {
  let stack: RenderedStack;
  let issuer: Issuer;
  let short: Issuer;

  beforeAll(async () => {
    stack = await renderStack({ fe: { recipe: "frontegg-okta", gatewayUrl: GATEWAY } });
    expect(stack.plan.diagnostics).toEqual([]);
    issuer = await startOktaIssuer(stack);
    short = await startOktaIssuer(stack, { grant: (_app, scopes) => scopes.filter((s) => s !== "okta.users.read") });
  });
  afterAll(async () => {
    await issuer?.close();
    await short?.close();
  });

  it(`${FRONTEGG} signs in with the handed-over scope list and gets every okta.* scope in its token, and a refresh token`, async () => {
    const h = revealedHandoff(stack, "fe") as { domain: string; clientId: string; clientSecret: string; scopes: string };
    expect(`https://${h.domain}`).toBe(issuer.issuer);
    const result = await fronteggOkta(issuer, h);
    expect(result.error).toBeUndefined();
    const granted = scopeWords(String(result.tokens!["scope"]));
    expect(granted).toEqual(expect.arrayContaining(scopeWords(h.scopes).filter((s) => s.startsWith("okta."))));
    expect(result.tokens!["refresh_token"]).toEqual(expect.any(String));
  });

  it(`${FRONTEGG} is refused (invalid_scope, back at its callback) when one handed-over okta.* scope is not granted`, async () => {
    const result = await fronteggOkta(short, revealedHandoff(stack, "fe") as never);
    expect(result).toEqual({ error: "invalid_scope", scope: "okta.users.read" });
  });
});

/** Frontegg's Auth0 integration: a Management API token by client credentials, the client authenticating as the plan registers it. */
async function fronteggAuth0(issuer: Issuer, h: { domain: string; clientId: string; clientSecret: string }, request: { scopes: readonly string[]; audience?: string }, method: string) {
  expect(method).toBe("client_secret_post");
  return postForm(issuer, `https://${h.domain}/oauth/token`, { grant_type: "client_credentials", client_id: h.clientId, client_secret: h.clientSecret, audience: request.audience!, scope: request.scopes.join(" ") });
}

describe(`${FRONTEGG} + Auth0 (frontegg-auth0, defaults)`, () => {
  let stack: RenderedStack;
  let issuer: Issuer;
  let short: Issuer;

  beforeAll(async () => {
    stack = await renderStack({ fa: { recipe: "frontegg-auth0", gatewayUrl: GATEWAY } });
    expect(stack.plan.diagnostics).toEqual([]);
    issuer = await startAuth0Issuer(stack);
    short = await startAuth0Issuer(stack, { grant: (_app, scopes) => scopes.filter((s) => s !== "read:users") });
  });
  afterAll(async () => {
    await issuer?.close();
    await short?.close();
  });

  const request = () => stack.model!.recipes.find((r) => r.instance === "fa")!.consumer.requests[0]!;

  it(`${FRONTEGG} gets a Management API token for the granted scopes, with the tenant's audience`, async () => {
    const h = revealedHandoff(stack, "fa") as { domain: string; clientId: string; clientSecret: string; scopes: string };
    expect(`https://${h.domain}/`).toBe(issuer.issuer);
    const r = request();
    expect(r).toMatchObject({ flow: "client_credentials", audience: `https://${h.domain}/api/v2/` });
    // Every scope it asks for is one the handoff names (or, for the guide's manage:organization_members, stands for).
    const handed = scopeWords(h.scopes);
    for (const s of r.scopes) expect(handed.includes(s) || s.endsWith(":organization_members"), s).toBe(true);
    const method = issuer.clients.find((c) => c.app === "fa")!.metadata["token_endpoint_auth_method"] as string;
    const response = await fronteggAuth0(issuer, h, r, method);
    expect(response.status).toBe(200);
    expect(scopeWords(String(response.body["scope"])).sort()).toEqual([...r.scopes].sort());
  });

  it(`${FRONTEGG} is refused (access_denied) when one of its Management API scopes is not in the client grant`, async () => {
    const h = revealedHandoff(stack, "fa") as { domain: string; clientId: string; clientSecret: string };
    const response = await fronteggAuth0(short, h, request(), "client_secret_post");
    expect(response.body).toMatchObject({ error: "access_denied", error_description: "Client has not been granted scopes: read:users" });
  });

  it(`${FRONTEGG}: the guide's manage:organization_members, if requested as such, is not a grantable scope`, async () => {
    const h = revealedHandoff(stack, "fa") as { domain: string; clientId: string; clientSecret: string; scopes: string };
    expect(scopeWords(h.scopes)).toContain("manage:organization_members");
    const response = await fronteggAuth0(issuer, h, { ...request(), scopes: ["manage:organization_members"] }, "client_secret_post");
    expect(response.body["error"]).toBe("access_denied");
  });
});
