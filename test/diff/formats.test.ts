/** The three forms of a diff: markdown within GitHub's comment limit, safe to paste, and deterministic. */
import { describe, expect, it } from "vitest";
import { COMMENT_LIMIT, commentMarker, diffMarkdown, diffPlans, diffText, type Diff } from "../../plan/diff";
import type { PlanResource } from "../../plan/run";
import { planOf, render, stack } from "./support";

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
    const base = stack({ portal: { type: "web", redirectUris: ["https://portal.example.com/cb"] } });
    const head = stack({ portal: { type: "web", redirectUris: ["https://portal.example.com/cb", "https://portal.example.org/cb"] } });
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
    const config = stack({ portal: { type: "web", redirectUris: ["https://portal.example.com/cb"] } });
    const diff = diffPlans(await render(config), await render(config));
    expect(diffMarkdown(diff)).toContain("**No changes**: this change renders exactly the same plan as the base.");
    expect(diffText(diff)).toContain("No changes: the head renders the same plan as the base.");
  });
});

describe("determinism", () => {
  it("the same stack files give the same bytes in every form", async () => {
    const base = stack({ portal: { type: "web", redirectUris: ["https://portal.example.com/cb"] }, bot: { type: "service", keys: [{ kid: "k1" }], apiScopes: ["okta.users.read"] } });
    const head = stack({
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
    expect(Object.keys(JSON.parse(first[0]!) as object)).toEqual(["stack", "added", "removed", "changed", "risks", "lookups", "outputs", "notes"]);
  });
});
