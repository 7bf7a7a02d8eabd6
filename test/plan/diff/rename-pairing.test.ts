/**
 * Issue 19: the rename pairing of the plan diff is linear (indexed), and pairs exactly as the quadratic
 * pairing it replaced, kept here as the reference: each removed app (base order) with the first untaken added
 * app of its type (head order) whose inputs agree on the most keys, at least one; then the component's other
 * resources by name. Random plans with few distinct values, so that ties, values shared by most apps and
 * apps sharing nothing all occur.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compare, resourceId } from "../../../plan/diff/compare";
import { APP_TYPES } from "../../../plan/diff/replace-table";
import { sameValue } from "../../../plan/diff/values";
import type { Plan, PlanResource } from "../../../plan/run";

function referencePairing(added: readonly PlanResource[], removed: readonly PlanResource[]) {
  const counterpart = new Map<PlanResource, PlanResource>();
  const renamedTo = new Map<PlanResource, PlanResource>();
  const taken = new Set<PlanResource>();
  const componentName = (r: PlanResource) => (r.parent === null ? undefined : r.parent.slice(r.parent.indexOf("::") + 2));
  const agreement = (a: unknown, b: unknown) =>
    a === null || typeof a !== "object" || Array.isArray(a) || b === null || typeof b !== "object" || Array.isArray(b)
      ? 0
      : Object.keys(a).filter((k) => k in b && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])).length;
  for (const old of removed) {
    if (!APP_TYPES.has(old.type)) continue;
    let best: PlanResource | undefined;
    let bestScore = 0;
    for (const candidate of added) {
      if (candidate.type !== old.type || taken.has(candidate)) continue;
      const score = agreement(old.inputs, candidate.inputs);
      if (score > bestScore) [best, bestScore] = [candidate, score];
    }
    if (!best) continue;
    taken.add(best);
    renamedTo.set(old, best);
    counterpart.set(best, old);
    const oldName = componentName(old) ?? old.name;
    const newName = componentName(best) ?? best.name;
    for (const r of added) {
      if (r === best) continue;
      const sameFamily = r.parent === best.parent && r.parent !== null;
      const isComponent = best.parent === resourceId(r);
      if (!sameFamily && !isComponent) continue;
      const wanted = r.name.startsWith(newName) ? oldName + r.name.slice(newName.length) : undefined;
      const match = removed.find((x) => x.type === r.type && x.name === wanted && (isComponent ? old.parent === resourceId(x) : x.parent === old.parent));
      if (match) counterpart.set(r, match);
    }
  }
  return { counterpart, renamedTo };
}

const APP_TYPE = fc.constantFrom("okta:app/oAuth:OAuth", "auth0:index/client:Client");
const COMPONENT = fc.constantFrom("oidc-apps:okta:WebApp", "oidc-apps:okta:BrowserApp", "oidc-apps:auth0:WebApp");
const VALUE = fc.constantFrom("a", "b", null, undefined, 0, ["x"], { p: 1, q: 2 }, { q: 2, p: 1 });
const INPUTS = fc.oneof(
  fc.dictionary(fc.constantFrom("label", "type", "redirectUris", "pkce", "grant", "extra"), VALUE, { minKeys: 1, maxKeys: 6 }),
  fc.constantFrom(null, "not an object", [1, 2]),
);
const app = (...names: string[]) => fc.record({ name: fc.constantFrom(...names), component: fc.option(COMPONENT, { nil: undefined }), type: APP_TYPE, inputs: INPUTS, children: fc.subarray(["-client-secret", "-group-everyone", "-credentials"]) });

interface App {
  readonly name: string;
  readonly component: string | undefined;
  readonly type: string;
  readonly inputs: unknown;
  readonly children: readonly string[];
}

function plan(apps: readonly App[]): Plan {
  const resources: PlanResource[] = [];
  const seen = new Set<string>();
  const add = (r: Omit<PlanResource, "protect" | "retainOnDelete">) => {
    const key = `${r.parent}>${r.type}::${r.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    resources.push({ ...r, protect: false, retainOnDelete: false });
  };
  for (const app of apps) {
    const parent = app.component ? `${app.component}::${app.name}` : null;
    if (app.component) add({ type: app.component, name: app.name, parent: null, inputs: {} });
    add({ type: app.type, name: app.name, parent, inputs: app.inputs });
    for (const suffix of app.children) add({ type: "random:index/randomPassword:RandomPassword", name: `${app.name}${suffix}`, parent, inputs: { length: 64 } });
  }
  return { project: "p", stack: "s", resources, invokes: [], outputs: {}, diagnostics: [] };
}

describe("rename pairing (plan/diff/compare.ts pairRenames)", () => {
  it("pairs exactly as the quadratic reference on random plans", () => {
    let paired = 0;
    fc.assert(
      fc.property(fc.array(app("a", "b", "c", "d", "e", "f", "portal"), { minLength: 4, maxLength: 12 }), fc.array(app("a", "b", "n1", "n2", "n3", "n4", "portal-x"), { minLength: 4, maxLength: 12 }), (before, after) => {
        const c = compare(plan(before), plan(after));
        const reference = referencePairing(c.added, c.removed);
        expect([...c.renamedTo]).toEqual([...reference.renamedTo]);
        expect(new Map(c.counterpart)).toEqual(new Map(reference.counterpart));
        paired += c.renamedTo.size;
      }),
      { numRuns: 500 },
    );
    expect(paired).toBeGreaterThan(300);
  });

  it("pairs exactly as the reference when most apps share most values (majorities, ties, apps missing a key)", () => {
    const SHARED = fc.constantFrom("a", "a", "a", "b", "c", "d", "e", "f", "g");
    const crowd = (...names: string[]) =>
      fc.record({
        name: fc.constantFrom(...names),
        component: fc.constant("oidc-apps:okta:WebApp"),
        type: fc.constant("okta:app/oAuth:OAuth"),
        inputs: fc.record({ k1: SHARED, k2: SHARED, k3: SHARED, k4: SHARED }, { requiredKeys: ["k1", "k2"] }),
        children: fc.constant([]),
      });
    // More candidates than the index treats as rare (compare.ts RARE, 16), so that widely shared values exist.
    const names = (prefix: string) => Array.from({ length: 150 }, (_, i) => `${prefix}${i}`);
    fc.assert(
      fc.property(fc.array(crowd(...names("old")), { minLength: 3, maxLength: 100 }), fc.array(crowd(...names("new")), { minLength: 40, maxLength: 100 }), (before, after) => {
        const c = compare(plan(before), plan(after));
        expect([...c.renamedTo]).toEqual([...referencePairing(c.added, c.removed).renamedTo]);
      }),
      { numRuns: 200 },
    );
  });

  it("a mass rename: every app pairs with the app of its redirect URI, whatever the order", () => {
    const apps = (prefix: string, order: number[]) =>
      order.map((i) => ({ name: `${prefix}-${i}`, component: "oidc-apps:okta:WebApp", type: "okta:app/oAuth:OAuth", inputs: { type: "web", label: `${prefix}-${i}`, redirectUris: [`https://${i}.example.com/cb`] }, children: ["-client-secret"] }));
    const n = 300;
    const order = Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const c = compare(plan(apps("old", order)), plan(apps("new", [...order].reverse())));
    expect(c.renamedTo.size).toBe(n);
    for (const [old, next] of c.renamedTo) expect(next.name.replace("new", "")).toBe(old.name.replace("old", ""));
    const secret = c.added.find((r) => r.name === "new-5-client-secret")!;
    expect(c.counterpart.get(secret)?.name).toBe("old-5-client-secret");
  });
});
