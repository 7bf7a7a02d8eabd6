/**
 * The input rules of issue 16, in the cdk-nag style of okta-rules.test.ts: the YAML reader (sizes, tags, merge
 * keys, aliases, duplicate keys), the string policy (TEXT_*), the URL policy (URL_*), names and namespaces
 * (CONFIG_NAMESPACE_MISSPELT, OKTA_ORG_*, OKTA_BASE_URL_MISSPELT, STACK_NAME_ENVIRONMENT_MISMATCH) and the
 * reviewer's warnings (APP_LABEL_DUPLICATE, OKTA_ASSIGN_EVERYONE_PRODUCTION). For every code a "fails ..." test
 * (exact code, exact key path, a distinctive part of the message) and a "passes ..." counterpart; then the pure
 * policy functions other modules import, and what must stay bounded on hostile input (by input size, never by
 * the clock).
 */
import { describe, expect, it } from "vitest";
import { loadStack } from "../../../recipes/load-stack";
import { stackNameProblem } from "../../../config/rules/stack-file";
import { textPolicyFindings, urlPolicyFindings } from "../../../config/rules/predicates";
import type { RuleCode } from "../../../config/rules/catalogue";
import { MAX_STACK_FILE_BYTES, MAX_STACK_FILE_LINES, readStackFileText } from "../../../config/stack-file";
import { MAX_SUGGESTION_INPUT, nearest } from "../../../config/suggest";
import { escapeUnsafe, findUnsafeCharacter, redactSecrets, safeExcerpt, secretShape } from "../../../config/text-policy";
import { rawUrlParts, redactUrl, secretParameters, showUrl, urlProblems } from "../../../config/url-policy";
import { codes, expectAbsent, expectProblem, load, only, withCode } from "../../support/load";
import { oktaStack, recipeStack, stackYaml } from "../../support/stacks";

const APP = "oidc-apps:okta.apps.portal";
const CALLBACK = "https://portal.example.com/callback";
const PRODUCTION = { "oidc-apps:environment": "production" };

/** A minimal, valid web app named `portal`, with `extra` merged in. */
function portal(extra: Record<string, unknown> = {}, env: Record<string, unknown> = {}): string {
  return oktaStack({ portal: { type: "web", redirectUris: [CALLBACK], ...extra } }, env);
}

const described = new Set<string>();
function rule(code: RuleCode, body: () => void): void {
  described.add(code);
  describe(code, body);
}

// ---------------------------------------------------------------------------------------------------------
// The YAML reader.

rule("YAML_TOO_LARGE", () => {
  it("fails a file over the line cap before parsing it, at line 1", () => {
    const text = `config:\n  okta:orgName: acme\n${"#\n".repeat(MAX_STACK_FILE_LINES)}`;
    expectProblem(load(text), "YAML_TOO_LARGE", "line 1, column 1", "more than 100,000 lines");
  });

  it("fails a file over the byte cap", () => {
    const text = `config:\n  okta:orgName: "${"x".repeat(MAX_STACK_FILE_BYTES)}"\n`;
    expectProblem(load(text), "YAML_TOO_LARGE", "line 1, column 1", "2 MiB");
  });

  it("fails more than 100,000 YAML values on a few lines (flow style)", () => {
    const text = `config:\n  other:list: [${Array.from({ length: 100_001 }, () => "1").join(",")}]\n`;
    expect(codes(load(text).diagnostics)).toEqual(["YAML_TOO_LARGE"]);
  });

  it("passes a 1 MB value: the caps leave ample room", () => {
    expectAbsent(load(portal({ label: "x".repeat(1_000_000) })), "YAML_TOO_LARGE", false);
  });
});

rule("YAML_TAG_UNKNOWN", () => {
  it("fails a custom tag (!vault), with the config key path", () => {
    expectProblem(load("config:\n  okta:orgName: !vault secret/org\n"), "YAML_TAG_UNKNOWN", "okta:orgName", '"!vault"');
  });

  it("fails !!binary inside an app, with the key path", () => {
    const r = load(`config:\n  oidc-apps:environment: development\n  oidc-apps:okta:\n    apps:\n      portal:\n        type: web\n        label: !!binary aGk=\n`);
    expectProblem(r, "YAML_TAG_UNKNOWN", `${APP}.label`, '"!!binary"');
  });

  it("fails a tag on a list item and on a key without namespace (which is the project's)", () => {
    const r = load(`config:\n  environment: !env development\n  oidc-apps:okta:\n    apps:\n      portal:\n        type: web\n        redirectUris: [${CALLBACK}, !x ${CALLBACK}]\n`);
    expect(withCode(r.diagnostics, "YAML_TAG_UNKNOWN").map((d) => d.path).sort()).toEqual(["oidc-apps:environment", `${APP}.redirectUris[1]`]);
  });

  it("passes the core schema's tags and the non-specific tag", () => {
    const r = load(`config:\n  okta:orgName: !!str acme\n  okta:maxRetries: !!int 3\n  oidc-apps:environment: ! development\n  oidc-apps:okta: !!map\n    apps:\n      portal:\n        type: web\n        redirectUris: !!seq [${CALLBACK}]\n`);
    expectAbsent(r, "YAML_TAG_UNKNOWN");
  });
});

