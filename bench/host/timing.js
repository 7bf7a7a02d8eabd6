// Preloaded (`node --require`) into a language-host-like run by bench/host/run-host.ts: marks when the program
// module is required and when its exported function is called, returns and resolves, and prints them (ms since
// the process started) with the peak RSS on one stderr line at exit. Observes only: the program is unchanged.
"use strict";
const { performance } = require("node:perf_hooks");
const Module = require("node:module");
const program = process.env.OIDC_APPS_BENCH_PROGRAM;
const marks = {};
const mark = (name) => (marks[name] ??= Math.round(performance.now()));
const load = Module._load;
Module._load = function (request) {
  if (request !== program) return load.apply(this, arguments);
  mark("required");
  const exported = load.apply(this, arguments);
  mark("loaded");
  if (typeof exported !== "function") return exported;
  return function () {
    mark("called");
    const result = exported.apply(this, arguments);
    mark("returned");
    Promise.resolve(result).then(() => mark("resolved"), () => mark("rejected"));
    return result;
  };
};
process.on("exit", () => {
  mark("exit");
  process.stderr.write(`OIDC_APPS_BENCH_TIMING ${JSON.stringify({ ...marks, maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
