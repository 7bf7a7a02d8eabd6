/** docs/library.md's API section is what `npm run gen:library-docs` renders from the pinned schema and the sources. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LIBRARY_DOCS, libraryDocs } from "../../scripts/gen-library-docs";

describe("docs/library.md", () => {
  it("has the API the plugin schema and the args' @default tags give (`npm run gen:library-docs` regenerates it)", () => {
    const current = readFileSync(LIBRARY_DOCS, "utf8");
    expect(current).toBe(libraryDocs(current));
    for (const c of ["OktaWebApp", "OktaBrowserApp", "OktaNativeApp", "OktaServiceApp", "OktaTrustedOrigins", "Auth0RegularWebApp"]) expect(current).toContain(`### ${c}\n`);
  }, 60_000);
});
