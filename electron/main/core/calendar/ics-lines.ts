// Runs in Node (main and preview). The lowest layer of reading an ICS file (RFC 5545 §3.1): turn raw text into
// unfolded content lines ("NAME;PARAM=VALUE:value"), whatever the line endings (CRLF from Outlook, LF, old-Mac CR),
// and split one line into name, parameters and value. Written by hand rather than with node-ical because the
// calendar must survive broken files: this layer never throws, it only tells which lines are not calendar data.

export interface ContentLine {
  /** The unfolded line, without its line break. */
  text: string;
  /** 1-based number of the physical line it starts on (for messages such as "line 120"). */
  line: number;
}

export interface Property {
  /** Upper-cased property name (DTSTART, X-GOOGLE-CONFERENCE…). */
  name: string;
  /** Upper-cased parameter names to their values, quotes removed (TZID, VALUE, CN…). */
  params: Record<string, string>;
  value: string;
}

/** The text with a byte-order mark removed and old-Mac CR-only line breaks turned into LF. */
export function normalizeText(text: string): string {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.includes('\n') || !body.includes('\r') ? body : body.replaceAll('\r', '\n');
}

/** Unfolded content lines: a physical line starting with a space or tab continues the line before it. */
export function* contentLines(text: string): Generator<ContentLine> {
  let current: string | null = null;
  let currentLine = 0;
  let lineNo = 0;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    let raw = text.slice(pos, end);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    lineNo += 1;
    pos = end + 1;
    const first = raw.charCodeAt(0);
    if (current !== null && (first === 0x20 || first === 0x09)) {
      current += raw.slice(1);
      continue;
    }
    if (current !== null) yield { text: current, line: currentLine };
    current = raw;
    currentLine = lineNo;
  }
  if (current !== null) yield { text: current, line: currentLine };
}

const isNameChar = (c: number) =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f;

/** Index just past the property name at the start of a line (0 when there is none). */
function nameEnd(line: string): number {
  let i = 0;
  while (i < line.length && isNameChar(line.charCodeAt(i))) i += 1;
  return i;
}

/** The upper-cased property name of a content line ("NAME;…:…" / "NAME:…"), or null when it is not one. Cheaper
 * than `parseProperty`, for the many lines whose name is all that matters. */
export function propertyName(line: string): string | null {
  const end = nameEnd(line);
  return end > 0 && (line[end] === ':' || line[end] === ';') ? line.slice(0, end).toUpperCase() : null;
}

/** Splits "NAME;P1=a;P2="b:c":value"; null when the line is not a content line at all. */
export function parseProperty(line: string): Property | null {
  let i = nameEnd(line);
  if (i === 0) return null;
  const name = line.slice(0, i).toUpperCase();
  const params: Record<string, string> = {};
  while (line[i] === ';') {
    const eq = line.indexOf('=', i + 1);
    if (eq === -1) return null;
    const paramName = line.slice(i + 1, eq).toUpperCase();
    // A parameter value runs to the next ';' or ':' outside double quotes (TZID="(UTC+01:00) Amsterdam, …").
    let j = eq + 1;
    let quoted = false;
    while (j < line.length && (quoted || (line[j] !== ';' && line[j] !== ':'))) {
      if (line[j] === '"') quoted = !quoted;
      j += 1;
    }
    if (quoted) return null;
    params[paramName] = line.slice(eq + 1, j).replace(/^"(.*)"$/, '$1');
    i = j;
  }
  if (line[i] !== ':') return null;
  return { name, params, value: line.slice(i + 1) };
}
