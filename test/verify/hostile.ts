/**
 * A hostile issuer on 127.0.0.1: it answers discovery with whatever metadata a test gives it, answers every
 * other request the way a test says (typically echoing what it received), and records everything it
 * received: method, the URL as verify addressed it, headers, form body. `routeFetch` makes it the
 * destination of every request verify makes, also to https hosts (acme.okta.com, evil.example.com), keeping
 * the URL verify meant in a header, so a test sees which host a request was for and what it carried.
 */
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { vi } from "vitest";
import { closeServer } from "./provider";

export interface Received {
  readonly method: string;
  /** The URL verify addressed, whatever host the request was routed from. */
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly form: URLSearchParams;
}

export interface Answer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface HostileOptions {
  /**
   * The metadata served at `<issuer>/.well-known/openid-configuration`. `issuer` is the issuer asked about
   * (from the discovery URL; `https://host` and `https://host/` are the same issuer), `self` the server's URL.
   */
  readonly metadata: (issuer: string, self: string) => Record<string, unknown>;
  /** The answer to any other request. Default: 400 invalid_request. */
  readonly answer?: (request: Received, self: string) => Answer;
}

export interface Hostile {
  readonly url: string;
  readonly received: Received[];
  /** Every credential that reached the server: client secrets, client assertions, Authorization headers. */
  credentials(): string[];
  close(): Promise<void>;
}

const WELL_KNOWN = "/.well-known/openid-configuration";
export const ORIGINAL_URL = "x-verify-test-original-url";

export async function startHostile(options: HostileOptions): Promise<Hostile> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const self = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const received: Received[] = [];
  server.on("request", (req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const original = req.headers[ORIGINAL_URL];
      const url = new URL(typeof original === "string" ? original : `${self}${req.url ?? "/"}`);
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== ORIGINAL_URL).map(([k, v]) => [k, String(v)]));
      const request: Received = { method: req.method ?? "?", url, headers, body, form: new URLSearchParams(body) };
      received.push(request);
      let answer: Answer;
      if (req.method === "GET" && url.pathname.endsWith(WELL_KNOWN)) {
        const issuer = `${url.origin}${url.pathname.slice(0, -WELL_KNOWN.length)}`;
        answer = { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify(options.metadata(issuer, self)) };
      } else {
        answer = options.answer?.(request, self) ?? { status: 400, headers: { "content-type": "application/json" }, body: JSON.stringify({ error: "invalid_request" }) };
      }
      res.writeHead(answer.status, answer.headers ?? {});
      res.end(answer.body ?? "");
    });
  });
  return {
    url: self,
    received,
    credentials: () =>
      received.flatMap((r) => [
        ...(["client_secret", "client_assertion"] as const).flatMap((p) => (r.form.get(p) ? [r.form.get(p)!] : [])),
        ...(r.headers["authorization"] ? [r.headers["authorization"]] : []),
      ]),
    close: () => closeServer(server),
  };
}

/** Standard metadata for `issuer`, every endpoint on `base` (default: the issuer's own origin). */
export function metadataOn(issuer: string, endpoints: Partial<Record<string, string>> = {}, base = new URL(issuer).origin): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: `${base}/authorize`,
    token_endpoint: `${base}/token`,
    device_authorization_endpoint: `${base}/device/code`,
    jwks_uri: `${base}/jwks`,
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code", "client_credentials", "urn:ietf:params:oauth:grant-type:device_code"],
    token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "private_key_jwt"],
    code_challenge_methods_supported: ["S256"],
    ...endpoints,
  };
}

/**
 * Send every request verify makes to the hostile server: requests to its own URL go straight there, any other
 * URL (https://acme.okta.com/…, http://evil.example.com/…) goes there with the URL it was for in a header.
 * Undo with `vi.unstubAllGlobals()`.
 */
export function routeFetch(hostile: Hostile): void {
  const realFetch = globalThis.fetch;
  const origin = new URL(hostile.url).origin;
  vi.stubGlobal("fetch", (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin === origin) return realFetch(input, init);
    const headers = new Headers(init?.headers);
    headers.set(ORIGINAL_URL, url.href);
    return realFetch(new URL(`${url.pathname}${url.search}`, hostile.url), { ...init, headers });
  });
}

/** Runs of 8 characters of a secret and of the forms it can be printed in: none may appear in an output. */
export function windowsOf(secret: string, clientId?: string): string[] {
  const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
  const forms = [secret, b64(secret), b64(secret).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""), encodeURIComponent(secret), ...(clientId ? [b64(`${clientId}:${secret}`)] : [])];
  const windows = new Set<string>();
  for (const form of forms) for (const part of form.split(/\s+/)) for (let i = 0; i + 8 <= part.length; i++) windows.add(part.slice(i, i + 8));
  return [...windows];
}

/** The windows of `secrets` that occur in `text` (empty when nothing leaked). */
export function leaked(text: string, secrets: readonly string[], clientIds: readonly string[] = []): string[] {
  const found = new Set<string>();
  for (const secret of secrets) {
    for (const w of windowsOf(secret)) if (text.includes(w)) found.add(w);
    for (const id of clientIds) for (const w of windowsOf(secret, id)) if (text.includes(w)) found.add(w);
  }
  return [...found];
}

/** Lines a GitHub Actions runner would take for a workflow command: `::…` at the start, `##[` anywhere. */
export function workflowCommands(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => /^\s*::/.test(line) || line.includes("##["));
}
