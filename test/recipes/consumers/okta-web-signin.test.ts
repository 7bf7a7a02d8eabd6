/**
 * A web app signs users in with the okta-web-signin handoff against an issuer configured from the plan. The
 * consumer is "your web app" (Okta's sign-in guide, shared/reference/001): its OIDC library here is
 * openid-client 6.8.9 (this project's own dependency), configured with exactly the handoff's issuer, client id,
 * client secret and redirect URI, asking for openid profile email offline_access.
 */
import * as client from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browse, renderStack, revealedHandoff, startOktaIssuer, USER, type Issuer, type RenderedStack } from "./issuer";

const APP = "a web app with openid-client 6.8.9 (Okta's sign-in guide)";
const SCOPE = "openid profile email offline_access";

interface Handoff {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  loginUri: string;
}

/** The library's code flow: discovery, PKCE + state + nonce, the user at the issuer, the code redeemed with client_secret_basic. */
async function signIn(issuer: Issuer, h: Handoff) {
  const config = await client.discovery(new URL(h.issuer), h.clientId, undefined, client.ClientSecretBasic(h.clientSecret), {
    [client.customFetch]: (url: string, options: client.CustomFetchOptions) => issuer.fetch(url, options as RequestInit),
  });
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: h.redirectUri,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  const callback = await browse(issuer, url.href);
  expect(`${callback.origin}${callback.pathname}`).toBe(h.redirectUri);
  const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
  return { config, tokens };
}

describe(`${APP} (okta-web-signin, defaults)`, () => {
  let stack: RenderedStack;
  let issuer: Issuer;
  let noRefresh: Issuer;

  beforeAll(async () => {
    stack = await renderStack({ wiki: { recipe: "okta-web-signin", appUrl: "https://app.example.com" } });
    expect(stack.plan.diagnostics).toEqual([]);
    issuer = await startOktaIssuer(stack);
    // The same app without the refresh grant the plan gives it.
    noRefresh = await startOktaIssuer(stack, { grantTypes: (_app, grants) => grants.filter((g) => g !== "refresh_token") });
  });
  afterAll(async () => {
    await issuer?.close();
    await noRefresh?.close();
  });

  it(`${APP} signs the user in (${SCOPE}), gets a refresh token and refreshes with rotation`, async () => {
    const h = revealedHandoff(stack, "wiki") as unknown as Handoff;
    expect(h.issuer).toBe(issuer.issuer);
    const { config, tokens } = await signIn(issuer, h);
    expect(tokens.claims()).toMatchObject({ iss: h.issuer, aud: h.clientId, sub: USER.sub, email: USER.email, name: USER.name });
    expect(tokens.scope?.split(" ").sort()).toEqual(SCOPE.split(" ").sort());
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.access_token).toEqual(expect.any(String));
    // The plan's refreshTokenRotation: ROTATE: a new refresh token with every refresh (Okta keeps the old one
    // valid for the plan's 30 s grace period, which oidc-provider does not model, so that is not checked here).
    expect(refreshed.refresh_token).toEqual(expect.any(String));
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  });

  it(`${APP}: the handoff names no okta.* scope; without the plan's refresh grant its offline_access gets no refresh token`, async () => {
    expect(issuer.clients.find((c) => c.app === "wiki")!.planned).toEqual([]);
    const { tokens } = await signIn(noRefresh, revealedHandoff(stack, "wiki") as unknown as Handoff);
    expect(tokens.access_token).toEqual(expect.any(String));
    expect(tokens.refresh_token).toBeUndefined();
  });

  it(`${APP} is refused at the authorization endpoint with a redirect URI the plan does not register`, async () => {
    const h = revealedHandoff(stack, "wiki") as unknown as Handoff;
    await expect(signIn(issuer, { ...h, redirectUri: "https://app.example.com/other/callback" })).rejects.toThrow(/HTTP 400/);
  });
});
