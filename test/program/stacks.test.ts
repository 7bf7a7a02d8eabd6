import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planOfFile } from "../support/plan";

const stacks = readdirSync("stacks")
  .map((f) => /^Pulumi\.(.+)\.yaml$/.exec(f)?.[1])
  .filter((s): s is string => s !== undefined);

describe("every stack in stacks/", () => {
  it("finds the three shipped stacks", () => {
    expect(stacks.sort()).toEqual(["dev", "prod", "staging"]);
  });

  for (const stack of stacks) {
    it(`${stack}: renders with no diagnostics and registers a provider and apps`, async () => {
      const plan = await planOfFile(`stacks/Pulumi.${stack}.yaml`, stack);
      expect(plan.diagnostics).toEqual([]);
      expect(plan.resources.filter((r) => r.type === "pulumi:providers:okta")).toHaveLength(1);
      expect(plan.resources.filter((r) => r.type === "okta:app/oAuth:OAuth").length).toBeGreaterThan(0);
      // Every resource other than top-level components and providers hangs under a component.
      for (const r of plan.resources) {
        if (!r.type.startsWith("oidc-apps:") && !r.type.startsWith("pulumi:providers:")) expect(r.parent, `${r.type}::${r.name}`).not.toBeNull();
      }
    });
  }

  it("prod: every app is protected and retained, and nothing else (secrets and keys must stay replaceable for rotation); dev and staging protect nothing", async () => {
    const prod = await planOfFile("stacks/Pulumi.prod.yaml", "prod");
    const apps = prod.resources.filter((r) => r.type === "okta:app/oAuth:OAuth" || r.type === "auth0:index/client:Client");
    expect(apps.length).toBeGreaterThan(0);
    expect(apps.every((r) => r.protect && r.retainOnDelete)).toBe(true);
    expect(prod.resources.filter((r) => r.protect).length).toBe(apps.length);
    for (const stack of ["dev", "staging"]) {
      const plan = await planOfFile(`stacks/Pulumi.${stack}.yaml`, stack);
      expect(plan.resources.filter((r) => r.protect)).toEqual([]);
    }
  });
});
