"""The TypeScript example (../typescript/index.ts) in Python, through the Pulumi plugin package.

Not run by this repository's tests (no Pulumi CLI or Python here); see ../README.md. Set up once:

    pulumi package add https://github.com/acme/oidc-apps@v0.2.0

which clones the tag, builds it, reads its schema and generates the `pulumi_oidc_apps` SDK under sdks/
(the command prints how it linked it into this project). Args are snake_case; nested args can be dicts.
"""

import pulumi
import pulumi_oidc_apps as oidc_apps

portal = oidc_apps.OktaWebApp(
    "portal",
    environment=oidc_apps.Environment.STAGING,
    label="Customer portal",
    redirect_uris=["https://portal.staging.example.com/callback"],
    post_logout_redirect_uris=["https://portal.staging.example.com/"],
    grant_types=[oidc_apps.GrantType.AUTHORIZATION_CODE, oidc_apps.GrantType.REFRESH_TOKEN],
    assign_to={"groups": ["Portal Users"]},
)

reporter = oidc_apps.OktaServiceApp(
    "reporter",
    environment=oidc_apps.Environment.STAGING,
    # Okta grants API scopes through the org authorization server, whose issuer is the org URL.
    org_url="https://acme-staging.okta.com",
    client_auth=oidc_apps.ClientAuthMethod.PRIVATE_KEY_JWT,
    keys=[{"kid": "reporter-2026"}],
    api_scopes=["okta.users.read"],
)

pulumi.export("portalClientId", portal.client_id)
pulumi.export("portalClientSecret", portal.client_secret)
pulumi.export("reporterClientId", reporter.client_id)
