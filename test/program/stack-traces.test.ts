/**
 * Issue 19: the SDK captures a stack trace for every promise it makes (@pulumi/pulumi runtime/debuggable.js),
 * and under the language host each is source-mapped: most of a `pulumi up`'s program time. The program turns
 * them off while its resources register and restores them once the runtime has settled; OIDC_APPS_STACK_TRACES=1
 * (or PULUMI_DEBUG_PROMISE_LEAKS, whose report is those traces) keeps them. The plan does the same around its run.
 */
import * as pulumi from "@pulumi/pulumi";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import main from "../../program/index";
import { readStackFileText } from "../../config/stack-file";
import { runPlan } from "../../plan/run";
import { oktaStack } from "../support/stacks";

const STACK = readStackFileText(
  oktaStack({
    portal: { type: "web", redirectUris: ["https://portal.example.com/cb"], trustedOrigins: [{ origin: "https://portal.example.com" }], assignTo: { groups: ["Staff"] } },
    bot: { type: "service", keys: [{ kid: "k1" }], apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] },
  }),
);

/** The limit each registration and lookup saw, and the limit once everything has settled. */
async function underEngine(config: Record<string, string> = STACK.config): Promise<{ during: number[]; after: number; result: unknown }> {
  const during: number[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        // The stack itself registers either way.
        if (args.type !== "pulumi:pulumi:Stack") during.push(Error.stackTraceLimit);
        return { id: undefined, state: args.inputs };
      },
      call: () => {
        during.push(Error.stackTraceLimit);
        return { id: "00g-unknown" };
      },
    },
    "oidc-apps",
    "test",
    true,
  );
  pulumi.runtime.setAllConfig(config, []);
  let result: unknown;
  // As cmd/run/run.js runs the exported function: inside the stack, after main() the runtime registers.
  await pulumi.runtime.runInPulumiStack(async () => {
    try {
      await main({ stackFile: "stacks/Pulumi.test.yaml", secretKeys: new Set(), onDiagnostics: () => {} });
      result = "ok";
    } catch (error) {
      result = error;
    }
    return {};
  });
  await pulumi.runtime.disconnect();
  for (let i = 0; i < 100 && Error.stackTraceLimit !== 10; i++) await new Promise((r) => setImmediate(r));
  return { during, after: Error.stackTraceLimit, result };
}

describe("stack traces while the program registers resources", () => {
  const saved = { limit: Error.stackTraceLimit, traces: process.env["OIDC_APPS_STACK_TRACES"], leaks: process.env["PULUMI_DEBUG_PROMISE_LEAKS"] };
  beforeEach(() => {
    Error.stackTraceLimit = 10;
    delete process.env["OIDC_APPS_STACK_TRACES"];
    delete process.env["PULUMI_DEBUG_PROMISE_LEAKS"];
  });
  afterEach(() => {
    Error.stackTraceLimit = saved.limit;
    for (const [key, value] of [["OIDC_APPS_STACK_TRACES", saved.traces], ["PULUMI_DEBUG_PROMISE_LEAKS", saved.leaks]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it("are off for every registration and lookup, and back to the default once the runtime has settled", async () => {
    const { during, after, result } = await underEngine();
    expect(result).toBe("ok");
    expect(during.length).toBeGreaterThan(5);
    expect(new Set(during)).toEqual(new Set([0]));
    expect(after).toBe(10);
  });

  it("stay on with OIDC_APPS_STACK_TRACES=1, and with PULUMI_DEBUG_PROMISE_LEAKS", async () => {
    process.env["OIDC_APPS_STACK_TRACES"] = "1";
    expect(new Set((await underEngine()).during)).toEqual(new Set([10]));
    delete process.env["OIDC_APPS_STACK_TRACES"];
    process.env["PULUMI_DEBUG_PROMISE_LEAKS"] = "1";
    expect(new Set((await underEngine()).during)).toEqual(new Set([10]));
  });

  it("are restored when the stack file is invalid: the RunError's message is what users read, unchanged", async () => {
    const { during, after, result } = await underEngine({ ...STACK.config, "oidc-apps:environment": "prod" });
    expect(during).toEqual([]);
    expect(after).toBe(10);
    expect(pulumi.RunError.isInstance(result)).toBe(true);
    expect((result as Error).message).toMatch(/oidc-apps:environment: must be one of development, staging, production/);
    // No frames, whatever the setting: the host util.inspect()s it, which Node 20 cannot do quickly on the SDK's mapped frames.
    expect((result as Error).stack).toBe(`Error: ${(result as Error).message}`);
  });

  it("the plan: off until its registrations have settled, then restored", async () => {
    const plan = await runPlan({ stack: "test", config: STACK.config, secretKeys: new Set() });
    expect(plan.resources.length).toBeGreaterThan(5);
    expect(Error.stackTraceLimit).toBe(10);
  });
});
