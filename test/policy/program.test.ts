/**
 * The pack against what the real program declares. What the stack-file validator accepts, the pack's
 * mandatory policies must accept too (they are the same rules), so every committed stack passes; where the
 * validator has an opt-in (acknowledgeRoles), the pack needs its own (exemptResources).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planOfFile, planOfYaml } from "../support/plan";
import { environment, ORG_NAME, recipes, stackConfig, stackYaml } from "../support/stacks";
import { OKTA_APP } from "../../policy/policies";
import { runPack } from "./program";

const stackFile = (env: string) => join(__dirname, "..", "..", "stacks", `Pulumi.${env}.yaml`);

describe("the committed stacks", () => {
  it.each(["dev", "staging"])("%s: no policy has anything to say", async (env) => {
    const plan = await planOfFile(stackFile(env), env);
    expect(plan.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(plan.resources.filter((r) => r.type === OKTA_APP).length).toBeGreaterThan(1);
    expect(await runPack(plan)).toEqual({ findings: [], unknown: [] });
  });

  it("prod: no mandatory finding; the Everyone check asks for the Everyone group id", async () => {
    const plan = await planOfFile(stackFile("prod"), "prod");
    expect(plan.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const run = await runPack(plan);
    expect(run.findings.filter((f) => f.level === "mandatory")).toEqual([]);
    expect(run.findings).toEqual([{ policy: "everyone-in-production", level: "advisory", resource: "(stack)", message: expect.stringMatching(/^cannot tell whether \d+ group assignment\(s\) include Everyone/) }]);
  });

  it("prod with everyoneGroupId: the lookup's id is known only against a real org, so the check waits for it", async () => {
    const run = await runPack(await planOfFile(stackFile("prod"), "prod"), { "everyone-in-production": { everyoneGroupId: "00g1everyone" } });
    expect(run).toEqual({ findings: [], unknown: ["everyone-in-production"] });
  });
});

describe("the validator's opt-ins need the pack's", () => {
  // The README's bootstrap stack: the provisioning app holds SUPER_ADMIN, acknowledged in the stack file.
  const bootstrap = stackYaml(stackConfig({ "okta:orgName": ORG_NAME }, environment("production"), recipes({ provisioner: { recipe: "okta-provisioner", adminRole: "SUPER_ADMIN", acknowledgeRoles: ["SUPER_ADMIN"] } })));

  it("SUPER_ADMIN acknowledged in the stack file is still a mandatory violation until the resource is exempted", async () => {
    const plan = await planOfYaml(bootstrap, "bootstrap");
    expect(plan.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const run = await runPack(plan);
    expect(run.findings).toEqual([{ policy: "privileged-admin-roles", level: "mandatory", resource: "provisioner-role-super-admin", message: expect.stringMatching(/^OKTA_ROLE_ACKNOWLEDGE type: SUPER_ADMIN/) }]);

    const exempted = await runPack(plan, { "privileged-admin-roles": { exemptResources: ["provisioner-role-super-admin"] } });
    expect(exempted.findings).toEqual([]);
  });
});
