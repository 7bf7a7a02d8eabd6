/**
 * Issue 19: every resource's constructor reads the whole call stack (@pulumi/pulumi 3.248.0 resource.js,
 * `new Resource` → `Resource.stackTrace(4)` → `Resource.callsites()`, which lifts `Error.stackTraceLimit` to
 * Infinity and parses each frame), about 3 µs a frame. So every frame the program puts between its loop and a
 * resource costs every resource of the stack: the program constructs apps in its own loop, the library classes
 * call the component build directly, and the components loop rather than `map`. This pins the depth: the
 * frames of this repository's program, library and components on the stack of each resource the dev stack
 * constructs after the first turn of the event loop (before it, the test's own frames are below).
 */
import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { planOfYaml } from "../support/plan";
import { oktaStack } from "../support/stacks";

const ROOT = join(__dirname, "..", "..");
const OURS = ["program", "library", "components"].map((d) => `${join(ROOT, d)}${sep}`);

type Callsites = () => { file?: string }[];
const resourceClass = pulumi.Resource as unknown as { callsites: Callsites };
const original = resourceClass.callsites;
let depths: number[] = [];

beforeEach(() => {
  depths = [];
  resourceClass.callsites = function (this: unknown) {
    const sites = original.call(this);
    depths.push(sites.filter((s) => s.file !== undefined && OURS.some((dir) => s.file!.startsWith(dir))).length);
    return sites;
  };
});
afterEach(() => {
  resourceClass.callsites = original;
});

/** Apps of every kind and child: assignments, scope grants, admin roles, generated keys and secrets. */
function apps(n: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) {
    out[`app-${i}`] =
      i % 2 === 0
        ? { type: "web", redirectUris: [`https://app${i}.example.com/cb`], assignTo: { groups: ["Staff", "Ops"] }, apiScopes: ["okta.users.read"] }
        : { type: "service", keys: [{ kid: `k${i}` }], apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] };
  }
  return out;
}

describe("how deep the program constructs resources", () => {
  it("the SDK still reads every resource's call stack (else this test pins nothing)", async () => {
    await planOfYaml(oktaStack(apps(2)));
    expect(depths.length).toBeGreaterThan(0);
  });

  it("puts at most five of its own frames under any resource: loop, class, build, and the component helper", async () => {
    const plan = await planOfYaml(oktaStack(apps(16)));
    expect(plan.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    // Resources of the later apps are constructed after a turn of the event loop: only the program is below.
    const later = depths.slice(Math.floor(depths.length / 2));
    expect(Math.min(...later)).toBeGreaterThanOrEqual(3);
    expect(Math.max(...later)).toBeLessThanOrEqual(5);
  });

  it("names the SDK function it relies on (a different SDK may not read the stack at all)", () => {
    const sdk = readFileSync(require.resolve("@pulumi/pulumi/resource.js"), "utf8");
    expect(sdk).toMatch(/const stackTrace = Resource\.stackTrace\(4\);/);
    expect(sdk).toMatch(/Error\.stackTraceLimit = Number\.POSITIVE_INFINITY;/);
  });
});
