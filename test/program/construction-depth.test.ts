/**
 * Issue 19: every resource's constructor reads the whole call stack (@pulumi/pulumi 3.248.0 resource.js,
 * `new Resource` → `Resource.stackTrace(4)` → `Resource.callsites()`, which lifts `Error.stackTraceLimit` to
 * Infinity and parses each frame), about 3 µs a frame. So every frame the program puts between its loop and a
 * resource costs every resource of the stack: the program constructs apps in its own loop, the library classes
 * call the component build directly, and the components loop rather than `map`. This pins the depth: the
 * frames of this repository's program, library and components on the stack of each resource the dev stack
 * constructs after the first turn of the event loop (before it, the test's own frames are below).
 *
 * Above the loop: once it has resumed from its first turn, V8 appends an `at async …` frame for each async
 * function awaiting it, through chains of then() too (v8 src/execution/isolate.cc `CaptureAsyncStackTrace`).
 * The program ends that chain at the loop (program/batches.ts `unawaitedFrames`), so no frame of its callers,
 * or of the runtime running it, is read either: pinned for the plan and for main() as `pulumi up` runs it.
 */
import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generatedConfig } from "../../bench/stack";
import { AUTH0_ROOT, ENVIRONMENT_KEY, PROJECT } from "../../config/sections";
import { capture } from "../../plan/capture";
import { runPlan } from "../../plan/run";
import { main } from "../../program/main";
import { planOfYaml } from "../support/plan";
import { oktaStack } from "../support/stacks";

const ROOT = join(__dirname, "..", "..");
const OURS = ["program", "library", "components"].map((d) => `${join(ROOT, d)}${sep}`);

type Callsites = () => { file?: string }[];
const resourceClass = pulumi.Resource as unknown as { callsites: Callsites };
const original = resourceClass.callsites;
let depths: number[] = [];
/** The files of every frame read, one list per resource. */
let stacks: string[][] = [];

beforeEach(() => {
  depths = [];
  stacks = [];
  resourceClass.callsites = function (this: unknown) {
    const sites = original.call(this);
    depths.push(sites.filter((s) => s.file !== undefined && OURS.some((dir) => s.file!.startsWith(dir))).length);
    stacks.push(sites.map((s) => s.file ?? ""));
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
    // The fewest: an app's component itself, under its class and the loop.
    expect(Math.min(...later)).toBe(2);
    expect(Math.max(...later)).toBeLessThanOrEqual(5);
  });

  it("names the SDK function it relies on (a different SDK may not read the stack at all)", () => {
    const sdk = readFileSync(require.resolve("@pulumi/pulumi/resource.js"), "utf8");
    expect(sdk).toMatch(/const stackTrace = Resource\.stackTrace\(4\);/);
    expect(sdk).toMatch(/Error\.stackTraceLimit = Number\.POSITIVE_INFINITY;/);
  });

  /** Callers of the apps' loop: none may be read once the loop has resumed from its first turn. */
  const CALLERS = [/plan[\\/]capture\.ts$/, /plan[\\/]run\.ts$/, /program[\\/]main\.ts$/, /@pulumi[\\/]pulumi[\\/]runtime[\\/]stack\.js$/];
  const expectNoCallerFrames = () => {
    const withCallers = stacks.filter((files) => files.some((f) => CALLERS.some((c) => c.test(f))));
    expect(stacks.length).toBeGreaterThan(100);
    // Only the first batch's resources (APPS_PER_TURN apps, at most 6 resources each) are constructed synchronously from the caller.
    expect(withCallers.length).toBeLessThanOrEqual(main.APPS_PER_TURN * 6);
  };

  it("reads no frame above the apps' loop after the first turn: the offline plan", async () => {
    const plan = await runPlan({ stack: "bench", config: generatedConfig(60), secretKeys: new Set() });
    expect(plan.diagnostics).toEqual([]);
    expectNoCallerFrames();
  });

  it("reads no frame above the apps' loop after the first turn: main(), as `pulumi up` runs it", async () => {
    const run = await capture({ project: PROJECT, stack: "bench", config: generatedConfig(60), secretKeys: new Set() }, () =>
      main({ stackFile: "bench", secretKeys: new Set(), onDiagnostics: () => {} }),
    );
    expect(run.result.ok).toBe(true);
    expectNoCallerFrames();
  });

  it("reads no frame above the apps' loop after the first turn: Auth0 apps (their own loop)", async () => {
    const apps = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`partner-${i}`, { type: "regular_web", callbacks: [`https://p${i}.example.com/callback`] }]));
    const config = { "auth0:domain": "acme-dev.us.auth0.com", [ENVIRONMENT_KEY]: "development", [AUTH0_ROOT]: JSON.stringify({ apps }) };
    const plan = await runPlan({ stack: "bench", config, secretKeys: new Set() });
    expect(plan.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(stacks.every((files) => !files.some((f) => /program[\\/]okta\.ts$/.test(f)))).toBe(true);
    expectNoCallerFrames();
  });
});
