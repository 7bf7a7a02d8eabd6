/**
 * The little of oidc-provider's API the verify tests use. The package ships no types and @types/oidc-provider
 * is not a dependency; these declarations cover only what test/verify/provider.ts calls.
 */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  export type ClientMetadata = { client_id: string } & Record<string, unknown>;

  export interface KoaContextWithOIDC {
    oidc: { params?: Record<string, unknown>; body?: Record<string, unknown>; client?: { clientId: string } };
    query?: Record<string, unknown>;
  }

  export interface ResourceServer {
    scope: string;
    audience?: string;
    accessTokenFormat?: "opaque" | "jwt";
    accessTokenTTL?: number;
  }

  export interface Configuration {
    clients?: ClientMetadata[];
    scopes?: string[];
    jwks?: { keys: Record<string, unknown>[] };
    cookies?: { keys: string[] };
    features?: Record<string, unknown>;
    [key: string]: unknown;
  }

  export class Provider {
    constructor(issuer: string, configuration?: Configuration);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    on(event: string, listener: (...args: never[]) => void): this;
  }

  export const errors: {
    InvalidTarget: new (description?: string) => Error;
  };

  export default Provider;
}
