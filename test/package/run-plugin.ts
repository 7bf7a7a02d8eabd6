/**
 * What the Pulumi CLI does with a source-based plugin package for `pulumi package add` (and then `pulumi up`),
 * without the CLI: the Node.js language host's `RunPlugin` (sdk/nodejs/cmd/pulumi-language-nodejs/main.go)
 * spawns `node <@pulumi/pulumi>/cmd/run-plugin <dir>`, reads the port the provider prints on its first stdout
 * line, and calls `ResourceProvider.GetSchema` over gRPC. cmd/run-plugin/run.js `require()`s the dir (package.json
 * `main`), keeps every exported ComponentResource subclass (`getPulumiComponents`) and serves them
 * (`componentProviderHost`, provider/experimental/provider.js), inferring the schema from the TypeScript source.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

interface GetSchemaClient {
  getSchema(req: unknown, done: (err: Error | null, resp: { getSchema(): string }) => void): void;
  close(): void;
}

/** The schema the package in `dir` serves as a plugin, as a JSON string. */
export async function schemaViaRunPlugin(dir: string, timeoutMs = 60_000): Promise<string> {
  // The SDK the plugin itself resolves, and its own gRPC: the one RunPlugin would start (`locateModule`).
  const sdk = dirname(createRequire(join(dir, "package.json")).resolve("@pulumi/pulumi/package.json"));
  const sdkRequire = createRequire(join(sdk, "package.json"));
  const grpc = sdkRequire("@grpc/grpc-js") as { credentials: { createInsecure(): unknown } };
  const rpc = sdkRequire("./proto/provider_grpc_pb.js") as { ResourceProviderClient: new (address: string, credentials: unknown) => GetSchemaClient };
  const pb = sdkRequire("./proto/provider_pb.js") as { GetSchemaRequest: new () => { setVersion(v: number): void } };

  const env: Record<string, string | undefined> = { ...process.env };
  // vitest's loaders are not the language host's.
  delete env["NODE_OPTIONS"];
  const child = spawn(process.execPath, [join(sdk, "cmd", "run-plugin"), dir], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (d: string) => (stderr += d));
  try {
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`run-plugin printed no port in ${timeoutMs} ms:\n${stderr}`)), timeoutMs);
      let out = "";
      child.stdout.setEncoding("utf8");
      child.stdout.on("data", (d: string) => {
        out += d;
        // provider/server.js `main` prints the port and a newline once it listens.
        if (!out.includes("\n")) return;
        clearTimeout(timer);
        resolve(out.split("\n")[0]!.trim());
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`run-plugin exited (${code}) before printing a port:\n${stderr}`));
      });
    });
    const client = new rpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    try {
      const req = new pb.GetSchemaRequest();
      req.setVersion(0);
      return await new Promise<string>((resolve, reject) => client.getSchema(req, (err, resp) => (err ? reject(new Error(`GetSchema: ${err.message}\n${stderr}`)) : resolve(resp.getSchema()))));
    } finally {
      client.close();
    }
  } finally {
    child.kill();
  }
}
