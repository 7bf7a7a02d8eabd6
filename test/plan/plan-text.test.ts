/**
 * The text plan a reviewer reads (issue 20): a header that counts errors and warnings, the warnings right after
 * it, each app said in the setup guides' words (who is assigned, grants, client authentication, scopes, admin
 * roles, keys and which is active), and settings that look alarming explained beside them. Rendered from the
 * Plan JSON only, so deterministic; the JSON contract is untouched.
 */
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { planText } from "../../plan/text";
import { planOfYaml } from "../support/plan";
import { oktaStack } from "../support/stacks";

const PEM = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }).toString();

const STACK = oktaStack({
  portal: {
    type: "web",
    grantTypes: ["authorization_code", "refresh_token", "refresh_token"],
    redirectUris: ["https://portal.example.com/callback"],
    refreshToken: { rotation: "rotate", gracePeriodSeconds: 30 },
    assignTo: "everyone",
  },
  // "QA" and "QA!" slug alike: their resource names carry a hash, and the text still names them.
  console: { type: "browser", redirectUris: ["https://console.example.com/callback"], assignTo: { groups: ["QA", "QA!", "Support"] } },
  hidden: { type: "web", redirectUris: ["https://hidden.example.com/callback"] },
  legacy: { type: "web", redirectUris: ["https://legacy.example.com/callback"], adopt: { id: "0oa1legacy" } },
  bot: {
    type: "service",
    keys: [{ kid: "old", publicKey: PEM }, { kid: "new", active: true }],
    apiScopes: ["okta.users.read", "okta.groups.read"],
    adminRoles: ["READ_ONLY_ADMIN"],
  },
});

async function render(yaml = STACK) {
  const plan = await planOfYaml(yaml, "x");
  return { plan, text: planText(plan, "stacks/Pulumi.x.yaml") };
}

/** The `» ` lines under a component, in order. */
function summary(text: string, component: string): string[] {
  const lines = text.split("\n");
  const start = lines.indexOf(`  ${component}`);
  expect(start, component).toBeGreaterThan(0);
  const out: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith("    » ")) break;
    out.push(line.slice("    » ".length));
  }
  return out;
}

describe("the text plan", () => {
  it("counts errors and warnings in the header and lists the warnings right after it", async () => {
    const { plan, text } = await render();
    const warnings = plan.diagnostics.filter((d) => d.severity === "warning");
    expect(warnings.map((d) => d.code)).toEqual(["OKTA_GRANT_DUPLICATE"]);
    const lines = text.split("\n");
    expect(lines[1]).toBe(`${plan.resources.length} resources · ${plan.invokes.length} lookups · 0 errors, 1 warning`);
    expect(lines.slice(2, 6)).toEqual([
      "",
      "Warnings",
      `  warning OKTA_GRANT_DUPLICATE stacks/Pulumi.x.yaml: oidc-apps:okta.apps.portal.grantTypes[2]: "refresh_token" is listed more than once.`,
      "      fix: Remove the duplicate.",
    ]);
    expect(text.indexOf("\nWarnings\n")).toBeLessThan(text.indexOf("\nResources\n"));
    // Listed once, at the top: not again at the end.
    expect(text.split("OKTA_GRANT_DUPLICATE").length).toBe(2);
  });

  it("a stack without problems says 0 errors, 0 warnings and has no diagnostics section", async () => {
    const { text } = await render(oktaStack({ portal: { type: "web", redirectUris: ["https://portal.example.com/callback"] } }));
    expect(text.split("\n")[1]).toMatch(/^\d+ resources · 0 lookups · 0 errors, 0 warnings$/);
    expect(text).not.toContain("\nWarnings\n");
    expect(text).not.toContain("\nDiagnostics\n");
  });

  it("with errors: both counts, nothing would be created, every diagnostic in the project's form", async () => {
    const { text } = await render(
      oktaStack({ portal: { type: "web", grantTypes: ["authorization_code", "authorization_code"], redirectUris: ["/callback"] }, x: { type: "webapp" } }),
    );
    const lines = text.split("\n");
    expect(lines[1]).toBe("2 errors, 1 warning: nothing would be created.");
    expect(lines[3]).toBe("Diagnostics");
    expect(text).toMatch(/\n {2}error CONFIG_INVALID_VALUE stacks\/Pulumi\.x\.yaml: oidc-apps:okta\.apps\.x\.type: .*\n {6}fix: /);
    expect(text).not.toContain("\nResources\n");
  });

  it("says who is assigned: Everyone, the named groups, nobody, or what an adopted app keeps", async () => {
    const { text } = await render();
    expect(summary(text, "oidc-apps:okta:WebApp  portal")).toEqual([
      'Okta app integration: OIDC, Web Application, "portal"',
      `assigned to: Everyone (the guide's "Allow everyone in your organization to access")`,
      "grant types: Authorization Code, Refresh Token (rotated on use, the old one valid 30 s more)",
      "client authentication: client secret (sent as HTTP Basic)",
      "Okta API scopes granted: none",
    ]);
    expect(summary(text, "oidc-apps:okta:BrowserApp  console")).toContain(`assigned to: the groups "QA", "QA!", "Support" (the guide's "Limit access to selected groups")`);
    expect(summary(text, "oidc-apps:okta:BrowserApp  console")).toContain("client authentication: none: a public client, with PKCE");
    expect(summary(text, "oidc-apps:okta:WebApp  hidden")).toContain(`assigned to: nobody: no user can sign in until the app is assigned (the guide's "Skip group assignment for now")`);
    expect(summary(text, "oidc-apps:okta:WebApp  legacy")).toContain("assigned to: no group from the stack file; the app keeps the assignments it has in Okta");
  });

  it("says a service app's scopes, admin roles and keys, and which key is active", async () => {
    const { text } = await render();
    expect(summary(text, "oidc-apps:okta:ServiceApp  bot")).toEqual([
      'Okta app integration: API Services, "bot"',
      "grant types: Client Credentials",
      "client authentication: Public key / Private key (private key JWT)",
      "Okta API scopes granted: okta.users.read, okta.groups.read",
      "admin roles: READ_ONLY_ADMIN (Read-Only Administrator)",
      "keys: old (public key from the stack file; its private key stays with whoever brought it); new (active; RSA 2048, generated: its private key is a stack secret)",
    ]);
  });

  it("explains the settings that look alarming, beside them, and the [org keeps …] mark", async () => {
    const { text } = await render();
    expect(text).toMatch(/\n {8}skipAuthenticationPolicy: true {2}# Okta still gives the app the org's default sign-in policy; this only skips the provider's lookup of it \(needs okta\.policies\.read\)\n/);
    expect(text).toMatch(/\n {8}skipAuthenticationPolicy: true {2}# a service app has no sign-in policy; without this every update would look one up and attach it \(needs okta\.policies\.read\)\n/);
    expect(text).toMatch(/ {2}okta:app\/oAuth:OAuth {2}portal {2}\[org keeps \d+ settings the stack file does not set\]\n {8}# \[org keeps …\]: after creation pulumi up never changes those settings, so what is set in the admin console stays \(ignoreChanges\)\n/);
    expect(text).toContain("special: false  # letters and digits only: 64 of them are 381 bits");
    expect(text).toContain("tokenEndpointAuthMethod: none  # a public client: no secret to leak; PKCE is required instead");
  });

  it("is deterministic and leaves the JSON contract alone", async () => {
    const a = await render();
    const b = await render();
    expect(a.text).toBe(b.text);
    expect(Object.keys(a.plan)).toEqual(["project", "stack", "resources", "invokes", "outputs", "diagnostics"]);
  });
});
