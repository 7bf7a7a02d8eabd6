/**
 * How a user's value is quoted inside a message: JSON (so control characters are escaped) and cut short (so a
 * 1 MB string does not flood a terminal). Never call this on a credential.
 */
export function show(value: unknown, max = 80): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  return `${typeof value} ${show(value)}`;
}
