/** The three forms of a diff: markdown within GitHub's comment limit, safe to paste, and deterministic. */
import { describe, expect, it } from "vitest";
import { COMMENT_LIMIT, commentMarker, diffMarkdown, diffPlans, diffText, type Diff } from "../../../plan/diff";
import type { PlanResource } from "../../../plan/run";
import { planOf, render } from "./support";
import { oktaConfig } from "../../support/stacks";

/** `n` new apps with `uris` redirect URIs each and long labels: a diff far beyond a comment. */
function bigDiff(n: number, uris: number): Diff {
  const resources: Partial<PlanResource>[] = [];
  for (let i = 0; i < n; i++) {
    const app = `app-${String(i).padStart(4, "0")}`;
    resources.push({ type: "oidc-apps:okta:WebApp", name: app, parent: null });
    resources.push({
      type: "okta:app/oAuth:OAuth",
      name: app,
      parent: `oidc-apps:okta:WebApp::${app}`,
      inputs: { label: `App ${i} `.repeat(300), type: "web", redirectUris: Array.from({ length: uris }, (_, k) => `https://${app}.example.com/callback/${k}`), clientBasicSecret: "[secret]" },
    });
    resources.push({ type: "okta:index/appGroupAssignments:AppGroupAssignments", name: `${app}-assignments`, parent: `oidc-apps:okta:WebApp::${app}`, inputs: { appId: "(known after apply)", groups: [{ id: "(known after apply)", profile: "{}" }] } });
  }
  return diffPlans(planOf([]), planOf(resources));
}

