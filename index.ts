/**
 * The package entry: the library (package.json `main`/`exports` → bin/index.js, bin/index.d.ts). Re-exports only,
 * no side effects: importing the package must not run the program (program/index.ts) or start anything.
 *
 * It lives at the root because that is where the Pulumi plugin analyzer looks for the TypeScript source of the
 * components: `Analyzer.findProgramEntryPoint` (@pulumi/pulumi provider/experimental/analyzer.js) swaps `.js` for
 * `.ts` in package.json `exports["."]`/`main` (bin/index.ts: absent), then tries `index.ts`, then `src/index.ts`.
 * And cmd/run-plugin/run.js `require()`s the package dir (package.json `main`, this file compiled) and serves
 * every exported ComponentResource subclass, so export nothing else that extends ComponentResource.
 */
export * from "./library";
