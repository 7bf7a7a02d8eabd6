/**
 * A safety net under every message verify prints. The checks already build their messages from non-secret
 * parts only; this removes any credential that still found its way in, say from an issuer that echoes what it
 * received in its error_description: not only exact copies but any run of 8 or more characters taken from a
 * secret, or from its base64, base64url, URL-encoded or JSON-escaped form, or from the HTTP Basic
 * `client_id:secret` credential, and anything shaped like a JWT. Secrets are the outputs' (client secrets,
 * private keys, their PEM lines and private JWK members) and what verify sent (client assertions, the
 * Authorization header), which the transport adds as it sends them.
 */
import { MASKED, type StackOutputsJson } from "./outputs";

const REDACTED = "[redacted]";
/** Three base64url segments separated by dots, the first a JOSE header (`eyJ` is base64url for `{"`). */
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** Private members of a JWK (RFC 7518 §6.2.2, §6.3.2). */
const PRIVATE_JWK_MEMBERS = ["d", "p", "q", "dp", "dq", "qi"];
/**
 * The shortest run of a secret that is redacted, and the shortest secret considered at all: shorter strings
 * are too likely to be ordinary words or ids, and a random 8-character run does not occur in text by chance.
 */
export const MIN_FRAGMENT = 8;

/** Every secret value in the outputs, and the pieces of them that could be printed alone. */
export function secretsOf(outputs: StackOutputsJson): string[] {
  const found = new Set<string>();
  const add = (s: string | undefined) => {
    // The placeholder Pulumi prints without --show-secrets is not a secret, and verify's advice names it.
    if (s && s.length >= MIN_FRAGMENT && s !== MASKED) found.add(s);
  };
  // Auth0 private_key_jwt apps export generated keys as Okta service apps do (program/outputs.ts).
  for (const app of [...Object.values(outputs.okta ?? {}), ...Object.values(outputs.auth0 ?? {})]) {
    add(app.clientSecret);
    for (const key of Object.values(app.privateKeys ?? {})) {
      add(key.pem);
      // A PEM line can surface alone (in a wrapped error); its base64 body lines are each secret.
      for (const line of key.pem.split(/\r?\n/)) if (!line.startsWith("-----")) add(line.trim());
      add(key.jwk);
      for (const member of privateMembers(key.jwk)) add(member);
    }
  }
  // Longest first, so a secret that contains another is removed whole.
  return [...found].sort((a, b) => b.length - a.length);
}

/** The client credentials of the outputs: with the client id, for the HTTP Basic encoding of the pair. */
export function credentialsOf(outputs: StackOutputsJson): { clientId: string; secret: string }[] {
  return [...Object.values(outputs.okta ?? {}), ...Object.values(outputs.auth0 ?? {})].flatMap((a) =>
    a.clientSecret && a.clientSecret !== MASKED && a.clientSecret.length >= MIN_FRAGMENT ? [{ clientId: a.clientId, secret: a.clientSecret }] : [],
  );
}

/**
 * Redaction over a growing set of secrets. Whole values are replaced first; then every run of text made of
 * `MIN_FRAGMENT`-character windows that occur in a secret (or one of its encodings) is replaced, so a prefix,
 * a suffix or a middle piece of a secret goes as surely as the whole.
 */
export class Redactor {
  private readonly whole = new Set<string>();
  private readonly windows = new Set<string>();

  constructor(secrets: readonly string[] = [], credentials: readonly { clientId: string; secret: string }[] = []) {
    for (const s of secrets) this.add(s);
    for (const { clientId, secret } of credentials) {
      // RFC 6749 §2.3.1: both form-urlencoded, then base64 (what ClientSecretBasic sends).
      this.addWindows(base64(`${formUrlEncode(clientId)}:${formUrlEncode(secret)}`));
      this.addWindows(base64(`${clientId}:${secret}`));
    }
  }

  /**
   * A secret: redacted whole, and any run of 8+ characters of it or of its encodings. A private JWK's JSON is
   * redacted whole only (its public members and kid are not secret; `secretsOf` adds its private members),
   * and a PEM by runs of its base64 body, across line breaks or not.
   */
  add(secret: string): void {
    if (secret.length < MIN_FRAGMENT || secret === MASKED) return;
    this.whole.add(secret);
    if (secret.trimStart().startsWith("{")) return;
    if (secret.includes("-----BEGIN")) {
      const body = secret.replace(/-----[A-Z0-9 ]+-----/g, "").trim();
      this.addWindows(body);
      this.addWindows(body.replace(/\s+/g, ""));
      return;
    }
    for (const form of encodings(secret)) this.addWindows(form);
  }

  redact(text: string): string {
    let out = text;
    for (const s of [...this.whole].sort((a, b) => b.length - a.length)) out = out.split(s).join(REDACTED);
    out = this.redactFragments(out);
    return out.replace(JWT, REDACTED);
  }

  private addWindows(form: string): void {
    for (let i = 0; i + MIN_FRAGMENT <= form.length; i++) this.windows.add(form.slice(i, i + MIN_FRAGMENT));
  }

  private redactFragments(text: string): string {
    if (this.windows.size === 0 || text.length < MIN_FRAGMENT) return text;
    const covered = new Uint8Array(text.length);
    for (let i = 0; i + MIN_FRAGMENT <= text.length; i++) {
      if (this.windows.has(text.slice(i, i + MIN_FRAGMENT))) covered.fill(1, i, i + MIN_FRAGMENT);
    }
    let out = "";
    for (let i = 0; i < text.length; ) {
      if (!covered[i]) {
        out += text[i++];
        continue;
      }
      while (i < text.length && covered[i]) i++;
      out += REDACTED;
    }
    return out;
  }
}

/** One-shot redaction against a fixed list of secrets. */
export function redact(text: string, secrets: readonly string[]): string {
  return new Redactor(secrets).redact(text);
}

/**
 * The forms a secret can be printed in: as is, base64 and base64url (from each of the first three bytes, so
 * that the encoding of any piece of it is a run of one of these), URL-encoded (browser and form style, either
 * hex case), JSON-escaped.
 */
function encodings(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const forms = new Set<string>([secret]);
  for (let shift = 0; shift < 3 && shift < bytes.length; shift++) {
    const b64 = bytes.subarray(shift).toString("base64");
    forms.add(b64);
    forms.add(b64.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
  }
  for (const encoded of [encodeURIComponent(secret), formUrlEncode(secret)]) {
    forms.add(encoded);
    forms.add(encoded.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()));
  }
  forms.add(JSON.stringify(secret).slice(1, -1));
  return [...forms];
}

function base64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

/** application/x-www-form-urlencoded, as oauth4webapi encodes the Basic credential's parts. */
function formUrlEncode(token: string): string {
  return encodeURIComponent(token).replace(/(?:[-_.!~*'()]|%20)/g, (s) => (s === "%20" ? "+" : `%${s.charCodeAt(0).toString(16).toUpperCase()}`));
}

function privateMembers(jwkJson: string): string[] {
  try {
    const jwk = JSON.parse(jwkJson) as Record<string, unknown>;
    return PRIVATE_JWK_MEMBERS.map((m) => jwk[m]).filter((v): v is string => typeof v === "string");
  } catch {
    return [];
  }
}