rule("YAML_MERGE_KEY", () => {
  const merged = `base: &web\n  type: web\nconfig:\n  okta:orgName: acme\n  oidc-apps:environment: development\n  oidc-apps:okta:\n    apps:\n      portal:\n        <<: *web\n        redirectUris: [${CALLBACK}]\n`;

  it("fails a merge key with the key path (not a misleading 'type is missing')", () => {
    const r = load(merged);
    expectProblem(r, "YAML_MERGE_KEY", `${APP}["<<"]`, "merge key");
    expect(codes(r.diagnostics)).toEqual(["YAML_MERGE_KEY"]);
  });

  it("passes an alias for a whole value", () => {
    expectAbsent(load(`uris: &uris [${CALLBACK}]\nconfig:\n  okta:orgName: acme\n  oidc-apps:environment: development\n  oidc-apps:okta:\n    apps:\n      portal:\n        type: web\n        redirectUris: *uris\n`), "YAML_MERGE_KEY");
  });
});

describe("the YAML reader on hostile input", () => {
  it("reports a self-referential alias as YAML_SYNTAX with the key path, never a stack trace", () => {
    const r = load("config:\n  okta:orgName: acme\n  oidc-apps:environment: development\n  oidc-apps:okta: &x {apps: {a: *x}}\n");
    expectProblem(r, "YAML_SYNTAX", "oidc-apps:okta.apps.a", "self-referential alias");
  });

  it("refuses a %YAML 1.1 directive (yes, no and << would read differently)", () => {
    expectProblem(load("%YAML 1.1\n---\nconfig:\n  okta:orgName: acme\n"), "YAML_SYNTAX", "line 1, column 1", "YAML 1.2");
  });

  it("finds a duplicate key among 40,000 in one pass, at its line", () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `  other:k${i}: ${i}\n`).join("");
    const r = readStackFileText(`config:\n${keys}  other:k17: again\n`);
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([["YAML_SYNTAX", "line 40002, column 3"]]);
    expect(r.diagnostics[0]!.message).toContain('"other:k17" is repeated');
  });

  it("reads 40,000 distinct keys into the config map", () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `  other:k${i}: ${i}\n`).join("");
    const r = readStackFileText(`config:\n${keys}`);
    expect(r.diagnostics).toEqual([]);
    expect(Object.keys(r.config)).toHaveLength(40_000);
  });

  it("reads a BOM and CRLF line ends as Pulumi does", () => {
    const r = readStackFileText("\uFEFFconfig:\r\n  okta:orgName: acme\r\n  oidc-apps:environment: development\r\n");
    expect(r.diagnostics).toEqual([]);
    expect(r.config).toEqual({ "okta:orgName": "acme", "oidc-apps:environment": "development" });
  });
});

// ---------------------------------------------------------------------------------------------------------
// The string policy.

