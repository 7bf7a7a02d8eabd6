/**
 * Run by `npm run build` after tsc: bundles the program (program/index.ts, with zod) into one file,
 * bin/program/bundle.js, which is what Pulumi.yaml `main` runs. Under a language-host-like run, start-up and
 * evaluation of the dev stack measured 1.27x-1.29x the floor of loading the five SDKs from tsc's 100-odd files
 * and 1.16x-1.22x from the bundle, each pair in the same bench run (bench/RESULTS.md, section 1, measures both
 * every run). Two facts make the difference:
 * - Node compiles every module's whole source when it is loaded (`wrapSafe`), and `zod` is 1 MB of it, a third
 *   of that its 64 locales. esbuild drops what the program never reaches, locales included, but only through a
 *   namespace import (`import * as z from "zod"`); the named `import { z } from "zod"` keeps all of zod.
 *   test/program/bundle.test.ts fails if the locales come back.
 * - No source map. The SDK reads the stack of every resource it registers (@pulumi/pulumi resource.js
 *   `Resource.callsites`), and under the host source-map-support maps each frame, parsing the whole map of a
 *   bundled file on first use: with a map, the dev stack took about 60 ms longer, half of what the bundle saves. So
 *   stack traces and the resources' recorded source positions point into bundle.js (not minified: every module
 *   starts with a `// <path>.ts` comment); tsc's build of the same program, with source maps, stays in
 *   bin/program/index.js for debugging (docs/development.md).
 * The Pulumi SDKs stay outside, loaded from node_modules as they were: cmd/run configures the @pulumi/pulumi it
 * loads itself, and a second copy inside the bundle would lean on the SDK's tolerance of duplicate copies
 * (runtime/state.js keeps its stores on `global` for that); the provider SDKs load their resources lazily and
 * read their own package.json for the plugin version they register with (@pulumi/okta utilities.js `getVersion`).
 */
import { buildSync, type BuildOptions, type Metafile } from "esbuild";
import { join, resolve } from "node:path";

/** Pulumi.yaml `main`. In bin/program/, where tsc puts build-info.js, so the stale-build check finds the root two levels up either way. */
export const PROGRAM_BUNDLE = "bin/program/bundle.js";

export function programBundleOptions(root: string, outfile = join(root, PROGRAM_BUNDLE)): BuildOptions {
  return {
    absWorkingDir: root,
    entryPoints: [join(root, "program", "index.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "cjs",
    // package.json `engines`.
    target: "node20",
    external: ["@pulumi/*"],
    sourcemap: false,
    // tsconfig.json, as tsc and tsx read it: ES2022 class fields.
    tsconfig: join(root, "tsconfig.json"),
    logLevel: "warning",
    metafile: true,
  };
}

/** Builds the bundle; returns esbuild's record of what went into it. */
export function bundleProgram(root: string, outfile?: string): Metafile {
  return buildSync(programBundleOptions(root, outfile)).metafile!;
}

if (require.main === module) {
  // Compiled to bin/scripts/bundle-program.js: the project root is two levels up.
  bundleProgram(resolve(__dirname, "..", ".."));
}
