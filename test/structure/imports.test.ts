/**
 * Every import points down the data flow (README/docs "Architecture"): stack file → config (schema, rules,
 * model) → recipes expansion → components → program (outputs) → plan / verify / policy → commands. A file's
 * layer is its top folder:
 *
 *   0 config/        the stack file read, validated and modelled
 *   1 recipes/       recipe instances expanded into apps
 *   2 components/    the Pulumi components
 *   3 program        index.ts (the entry Pulumi runs) and program/ (the program, its stack outputs contract)
 *   4 plan/ verify/ policy/   what reads the program: the offline plan, verify, the policy pack
 *   5 scripts/       the commands
 *
 * A file may import its own layer and the layers below. Same level: within one folder, freely; between the
 * folders of layer 4 (plan, verify, policy), not at all: each reads the layers below on its own, and none
 * needs another (a command that needs two imports both); index.ts may import program/, program/ not index.ts.
 * bench/ and test/ are outside the product and not checked, but no product file may import them. Every
 * import counts: `import type`, `export … from`, side-effect imports, `import()` and `require`, since a
 * type-only import upward still ties the lower layer to the upper one. Cycles are refused at every level,
 * within a folder too: a cycle has no order to read or change it in.
 *
 * The assertions are per layer, so a failure names the layer that has to change.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "../..");

const LAYERS = [
  { name: "config", folders: ["config"] },
  { name: "recipes", folders: ["recipes"] },
  { name: "components", folders: ["components"] },
  { name: "library", folders: ["library"] },
  { name: "program", folders: ["index.ts", "program"] },
  { name: "plan, verify, policy", folders: ["plan", "verify", "policy"] },
  { name: "scripts", folders: ["scripts"] },
] as const;

/** Outside the product: unchecked, and never imported by it. */
const OUTSIDE = ["bench", "test"];

/** `config/load.ts` → "config"; `index.ts` → "index.ts". */
const topOf = (file: string): string => file.split("/")[0]!;

function layerOf(file: string): number | undefined {
  const i = LAYERS.findIndex((l) => (l.folders as readonly string[]).includes(topOf(file)));
  return i < 0 ? undefined : i;
}

function tsFiles(path: string): string[] {
  if (statSync(path).isFile()) return path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : [];
  return readdirSync(path).flatMap((name) => tsFiles(join(path, name)));
}

/** Every product .ts file, relative to the root with `/` separators. */
const PRODUCT = LAYERS.flatMap((l) => l.folders)
  .flatMap((f) => tsFiles(join(ROOT, f)))
  .map((f) => relative(ROOT, f).split("\\").join("/"))
  .sort();

/** A relative specifier resolved as TypeScript resolves it (node10: the file, `.ts`, or the folder's index). */
function resolveRelative(from: string, spec: string): string | undefined {
  const base = resolve(ROOT, dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, "index.ts")]) {
    try {
      if (statSync(candidate).isFile()) return relative(ROOT, candidate).split("\\").join("/");
    } catch {
      // not this candidate
    }
  }
  return undefined;
}

interface Edge {
  readonly from: string;
  readonly spec: string;
  /** Undefined: a relative import that resolves to no file. */
  readonly to: string | undefined;
}