rule("TEXT_UNSAFE_CHARACTER", () => {
  it("fails a raw newline in a label (it would forge a plan line), naming the character, not quoting the label", () => {
    const d = expectProblem(load(portal({ label: "Portal\n  okta:app/oAuth:OAuth  forged" })), "TEXT_UNSAFE_CHARACTER", `${APP}.label`, "U+000A LINE FEED at position 7");
    expect(d.message).not.toContain("forged");
  });

  it("fails U+202E in an Auth0 name, U+200B in a group name, C1 controls in a kid", () => {
    const r = load(
      stackYaml({
        "okta:orgName": "acme",
        "auth0:domain": "acme.us.auth0.com",
        "oidc-apps:environment": "development",
        "oidc-apps:okta": { apps: { portal: { type: "web", redirectUris: [CALLBACK], assignTo: { groups: ["Admins\u200b"] } }, bot: { type: "service", keys: [{ kid: "k\u009b1" }] } } },
        "oidc-apps:auth0": { apps: { partner: { type: "regular_web", name: "Partner \u202egnp.exe", callbacks: ["https://p.example.com/cb"] } } },
      }),
    );
    expect(withCode(r.diagnostics, "TEXT_UNSAFE_CHARACTER").map((d) => [d.path, d.message.split(" at ")[0]])).toEqual([
      ["oidc-apps:auth0.apps.partner.name", "the value contains U+202E RIGHT-TO-LEFT OVERRIDE"],
      ["oidc-apps:okta.apps.bot.keys[0].kid", "the value contains U+009B CONTROL SEQUENCE INTRODUCER"],
      ["oidc-apps:okta.apps.portal.assignTo.groups[0]", "the value contains U+200B ZERO WIDTH SPACE"],
    ]);
  });

  it("fails a key with a bidi override, and prints the path escaped", () => {
    const r = load(stackYaml({ "okta:orgName": "acme", "oidc-apps:environment": "development", "oidc-apps:okta": { apps: { portal: { type: "web", redirectUris: [CALLBACK], "label\u202e": "x" } } } }));
    const d = only(r.diagnostics, "TEXT_UNSAFE_CHARACTER");
    expect(d.path).toBe(`${APP}["label\\u202e"]`);
    expect(d.message).toContain("the key contains U+202E");
  });

  it("fails a control character in a provider value the plan prints (okta:clientId)", () => {
    expectProblem(load(portal({}, { "okta:clientId": "0oa1\u001b[2J" })), "TEXT_UNSAFE_CHARACTER", "okta:clientId", "U+001B ESCAPE");
  });

  it("reports a string at every place it appears, and a clean one as a key does not excuse it as a URL", () => {
    // checkConfigText remembers the strings that comply (issue 19); a string that does not is reported each time.
    const group = "Admins\u200b";
    const r = load(
      stackYaml({
        "okta:orgName": "acme",
        "oidc-apps:environment": "development",
        "oidc-apps:okta": {
          apps: {
            // First as a URL field, where the URL policy (not the string policy) answers for the password.
            c: { type: "web", redirectUris: ["https://u:p@portal.example.com"] },
            a: { type: "web", redirectUris: [CALLBACK], assignTo: { groups: [group] } },
            b: { type: "web", redirectUris: [CALLBACK], assignTo: { groups: [group] }, label: "https://u:p@portal.example.com" },
          },
        },
      }),
    );
    expect(withCode(r.diagnostics, "TEXT_UNSAFE_CHARACTER").map((d) => d.path)).toEqual(["oidc-apps:okta.apps.a.assignTo.groups[0]", "oidc-apps:okta.apps.b.assignTo.groups[0]"]);
    // As a label the URL with a password is a secret's shape; as a redirect URI it is the URL policy's.
    expect(withCode(r.diagnostics, "TEXT_SECRET_SHAPE").map((d) => d.path)).toEqual(["oidc-apps:okta.apps.b.label"]);
    expect(withCode(r.diagnostics, "URL_USERINFO").map((d) => d.path)).toEqual(["oidc-apps:okta.apps.c.redirectUris[0]"]);
  });

  it("passes line breaks in a PEM publicKey, and plain Unicode text (accents, CJK, emoji without joiners)", () => {
    expectAbsent(load(portal({ label: "Café 東京 🚀" })), "TEXT_UNSAFE_CHARACTER");
  });
});

