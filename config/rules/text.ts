/**
 * The string policy (config/text-policy.ts) over a whole stack: every key and every string value that
 * oidc-apps reads or passes on (`oidc-apps:*`, `okta:*`, `auth0:*`), at every depth. Reports
 * TEXT_UNSAFE_CHARACTER (control and format characters) and TEXT_SECRET_SHAPE (a private key or token where
 * none belongs) at the exact key path. Values the stack marks secret, and credentials (which
 * CONFIG_CLEARTEXT_CREDENTIAL reports), are never looked into: nothing here may quote them.
 *
 * One pass, iterative (no recursion on hostile nesting), linear in the size of the config.
 */
import type { Diagnostics } from "../diagnostics";
import { keyPath, type PathSegment } from "../paths";
import { AUTH0_CREDENTIAL_KEYS } from "../schema/auth0";
import { OKTA_CREDENTIAL_KEYS } from "../schema/root";
import { findUnsafeCharacter, secretShape, secretShapeMessage, unsafeCharacterMessage } from "../text-policy";

const PROJECT = "oidc-apps";
/** Structured sections: Pulumi hands them to the program as JSON text. */
const STRUCTURED = new Set([`${PROJECT}:okta`, `${PROJECT}:auth0`, `${PROJECT}:recipes`]);
const CREDENTIALS = new Set([...OKTA_CREDENTIAL_KEYS.map((k) => `okta:${k}`), ...AUTH0_CREDENTIAL_KEYS.map((k) => `auth0:${k}`)]);
/** PEM public keys are multi-line by nature; a private one there is KEY_PRIVATE_MATERIAL's. */
const PEM_FIELD = "publicKey";
/**
 * Fields that hold URLs (and their lists): a password or a secret query parameter in one is the URL policy's
 * (URL_USERINFO, URL_SECRET_PARAMETER), reported by the rule that reads the field.
 */
const URL_FIELDS = new Set([
  "redirectUris", "postLogoutRedirectUris", "initiateLoginUri", "origin", "callbacks", "allowedLogoutUrls", "webOrigins",
  "gatewayUrl", "appUrl", "localDevUrl", "url", "publicUrl", "extraRedirectUris",
]);

export function checkConfigText(config: Readonly<Record<string, string>>, secretKeys: ReadonlySet<string> | undefined, diags: Diagnostics): void {
  for (const key of Object.keys(config).sort()) {
    const ns = key.slice(0, key.indexOf(":"));
    if (ns !== PROJECT && ns !== "okta" && ns !== "auth0") continue; // other tools' keys: not read, not printed
    checkString(key, key, "the key", false, diags);
    if (secretKeys?.has(key) || CREDENTIALS.has(key)) continue;
    if (key === "okta:httpProxy") {
      checkString(config[key]!, key, "the value", false, diags, true);
      continue;
    }
    const raw = config[key]!;
    let value: unknown = raw;
    if (STRUCTURED.has(key)) {
      try {
        value = JSON.parse(raw);
      } catch {
        value = raw;
      }
    }
    walk(key, value, diags);
  }
}

function walk(root: string, value: unknown, diags: Diagnostics): void {
  const stack: { value: unknown; at: PathSegment[] }[] = [{ value, at: [] }];
  while (stack.length > 0) {
    const { value: v, at } = stack.pop()!;
    if (typeof v === "string") {
      const pem = at.at(-1) === PEM_FIELD;
      const field = [...at].reverse().find((s) => typeof s === "string");
      checkString(v, keyPath(root, at), "the value", pem, diags, typeof field === "string" && URL_FIELDS.has(field));
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], at: [...at, i] });
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i]!;
        checkString(k, keyPath(root, [...at, k]), "the key", false, diags);
        stack.push({ value: child, at: [...at, k] });
      }
    }
  }
}

/** `pem`: a PEM field, where line breaks belong and private keys are another rule's; `url`: a URL field (see URL_FIELDS). */
function checkString(text: string, path: string, what: string, pem: boolean, diags: Diagnostics, url = false): void {
  const unsafe = findUnsafeCharacter(text, { allowLineBreaks: pem });
  if (unsafe) diags.report("TEXT_UNSAFE_CHARACTER", path, unsafeCharacterMessage(unsafe, what));
  if (pem) return;
  const shape = secretShape(text, { urlCredentials: !url });
  if (shape) diags.report("TEXT_SECRET_SHAPE", path, secretShapeMessage(shape, what));
}
