// The floor of a language-host-like run: the five SDKs the program loads (the same list as bench/run.ts SDKS),
// and nothing registered. Plain JavaScript, run by @pulumi/pulumi/cmd/run exactly like bin/index.js.
require("@pulumi/pulumi");
require("@pulumi/okta");
require("@pulumi/auth0");
require("@pulumi/random");
require("@pulumi/tls");
module.exports = () => ({});
