/**
 * Secret canaries in every diagnostic path. A valid stack with every kind of app and recipe is mutated at every
 * place a value can be (each leaf, each map key, each map or list replaced by a string, each top-level key), with
 * each kind of secret a user might paste there: a PEM private key, the body of one without its header, a JWT,
 * an Okta API token, a URL with a password, a URL with a client secret in its query. Every output a diagnostic
 * can reach must be free of the secret: `check` (text and JSON), `plan` (JSON and text) and the pull-request
 * comment (`plan --diff --format markdown`). Values the stack marks secret are planted too: under a real
 * `pulumi up` they are decrypted, and no message may quote them at all.
 *
 * Fast by design: the stacks fail validation, so the plan registers nothing; the cases are counted, not timed.
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostics } from "../../config/diagnostics";
import { loadStack } from "../../recipes/load-stack";
import { readStackFileText } from "../../config/stack-file";
import { runPlan, type Plan } from "../../plan/run";
import { planText } from "../../plan/text";
import { cli as checkCli } from "../../scripts/check";
import { cli as planCli } from "../../scripts/plan";
import { stackYaml } from "../support/stacks";

type Json = unknown;
type Config = Record<string, Json>;

/** A valid stack with every app type, every recipe and the provider settings: the ground the canaries are planted in. */
const BASE: Config = {
  "okta:orgName": "acme",
  "okta:baseUrl": "okta.com",
  "okta:maxRetries": 5,
  "okta:httpProxy": "http://proxy.example.com:3128",
  "okta:clientId": "0oa1provisioner",
  "auth0:domain": "acme.us.auth0.com",
  "auth0:debug": false,
  "oidc-apps:environment": "development",
  "oidc-apps:okta": {
    apps: {
      portal: {
        type: "web",
        label: "Portal",
        grantTypes: ["authorization_code", "refresh_token"],
        redirectUris: ["https://portal.example.com/cb"],
        postLogoutRedirectUris: ["https://portal.example.com/"],
        initiateLoginUri: "https://portal.example.com/login",
        refreshToken: { rotation: "rotate", gracePeriodSeconds: 30 },
        trustedOrigins: [{ origin: "https://portal.example.com", scopes: ["CORS"] }],
        assignTo: { groups: ["Staff"] },
        clientAuth: "client_secret_basic",
        apiScopes: ["okta.users.read"],
        adopt: { id: "0oa1portal" },
      },
      cli: { type: "native", redirectUris: ["com.example.cli:/callback"], assignTo: "everyone" },
      bot: { type: "service", label: "Bot", keys: [{ kid: "k1", algorithm: "RSA", rsaBits: 2048 }], apiScopes: ["okta.users.read"], adminRoles: ["READ_ONLY_ADMIN", { custom: { role: "cr0role", resourceSet: "iam0set" } }] },
    },
  },
  "oidc-apps:auth0": {
    apps: {
      partner: {
        type: "regular_web",
        name: "Partner",
        callbacks: ["https://partner.example.com/cb"],
        allowedLogoutUrls: ["https://partner.example.com/"],
        webOrigins: ["https://partner.example.com"],
        initiateLoginUri: "https://partner.example.com/login",
        grantTypes: ["authorization_code", "client_credentials"],
        managementApiScopes: ["read:users"],
        adopt: { id: "partnerClientId", managementApiGrantId: "cgr_1" },
      },
    },
  },
  "oidc-apps:recipes": {
    wiki: { recipe: "okta-web-signin", appUrl: "https://wiki.example.com", localDevUrl: "http://localhost:8080", callbackPath: "/cb", label: "Wiki", overrides: { extraRedirectUris: ["https://wiki.example.com/cb2"] } },
    fe: { recipe: "frontegg-okta", gatewayUrl: "https://gateway.example.com", scopes: ["openid", "okta.users.read"] },
    fa: { recipe: "frontegg-auth0", gatewayUrl: "https://gateway-a0.example.com", name: "Frontegg A0", scopes: ["read:users"] },
    mcp: { recipe: "okta-mcp-server", mode: "private_key_jwt", scopes: ["okta.users.read"], adminRole: "READ_ONLY_ADMIN", keys: [{ kid: "mcp-1" }] },
    dg: { recipe: "defguard-okta", url: "https://dg.example.com", publicUrl: "https://enroll.example.com", directorySync: true },
  },
};

// ---------------------------------------------------------------------------------------------------------
// The canaries: each a value to plant and the secret parts that must never come back.

const ecKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ type: "sec1", format: "pem" }).toString();
const rsaKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const body = (pem: string) => pem.split("\n").filter((l) => l && !l.startsWith("-----")).join("");
const JWT_PAYLOAD = Buffer.from(JSON.stringify({ sub: "canary-subject-7f3a", scope: "okta.users.manage" })).toString("base64url");
const JWT = `eyJhbGciOiJSUzI1NiIsImtpZCI6ImNhbmFyeSJ9.${JWT_PAYLOAD}.c2lnbmF0dXJlLWNhbmFyeS05ZDJiNGU2ZjhhMWMz`;
const OKTA_TOKEN = "00Xk3CanaryTokenQ7wLm2Pz9Rt5Vb8Nc4Hj6Fg1Ds";
const PASSWORD = "CanaryPassw0rd-4e9b";
const QUERY_SECRET = "CanaryQuerySecret-8c1d";

interface Canary {
  readonly name: string;
  readonly value: string;
  /** The secret: no 12-character piece of it may appear in any output. */
  readonly secret: string;
}

const CANARIES: readonly Canary[] = [
  { name: "an EC private key (SEC1 PEM)", value: ecKey, secret: body(ecKey) },
  { name: "an RSA private key body without its header", value: body(rsaKey).slice(0, 400), secret: body(rsaKey).slice(0, 400) },
  { name: "a JWT", value: JWT, secret: JWT.split(".").slice(1).join("") },
  { name: "an Okta API token", value: OKTA_TOKEN, secret: OKTA_TOKEN.slice(4) },
  { name: "a URL with a password", value: `https://alice:${PASSWORD}@portal.example.com/cb`, secret: PASSWORD },
  { name: "a URL with a client secret", value: `https://portal.example.com/cb?client_secret=${QUERY_SECRET}`, secret: QUERY_SECRET },
];

/** Pieces of 12 characters, every 4: a leak of any sizeable part of the secret shows up. */
function pieces(secret: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 12 <= secret.length; i += 4) out.push(secret.slice(i, i + 12));
  return out.length > 0 ? out : [secret];
}

function leaks(output: string, canary: Canary): string[] {
  return pieces(canary.secret).filter((p) => output.includes(p));
}

// ---------------------------------------------------------------------------------------------------------
// The places: every leaf, every map key, every map or list, every top-level key.

type Path = (string | number)[];
interface Place {
  readonly label: string;
  plant(config: Config, canary: string): Config;
}

const clone = (c: Config): Config => JSON.parse(JSON.stringify(c)) as Config;

function at(config: Json, path: Path): { parent: Record<string | number, Json>; key: string | number } {
  let node = config as Record<string | number, Json>;
  for (const seg of path.slice(0, -1)) node = node[seg] as Record<string | number, Json>;
  return { parent: node, key: path.at(-1)! };
}

