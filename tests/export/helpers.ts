/** Small RFC 4180 and RFC 5545 readers for round-trip tests (no package needed). */

/** Parses RFC 4180 CSV (CRLF records, quoted fields with doubled quotes). Throws on malformed input. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (char === '"') {
        quoted = false;
        i++;
        if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`text after closing quote at ${i}`);
      } else {
        field += char;
        i++;
      }
    } else if (char === '"') {
      if (field !== '') throw new Error(`quote inside unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (char === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (char === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (char === '\n') {
      throw new Error(`bare LF at ${i}`);
    } else {
      field += char;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || row.length) throw new Error('last record not terminated by CRLF');
  return rows;
}

export interface IcsProperty {
  readonly name: string;
  readonly params: Record<string, string>;
  readonly value: string;
}

/** Unfolds RFC 5545 content lines (CRLF + space/tab continuation). */
export function unfold(text: string): string[] {
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) throw new Error('line ends must be CRLF');
  if (!text.endsWith('\r\n')) throw new Error('must end with CRLF');
  return text.slice(0, -2).replace(/\r\n[ \t]/g, '').split('\r\n');
}

export function parseProperty(line: string): IcsProperty {
  const colon = line.indexOf(':');
  const head = line.slice(0, colon).split(';');
  const params: Record<string, string> = {};
  for (const param of head.slice(1)) {
    const [key, value] = param.split('=');
    params[key!] = value!;
  }
  return { name: head[0]!, params, value: line.slice(colon + 1) };
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** VEVENTs as maps of property name → property. */
export function parseEvents(text: string): Map<string, IcsProperty>[] {
  const lines = unfold(text);
  const events: Map<string, IcsProperty>[] = [];
  let current: Map<string, IcsProperty> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else if (current) {
      const property = parseProperty(line);
      current.set(property.name, property);
    }
  }
  return events;
}
