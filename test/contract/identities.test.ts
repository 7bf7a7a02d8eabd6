/**
 * Issue 19: performance work must not rename anything. The URNs (with parents) and stack output keys of every
 * shipped stack file and of generated stacks that cross the program's batches (index.ts `APPS_PER_TURN`) are
 * compared with the committed snapshot, recorded before that work. A deliberate change regenerates it:
 * `OIDC_APPS_UPDATE_IDENTITIES=1 npx vitest run test/contract/identities.test.ts`, and the diff of
 * test/fixtures/identities.json is then part of the review.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { currentIdentities, SNAPSHOT_FILE, SNAPSHOT_STACKS, type Identities } from "../support/identities";

describe("URNs and stack output keys are those of the committed snapshot", () => {
  it("covers every shipped stack and the generated ones", async () => {
    const current = await currentIdentities();
    if (process.env["OIDC_APPS_UPDATE_IDENTITIES"]) writeFileSync(SNAPSHOT_FILE, JSON.stringify(current, null, 1) + "\n");
    const recorded = JSON.parse(readFileSync(SNAPSHOT_FILE, "utf8")) as Record<string, Identities>;
    expect(Object.keys(recorded).sort()).toEqual(SNAPSHOT_STACKS.map((s) => s.name).sort());
    for (const s of SNAPSHOT_STACKS) {
      expect(current[s.name]!.resources, `${s.name}: resources`).toEqual(recorded[s.name]!.resources);
      expect(current[s.name]!.outputs, `${s.name}: output keys`).toEqual(recorded[s.name]!.outputs);
    }
  });
});
