/** Output shapes the components share, as interfaces the component analyzer accepts (no unions). */
import type * as pulumi from "@pulumi/pulumi";

/** A public JWK as registered with the provider: RSA keys have `n` and `e`, EC keys `crv`, `x` and `y`. */
export interface Jwk {
  kty: string;
  kid: string;
  n?: string;
  e?: string;
  crv?: string;
  x?: string;
  y?: string;
}

/** A generated signing key's private halves. Both Pulumi secrets. */
export interface PrivateKey {
  /** PKCS#8 PEM (what the Okta MCP server takes). */
  pem: pulumi.Output<string>;
  /** The private JWK as JSON with `kid`, `alg` and `use` (what Defguard takes). */
  jwk: pulumi.Output<string>;
}