function places(): Place[] {
  const out: Place[] = [];
  const walk = (value: Json, path: Path) => {
    const label = path.join(".");
    if (path.length > 0) {
      out.push({ label: `${label} (value)`, plant: (c, canary) => { const copy = clone(c); const { parent, key } = at(copy, path); parent[key] = canary; return copy; } });
      const last = path.at(-1)!;
      if (typeof last === "string") {
        out.push({
          label: `${label} (key)`,
          plant: (c, canary) => {
            const copy = clone(c);
            const { parent, key } = at(copy, path);
            parent[canary] = parent[key];
            delete parent[key];
            return copy;
          },
        });
      }
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(BASE, []);
  out.push({ label: "a new oidc-apps: key", plant: (c, canary) => ({ ...clone(c), [`oidc-apps:${canary}`]: "x" }) });
  out.push({ label: "a new okta: key", plant: (c, canary) => ({ ...clone(c), [`okta:${canary}`]: "x" }) });
  out.push({ label: "okta:apiToken in clear text", plant: (c, canary) => ({ ...clone(c), "okta:apiToken": canary }) });
  out.push({ label: "auth0:clientSecret in clear text", plant: (c, canary) => ({ ...clone(c), "auth0:clientSecret": canary }) });
  return out;
}

// ---------------------------------------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), "oidc-apps-canaries-"));
const base = join(dir, "base.json");
writeFileSync(base, JSON.stringify({ project: "oidc-apps", stack: "canary", resources: [], invokes: [], outputs: {}, diagnostics: [] }));

async function outputs(config: Config, name: string): Promise<string> {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, stackYaml(config));
  let all = "";
  const sink = (s: string) => (all += s);
  for (const format of ["text", "json"]) checkCli(["canary", "--config-file", file, "--format", format], sink, sink);
  await planCli(["canary", "--config-file", file, "--format", "json"], sink, sink);
  await planCli(["canary", "--config-file", file, "--diff", base, "--format", "markdown"], sink, sink);
  return all;
}

describe("secret canaries in every diagnostic path", () => {
  const all = places();

  it("the ground is clean: the base stack has no diagnostic, so every one below comes from the canary", () => {
    const file = readStackFileText(stackYaml(BASE));
    expect(loadStack({ config: file.config, secretKeys: file.secretKeys }).diagnostics).toEqual([]);
    expect(all.length).toBeGreaterThan(150);
  });

  for (const canary of CANARIES) {
    it(`${canary.name}, planted in each of the ${all.length} places, never comes back (check text and JSON, plan JSON, the PR comment)`, async () => {
      const leaked: string[] = [];
      let i = 0;
      for (const place of all) {
        const output = await outputs(place.plant(BASE, canary.value), `case-${i++}`);
        const found = leaks(output, canary);
        if (found.length > 0) leaked.push(`${place.label}: ${found[0]}`);
      }
      expect(leaked).toEqual([]);
    }, 300_000);
  }

  it("and in the plan's text rendering, and the formatted diagnostics, for every place", async () => {
    const leaked: string[] = [];
    for (const canary of CANARIES) {
      for (const place of all) {
        const file = readStackFileText(stackYaml(place.plant(BASE, canary.value)));
        const plan: Plan =
          file.diagnostics.length > 0
            ? { project: "oidc-apps", stack: "canary", resources: [], invokes: [], outputs: {}, diagnostics: [...file.diagnostics] }
            : await runPlan({ stack: "canary", config: file.config, secretKeys: file.secretKeys });
        const text = planText(plan, "stacks/Pulumi.canary.yaml") + formatDiagnostics(plan.diagnostics, "stacks/Pulumi.canary.yaml");
        const found = leaks(text, canary);
        if (found.length > 0) leaked.push(`${canary.name} at ${place.label}: ${found[0]}`);
      }
    }
    expect(leaked).toEqual([]);
  }, 300_000);
});

describe("values the stack keeps secret are never quoted, whatever is wrong with them", () => {
  const CANARY = "CANARY-decrypted-3b7e";
  /** Every leaf of the value replaced by the canary (with something wrong about each), as `pulumi up` would hand it over decrypted. */
  const poisoned = (value: Json): Json =>
    Array.isArray(value) ? value.map(poisoned) : value !== null && typeof value === "object" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poisoned(v)])) : `${CANARY} http://x@y`;

  const render = async (key: string) => {
    const file = readStackFileText(stackYaml(BASE));
    const value = poisoned(BASE[key]);
    const config = { ...file.config, [key]: typeof value === "string" ? value : JSON.stringify(value) };
    const secretKeys = new Set([key]);
    const loaded = loadStack({ config, secretKeys });
    const plan = await runPlan({ stack: "canary", config, secretKeys });
    return { diagnostics: [JSON.stringify(loaded.diagnostics), formatDiagnostics(loaded.diagnostics, "f"), JSON.stringify(plan.diagnostics)].join("\n"), plan: [JSON.stringify(plan), planText(plan, "f")].join("\n") };
  };
  it("a secret org name or domain that is nearly right is not quoted either (not even lowercased or trimmed)", () => {
    const file = readStackFileText(stackYaml(BASE));
    for (const [key, value] of [["okta:orgName", "CanaryOrgName"], ["okta:orgName", "canaryorgname-admin"], ["okta:baseUrl", "https://canaryorgname.okta.com"], ["auth0:domain", "canaryorgname.example.com"]] as const) {
      const loaded = loadStack({ config: { ...file.config, [key]: value }, secretKeys: new Set([key]) });
      expect(loaded.diagnostics.length, `${key}: ${value}`).toBeGreaterThan(0);
      expect(JSON.stringify(loaded.diagnostics).toLowerCase()).not.toContain("canaryorgname");
    }
  });

  for (const key of Object.keys(BASE)) {
    it(`${key}: secret, decrypted, every value wrong: no diagnostic has it`, async () => {
      expect((await render(key)).diagnostics).not.toContain("CANARY");
    });
    it(`${key}: secret, decrypted: the plan (JSON and text) does not have it`, async () => {
      expect((await render(key)).plan).not.toContain("CANARY");
    });
  }
});
