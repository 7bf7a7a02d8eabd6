/** Constructing apps a few at a time. */

/**
 * Apps are constructed a few at a time, with a turn of the event loop in between (issue 19). The SDK keeps
 * each registration's promises, closures and serialized inputs until the registration has been sent (and,
 * under the mock runtime, answered); constructing thousands of apps in one synchronous run holds all of them
 * at once (0.8 MB per app; 7,000 apps exhausted Node's default heap). Between batches the runtime sends, or
 * under the mock runtime completes, what was constructed. Small batches: what one batch leaves behind then
 * dies in V8's young generation; at 3,000 apps, 25 apps per turn took 1.5x the time and 1.6x the memory of 5
 * (`node --import tsx bench/eval-child.ts baseline 3000 25`, then `... 3000 5`). Constructor order, and so
 * every name, parent and output, is the same.
 */
export const APPS_PER_TURN = 5;

/**
 * Whether a turn of the event loop comes before the app at `index`: after every APPS_PER_TURN apps. The callers
 * construct apps in their own loop, not through a callback: the SDK reads the whole call stack of every resource
 * it constructs (`Resource.stackTrace`), so each frame between the program and a resource costs every resource.
 */
export function turnBefore(index: number): boolean {
  return index > 0 && index % APPS_PER_TURN === 0;
}

/** A turn of the event loop (see APPS_PER_TURN). */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve));
}

/**
 * `loop`, with no `at async …` frames above it in the stacks it captures once it has resumed from its first turn
 * (the first batch is constructed synchronously, under its callers' frames). The SDK reads the whole call stack of
 * every resource, with an unlimited Error.stackTraceLimit (@pulumi/pulumi resource.js `Resource.callsites`), and
 * V8 appends a frame for each async function that awaits, directly or through a chain of then(), the one
 * constructing: the program's callers and, in the plan, the runtime's own (plan/capture.ts's program,
 * runtime/stack.js `Stack.initialize`, resource.js `initializeAndRegisterOutputs`). V8 walks that chain only
 * through promises with exactly one reaction (v8 src/execution/isolate.cc `CaptureAsyncStackTrace`: "Check that
 * we have exactly one PromiseReaction on the {promise}"), so a second, empty one ends it at the loop. Measured
 * at 1,000 apps in the plan: 9 frames per resource on average, 13 when the plan's registerStack was awaited
 * plainly (Resource.callsites wrapped to count); test/program/construction-depth.test.ts pins it.
 * Rejections still reach the caller, who awaits the same promise.
 */
export function unawaitedFrames<T>(loop: Promise<T>): Promise<T> {
  loop.then(
    () => undefined,
    () => undefined,
  );
  return loop;
}
