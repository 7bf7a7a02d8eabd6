/**
 * The offline plan loads the stack file before it starts the mock runtime, then registers the model through
 * main()'s own registerStack (plan/run.ts says why: the scavenger's cost at 1,000 apps). What it prints must
 * still be exactly what evaluating main() itself under the same runtime gives, for every stack file shipped and
 * every file of the bad-input corpus: the same resources, lookups, outputs and diagnostics.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Diagnostic } from "../../config/diagnostics";
import { PROJECT } from "../../config/sections";
import { readStackFileText } from "../../config/stack-file";
import { capture } from "../../plan/capture";
import { runPlan } from "../../plan/run";
import { resolveOutput } from "../../plan/values";
import { main } from "../../program/main";
import { readCorpus } from "../../scripts/corpus-manifest";

const ROOT = join(__dirname, "..", "..");

/** The program as `pulumi up` runs it: main() inside the runtime, loading the config there. */
async function mainUnderMocks(stack: string, stackFile: string, config: Record<string, string>, secretKeys: ReadonlySet<string>) {
  let diagnostics: readonly Diagnostic[] = [];
  const run = await capture({ project: PROJECT, stack, config, secretKeys }, () => main({ stackFile, secretKeys, onDiagnostics: (d) => (diagnostics = d) }));
  return {
    ok: run.result.ok,
    resources: run.resources,
    invokes: run.invokes,
    outputs: run.result.ok ? await resolveOutput(run.result.value) : {},
    diagnostics: [...diagnostics],
  };
}

async function compare(stack: string, stackFile: string, text: string) {
  const file = readStackFileText(text);
  const viaMain = await mainUnderMocks(stack, stackFile, file.config, file.secretKeys);
  const plan = await runPlan({ stack, config: file.config, secretKeys: file.secretKeys });
  expect({ resources: plan.resources, invokes: plan.invokes, outputs: plan.outputs, diagnostics: plan.diagnostics }).toEqual({
    resources: viaMain.resources,
    invokes: viaMain.invokes,
    outputs: viaMain.outputs,
    diagnostics: viaMain.diagnostics,
  });
  return { viaMain, plan };
}

describe("the offline plan registers what main() registers", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each(["dev", "staging", "prod"])("stacks/Pulumi.%s.yaml", async (stack) => {
    const path = `stacks/Pulumi.${stack}.yaml`;
    const { viaMain, plan } = await compare(stack, path, readFileSync(join(ROOT, path), "utf8"));
    expect(viaMain.ok).toBe(true);
    expect(plan.resources.length).toBeGreaterThan(10);
  });

  it("a stack file with Pulumi's legacy `ns:config:name` keys: read as main() reads them (the SDK's cleanKey)", async () => {
    const text = readFileSync(join(ROOT, "stacks/Pulumi.staging.yaml"), "utf8").replace("okta:orgName:", "okta:config:orgName:").replace("oidc-apps:environment:", "oidc-apps:config:environment:");
    expect(text).toContain("okta:config:orgName:");
    expect(text).toContain("oidc-apps:config:environment:");
    const { viaMain, plan } = await compare("staging", "stacks/Pulumi.staging.yaml", text);
    expect(viaMain.ok).toBe(true);
    expect(plan.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(plan.resources.length).toBeGreaterThan(10);
  });

  const corpus = readCorpus().filter((c) => readStackFileText(readFileSync(c.absolute, "utf8")).diagnostics.every((d) => d.severity !== "error"));

  it("the bad-input corpus reaches the program (the comparison below is not vacuous)", () => {
    expect(corpus.length).toBeGreaterThan(100);
  });

  it("every file of the bad-input corpus: the same diagnostics, and nothing registered by either", async () => {
    for (const c of corpus) {
      const { viaMain, plan } = await compare(c.stack, c.file, readFileSync(c.absolute, "utf8"));
      expect(viaMain.ok, c.name).toBe(false);
      expect(plan.diagnostics.some((d) => d.severity === "error"), c.name).toBe(true);
      expect(plan.resources, c.name).toEqual([]);
    }
  });

  it("an invalid stack file never starts the mock runtime", async () => {
    const setMocks = vi.spyOn(pulumi.runtime, "setMocks");
    const c = corpus[0]!;
    const file = readStackFileText(readFileSync(c.absolute, "utf8"));
    const plan = await runPlan({ stack: c.stack, config: file.config, secretKeys: file.secretKeys });
    expect(plan.diagnostics.length).toBeGreaterThan(0);
    expect(setMocks).not.toHaveBeenCalled();
  });
});
