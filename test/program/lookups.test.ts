import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { exactGroupId, groupAssigners, groupLookups } from "../../components/okta/group-lookups";
import type { OktaAppSpec } from "../../config/model";
import { groupSlugs } from "../../config/names";
import { capture } from "../../plan/capture";
import { planOfYaml } from "../support/plan";
import { oktaStack } from "../support/stacks";

const web = (assignTo: unknown) => ({ type: "web", redirectUris: ["https://app.example.com/cb"], assignTo });

describe("org-level lookups", () => {
  it("makes exactly one Everyone-group lookup for twenty apps assigned to everyone", async () => {
    const apps = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`app-${i}`, web("everyone")]));
    const plan = await planOfYaml(oktaStack(apps));
    expect(plan.invokes.filter((i) => i.token === "okta:group/getEveryoneGroup:getEveryoneGroup")).toHaveLength(1);
    expect(plan.resources.filter((r) => r.type === "okta:app/groupAssignment:GroupAssignment")).toHaveLength(20);
  });

  it("looks each group name up once per stack, and nothing for apps assigned to no one", async () => {
    const plan = await planOfYaml(
      oktaStack({
        a: web({ groups: ["Support", "Engineering"] }),
        b: web({ groups: ["Support"] }),
        c: web("none"),
      }),
    );
    expect(plan.invokes).toEqual([
      { token: "okta:group/getGroup:getGroup", args: { name: "Engineering" } },
      { token: "okta:group/getGroup:getGroup", args: { name: "Support" } },
    ]);
    expect(plan.resources.filter((r) => r.type === "okta:app/groupAssignment:GroupAssignment").map((r) => r.name)).toEqual(["a-group-support", "a-group-engineering", "b-group-support"]);
  });

  it("shares one trusted origin between apps that list the same origin", async () => {
    const origin = { origin: "https://shared.example.com" };
    const plan = await planOfYaml(oktaStack({ a: { ...web("none"), trustedOrigins: [origin] }, b: { ...web("none"), trustedOrigins: [{ ...origin, scopes: ["IFRAME_EMBED"] }] } }));
    const origins = plan.resources.filter((r) => r.type === "okta:trustedorigin/origin:Origin");
    expect(origins.map((r) => r.inputs)).toEqual([{ name: "https://shared.example.com", origin: "https://shared.example.com", scopes: [{ type: "CORS" }, { type: "REDIRECT" }, { type: "IFRAME_EMBED" }] }]);
  });
});

/**
 * Run `body` with this test owning unhandled rejections: a failed lookup check rejects several of the SDK's
 * internal promises of the Output (as a real `pulumi up` would see: the run fails with the message), which no
 * test code can reach to handle. They are collected and returned instead of failing the test file.
 */
async function collectingRejections(body: () => Promise<void>): Promise<unknown[]> {
  const seen: unknown[] = [];
  const saved = process.listeners("unhandledRejection");
  process.removeAllListeners("unhandledRejection");
  const mine = (reason: unknown) => void seen.push(reason);
  process.on("unhandledRejection", mine);
  try {
    await body();
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
  } finally {
    process.off("unhandledRejection", mine);
    for (const l of saved) process.on("unhandledRejection", l);
  }
  return seen;
}

