/**
 * Validation and model building for `oidc-apps:auth0`: Regular Web Applications. Each app is parsed once,
 * leniently (config/lenient-parse.ts: every malformed key reported, every well-formed one kept, typed), and its
 * rules (config/rules/auth0.ts) run on that typed result, so that every problem shows at once; the model is
 * built only from apps without errors.
 */
import { secretVersion } from "./app-defaults";
import type { Diagnostics } from "./diagnostics";
import { keySpec } from "./key-specs";
import { parseLenient } from "./lenient-parse";
import { activeKey } from "./keys";
import type { Auth0Model, Auth0WebAppSpec } from "./model";
import { keyPath } from "./paths";
import { AUTH0_DEFAULT_GRANTS, checkAuth0App } from "./rules/auth0";
import { STACK_FILE_RULES } from "./rules/stack-file";
import { APP_NAME } from "./schema/root";
import { auth0AppSchema, type RawAuth0App } from "./schema/auth0";
import { AUTH0_ROOT } from "./sections";
import { show } from "./show";
import { didYouMean } from "./suggest";

type Parsed = { name: string; raw: RawAuth0App };

export function parseAuth0Apps(section: unknown, production: boolean, diags: Diagnostics): Parsed[] | undefined {
  if (typeof section !== "object" || section === null || Array.isArray(section)) {
    diags.report(STACK_FILE_RULES.CONFIG_NOT_A_MAP, AUTH0_ROOT, "must be a map with the key `apps`.");
    return undefined;
  }
  const sectionMap = section as Record<string, unknown>;
  for (const key of Object.keys(sectionMap)) {
    if (key !== "apps") diags.report(STACK_FILE_RULES.CONFIG_UNKNOWN_KEY, keyPath(AUTH0_ROOT, [key]), `unknown key ${show(key)}.${didYouMean(key, ["apps"])}`, "The Auth0 section has one key: `apps`.");
  }
  const apps = sectionMap["apps"] ?? {};
  if (typeof apps !== "object" || apps === null || Array.isArray(apps)) {
    diags.report(STACK_FILE_RULES.CONFIG_NOT_A_MAP, keyPath(AUTH0_ROOT, ["apps"]), "must be a map of app name to app settings.");
    return undefined;
  }
  const parsed: Parsed[] = [];
  let clean = true;
  for (const [name, raw] of Object.entries(apps as Record<string, unknown>)) {
    const at = ["apps", name];
    if (!APP_NAME.test(name)) {
      diags.report(STACK_FILE_RULES.APP_NAME_INVALID, keyPath(AUTH0_ROOT, at), `${show(name)} is not a valid app name.`);
      clean = false;
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      diags.report(STACK_FILE_RULES.CONFIG_NOT_A_MAP, keyPath(AUTH0_ROOT, at), "must be a map of app settings (type, callbacks, ...).");
      clean = false;
      continue;
    }
    const { value: app, shaped } = parseLenient(auth0AppSchema, raw as Record<string, unknown>, AUTH0_ROOT, at, diags);
    checkAuth0App(app, at, production, diags);
    if (shaped) parsed.push({ name, raw: shaped });
    else clean = false;
  }
  return clean ? parsed : undefined;
}

export function buildAuth0(domain: string, apps: readonly Parsed[]): Auth0Model {
  return { domain, apps: apps.map(buildApp) };
}

function buildApp({ name, raw }: Parsed): Auth0WebAppSpec {
  const grantTypes = [...new Set(raw.grantTypes ?? AUTH0_DEFAULT_GRANTS)];
  const auth = raw.clientAuth ?? "client_secret_post";
  const rotate = (raw.refreshToken?.rotation ?? "rotate") === "rotate";
  return {
    kind: "regular_web",
    name,
    displayName: raw.name ?? name,
    callbacks: raw.callbacks ?? [],
    allowedLogoutUrls: raw.allowedLogoutUrls ?? [],
    webOrigins: raw.webOrigins ?? [],
    ...(raw.initiateLoginUri ? { initiateLoginUri: raw.initiateLoginUri } : {}),
    grantTypes,
    authenticationMethod: auth,
    ...(auth !== "private_key_jwt" ? secretVersion(raw.clientSecretVersion, raw.adopt) : {}),
    ...(raw.adopt ? { adopt: raw.adopt.managementApiGrantId ? { id: raw.adopt.id, managementApiGrantId: raw.adopt.managementApiGrantId } : { id: raw.adopt.id } } : {}),
    keys: auth === "private_key_jwt" ? (raw.keys ?? []).map(keySpec) : [],
    // The key the client signs with, by the same choice as Okta service apps.
    ...(auth === "private_key_jwt" && raw.keys && activeKey(raw.keys) ? { activeKeyId: activeKey(raw.keys)!.kid } : {}),
    ...(grantTypes.includes("refresh_token")
      ? {
          refreshToken: {
            // Rotation with reuse detection is Auth0's recommendation for refresh tokens; lifetimes are Auth0's defaults.
            rotationType: rotate ? "rotating" : "non-rotating",
            leewaySeconds: raw.refreshToken?.leewaySeconds ?? 0,
            tokenLifetimeSeconds: raw.refreshToken?.tokenLifetimeSeconds ?? 2_592_000,
            idleTokenLifetimeSeconds: raw.refreshToken?.idleTokenLifetimeSeconds ?? 1_296_000,
          },
        }
      : {}),
    managementApiScopes: [...new Set(raw.managementApiScopes ?? [])],
  };
}
