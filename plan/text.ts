/** The plan as a readable tree: each component with its children indented beneath it, then invokes and outputs. */
import { optionMarks } from "./marks";
import type { Plan, PlanResource } from "./run";

export function planText(plan: Plan, stackFile: string): string {
  const lines: string[] = [];
  const errors = plan.diagnostics.filter((d) => d.severity === "error").length;
  lines.push(`${plan.project} · stack ${plan.stack} · ${stackFile}`);
  if (errors > 0) {
    lines.push(`${errors} error${errors === 1 ? "" : "s"}: nothing would be created.`, "");
  } else {
    lines.push(`${plan.resources.length} resources · ${plan.invokes.length} lookups`, "", "Resources");
    const children = new Map<string | null, PlanResource[]>();
    for (const r of plan.resources) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
    const walk = (parent: string | null, depth: number) => {
      for (const r of children.get(parent) ?? []) {
        const pad = "  ".repeat(depth + 1);
        const marks = optionMarks(r);
        lines.push(`${pad}${r.type}  ${r.name}${marks.length > 0 ? `  [${marks.join(", ")}]` : ""}`);
        for (const [key, value] of Object.entries(r.inputs as Record<string, unknown>)) lines.push(`${pad}    ${key}: ${inline(value)}`);
        walk(`${r.type}::${r.name}`, depth + 1);
      }
    };
    walk(null, 0);
    lines.push("", "Lookups");
    for (const i of plan.invokes) lines.push(`  ${i.token} ${inline(i.args)}`);
    if (plan.invokes.length === 0) lines.push("  none");
    lines.push("", "Outputs");
    flatten(plan.outputs, "", lines);
    lines.push("");
  }
  lines.push("Diagnostics");
  if (plan.diagnostics.length === 0) lines.push("  none");
  for (const d of plan.diagnostics) {
    lines.push(`  ${d.severity} ${d.code} ${d.path}: ${d.message}`);
    if (d.fix) lines.push(`      fix: ${d.fix}`);
  }
  return lines.join("\n") + "\n";
}

function inline(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function flatten(value: unknown, prefix: string, lines: string[]): void {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, lines);
    return;
  }
  lines.push(`  ${prefix}: ${inline(value)}`);
}