describe("group lookups check the name Okta found (okta_group's prefix search accepts one non-exact match)", () => {
  const lookupWith = async (found: Record<string, unknown>) => {
    let value: unknown;
    const rejections = await collectingRejections(async () => {
      const run = await capture({ project: "oidc-apps", stack: "test", lookup: (token) => (token === "okta:group/getGroup:getGroup" ? found : undefined) }, () => {
        const provider = new okta.Provider("okta", { orgName: "acme", baseUrl: "okta.com" });
        const id = groupLookups(provider).groupsFor("portal", { kind: "groups", groups: ["QA"] })[0]!.id as pulumi.Output<string>;
        id.apply((v) => (value = v));
      });
      if (!run.result.ok) throw run.result.error;
    });
    return { value, messages: [...new Set(rejections.map((e) => (e instanceof Error ? e.message : String(e))))] };
  };

  it("fails the run when the one group found is not named exactly as requested, naming the app and both groups", async () => {
    const { value, messages } = await lookupWith({ id: "00g-contractors", name: "QA Contractors" });
    expect(value).toBeUndefined();
    expect(messages).toEqual([expect.stringContaining('okta app portal: assignTo.groups names the group "QA", but Okta\'s group search (a prefix match) found only "QA Contractors"')]);
  });

  it("one failed check for a group several apps assign names every one of them (each spells the name itself)", async () => {
    const apps = ["portal", "admin", "docs", "wiki", "crm", "erp", "hr"];
    const specs = apps.map((name, i) => ({ kind: "web", name, assignTo: { kind: "groups", groups: i === 1 ? ["QA", "QA"] : ["QA"] } }) as unknown as OktaAppSpec);
    const assigners = groupAssigners(specs);
    expect(assigners.get("QA")).toEqual(apps);
    const rejections = await collectingRejections(async () => {
      const run = await capture({ project: "oidc-apps", stack: "test", lookup: (token) => (token === "okta:group/getGroup:getGroup" ? { id: "00g-c", name: "QA Contractors" } : undefined) }, () => {
        const lookups = groupLookups(new okta.Provider("okta", { orgName: "acme", baseUrl: "okta.com" }), assigners);
        for (const app of apps.slice(0, 3)) (lookups.groupsFor(app, { kind: "groups", groups: ["QA"] })[0]!.id as pulumi.Output<string>).apply(() => undefined);
      });
      if (!run.result.ok) throw run.result.error;
    });
    const messages = [...new Set(rejections.map((e) => (e instanceof Error ? e.message : String(e))))];
    expect(messages).toEqual([expect.stringContaining('okta apps portal, admin, docs, wiki, crm and 2 more: assignTo.groups names the group "QA", but')]);
  });

  it("uses the id when the name matches exactly", async () => {
    expect(await lookupWith({ id: "00g-qa", name: "QA" })).toEqual({ value: "00g-qa", messages: [] });
  });

  it("one lookup and one checked id per group, shared by every app that assigns it", async () => {
    const run = await capture({ project: "oidc-apps", stack: "test" }, () => {
      const lookups = groupLookups(new okta.Provider("okta", { orgName: "acme", baseUrl: "okta.com" }));
      const [a, b, c] = ["portal", "admin", "docs"].map((app) => lookups.groupsFor(app, { kind: "groups", groups: ["QA", app] }));
      expect(b![0]!.id).toBe(a![0]!.id);
      expect(c![0]!.id).toBe(a![0]!.id);
      expect(b![1]!.id).not.toBe(a![1]!.id);
    });
    if (!run.result.ok) throw run.result.error;
    // One getGroup per name (the capture lists invokes sorted).
    expect(run.invokes.map((i) => (i.args as { name: string }).name)).toEqual(["QA", "admin", "docs", "portal"]);
  });

  it("the check itself: exact, case-sensitive; unknown names (the offline plan) pass", () => {
    expect(() => exactGroupId(["a"], "QA", { id: "x", name: "qa" })).toThrow(pulumi.RunError);
    expect(exactGroupId(["a"], "QA", { id: "x" })).toBe("x");
  });
});

describe("group assignment resource names", () => {
  it("are the group's slug, made unique within the app where two names fold to one, and never empty", () => {
    expect(groupSlugs(["Engineering", "QA Team"])).toEqual(["engineering", "qa-team"]);
    const folded = groupSlugs(["QA Team", "qa-team"]);
    expect(new Set(folded).size).toBe(2);
    expect(folded.every((s) => /^qa-team-[0-9a-f]{8}$/.test(s))).toBe(true);
    expect(groupSlugs(["開発"])[0]).toMatch(/^group-[0-9a-f]{8}$/);
  });
});