describe("markdown", () => {
  it("a small diff is whole: marker, summary first, risks table, collapsible details", async () => {
    const base = oktaConfig({ portal: { type: "web", redirectUris: ["https://portal.example.com/cb"] } });
    const head = oktaConfig({ portal: { type: "web", redirectUris: ["https://portal.example.com/cb", "https://portal.example.org/cb"] } });
    const md = diffMarkdown(diffPlans(await render(base), await render(head)), { base: "origin/main:stacks/Pulumi.test.yaml" });
    expect(md.startsWith(`${commentMarker("test")}\n### Plan diff for stack \`test\``)).toBe(true);
    expect(md).toContain("**1 risk · 0 added · 0 removed · 1 changed**");
    expect(md).toContain("| **redirect-added** | `okta:app/oAuth:OAuth::portal` |");
    expect(md.indexOf("| Risk |")).toBeLessThan(md.indexOf("<details>"));
    expect(md).toContain("<details><summary>Changed (1)</summary>\n\n```diff\n  okta:app/oAuth:OAuth::portal\n    redirectUris:\n+     https://portal.example.org/cb\n```\n\n</details>");
    expect(md).not.toContain("Truncated");
  });

  it("a large diff stays under the comment limit and keeps the summary, with a clear truncation note", () => {
    const diff = bigDiff(60, 1);
    expect(diffText(diff).length).toBeGreaterThan(2 * COMMENT_LIMIT);
    const md = diffMarkdown(diff, { base: "main", command: "npm run plan -- test --diff-ref main" });
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(md.startsWith(commentMarker("test"))).toBe(true);
    expect(md).toContain(`**${diff.risks.length} risks · 180 added · 0 removed · 0 changed**`);
    expect(md).toMatch(/> ✂️ \*\*Truncated\*\*: the whole diff is longer than a GitHub comment \(65,536 characters\)\. The summary and every risk are shown; the details below are cut\. Run `npm run plan -- test --diff-ref main` for the whole diff\./);
    expect(md).toMatch(/> ✂️ \*\*Truncated here\*\* to fit GitHub's comment limit: \d+ more detail lines are not shown\./);
    // Every risk is in the table, and the details that are shown are well-formed.
    for (const r of diff.risks) expect(md).toContain(`\`${r.resource}\``);
    expect(md.split("<details>").length).toBe(md.split("</details>").length);
    expect((md.match(/^```/gm) ?? []).length % 2).toBe(0);
  });

  it("even with more risks than fit, the summary stays and says how many risks are not shown", () => {
    const diff = bigDiff(1500, 8);
    const md = diffMarkdown(diff);
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(md).toMatch(new RegExp(`The first (\\d+) of ${diff.risks.length} risks are shown`));
    expect(md).toMatch(/\| … \| \d+ more risks \| not shown: see the whole diff \|/);
  });

  it("text from the stack file cannot break out of the comment's structure or mention anyone", () => {
    const evil = "x ``` </details> <img src=x> | @everyone";
    const diff = diffPlans(
      planOf([{ type: "okta:app/oAuth:OAuth", name: "a", inputs: { label: "a", redirectUris: [] } }]),
      planOf([{ type: "okta:app/oAuth:OAuth", name: "a", inputs: { label: evil, redirectUris: [`https://a.example.com/${evil}`] } }]),
    );
    const md = diffMarkdown(diff);
    // The summary (risk table) escapes it: no HTML, no table break, no mention.
    const summary = md.slice(0, md.indexOf("<details>"));
    expect(summary).toContain("&lt;img src=x&gt; \\| &#64;everyone");
    expect(summary).not.toMatch(/<img|@everyone|<\/details>/);
    // The details show it verbatim inside a code fence longer than any backtick run in it, so it stays code.
    const details = md.slice(md.indexOf("<details>"));
    const [open, close] = ["<details><summary>Changed (1)</summary>\n\n````diff\n", "````\n\n</details>\n"];
    expect(details.startsWith(open)).toBe(true);
    expect(details.endsWith(close)).toBe(true);
    expect(details.slice(open.length, -close.length)).not.toMatch(/^````/m);
  });

  it("no changes says so", async () => {
    const config = oktaConfig({ portal: { type: "web", redirectUris: ["https://portal.example.com/cb"] } });
    const diff = diffPlans(await render(config), await render(config));
    expect(diffMarkdown(diff)).toContain("**No changes**: this change renders exactly the same plan as the base.");
    expect(diffText(diff)).toContain("No changes: the head renders the same plan as the base.");
  });
});

describe("lists and warnings", () => {
  it("a list whose count changes reports the items added: a second generated key is one key added, not 'same items, new order'", async () => {
    const bot = (keys: unknown[]) => oktaConfig({ bot: { type: "service", keys, apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN"] } });
    const diff = diffPlans(await render(bot([{ kid: "k1" }])), await render(bot([{ kid: "k1" }, { kid: "k2", active: false }])));
    const jwks = diff.changed.find((c) => c.resource === "okta:app/oAuth:OAuth::bot")!.properties.find((p) => p.path === "jwks")!;
    expect(jwks).toEqual({ path: "jwks", before: ["(known after apply)"], after: ["(known after apply)", "(known after apply)"] });
    const text = diffText(diff);
    expect(text).toContain("  okta:app/oAuth:OAuth::bot\n    jwks:\n+     (known after apply)\n");
    expect(text).not.toContain("same items, new order");
    // And the other way, and for objects: each item once per occurrence.
    const lines = (before: unknown[], after: unknown[]) => diffText(diffPlans(planOf([{ inputs: { list: before } }]), planOf([{ inputs: { list: after } }])));
    expect(lines(["a", "a", "b"], ["a"])).toContain("    list:\n-     a\n-     b\n");
    expect(lines([{ kid: "x" }], [{ kid: "x" }, { kid: "y" }])).toContain('    list:\n+     {"kid":"y"}\n');
    expect(lines(["a", "b"], ["b", "a"])).toContain("    list: same items, new order: b, a");
  });

  const withWarnings = (apps: string[]) =>
    oktaConfig(Object.fromEntries(apps.map((a) => [a, { type: "service", keys: [{ kid: `${a}-1` }], apiScopes: ["okta.users.read"] }])));

  it("the head's warnings appear in text and markdown, new ones first", async () => {
    const diff = diffPlans(await render(withWarnings(["old"])), await render(withWarnings(["old", "fresh"])));
    expect(diff.warnings.map((w) => [w.code, w.path, w.new])).toEqual([
      ["OKTA_SERVICE_NO_ADMIN_ROLE", "oidc-apps:okta.apps.fresh.adminRoles", true],
      ["OKTA_SERVICE_NO_ADMIN_ROLE", "oidc-apps:okta.apps.old.adminRoles", false],
    ]);
    const text = diffText(diff);
    expect(text).toContain("2 warnings (1 new)");
    expect(text).toMatch(/Warnings in the head stack file \(new first\)\n {2}new OKTA_SERVICE_NO_ADMIN_ROLE oidc-apps:okta\.apps\.fresh\.adminRoles: .*\n {6}OKTA_SERVICE_NO_ADMIN_ROLE oidc-apps:okta\.apps\.old\.adminRoles: /);
    const md = diffMarkdown(diff);
    expect(md).toContain("**Warnings in the head stack file**: 2, 1 new in this change.");
    const fresh = md.indexOf("| 🆕 new | OKTA_SERVICE_NO_ADMIN_ROLE | `oidc-apps:okta.apps.fresh.adminRoles` |");
    const old = md.indexOf("|  | OKTA_SERVICE_NO_ADMIN_ROLE | `oidc-apps:okta.apps.old.adminRoles` |");
    expect(fresh).toBeGreaterThan(0);
    expect(old).toBeGreaterThan(fresh);
    // In the summary, before the details.
    expect(old).toBeLessThan(md.indexOf("<details>"));
  });

  it("warnings show when nothing changed too", async () => {
    const config = withWarnings(["old"]);
    const diff = diffPlans(await render(config), await render(config));
    expect(diffText(diff)).toContain("No changes: the head renders the same plan as the base.\n\nWarnings in the head stack file (new first)\n      OKTA_SERVICE_NO_ADMIN_ROLE");
    expect(diffMarkdown(diff)).toContain("**Warnings in the head stack file**: 1, none new.");
  });

  it("each form says which code rendered each side", async () => {
    const config = oktaConfig({ portal: { type: "web", redirectUris: ["https://portal.example.com/cb"] } });
    const diff = diffPlans(await render(config), await render(config));
    const rendered = "both sides rendered offline with this checkout's code";
    expect(diffText(diff, { base: "main:x", rendered })).toContain(`rendered: ${rendered}`);
    expect(diffMarkdown(diff, { base: "main:x", rendered })).toContain(`Compared with \`main:x\`, ${rendered} (no credentials`);
  });
});

describe("determinism", () => {
  it("the same stack files give the same bytes in every form", async () => {
    const base = oktaConfig({ portal: { type: "web", redirectUris: ["https://portal.example.com/cb"] }, bot: { type: "service", keys: [{ kid: "k1" }], apiScopes: ["okta.users.read"] } });
    const head = oktaConfig({
      portal: { type: "web", redirectUris: ["https://portal.example.com/cb"], assignTo: "everyone", clientSecretVersion: 2 },
      bot: { type: "service", keys: [{ kid: "k1" }, { kid: "k2", active: false }], apiScopes: ["okta.users.manage"], adminRoles: ["USER_ADMIN"] },
    });
    const forms = async () => {
      const diff = diffPlans(await render(base), await render(head));
      return [JSON.stringify(diff, null, 2), diffText(diff), diffMarkdown(diff)];
    };
    const first = await forms();
    const second = await forms();
    expect(second).toEqual(first);
    expect(JSON.parse(first[0]!)).toMatchObject({ stack: "test" });
    expect(Object.keys(JSON.parse(first[0]!) as object)).toEqual(["stack", "added", "removed", "changed", "risks", "lookups", "outputs", "notes", "warnings"]);
  });
});
