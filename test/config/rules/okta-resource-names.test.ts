/**
 * OKTA_RESOURCE_NAME_COLLISION (config/rules/okta-resource-names.ts): two apps whose group assignments or admin
 * roles would share a resource name are refused by the loader. The facts it rests on are pinned here against
 * the real construction (the library's classes, which check each app alone, under the plan's capture, which
 * refuses a duplicate URN as the engine does): such apps do collide, and apps of different kinds do not.
 */
import { describe, expect, it } from "vitest";
import { OktaBrowserApp, OktaServiceApp, OktaWebApp } from "../../../library";
import { capture } from "../../../plan/capture";
import { codes, expectAbsent, expectProblem, load, withCode } from "../../support/load";
import { oktaStack } from "../../support/stacks";

const CALLBACK = (host: string) => [`https://${host}.example.com/callback`];
const run = <T>(program: () => T) => capture({ project: "consumer", stack: "test" }, program);
const errorOf = (result: { ok: boolean; error?: unknown }) => (result.ok ? undefined : String((result.error as Error).message));
const ORG = { orgUrl: "https://acme.okta.com", environment: "development" } as const;
/** A describe block per rule, found by okta-rules.test.ts's catalogue check. */
const rule = (code: string, body: () => void) => describe(code, body);

rule("OKTA_RESOURCE_NAME_COLLISION", () => {
  it("refuses two web apps whose group assignments share a name, on the later path, naming the other app", () => {
    const r = load(
      oktaStack({
        a: { type: "web", redirectUris: CALLBACK("a"), assignTo: { groups: ["b-group-c"] } },
        "a-group-b": { type: "web", redirectUris: CALLBACK("b"), assignTo: { groups: ["c"] } },
      }),
    );
    const d = expectProblem(r, "OKTA_RESOURCE_NAME_COLLISION", "oidc-apps:okta.apps.a.assignTo", '"a-group-b-group-c"');
    expect(d.message).toContain('the app "a-group-b" (oidc-apps:okta.apps.a-group-b.assignTo)');
    expect(r.model).toBeUndefined();
  });

  it("passes the same names on a web and a browser app: their parents' types differ, and so do the URNs", () => {
    expectAbsent(
      load(
        oktaStack({
          a: { type: "web", redirectUris: CALLBACK("a"), assignTo: { groups: ["b-group-c"] } },
          "a-group-b": { type: "browser", redirectUris: CALLBACK("b"), assignTo: { groups: ["c"] } },
        }),
      ),
      "OKTA_RESOURCE_NAME_COLLISION",
    );
  });

  it("refuses two service apps whose custom admin roles share a name", () => {
    const custom = (role: string) => ({ custom: { role, resourceSet: "iamset" } });
    const r = load(
      oktaStack({
        a: { type: "service", keys: [{ kid: "k1" }], adminRoles: [custom("b-role-custom-c")] },
        "a-role-custom-b": { type: "service", keys: [{ kid: "k1" }], adminRoles: [custom("c")] },
      }),
    );
    expect(withCode(r.diagnostics, "OKTA_RESOURCE_NAME_COLLISION").map((d) => d.path)).toEqual(["oidc-apps:okta.apps.a.adminRoles"]);
  });

  it("says nothing about a stack whose names are all distinct", () => {
    const r = load(
      oktaStack({
        portal: { type: "web", redirectUris: CALLBACK("a"), assignTo: { groups: ["Staff", "Ops"] } },
        admin: { type: "web", redirectUris: CALLBACK("b"), assignTo: { groups: ["Staff"] } },
        bot: { type: "service", keys: [{ kid: "k1" }], adminRoles: ["READ_ONLY_ADMIN"] },
      }),
    );
    expect(codes(r.diagnostics)).not.toContain("OKTA_RESOURCE_NAME_COLLISION");
  });
});

describe("the facts it rests on, under the capture (the engine's duplicate-URN refusal)", () => {
  it("two web apps named so do collide: each alone is valid, together the second assignment is refused", async () => {
    const { result } = await run(() => {
      new OktaWebApp("a", { ...ORG, redirectUris: CALLBACK("a"), assignTo: { groups: ["b-group-c"] } });
      new OktaWebApp("a-group-b", { ...ORG, redirectUris: CALLBACK("b"), assignTo: { groups: ["c"] } });
    });
    expect(errorOf(result)).toBe("Duplicate resource URN 'urn:pulumi:test::consumer::oidc-apps:index:OktaWebApp$okta:app/groupAssignment:GroupAssignment::a-group-b-group-c'; try giving it a unique name");
  });

  it("a web and a browser app named so do not", async () => {
    const { result } = await run(() => {
      new OktaWebApp("a", { ...ORG, redirectUris: CALLBACK("a"), assignTo: { groups: ["b-group-c"] } });
      new OktaBrowserApp("a-group-b", { ...ORG, redirectUris: CALLBACK("b"), assignTo: { groups: ["c"] } });
    });
    expect(errorOf(result)).toBeUndefined();
  });

  it("two service apps with custom roles named so do collide", async () => {
    const custom = (role: string) => [{ role, resourceSet: "iamset" }];
    const { result } = await run(() => {
      new OktaServiceApp("a", { ...ORG, keys: [{ kid: "k1" }], customAdminRoles: custom("b-role-custom-c") });
      new OktaServiceApp("a-role-custom-b", { ...ORG, keys: [{ kid: "k1" }], customAdminRoles: custom("c") });
    });
    expect(errorOf(result)).toMatch(/^Duplicate resource URN '.*::a-role-custom-b-role-custom-c-iamset'/);
  });
});
