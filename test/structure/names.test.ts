/** Names defined once in config/sections.ts are the ones the project's files outside TypeScript use too. */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROJECT } from "../../config/sections";

describe("the project name", () => {
  it("is Pulumi.yaml's name: the namespace of our config keys and the prefix of every component type", () => {
    const project = parse(readFileSync("Pulumi.yaml", "utf8")) as { name?: unknown };
    expect(project.name).toBe(PROJECT);
  });
});
