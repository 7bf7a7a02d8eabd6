/**
 * One invariant over every recipe in the catalogue (recipes/index.ts), with its default parameters: what the
 * handoff hands over is granted, and nothing is granted that nobody asks for.
 *  - Every `okta.*` scope in a handoff (any string value, split on whitespace or commas) is granted, in the plan,
 *    to the app whose client id the same handoff block names.
 *  - Every scope an app is granted in the plan (Okta API scope grants, Auth0 client grants) is asked for by a
 *    handoff block naming the app or by one of the consumer's requests (the model's `consumer.requests`).
 *  - Every Okta API or Management API scope a consumer request makes is granted to the app it names.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { RECIPES } from "../../../recipes";
import { API_SCOPES, AUTH0_CLIENT, AUTH0_GRANT, grantedScopes, OAUTH, OIDC_SCOPES, plantedClientId, renderStack, scopeWords, type RenderedStack } from "./issuer";

/** The required parameters of each recipe (everything else at its default); both modes where a recipe has two. */
const DEFAULTS: Record<string, readonly Record<string, unknown>[]> = {
  "frontegg-okta": [{ gatewayUrl: "https://mcp.example.com" }],
  "frontegg-auth0": [{ gatewayUrl: "https://mcp.example.com" }],
  "okta-web-signin": [{ appUrl: "https://app.example.com" }],
  "okta-mcp-server": [
    { mode: "device", scopes: ["okta.users.read", "okta.users.manage"] },
    { mode: "private_key_jwt", scopes: ["okta.users.read", "okta.logs.read"] },
  ],
  "defguard-okta": [
    { url: "https://defguard.example.net", publicUrl: "https://enroll.example.net" },
    { url: "https://defguard.example.net", publicUrl: "https://enroll.example.net", directorySync: true },
  ],
  "okta-provisioner": [{ adminRole: "SUPER_ADMIN", acknowledgeRoles: ["SUPER_ADMIN"] }],
};

const INSTANCES = Object.entries(DEFAULTS).flatMap(([recipe, variants]) => variants.map((params, i) => ({ instance: `${recipe}-v${i}`, recipe, params })));

/** Every object in a handoff, with the string values directly in it. */
function blocks(value: unknown, out: string[][] = []): string[][] {
  if (Array.isArray(value)) value.forEach((v) => blocks(v, out));
  else if (value !== null && typeof value === "object") {
    const entries = Object.values(value as Record<string, unknown>);
    out.push(entries.filter((v): v is string => typeof v === "string"));
    entries.forEach((v) => blocks(v, out));
  }
  return out;
}

describe("every recipe: handed-over scopes are granted, and nothing else is", () => {
  let stack: RenderedStack;

  beforeAll(async () => {
    stack = await renderStack(Object.fromEntries(INSTANCES.map((i) => [i.instance, { recipe: i.recipe, ...i.params }])));
    expect(stack.plan.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("covers the whole catalogue", () => {
    expect(Object.keys(DEFAULTS).sort()).toEqual(Object.keys(RECIPES).sort());
  });

  it.each(INSTANCES)("$instance ($recipe)", ({ instance }) => {
    const { plan, model } = stack;
    const ours = (name: string) => name === instance || name.startsWith(`${instance}-`);
    const oktaApps = plan.resources.filter((r) => r.type === OAUTH && ours(r.name));
    const auth0Apps = plan.resources.filter((r) => r.type === AUTH0_CLIENT && ours(r.name));
    expect(oktaApps.length + auth0Apps.length).toBeGreaterThan(0);
    const byClientId = new Map([...oktaApps.map((r) => [plantedClientId(OAUTH, r.name), r.name] as const), ...auth0Apps.map((r) => [plantedClientId(AUTH0_CLIENT, r.name), r.name] as const)]);
    const consumer = model!.recipes.find((r) => r.instance === instance)!.consumer;

    // What each app is asked for: by the handoff blocks naming it, and by the consumer's requests.
    const asked = new Map<string, Set<string>>();
    const ask = (app: string, scopes: readonly string[]) => asked.set(app, new Set([...(asked.get(app) ?? []), ...scopes]));
    const handoff = (plan.outputs as { handoffs: Record<string, unknown> }).handoffs[instance];
    for (const strings of blocks(handoff)) {
      const okta = strings.flatMap(scopeWords).filter((w) => w.startsWith("okta."));
      const named = [...new Set(strings.map((s) => byClientId.get(s)).filter((a): a is string => a !== undefined))];
      if (okta.length === 0) continue;
      // A scope list is handed over next to the client id it is for.
      expect(named, `handoff block with ${okta.join(" ")}`).toHaveLength(1);
      const app = oktaApps.find((r) => r.name === named[0])!;
      expect(grantedScopes(plan, app), `${app.name}: handed-over scopes granted`).toEqual(expect.arrayContaining(okta));
      ask(app.name, okta);
    }
    for (const request of consumer.requests) {
      expect([...byClientId.values()], `${consumer.product} requests as ${request.app}`).toContain(request.app);
      ask(request.app, request.scopes);
      const apiScopes = request.scopes.filter((s) => !OIDC_SCOPES.includes(s));
      const granted =
        request.provider === "okta"
          ? grantedScopes(plan, oktaApps.find((r) => r.name === request.app)!)
          : plan.resources.filter((r) => r.type === AUTH0_GRANT && (r.inputs as { clientId: string; audience: string }).clientId === plantedClientId(AUTH0_CLIENT, request.app) && (r.inputs as { audience: string }).audience === request.audience).flatMap((r) => (r.inputs as { scopes: string[] }).scopes);
      expect(granted, `${request.app}: ${consumer.product}'s ${request.flow} request granted`).toEqual(expect.arrayContaining(apiScopes));
    }

    // Nothing granted beyond what is asked for.
    for (const app of oktaApps) {
      const extra = grantedScopes(plan, app).filter((s) => !asked.get(app.name)?.has(s));
      expect(extra, `${app.name}: granted but asked for by no handoff or consumer request`).toEqual([]);
    }
    for (const app of auth0Apps) {
      const grants = plan.resources.filter((r) => r.type === AUTH0_GRANT && (r.inputs as { clientId: string }).clientId === plantedClientId(AUTH0_CLIENT, app.name));
      const extra = grants.flatMap((g) => (g.inputs as { scopes: string[] }).scopes).filter((s) => !asked.get(app.name)?.has(s));
      expect(extra, `${app.name}: Management API scopes granted but requested by no consumer request`).toEqual([]);
    }
    // No scope grant outside the instance's apps was made for it.
    expect(plan.resources.filter((r) => r.type === API_SCOPES && ours(r.name)).every((g) => oktaApps.some((a) => a.parent === g.parent))).toBe(true);
  });
});
