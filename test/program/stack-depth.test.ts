/**
 * The SDK reads the whole call stack of every resource it constructs (@pulumi/pulumi resource.js
 * `Resource.callsites`, unlimited Error.stackTraceLimit), so every frame above a resource costs every resource.
 * After the first turn of the event loop the apps' loop resumes from its own await, and V8 then appends an
 * `at async …` frame for each async function awaiting it, through chains of then() too (v8
 * src/execution/isolate.cc `CaptureAsyncStackTrace`). The program ends that chain at the loop
 * (program/batches.ts `unawaitedFrames`): no frame of its callers, or of the runtime that runs it, is read.
 * Pinned for the plan (registerStack under plan/capture.ts) and for main() as `pulumi up` runs it.
 */
import * as pulumi from "@pulumi/pulumi";
import { afterEach, describe, expect, it, vi } from "vitest";
import { generatedConfig } from "../../bench/stack";
import { PROJECT } from "../../config/sections";
import { capture } from "../../plan/capture";
import { runPlan } from "../../plan/run";
import { main } from "../../program/main";

type Frame = { file?: string };
const SDK = pulumi.Resource as unknown as { callsites: () => Frame[] };

/** The files of every frame the SDK read, one list per resource constructed. */
function recordStacks(): string[][] {
  const stacks: string[][] = [];
  const original = SDK.callsites.bind(SDK);
  vi.spyOn(SDK, "callsites").mockImplementation(() => {
    const frames = original();
    stacks.push(frames.map((f) => f.file ?? ""));
    return frames;
  });
  return stacks;
}

/** Callers of the apps' loop: none may appear once the loop has resumed from its first turn. */
const CALLERS = [/plan[\\/]capture\.ts$/, /program[\\/]main\.ts$/, /@pulumi[\\/]pulumi[\\/]runtime[\\/]stack\.js$/];

function expectNoCallerFrames(stacks: readonly string[][]): void {
  // The first turn's apps are constructed synchronously from the caller: their stacks hold it, as they must.
  const later = stacks.filter((files) => !files.some((f) => CALLERS.some((c) => c.test(f))));
  expect(stacks.length).toBeGreaterThan(100);
  // Only the first batch's resources (APPS_PER_TURN apps, at most 6 resources each) have caller frames.
  expect(stacks.length - later.length).toBeLessThanOrEqual(main.APPS_PER_TURN * 6);
  expect(later.every((files) => files.some((f) => /program[\\/]okta\.ts$/.test(f)))).toBe(true);
}

describe("the SDK reads no frame above the apps' loop", () => {
  afterEach(() => vi.restoreAllMocks());

  it("in the offline plan", async () => {
    const stacks = recordStacks();
    const plan = await runPlan({ stack: "bench", stackFile: "bench", config: generatedConfig(60), secretKeys: new Set() });
    expect(plan.diagnostics).toEqual([]);
    expectNoCallerFrames(stacks);
  });

  it("under main(), as `pulumi up` runs it", async () => {
    const stacks = recordStacks();
    const run = await capture({ project: PROJECT, stack: "bench", config: generatedConfig(60), secretKeys: new Set() }, () =>
      main({ stackFile: "bench", secretKeys: new Set(), onDiagnostics: () => {} }),
    );
    expect(run.result.ok).toBe(true);
    expectNoCallerFrames(stacks);
  });
});
