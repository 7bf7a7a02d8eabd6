/**
 * The program's way into the library's components, invisible to the Pulumi component analyzer (it reads only
 * the args interfaces, which do not name it) and to library users (library/index.ts does not export this
 * module). The program has validated the whole stack file already: it hands each component the model it built,
 * the groups it looked up once per stack, `protect` and the component's type token from before the library
 * (components/types.ts), so a shipped stack keeps every URN and input and nothing is validated twice (bench/).
 */
import type { Auth0WebAppArgs } from "../components/auth0/web-app";
import type { OktaUserAppArgs } from "../components/okta/user-app";
import type { ServiceAppArgs } from "../components/okta/service-app";
import type { TrustedOriginsArgs } from "../components/okta/trusted-origins";

/** What the program hands a component: what its build takes, and the type token its URN keeps. */
export type Prebuilt<A> = A & { readonly type: string };

/** Module-private: nobody outside this module can name the key, so no user's args can carry it by accident. */
const PREBUILT = Symbol("oidc-apps.prebuilt");

type Carrier<A> = { readonly [PREBUILT]: Prebuilt<A> };

/** Args that carry an already validated model; typed as the component's public args (every key optional). */
function carry<A, Args>(payload: Prebuilt<A>): Args {
  const carrier: Carrier<A> = { [PREBUILT]: payload };
  return carrier as unknown as Args;
}

/** The payload of args made by `carry`, or undefined for a library user's args. */
export function prebuiltOf<A>(args: object | undefined): Prebuilt<A> | undefined {
  return args ? (args as Partial<Carrier<A>>)[PREBUILT] : undefined;
}

export const prebuiltOktaUserApp = <Args>(payload: Prebuilt<OktaUserAppArgs>): Args => carry<OktaUserAppArgs, Args>(payload);
export const prebuiltOktaServiceApp = <Args>(payload: Prebuilt<ServiceAppArgs>): Args => carry<ServiceAppArgs, Args>(payload);
export const prebuiltTrustedOrigins = <Args>(payload: Prebuilt<TrustedOriginsArgs>): Args => carry<TrustedOriginsArgs, Args>(payload);
export const prebuiltAuth0App = <Args>(payload: Prebuilt<Auth0WebAppArgs>): Args => carry<Auth0WebAppArgs, Args>(payload);
