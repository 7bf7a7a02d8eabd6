/**
 * A mock Pulumi engine for the language-host-like run: a gRPC server with the `ResourceMonitor` and `Engine`
 * services that `@pulumi/pulumi/cmd/run` connects to (`--monitor`, `--engine`), answering the way a preview
 * does: every registration gets its URN and its own inputs back (no id, so every other output is unknown),
 * every invoke an unknown id. It keeps no state beyond counts and the log, so it costs the program under test
 * as little CPU as possible on a 2-core machine.
 *
 * It uses the SDK's own gRPC stubs and messages (`@pulumi/pulumi/proto/*_grpc_pb.js`), resolved from the SDK's
 * directory so they are the very copies the program's runtime talks to.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const sdk = createRequire(join(dirname(require.resolve("@pulumi/pulumi/package.json")), "index.js"));
/* eslint-disable @typescript-eslint/no-explicit-any -- the generated stubs have no types we can import here */
const grpc = sdk("@grpc/grpc-js") as any;
const resourceGrpc = sdk("./proto/resource_grpc_pb.js") as any;
const engineGrpc = sdk("./proto/engine_grpc_pb.js") as any;
const resproto = sdk("./proto/resource_pb.js") as any;
const engproto = sdk("./proto/engine_pb.js") as any;
const provproto = sdk("./proto/provider_pb.js") as any;
const emptyproto = sdk("google-protobuf/google/protobuf/empty_pb.js") as any;
const structproto = sdk("google-protobuf/google/protobuf/struct_pb.js") as any;

/** The SDK's marker for a value unknown during a preview (runtime/rpc.js `unknownValue`). */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export interface MockEngine {
  /** `127.0.0.1:<port>`, for both `--monitor` and `--engine`. */
  readonly address: string;
  /** Resets the counts and the log; call before each run. */
  reset(stack: string, project: string): void;
  /** Registrations, by URN (a second registration of one URN counts as a duplicate). */
  readonly registered: () => { resources: number; custom: number; duplicates: number; invokes: number; outputs: number };
  /** Error- and warning-level log lines the program sent. */
  readonly log: () => string[];
  stop(): Promise<void>;
}

