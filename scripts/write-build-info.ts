/** Run by `npm run build` after tsc: records the fingerprint of the sources the build was made from. */
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { BUILD_INFO, sourceHash } from "../program/build-info";

// Compiled to bin/scripts/write-build-info.js: the project root is two levels up.
const root = resolve(__dirname, "..", "..");
writeFileSync(join(root, BUILD_INFO), JSON.stringify({ sourceHash: sourceHash(root) }, null, 2) + "\n");
