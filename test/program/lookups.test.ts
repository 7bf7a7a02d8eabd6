import { describe, expect, it } from "vitest";
import { oktaStack, planOfYaml } from "../support/plan";

const web = (assignTo: unknown) => ({ type: "web", redirectUris: ["https://app.example.com/cb"], assignTo });

describe("org-level lookups", () => {
  it("makes exactly one Everyone-group lookup for twenty apps assigned to everyone", async () => {
    const apps = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`app-${i}`, web("everyone")]));
    const plan = await planOfYaml(oktaStack(apps));
    expect(plan.invokes.filter((i) => i.token === "okta:group/getEveryoneGroup:getEveryoneGroup")).toHaveLength(1);
    expect(plan.resources.filter((r) => r.type === "okta:index/appGroupAssignments:AppGroupAssignments")).toHaveLength(20);
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
    expect(plan.resources.filter((r) => r.type === "okta:index/appGroupAssignments:AppGroupAssignments").map((r) => r.name)).toEqual(["a-assignments", "b-assignments"]);
  });

  it("shares one trusted origin between apps that list the same origin", async () => {
    const origin = { origin: "https://shared.example.com" };
    const plan = await planOfYaml(oktaStack({ a: { ...web("none"), trustedOrigins: [origin] }, b: { ...web("none"), trustedOrigins: [{ ...origin, scopes: ["IFRAME_EMBED"] }] } }));
    const origins = plan.resources.filter((r) => r.type === "okta:trustedorigin/origin:Origin");
    expect(origins.map((r) => r.inputs)).toEqual([{ name: "https://shared.example.com", origin: "https://shared.example.com", scopes: [{ type: "CORS" }, { type: "REDIRECT" }, { type: "IFRAME_EMBED" }] }]);
  });
});
