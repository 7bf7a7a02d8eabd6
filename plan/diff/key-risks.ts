/**
 * Signing-key changes of an app that stays, told from the stack outputs both plans carry (`okta.<app>` and
 * `auth0.<app>`: `keyIds`, `activeKeyId`) and the keys' public halves where the plan knows them (brought keys).
 * Generated keys print as "(known after apply)" in the app's inputs, so their kids are known only from the
 * outputs; which key signs (`active`) is known only there too.
 *
 * What the org does with the keys (cited where docs/stack-file.md ("Keys") and docs/operations.md ("Rotating a key pair with no downtime") explain it):
 * - Okta: every JWK the app lists is sent with `status: ACTIVE` (the `jwks` block has no status field,
 *   terraform-provider-okta `buildAppOAuthV6`), and Okta verifies an assertion against the listed key whose
 *   `kid` matches, so every listed key is accepted and a removed one is refused after the apply.
 * - Auth0: `auth0.ClientCredentials` lists every key as a `public_key` credential (components/auth0/web-app.ts);
 *   an update makes the client's credentials the listed ones (terraform-provider-auth0
 *   internal/auth0/client/resource_credentials.go, `modifyPrivateKeyJWTCredentials`), so a removed key stops working.
 * - `active` is ours only: it picks `activeKeyId` and what every recipe handoff hands out (config/keys.ts
 *   `activeKey`), i.e. what clients are told to sign with. It changes nothing in the org.
 */
import type { PlanResource } from "../run";
import { keyResourceName } from "../../config/names";
import type { AppOutputsRead, AppsSection } from "../../program/outputs";
import { SECRET, UNKNOWN } from "../values";
import type { Comparison } from "./compare";
import { resourceId } from "./compare";
import { canonical, isPlainObject } from "./values";

const VENDORS: readonly { readonly output: AppsSection; readonly app: string }[] = [
  { output: "okta", app: "okta:app/oAuth:OAuth" },
  { output: "auth0", app: "auth0:index/client:Client" },
];

export interface KeyRisk {
  readonly resource: string;
  readonly detail: string;
}

export interface KeyRisks {
  readonly risks: KeyRisk[];
  /** Components (`<type>::<name>`) whose key changes these risks describe: the generic key-resource notes are left out for them. */
  readonly covered: ReadonlySet<string>;
}

interface AppKeys {
  readonly ids: string[];
  readonly active: string | undefined;
}

export function keyRisks(c: Comparison): KeyRisks {
  const risks: KeyRisk[] = [];
  const covered = new Set<string>();
  for (const vendor of VENDORS) {
    const before = appsOf(c.base.outputs, vendor.output);
    const after = appsOf(c.head.outputs, vendor.output);
    for (const [name, now] of after) {
      const was = before.get(name);
      if (!was) continue; // a new app: its keys are new, nothing to compare with
      const app = c.head.resources.find((r) => r.type === vendor.app && r.name === name);
      const oldApp = c.base.resources.find((r) => r.type === vendor.app && r.name === name);
      if (!app || !oldApp || app.parent === null) continue;
      covered.add(app.parent);
      const generated = (plan: "base" | "head", kid: string) =>
        c[plan].resources.some((r) => r.type === "tls:index/privateKey:PrivateKey" && r.parent === app.parent && r.name === keyResourceName(name, kid));
      const detail = describe(name, was, now, changedPublicKeys(c, vendor.output, oldApp, app, name), generated);
      if (detail) risks.push({ resource: resourceId(app), detail });
    }
  }
  return { risks, covered };
}

