/**
 * Text verify did not write itself (an issuer's error codes and descriptions, a Location header, values from
 * the outputs file) is printed escaped: it cannot break a line, hide behind terminal or bidi controls, or be
 * read by a CI runner as a workflow command. GitHub Actions runs `::command::` when a line starts with it
 * (after leading blanks), and its older `##[command]` form anywhere in a line.
 */
import { escapeUnsafe } from "../config/text-policy";

/** How much of one piece of server text is printed: enough for an OAuth error description, no more. */
export const SERVER_TEXT_MAX = 500;

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * `text` as one printable line: a backslash is doubled, a line feed, carriage return or tab is `\n`, `\r`,
 * `\t`, every other character the string policy calls unsafe (config/text-policy.ts: controls, invisible
 * format characters such as bidi overrides, line and paragraph separators, lone surrogates) is `\uXXXX`,
 * `##[` loses its meaning as `##\[`, and a leading `::` is written `\::`. Apply it once, when the text is
 * printed (after redaction).
 */
export function printable(text: string): string {
  const escaped = escapeUnsafe(text.replace(/\\/g, "\\\\").replace(/[\n\r\t]/g, (c) => NAMED[c]!)).replace(/##\[/g, "##\\[");
  return /^\s*::/.test(escaped) ? escaped.replace(/::/, "\\::") : escaped;
}

/**
 * A piece of text from a server, for a message: at most `max` characters (then `…`). It is escaped with the
 * rest of the message when printed (`printable`), after redaction.
 */
export function serverText(text: unknown, max = SERVER_TEXT_MAX): string {
  const s = typeof text === "string" ? text : String(text);
  const chars = [...s];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : s;
}
