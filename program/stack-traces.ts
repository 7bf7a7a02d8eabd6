/** What the program does about stack traces and errors, so that `pulumi up` stays fast and its errors short. */
import * as pulumi from "@pulumi/pulumi";

/**
 * Stack traces are off while the program's resources register (issue 19): the SDK captures `new Error().stack`
 * for every promise it makes (@pulumi/pulumi runtime/debuggable.js `debuggablePromise`, `_debugStackTrace`),
 * only for its leak report under PULUMI_DEBUG_PROMISE_LEAKS, and under the language host every such trace is
 * source-mapped by `source-map-support/register` (loaded by cmd/run/index.js): most of a `pulumi up`'s program
 * time. What users read is kept: RunErrors print without a stack (cmd/run/run.js `uncaughtHandler`), a failed
 * registration's error carries the resource's name, type and the engine's message (runtime/resource.js
 * `preallocError.message`), and the resources' source positions are read with the SDK's own unlimited limit
 * (resource.js `Resource.callsites`). `OIDC_APPS_STACK_TRACES=1` keeps them all, for debugging; so does
 * PULUMI_DEBUG_PROMISE_LEAKS, whose report is those traces. Returns the restore, which puts the limit back
 * unless someone else changed it meanwhile; already at 0 (the offline plan turns it off around its whole run,
 * plan/capture.ts), nothing changes here.
 */
export function stackTracesOff(): () => void {
  const previous = Error.stackTraceLimit;
  if (process.env["OIDC_APPS_STACK_TRACES"] || process.env["PULUMI_DEBUG_PROMISE_LEAKS"] || previous === 0) return () => {};
  Error.stackTraceLimit = 0;
  let pending = true;
  return () => {
    if (pending && Error.stackTraceLimit === 0) Error.stackTraceLimit = previous;
    pending = false;
  };
}

/**
 * Under the engine the resources register after the program has constructed them, so the restore waits until
 * the program is done and then until the runtime has settled: the SDK's own wait for every outstanding RPC,
 * registrations and stack outputs included (runtime/settings.js `waitForRPCs`, what `disconnect()` awaits; it
 * waits again whenever new RPCs started meanwhile). It is not in the SDK's typings: without it, the restore
 * waits for the event loop to empty (`beforeExit`).
 */
export function restoreWhenSettled(program: Promise<unknown>, restore: () => void): void {
  const waitForRPCs = (pulumi.runtime as { waitForRPCs?: () => Promise<void> }).waitForRPCs;
  const settled = () => (typeof waitForRPCs === "function" ? waitForRPCs() : new Promise<void>((resolve) => process.once("beforeExit", () => resolve())));
  program.then(settled, settled).then(restore, restore);
}

/**
 * A RunError prints as its message alone (cmd/run/run.js `uncaughtHandler`: "Always hide the stack for
 * RunErrors"), yet the host also formats every uncaught error with `util.inspect` for its trace span
 * (`span.addEvent(defaultErrorMessage(err))`, cmd/run/error.js), and Node 20's inspect spends seconds and
 * gigabytes on a stack that source-map-support mapped into the SDK's sources (a frame at
 * `node_modules/@pulumi/resource.ts`, from @pulumi/pulumi's source maps): a stack-file error took 15 s and
 * 3.3 GB to report. So its stack is its message, with or without OIDC_APPS_STACK_TRACES.
 */
export function runError(message: string): pulumi.RunError {
  const error = new pulumi.RunError(message);
  error.stack = `${error.name}: ${message}`;
  return error;
}
