// Loads the program the way Pulumi's TypeScript default would (cmd/run/run.js, tsutils.js): its vendored ts-node 7
// with the project's tsconfig, type-checking unless TRANSPILE_ONLY=true; then requires program/index.ts (the program
// entry; the root index.ts is the library). Loading only.
// TS_NODE_CACHE=false makes it cold; TS_NODE_CACHE_DIRECTORY=<dir> reuses a warm cache.
"use strict";
const path = require("node:path");
require(path.resolve("node_modules/@pulumi/pulumi/vendor/ts-node@7.0.1")).register({ compiler: "typescript", transpileOnly: process.env.TRANSPILE_ONLY === "true", project: "tsconfig.json" });
require(path.resolve("program/index.ts"));