/** Every relative import of every product file; packages (`zod`, `node:fs`) are no layer's. */
const EDGES: Edge[] = PRODUCT.flatMap((from) =>
  ts
    .preProcessFile(readFileSync(join(ROOT, from), "utf8"), true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((spec) => spec.startsWith("."))
    .map((spec) => ({ from, spec, to: resolveRelative(from, spec) })),
);

const show = (e: Edge) => `${e.from} → ${e.to ?? `${e.spec} (unresolved)`}`;

/** Why an import is refused, or undefined when it is allowed. */
function refusal(e: Edge): string | undefined {
  if (e.to === undefined) return "resolves to no file";
  if (OUTSIDE.includes(topOf(e.to))) return `imports ${topOf(e.to)}/, which is outside the product`;
  const from = layerOf(e.from)!;
  const to = layerOf(e.to);
  if (to === undefined) return undefined; // data beside the code (a JSON file), no layer's
  if (to > from) return `upward: ${LAYERS[from]!.name} imports ${LAYERS[to]!.name}`;
  if (to === from && topOf(e.from) !== topOf(e.to)) {
    if (topOf(e.from) === "index.ts" && topOf(e.to) === "program") return undefined;
    return `sideways: ${topOf(e.from)} imports ${topOf(e.to)}, a sibling of its layer`;
  }
  return undefined;
}

/** The import cycles: strongly connected components of more than one file, or a file importing itself (Tarjan). */
function cycles(): string[][] {
  const next = new Map<string, string[]>(PRODUCT.map((f) => [f, []]));
  for (const e of EDGES) if (e.to !== undefined && next.has(e.to)) next.get(e.from)!.push(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || next.get(v)!.includes(v)) found.push(component.sort());
  };
  for (const f of PRODUCT) if (!index.has(f)) visit(f);
  return found;
}

/** A cycle as its files and the imports that close it, for a message that says what to cut. */
function describeCycle(files: readonly string[]): string {
  const inside = new Set(files);
  const imports = EDGES.filter((e) => inside.has(e.from) && e.to !== undefined && inside.has(e.to)).map(show);
  return `cycle of ${files.length} file${files.length === 1 ? "" : "s"}: ${files.join(", ")}\n    via ${[...new Set(imports)].join("\n        ")}`;
}

const CYCLES = cycles();

describe("imports point down the data flow", () => {
  it("finds the product files and their imports", () => {
    // A walk that found nothing would pass every check below.
    for (const l of LAYERS) expect(PRODUCT.some((f) => layerOf(f) === LAYERS.indexOf(l)), l.name).toBe(true);
    expect(PRODUCT).toContain("index.ts");
    expect(EDGES.some((e) => e.from === "program/index.ts" && e.to === "program/main.ts")).toBe(true);
    // Type-only imports and re-exports are walked too.
    expect(EDGES.some((e) => e.from === "verify/outputs.ts" && e.to === "program/outputs.ts")).toBe(true);
    expect(EDGES.some((e) => e.from === "plan/run.ts" && e.to === "plan/capture.ts")).toBe(true);
  });

  it("refuses an upward, sideways, outside or unresolved import (the checker itself)", () => {
    expect(refusal({ from: "config/model.ts", spec: "../recipes/types", to: "recipes/types.ts" })).toMatch(/^upward: config imports recipes/);
    expect(refusal({ from: "plan/run.ts", spec: "../verify/run", to: "verify/run.ts" })).toMatch(/^sideways/);
    expect(refusal({ from: "plan/run.ts", spec: "../test/x", to: "test/x.ts" })).toMatch(/outside the product/);
    expect(refusal({ from: "plan/run.ts", spec: "./nope", to: undefined })).toBe("resolves to no file");
    expect(refusal({ from: "scripts/plan.ts", spec: "../plan/run", to: "plan/run.ts" })).toBeUndefined();
    expect(refusal({ from: "index.ts", spec: "./program/main", to: "program/main.ts" })).toBeUndefined();
    expect(refusal({ from: "program/main.ts", spec: "../index", to: "index.ts" })).toMatch(/^sideways/);
  });

  for (const [i, layer] of LAYERS.entries()) {
    describe(layer.name, () => {
      it("imports only its own layer and the layers below", () => {
        const refused = EDGES.filter((e) => layerOf(e.from) === i)
          .flatMap((e) => {
            const why = refusal(e);
            return why ? [`${show(e)}: ${why}`] : [];
          });
        expect(refused, `${layer.name}: imports against the data flow`).toEqual([]);
      });

      it("is in no import cycle", () => {
        const mine = CYCLES.filter((c) => c.some((f) => layerOf(f) === i)).map(describeCycle);
        expect(mine, `${layer.name}: import cycles`).toEqual([]);
      });
    });
  }
});
