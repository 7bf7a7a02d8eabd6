import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Program tests run the whole Pulumi program under the mock runtime; give them room on a 2-core machine.
    testTimeout: 30_000,
    // The Pulumi runtime keeps process-wide state: one file per worker process.
    pool: "forks",
  },
});