rule("TEXT_SECRET_SHAPE", () => {
  const pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDnotakey\n-----END PRIVATE KEY-----\n";

  it("fails a private key block in a label, and never quotes it", () => {
    const r = load(portal({ label: pem }));
    const d = only(r.diagnostics, "TEXT_SECRET_SHAPE");
    expect(d.path).toBe(`${APP}.label`);
    expect(d.message).toContain("looks like a PEM private key");
    expect(JSON.stringify(r.diagnostics)).not.toContain("MIIEvQIBADAN");
  });

  it("fails a JWT as a group name and an Okta API token as an adopt id", () => {
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIiwiaWF0IjoxfQ.c2lnbmF0dXJl";
    const r = load(portal({ assignTo: { groups: [jwt] }, adopt: { id: `00${"a1B2c3D4e5".repeat(4)}` } }));
    expect(withCode(r.diagnostics, "TEXT_SECRET_SHAPE").map((d) => [d.path, d.message.split(";")[0]])).toEqual([
      [`${APP}.adopt.id`, "the value looks like an Okta API token"],
      [`${APP}.assignTo.groups[0]`, "the value looks like a JSON Web Token"],
    ]);
  });

  it("passes ordinary labels, ids and kids (an Okta app id, a JWK thumbprint)", () => {
    expectAbsent(load(portal({ label: "Portal 2026-11", adopt: { id: "0oa1b2c3d4e5f6g7h8i9" } })), "TEXT_SECRET_SHAPE");
    expect(secretShape("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------------------
// The URL policy.

rule("URL_USERINFO", () => {
  it("fails a decoy host before @ in a redirect URI, naming the real host and not repeating the decoy", () => {
    const r = load(portal({ redirectUris: ["https://portal.acme.io@evil.example/callback"] }));
    const d = expectProblem(r, "URL_USERINFO", `${APP}.redirectUris[0]`, 'the real host is "evil.example"');
    expect(d.message).not.toContain("portal.acme.io");
    expect(codes(r.diagnostics)).toEqual(["URL_USERINFO"]);
  });

  it("fails user:pass@ everywhere a URL is taken, and never prints the password", () => {
    const url = (host: string) => `https://alice:hunter2-pw@${host}/cb`;
    const r = load(
      stackYaml({
        "okta:orgName": "acme",
        "okta:httpProxy": "http://alice:hunter2-pw@proxy.example.com:3128",
        "auth0:domain": "acme.us.auth0.com",
        "oidc-apps:environment": "development",
        "oidc-apps:okta": { apps: { portal: { type: "web", redirectUris: [url("a.example.com")], postLogoutRedirectUris: [url("b.example.com")], initiateLoginUri: url("c.example.com"), trustedOrigins: [{ origin: "https://alice:hunter2-pw@d.example.com" }] } } },
        "oidc-apps:auth0": { apps: { partner: { type: "regular_web", callbacks: [url("e.example.com")], allowedLogoutUrls: [url("f.example.com")], webOrigins: ["https://alice:hunter2-pw@g.example.com"], initiateLoginUri: url("h.example.com") } } },
        "oidc-apps:recipes": { fe: { recipe: "frontegg-okta", gatewayUrl: url("i.example.com"), overrides: { extraRedirectUris: [url("j.example.com")] } } },
      }),
    );
    expect(withCode(r.diagnostics, "URL_USERINFO").map((d) => d.path)).toEqual([
      "oidc-apps:auth0.apps.partner.allowedLogoutUrls[0]",
      "oidc-apps:auth0.apps.partner.callbacks[0]",
      "oidc-apps:auth0.apps.partner.initiateLoginUri",
      "oidc-apps:auth0.apps.partner.webOrigins[0]",
      "oidc-apps:okta.apps.portal.initiateLoginUri",
      "oidc-apps:okta.apps.portal.postLogoutRedirectUris[0]",
      "oidc-apps:okta.apps.portal.redirectUris[0]",
      "oidc-apps:okta.apps.portal.trustedOrigins[0].origin",
      "oidc-apps:recipes.fe.gatewayUrl",
      "okta:httpProxy",
    ]);
    expect(JSON.stringify(r.diagnostics)).not.toContain("hunter2");
  });

  it("passes an @ in a path or query (it is not userinfo)", () => {
    expectAbsent(load(portal({ redirectUris: ["https://portal.example.com/u/@me?who=a@b"] })), "URL_USERINFO");
  });
});

rule("URL_HOST_NOT_ASCII", () => {
  it("fails a Cyrillic а in a host, giving the punycode form", () => {
    expectProblem(load(portal({ redirectUris: ["https://portаl.example.com/callback"] })), "URL_HOST_NOT_ASCII", `${APP}.redirectUris[0]`, '"xn--portl-7ve.example.com"');
  });

  it("fails a percent-encoded host", () => {
    expectProblem(load(portal({ trustedOrigins: [{ origin: "https://%70ortal.example.com" }] })), "URL_HOST_NOT_ASCII", `${APP}.trustedOrigins[0].origin`, "percent-encoding");
  });

  it("passes a punycode A-label host and a non-ASCII path", () => {
    expectAbsent(load(portal({ redirectUris: ["https://xn--portl-7ve.example.com/café"] })), "URL_HOST_NOT_ASCII");
  });
});

rule("URL_HOST_UPPERCASE", () => {
  it("fails capitals in a host, suggesting the lowercase host", () => {
    expectProblem(load(portal({ redirectUris: ["https://Portal.example.com/callback"] })), "URL_HOST_UPPERCASE", `${APP}.redirectUris[0]`, 'write it "portal.example.com"');
  });

  it("passes capitals in the path", () => {
    expectAbsent(load(portal({ redirectUris: ["https://portal.example.com/Callback"] })), "URL_HOST_UPPERCASE");
  });
});

rule("URL_SECRET_PARAMETER", () => {
  it("fails client_secret, access_token and code in a query (any case, percent-encoded), never quoting the value", () => {
    const r = load(portal({ redirectUris: ["https://portal.example.com/cb?client_secret=s3cr3t-value", "https://portal.example.com/cb2?Access%5Ftoken=t0k3n-value", "https://portal.example.com/cb3?CODE=c0d3-value&x=1"] }));
    expect(withCode(r.diagnostics, "URL_SECRET_PARAMETER").map((d) => d.path)).toEqual([0, 1, 2].map((i) => `${APP}.redirectUris[${i}]`));
    const text = JSON.stringify(r.diagnostics);
    for (const secret of ["s3cr3t-value", "t0k3n-value", "c0d3-value"]) expect(text).not.toContain(secret);
  });

  it("passes ordinary query parameters", () => {
    expectAbsent(load(portal({ redirectUris: ["https://portal.example.com/cb?tenant=eu&codename=x"] })), "URL_SECRET_PARAMETER");
  });
});

rule("URL_CASE_DUPLICATE", () => {
  it("warns on redirect URIs that differ only in case, naming the first", () => {
    const r = load(portal({ redirectUris: [CALLBACK, "https://portal.example.com/Callback"] }));
    expectProblem(r, "URL_CASE_DUPLICATE", `${APP}.redirectUris[1]`, `differs from ${APP}.redirectUris[0] only in letter case`, "warning");
  });

  it("warns on Auth0 callbacks too; an exact repeat is the duplicate rule's, not this one", () => {
    const r = load(stackYaml({ "auth0:domain": "acme.us.auth0.com", "oidc-apps:environment": "development", "oidc-apps:auth0": { apps: { partner: { type: "regular_web", callbacks: ["https://p.example.com/CB", "https://p.example.com/cb"] } } } }));
    expectProblem(r, "URL_CASE_DUPLICATE", "oidc-apps:auth0.apps.partner.callbacks[1]", "only in letter case", "warning");
    expectAbsent(load(portal({ redirectUris: [CALLBACK, CALLBACK] })), "URL_CASE_DUPLICATE", false);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Names and namespaces.

rule("CONFIG_NAMESPACE_MISSPELT", () => {
  it("fails oidc-app:okta (which rendered 0 resources), suggesting oidc-apps:okta", () => {
    const r = load(stackYaml({ "okta:orgName": "acme", "oidc-apps:environment": "development", "oidc-app:okta": { apps: { portal: { type: "web", redirectUris: [CALLBACK] } } } }));
    expectProblem(r, "CONFIG_NAMESPACE_MISSPELT", "oidc-app:okta", 'Did you mean "oidc-apps:okta"?');
  });

  it("fails okat:orgName, Okta:baseUrl and auth:domain", () => {
    const r = load(portal({}, { "okat:orgName": "acme", "Okta:baseUrl": "okta.com", "auth:domain": "acme.us.auth0.com" }));
    expect(withCode(r.diagnostics, "CONFIG_NAMESPACE_MISSPELT").map((d) => d.path)).toEqual(["Okta:baseUrl", "auth:domain", "okat:orgName"]);
  });

  it("passes other tools' namespaces, also near ones with keys we do not have (aws:region, auth:issuer)", () => {
    expectAbsent(load(portal({}, { "aws:region": "eu-west-1", "auth:issuer": "x", "kubernetes:context": "y" })), "CONFIG_NAMESPACE_MISSPELT");
  });
});

rule("STACK_NAME_ENVIRONMENT_MISMATCH", () => {
  const loadAs = (stackName: string, env: string) => loadStack({ ...readStackFileText(portal({}, { "oidc-apps:environment": env })), stack: stackName });

  it("fails a stack named prod (Pulumi.prod.yaml) with environment development", () => {
    expectProblem(loadAs("prod", "development"), "STACK_NAME_ENVIRONMENT_MISMATCH", "oidc-apps:environment", 'the stack "prod" is named for production');
  });

  it("fails production, prd and prod as a word (acme/prod-eu), with any environment but production", () => {
    for (const name of ["production", "prd", "acme/oidc-apps/prod-eu"]) expect(codes(loadAs(name, "staging").diagnostics)).toEqual(["STACK_NAME_ENVIRONMENT_MISMATCH"]);
  });

  it("passes a production stack, a stack whose name only contains the letters (preprod, product), and a loader that is not given the name", () => {
    expectAbsent(loadAs("prod", "production"), "STACK_NAME_ENVIRONMENT_MISMATCH");
    expect(stackNameProblem("preprod", "staging")).toBeUndefined();
    expect(stackNameProblem("product-demo", "development")).toBeUndefined();
    expectAbsent(load(portal()), "STACK_NAME_ENVIRONMENT_MISMATCH");
  });
});

rule("OKTA_ORG_NAME_CASE", () => {
  it("fails okta:orgName: ACME, which builds an issuer Okta never matches", () => {
    expectProblem(load(portal({}, { "okta:orgName": "ACME" })), "OKTA_ORG_NAME_CASE", "okta:orgName", 'the org\'s issuer is "https://acme.<baseUrl>"');
  });

  it("passes a lowercase org name", () => {
    expectAbsent(load(portal({}, { "okta:orgName": "acme-dev" })), "OKTA_ORG_NAME_CASE");
  });
});

rule("OKTA_ORG_ADMIN_DOMAIN", () => {
  it("fails okta:orgName: acme-admin (the Admin Console's subdomain), naming the org", () => {
    const d = expectProblem(load(portal({}, { "okta:orgName": "acme-admin" })), "OKTA_ORG_ADMIN_DOMAIN", "okta:orgName", "the org, its issuer and its API are at https://acme.<baseUrl>");
    expect(d.fix).toBe("Drop `-admin`: `okta:orgName: acme`.");
  });

  it("passes an org name that only contains admin (admins, acme-admins)", () => {
    expectAbsent(load(portal({}, { "okta:orgName": "acme-admins" })), "OKTA_ORG_ADMIN_DOMAIN");
  });
});

rule("OKTA_BASE_URL_MISSPELT", () => {
  it("fails okta.con and okta-preview.com, suggesting the domain meant", () => {
    expectProblem(load(portal({}, { "okta:baseUrl": "okta.con" })), "OKTA_BASE_URL_MISSPELT", "okta:baseUrl", 'Did you mean "okta.com"?');
    expectProblem(load(portal({}, { "okta:baseUrl": "okta-preview.com" })), "OKTA_BASE_URL_MISSPELT", "okta:baseUrl", 'Did you mean "oktapreview.com"?');
  });

  it("passes Okta's domains, and a domain far from all of them", () => {
    for (const baseUrl of ["okta.com", "oktapreview.com", "okta-emea.com", "okta-gov.com", "okta.mil", "example.com"]) expectAbsent(load(portal({}, { "okta:baseUrl": baseUrl })), "OKTA_BASE_URL_MISSPELT");
  });
});

// ---------------------------------------------------------------------------------------------------------
// Reviewer warnings.

rule("APP_LABEL_DUPLICATE", () => {
  it("warns on two Okta apps with one label (case and spaces aside), on the later app", () => {
    const r = load(oktaStack({ portal: { type: "web", label: "Customer Portal", redirectUris: [CALLBACK] }, spa: { type: "browser", label: "customer  portal", redirectUris: [CALLBACK] } }));
    expectProblem(r, "APP_LABEL_DUPLICATE", "oidc-apps:okta.apps.spa.label", 'is shown as "customer  portal", like oidc-apps:okta.apps.portal', "warning");
  });

  it("warns on a recipe's app that looks like one of the file's, on the recipe instance", () => {
    const r = load(recipeStack({ fe: { recipe: "frontegg-okta", gatewayUrl: "https://g.example.com" } }, { "oidc-apps:okta": { apps: { mine: { type: "web", label: "Frontegg Integration", redirectUris: [CALLBACK] } } } }));
    const d = only(r.diagnostics, "APP_LABEL_DUPLICATE");
    expect([d.path, d.severity]).toEqual(["oidc-apps:recipes.fe", "warning"]);
  });

  it("passes distinct labels, and the same label at two providers", () => {
    expectAbsent(
      load(
        stackYaml({
          "okta:orgName": "acme",
          "auth0:domain": "acme.us.auth0.com",
          "oidc-apps:environment": "development",
          "oidc-apps:okta": { apps: { portal: { type: "web", label: "Portal", redirectUris: [CALLBACK] } } },
          "oidc-apps:auth0": { apps: { partner: { type: "regular_web", name: "Portal", callbacks: [CALLBACK] } } },
        }),
      ),
      "APP_LABEL_DUPLICATE",
    );
  });
});

rule("OKTA_ASSIGN_EVERYONE_PRODUCTION", () => {
  it("warns on an app of the stack file assigned to Everyone in production", () => {
    expectProblem(load(portal({ assignTo: "everyone" }, PRODUCTION)), "OKTA_ASSIGN_EVERYONE_PRODUCTION", `${APP}.assignTo`, "every user of the org", "warning");
  });

  it("warns on a recipe's explicit assignTo: everyone (or override) in production, on the parameter", () => {
    const r = load(recipeStack({ wiki: { recipe: "okta-web-signin", appUrl: "https://wiki.example.com", assignTo: "everyone" }, fe: { recipe: "frontegg-okta", gatewayUrl: "https://g.example.com", overrides: { assignTo: "everyone" } } }, PRODUCTION));
    expect(withCode(r.diagnostics, "OKTA_ASSIGN_EVERYONE_PRODUCTION").map((d) => d.path)).toEqual(["oidc-apps:recipes.fe.overrides.assignTo", "oidc-apps:recipes.wiki.assignTo"]);
  });

  it("passes Everyone outside production, groups in production, and a recipe's documented Everyone default", () => {
    expectAbsent(load(portal({ assignTo: "everyone" })), "OKTA_ASSIGN_EVERYONE_PRODUCTION");
    expectAbsent(load(portal({ assignTo: { groups: ["Staff"] } }, PRODUCTION)), "OKTA_ASSIGN_EVERYONE_PRODUCTION");
    expectAbsent(load(recipeStack({ wiki: { recipe: "okta-web-signin", appUrl: "https://wiki.example.com" } }, PRODUCTION)), "OKTA_ASSIGN_EVERYONE_PRODUCTION");
  });
});

// ---------------------------------------------------------------------------------------------------------
// Secrets: never quoted, never read on.

describe("secret values", () => {
  it("an encrypted oidc-apps section is refused and read no further (no later message quotes a decrypted value)", () => {
    const decrypted = JSON.stringify({ apps: { portal: { type: "webb", label: "CANARY-decrypted-label", redirectUris: ["http://CANARY-decrypted.example.com/cb"] } } });
    const r = loadStack({ config: { "okta:orgName": "acme", "oidc-apps:environment": "development", "oidc-apps:okta": decrypted }, secretKeys: new Set(["oidc-apps:okta"]) });
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([["CONFIG_INVALID_TYPE", "oidc-apps:okta"]]);
    expect(JSON.stringify(r.diagnostics)).not.toContain("CANARY");
  });

  it("a secret provider value is never quoted, even when it is wrong", () => {
    const config = { "okta:orgName": "CANARY-Org", "okta:baseUrl": "CANARY.con", "okta:maxRetries": "CANARY-9", "auth0:domain": "CANARY-domain", "oidc-apps:environment": "development" };
    const r = loadStack({ config, secretKeys: new Set(Object.keys(config).filter((k) => k !== "oidc-apps:environment")) });
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.diagnostics)).not.toContain("CANARY");
  });

  it("a private key where a map is expected is described, never quoted (it used to print 27 of 32 secret bytes)", () => {
    const key = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBhYw5cmWbKqH7a9XU3CyQhT2YP1Nf0Ww3P8Vq6ejkqMoAoGCCqGSM49\n-----END EC PRIVATE KEY-----\n";
    const r = load(oktaStack({ bot: { type: "service", keys: [{ kid: "k", publicJwk: key }] } }));
    expect(only(r.diagnostics, "CONFIG_INVALID_TYPE").message).toBe("must be a record, got string \"[a PEM private key, not shown]\".");
    expect(JSON.stringify(r.diagnostics)).not.toContain("MHcCAQEEIBhY");
  });
});

// ---------------------------------------------------------------------------------------------------------
// The pure policy functions (config/url-policy.ts, config/text-policy.ts) other modules import.

describe("urlProblems", () => {
  it("reads the URL as written: userinfo up to the last @, a backslash ends the authority of http(s)", () => {
    expect(rawUrlParts("https://a@b@c.example.com:8443/x?y=1#z")).toEqual({ scheme: "https", userinfo: "a@b", host: "c.example.com", port: "8443", query: "y=1" });
    expect(rawUrlParts("https://evil.example\\@good.example.com/")?.host).toBe("evil.example");
    expect(rawUrlParts("com.example.app:/callback")).toEqual({ scheme: "com.example.app", host: "" });
    expect(rawUrlParts("http://[::1]:8080/cb")).toEqual({ scheme: "http", host: "[::1]", port: "8080" });
  });

  it("finds each problem once, in a fixed order, with the code it is reported under", () => {
    expect(urlProblems("https://u:p@Évil.example.com/cb?code=1&code=2").map((p) => [p.kind, p.code])).toEqual([
      ["userinfo", "URL_USERINFO"],
      ["host-not-ascii", "URL_HOST_NOT_ASCII"],
      ["secret-parameter", "URL_SECRET_PARAMETER"],
    ]);
    expect(urlProblems("https://portal\u200b.example.com/").map((p) => p.code)).toEqual(["TEXT_UNSAFE_CHARACTER"]);
    expect(urlProblems("https://portal.example.com/callback")).toEqual([]);
    expect(urlProblems("not a url")).toEqual([]);
  });

  it("redacts userinfo and every parameter value for messages", () => {
    expect(redactUrl("https://alice:pw@host.example.com/cb?client_secret=abc&x=1")).toBe("https://…@host.example.com/cb?client_secret=…&x=…");
    // A parameter the URL policy has no name for may hold a token too: its value is never quoted either.
    expect(redactUrl("https://host.example.com/cb?token=tok3n&flag")).toBe("https://host.example.com/cb?token=…&flag");
    expect(showUrl("https://alice:pw@host.example.com/")).toBe('"https://…@host.example.com/"');
    expect(secretParameters("a=1&Client%5Fsecret=2;code")).toEqual(["client_secret", "code"]);
  });

  it("redacts every value of a fragment's parameters (implicit-flow tokens travel there), keeping their names", () => {
    expect(redactUrl("https://app.example.com/cb#access_token=eyJabc.def.ghi&token_type=Bearer&state")).toBe("https://app.example.com/cb#access_token=…&token_type=…&state");
    expect(redactUrl("https://app.example.com/cb#section")).toBe("https://app.example.com/cb#section");
  });
});

describe("the policy pack's entry points (config/rules/predicates.ts)", () => {
  it("urlPolicyFindings: the validator's codes and messages for one URL of a resource", () => {
    const found = urlPolicyFindings("https://alice:pw-123456@evil.example/cb?code=x", "redirectUris[0]");
    expect(found.map((d) => [d.code, d.path])).toEqual([
      ["URL_SECRET_PARAMETER", "redirectUris[0]"],
      ["URL_USERINFO", "redirectUris[0]"],
    ]);
    expect(JSON.stringify(found)).not.toContain("pw-123456");
    expect(urlPolicyFindings("https://portal.example.com/cb", "x")).toEqual([]);
    expect(urlPolicyFindings(42, "x")).toEqual([]);
  });

  it("textPolicyFindings: unsafe characters and secret shapes in a label or a name", () => {
    expect(textPolicyFindings("Portal\u202e", "label").map((d) => d.code)).toEqual(["TEXT_UNSAFE_CHARACTER"]);
    expect(textPolicyFindings("-----BEGIN PRIVATE KEY-----", "label").map((d) => d.code)).toEqual(["TEXT_SECRET_SHAPE"]);
    expect(textPolicyFindings("https://u:p@h.example.com/", "label").map((d) => d.code)).toEqual(["TEXT_SECRET_SHAPE"]);
    expect(textPolicyFindings("https://u:p@h.example.com/", "redirectUris[0]", { url: true })).toEqual([]);
    expect(textPolicyFindings("Portal", "label")).toEqual([]);
  });
});

describe("the string policy", () => {
  it("finds controls, format characters and separators, and allows line breaks only where asked", () => {
    expect(findUnsafeCharacter("plain text, café")).toBeUndefined();
    expect(findUnsafeCharacter("a\u2028b")?.name).toBe("U+2028 LINE SEPARATOR");
    expect(findUnsafeCharacter("line\nbreak", { allowLineBreaks: true })).toBeUndefined();
    expect(findUnsafeCharacter("line\n\u0007", { allowLineBreaks: true })?.name).toBe("U+0007 BELL");
  });

  it("escapes what it cannot print, idempotently", () => {
    expect(escapeUnsafe("a\u202eb\u0000c")).toBe("a\\u202eb\\u0000c");
    expect(escapeUnsafe(escapeUnsafe("a\u202eb"))).toBe("a\\u202eb");
  });

  it("redacts secrets in any text: PEM blocks, JWTs, tokens, URL userinfo", () => {
    const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIiwiaWF0IjoxfQ.c2lnbmF0dXJl";
    expect(redactSecrets(`key -----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n and ${jwt} at https://u:p@h.example.com/`)).toBe(
      "key [a PEM private key, not shown] and [a JSON Web Token, not shown] at https://…@h.example.com/",
    );
  });

  it("quotes a short excerpt: random runs masked, at most the given length", () => {
    expect(safeExcerpt('"Sk9Xw2LmPq7RtVb4NcZ8YhJ3FgD6Ae1"', 80)).toBe('"Sk9X…[27 characters not shown]"');
    expect(safeExcerpt(`"${"x".repeat(1000)}"`, 20)).toHaveLength(20);
  });
});

describe("bounded on hostile input (by size, never by the clock)", () => {
  it("suggests nothing for a 150 KB value, and an unknown 150 KB scope is reported with a short message", () => {
    const huge = "okta.users.read".repeat(10_000);
    expect(huge.length).toBeGreaterThan(MAX_SUGGESTION_INPUT);
    expect(nearest(huge, ["okta.users.read"])).toEqual([]);
    const r = load(oktaStack({ bot: { type: "service", keys: [{ kid: "k" }], apiScopes: [huge], adminRoles: ["READ_ONLY_ADMIN"] } }));
    const d = only(r.diagnostics, "OKTA_SCOPE_UNKNOWN");
    expect(d.message.length).toBeLessThan(200);
  });

  it("still suggests for ordinary misspellings, prefixes included", () => {
    expect(nearest("okta.users.reed", ["okta.users.read", "okta.groups.read"])).toEqual(["okta.users.read"]);
    expect(nearest("read:user", ["read:users", "read:user_attribute_profiles"])).toEqual(["read:users", "read:user_attribute_profiles"]);
  });

  it("checks 10,000 strings of a 1 MB config in one pass (each string once)", () => {
    const uris = Array.from({ length: 10_000 }, (_, i) => `https://portal.example.com/cb/${i}`);
    expect(load(portal({ redirectUris: uris })).diagnostics).toEqual([]);
  });
});

describe("this file", () => {
  it("has a rule block for each rule it is responsible for", () => {
    expect([...described].sort()).toEqual(
      [
        "YAML_TOO_LARGE", "YAML_TAG_UNKNOWN", "YAML_MERGE_KEY", "TEXT_UNSAFE_CHARACTER", "TEXT_SECRET_SHAPE", "URL_USERINFO", "URL_HOST_NOT_ASCII",
        "URL_HOST_UPPERCASE", "URL_SECRET_PARAMETER", "URL_CASE_DUPLICATE", "CONFIG_NAMESPACE_MISSPELT", "STACK_NAME_ENVIRONMENT_MISMATCH",
        "OKTA_ORG_NAME_CASE", "OKTA_ORG_ADMIN_DOMAIN", "OKTA_BASE_URL_MISSPELT", "APP_LABEL_DUPLICATE", "OKTA_ASSIGN_EVERYONE_PRODUCTION",
      ].sort(),
    );
  });
});
