/**
 * CSV text as Sheets' File > Import reads it (RFC 4180: quoted fields, doubled quotes, line breaks inside
 * quotes, CRLF or LF), with the separator detected from the first line as Sheets' "Detect automatically"
 * does for commas, semicolons (common in German and French exports) and tabs. Rows are padded to one width.
 */

const SEPARATORS = [',', ';', '\t'] as const;

/** The separator that splits the header line into the most fields, outside quotes. */
export function detectSeparator(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let best: string = ',';
  let most = 0;
  for (const separator of SEPARATORS) {
    let count = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === separator && !quoted) count += 1;
    }
    if (count > most) {
      most = count;
      best = separator;
    }
  }
  return best;
}

export function parseCsv(input: string, separator = detectSeparator(input)): string[][] {
  const text = input.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new Error('The CSV ends inside a quoted field: check its quotes');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...new Array(width - r.length).fill('')]);
}