export async function startMockEngine(): Promise<MockEngine> {
  let urns = new Set<string>();
  let counts = { resources: 0, custom: 0, duplicates: 0, invokes: 0, outputs: 0 };
  let log: string[] = [];
  let root = "";
  let names = { stack: "stack", project: "project" };
  const empty = () => new emptyproto.Empty();

  const monitor = {
    supportsFeature(call: any, cb: any) {
      // Everything the CLI supports, except transforms (they need the callbacks server, which the program never uses).
      const id: string = call.request.getId();
      cb(null, new resproto.SupportsFeatureResponse().setHassupport(id !== "transforms" && id !== "invokeTransforms"));
    },
    // Raw bytes in and out (see RAW below): the request's type, name, parent and custom flag are read off the
    // wire, and its inputs are echoed as the response's object without decoding them.
    registerResource(call: any, cb: any) {
      const req = readFields(call.request as Buffer);
      const parent = req.strings.get(3) ?? "";
      const type = req.strings.get(1) ?? "";
      // The engine's URN: the parent's whole qualified type chain (pulumi/pulumi sdk/go/common/resource/urn.go).
      const parentType = parent === "" ? "" : parent.split("::")[2]!;
      const qualified = parentType === "" || parentType === "pulumi:pulumi:Stack" ? type : `${parentType}$${type}`;
      const urn = `urn:pulumi:${names.stack}::${names.project}::${qualified}::${req.strings.get(2) ?? ""}`;
      if (urns.has(urn)) counts.duplicates++;
      urns.add(urn);
      counts.resources++;
      if (req.varints.get(4)) counts.custom++;
      // RegisterResourceResponse: urn = 1, id = 2 (empty: unknown in a preview), object = 3.
      cb(null, Buffer.concat([field(1, Buffer.from(urn, "utf8")), field(3, req.bytes.get(5) ?? Buffer.alloc(0))]));
    },
    registerResourceOutputs(_call: any, cb: any) {
      counts.outputs++;
      cb(null, empty());
    },
    invoke(_call: any, cb: any) {
      counts.invokes++;
      const resp = new provproto.InvokeResponse();
      resp.setReturn(structproto.Struct.fromJavaScript({ id: UNKNOWN }));
      cb(null, resp);
    },
    readResource(call: any, cb: any) {
      cb({ code: grpc.status.UNIMPLEMENTED, details: `readResource ${call.request.getName()}` });
    },
    call(_call: any, cb: any) {
      cb({ code: grpc.status.UNIMPLEMENTED, details: "call" });
    },
    registerPackage(_call: any, cb: any) {
      cb(null, new resproto.RegisterPackageResponse().setRef("mock-package-ref"));
    },
    signalAndWaitForShutdown(_call: any, cb: any) {
      cb(null, empty());
    },
  };
  const engine = {
    log(call: any, cb: any) {
      const req = call.request;
      // LogSeverity: DEBUG 0, INFO 1, WARNING 2, ERROR 3.
      if (req.getSeverity() >= 2) log.push(`${req.getSeverity() === 3 ? "error" : "warning"}: ${req.getMessage()}`);
      cb(null, empty());
    },
    getRootResource(_call: any, cb: any) {
      cb(null, new engproto.GetRootResourceResponse().setUrn(root));
    },
    setRootResource(call: any, cb: any) {
      root = call.request.getUrn();
      cb(null, new engproto.SetRootResourceResponse());
    },
    requirePulumiVersion(_call: any, cb: any) {
      cb(null, new engproto.RequirePulumiVersionResponse());
    },
    startDebugging(_call: any, cb: any) {
      cb(null, empty());
    },
  };

  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  // RegisterResource is most of the traffic: its messages pass as bytes, so the mock spends (almost) no CPU
  // decoding and re-encoding inputs that it only echoes. RegisterResourceRequest: type = 1, name = 2, parent = 3,
  // custom = 4, object = 5 (pulumi/proto resource.proto).
  const RAW = {
    ...resourceGrpc.ResourceMonitorService,
    registerResource: { ...resourceGrpc.ResourceMonitorService.registerResource, requestDeserialize: (b: Buffer) => b, responseSerialize: (b: Buffer) => b },
  };
  server.addService(RAW, monitor);
  server.addService(engineGrpc.EngineService, engine);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err: Error | null, p: number) => (err ? reject(err) : resolve(p))),
  );
  return {
    address: `127.0.0.1:${port}`,
    reset(stack, project) {
      names = { stack, project };
      urns = new Set();
      counts = { resources: 0, custom: 0, duplicates: 0, invokes: 0, outputs: 0 };
      log = [];
      root = "";
    },
    registered: () => ({ ...counts }),
    log: () => [...log],
    stop: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  };
}

/** The top-level fields of a protobuf message: strings and nested messages by field number, and varints. */
function readFields(buf: Buffer): { strings: Map<number, string>; bytes: Map<number, Buffer>; varints: Map<number, number> } {
  const strings = new Map<number, string>();
  const bytes = new Map<number, Buffer>();
  const varints = new Map<number, number>();
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = buf[at++]!;
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      shift += 7;
    }
  };
  while (at < buf.length) {
    const tag = varint();
    const [number, wire] = [Math.floor(tag / 8), tag % 8];
    if (wire === 0) varints.set(number, varint());
    else if (wire === 2) {
      const length = varint();
      const slice = buf.subarray(at, at + length);
      at += length;
      if (!bytes.has(number)) bytes.set(number, slice);
      if (number <= 3) strings.set(number, slice.toString("utf8"));
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else throw new Error(`mock engine: unsupported protobuf wire type ${wire}`);
  }
  return { strings, bytes, varints };
}

/** One length-delimited protobuf field. */
function field(number: number, value: Buffer): Buffer {
  const head: number[] = [];
  for (let v = number * 8 + 2; ; v = Math.floor(v / 128)) {
    if (v < 128) {
      head.push(v);
      break;
    }
    head.push((v % 128) | 0x80);
  }
  for (let v = value.length; ; v = Math.floor(v / 128)) {
    if (v < 128) {
      head.push(v);
      break;
    }
    head.push((v % 128) | 0x80);
  }
  return Buffer.concat([Buffer.from(head), value]);
}
