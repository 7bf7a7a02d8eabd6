/**
 * The oidc-apps program. The only place that reads Pulumi config and builds providers; everything else gets
 * typed values from here. The same function runs under the real engine (`pulumi up`, which calls the exported
 * function with no arguments, index.ts) and under the mock runtime (the offline plan and the tests).
 */
import * as pulumi from "@pulumi/pulumi";
import { ConfigInvalidError, formatDiagnostic, type Diagnostic } from "../config/diagnostics";
import type { StackModel } from "../config/model";
import { loadStack } from "../recipes/load-stack";
import { auth0Stack } from "./auth0";
import { APPS_PER_TURN as PER_TURN, unawaitedFrames } from "./batches";
import { staleBuild } from "./build-info";
import { resolveHandoff } from "./handoffs";
import { oktaStack } from "./okta";
import type * as contract from "./outputs";
import { keptSecret, secretKeysFromEngine } from "./secrets";
import { restoreWhenSettled, runError, stackTracesOff } from "./stack-traces";

/** The exported function, its options (used by the offline plan and tests; `pulumi up` passes none). */
export function main(options: main.Options = {}): Promise<main.StackOutputs> {
  const restore = stackTracesOff();
  const result = run(options);
  restoreWhenSettled(result, restore);
  return result;
}

// A namespace merged with the function: `export = main` (index.ts) exports one value that carries its types.
// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace main {
  /** Apps constructed per turn of the event loop (program/batches.ts says why). */
  export const APPS_PER_TURN = PER_TURN;

  export interface Options {
    /** The stack file the config came from, for messages. Default `stacks/Pulumi.<stack>.yaml`. */
    stackFile?: string;
    /** Keys whose values are secrets. Default: what the engine says (`PULUMI_CONFIG_SECRET_KEYS`). */
    secretKeys?: ReadonlySet<string>;
    /** Receives every diagnostic (errors and warnings). Default: warnings go to the Pulumi log. */
    onDiagnostics?: (diagnostics: readonly Diagnostic[]) => void;
  }

  /** The stack outputs contract (program/outputs.ts), as the program returns it. */
  export type StackOutputs = contract.StackOutputs;
}

async function run(options: main.Options): Promise<main.StackOutputs> {
  const stale = staleBuild();
  if (stale) throw runError(stale);
  const stackFile = options.stackFile ?? `stacks/Pulumi.${pulumi.getStack()}.yaml`;
  const secretKeys = options.secretKeys ?? secretKeysFromEngine();
  // The stack file read and validated: the one place the program loads config (the offline plan runs the same
  // loader, before its mock runtime starts: plan/run.ts).
  const { model, diagnostics } = loadStack({ config: pulumi.runtime.allConfig(), stack: pulumi.getStack(), ...(secretKeys ? { secretKeys } : {}) });
  report(diagnostics, stackFile, options.onDiagnostics);
  if (!model) {
    // RunError: the engine prints the message without a stack trace. Nothing has been registered yet.
    throw runError(new ConfigInvalidError(diagnostics, stackFile).message);
  }
  return registerStack(model, secretKeys);
}

/**
 * What the program registers for a stack file already loaded and valid: the providers, every app and the stack
 * outputs. main() calls it after loading the config inside the runtime; the offline plan calls it with the
 * model it loaded before starting the mock runtime (plan/run.ts says why), so both register through this one
 * function. The apps' loops are awaited through `unawaitedFrames` (program/batches.ts): after their first batch,
 * nothing above them adds to the call stack the SDK reads for every resource.
 */
export async function registerStack(model: StackModel, secretKeys: ReadonlySet<string> | undefined): Promise<main.StackOutputs> {
  const outputs: main.StackOutputs = { environment: model.environment };
  // Each provider exists only when the stack declares apps for it, so an Okta-only stack needs no Auth0 settings.
  const secret = keptSecret(secretKeys);
  if (model.okta) outputs.okta = await unawaitedFrames(oktaStack(model.okta, model.protect, secret));
  if (model.auth0) outputs.auth0 = await unawaitedFrames(auth0Stack(model.auth0, model.protect, secret));
  if (model.recipes.length > 0) {
    outputs.handoffs = Object.fromEntries(model.recipes.map((r) => [r.instance, resolveHandoff(r.handoff, outputs)]));
  }
  return outputs;
}

function report(diagnostics: readonly Diagnostic[], stackFile: string, sink: main.Options["onDiagnostics"]): void {
  if (sink) {
    sink(diagnostics);
    return;
  }
  for (const d of diagnostics) if (d.severity === "warning") void pulumi.log.warn(formatDiagnostic(d, stackFile));
}