function describe(app: string, was: AppKeys, now: AppKeys, changed: string[], generated: (plan: "base" | "head", kid: string) => boolean): string | undefined {
  const added = now.ids.filter((k) => !was.ids.includes(k));
  const removed = was.ids.filter((k) => !now.ids.includes(k));
  const switched = now.active !== was.active;
  if (added.length === 0 && removed.length === 0 && !switched && changed.length === 0) return undefined;
  const code = (k: string | undefined) => (k === undefined ? "(none)" : `\`${k}\``);
  const privateOf = (k: string) => (generated("head", k) ? `\`privateKeys.${k}\`` : "its private key (brought: it is not in Pulumi)");
  const parts: string[] = [];
  for (const k of added) {
    if (k === now.active) {
      const old = was.active !== undefined && now.ids.includes(was.active) ? ` ${code(was.active)} stays accepted, so clients that still sign with it keep working.` : "";
      parts.push(
        `key ${code(k)} is added and is the active key at once (\`activeKeyId\` ${code(was.active)} → ${code(k)}): the org accepts it from this apply, and every client and handoff that takes \`activeKeyId\` switches to it with ${privateOf(k)} as soon as it is given the new outputs.${old} To add a key without switching to it, give it \`active: false\` first (docs/operations.md, rotating a key pair, step 1)`,
      );
    } else {
      parts.push(`key ${code(k)} is added, not active: the org accepts assertions signed with it after the apply, and clients keep signing with ${code(now.active)}; roll ${privateOf(k)} out to the clients, then make it active`);
    }
  }
  // A switch told on its own only between keys on both sides: an added active key or a removed active key says it.
  if (switched && now.active !== undefined && !added.includes(now.active) && !(was.active !== undefined && removed.includes(was.active))) {
    const old = was.active !== undefined && now.ids.includes(was.active) ? `; ${code(was.active)} is still accepted until it is removed from \`keys\`` : "";
    parts.push(`the active key switches from ${code(was.active)} to ${code(now.active)}: \`activeKeyId\` and every handoff change with this apply, so give the clients ${privateOf(now.active)} now${old}`);
  }
  for (const k of removed) {
    const gone = generated("base", k) ? " and its private key is deleted from the state" : "";
    if (k === was.active) {
      parts.push(`the active key ${code(k)} is removed${gone}: clients still signing with it are refused right after the apply, and ${code(now.active)} becomes the active key; switch the clients to ${code(now.active)} first (one change), then remove ${code(k)} (another)`);
    } else {
      parts.push(`key ${code(k)} is removed${gone}: the org refuses assertions signed with it after the apply; check that no client still signs with it`);
    }
  }
  for (const k of changed) parts.push(`the public key of ${code(k)} changes: assertions signed with its old private key are refused after the apply`);
  return `signing keys of \`${app}\`: ${parts.join("; ")}.`;
}

/** `<vendor>.<app>` → the app's key ids and active key, for apps whose outputs name their keys. */
function appsOf(outputs: unknown, vendor: AppsSection): Map<string, AppKeys> {
  const out = new Map<string, AppKeys>();
  const apps = isPlainObject(outputs) ? outputs[vendor] : undefined;
  if (!isPlainObject(apps)) return out;
  for (const [name, value] of Object.entries(apps)) {
    if (!isPlainObject(value)) continue;
    const app: AppOutputsRead = value;
    const ids = app.keyIds;
    if (!Array.isArray(ids) || !ids.every((k): k is string => typeof k === "string" && k !== UNKNOWN && k !== SECRET)) continue;
    const active = app.activeKeyId;
    out.set(name, { ids, active: typeof active === "string" && active !== UNKNOWN && active !== SECRET ? active : undefined });
  }
  return out;
}

/** Kids on both sides whose public key the plans know and that differ (a brought key replaced under its old kid). */
function changedPublicKeys(c: Comparison, vendor: string, oldApp: PlanResource, app: PlanResource, name: string): string[] {
  const byKid = (plan: "base" | "head", r: PlanResource): Map<string, string> => {
    const out = new Map<string, string>();
    let list: unknown;
    if (vendor === "okta") list = isPlainObject(r.inputs) ? r.inputs["jwks"] : undefined;
    else {
      const credentials = c[plan].resources.find((x) => x.type === "auth0:index/clientCredentials:ClientCredentials" && x.parent === r.parent && x.name === `${name}-credentials`);
      const jwt = credentials && isPlainObject(credentials.inputs) ? credentials.inputs["privateKeyJwt"] : undefined;
      list = isPlainObject(jwt) ? jwt["credentials"] : undefined;
    }
    if (!Array.isArray(list)) return out;
    for (const k of list) {
      if (!isPlainObject(k)) continue;
      const kid = k["kid"] ?? k["name"];
      const text = canonical(k);
      if (typeof kid === "string" && !text.includes(UNKNOWN) && !text.includes(SECRET)) out.set(kid, text);
    }
    return out;
  };
  const before = byKid("base", oldApp);
  const after = byKid("head", app);
  return [...after].filter(([kid, text]) => before.has(kid) && before.get(kid) !== text).map(([kid]) => kid);
}
