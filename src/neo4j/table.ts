/** Query results as a plain-text table for the terminal. */

/** Widest a cell may be before it is cut with `…` (quotes can be long). */
export const MAX_CELL_WIDTH = 100;

/** One cell: names for nodes, `[:TYPE]` for relationships, lists joined by commas, null as blank. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(formatCell).join(', ');
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.labels) && isRecord(object.properties)) {
      const name = object.properties.name ?? object.properties.text ?? object.properties.key;
      return `(${(object.labels as string[]).join(':')} ${formatCell(name)})`;
    }
    if (typeof object.type === 'string' && isRecord(object.properties)) return `[:${object.type}]`;
    if ('start' in object && Array.isArray(object.segments)) {
      return [formatCell(object.start), ...object.segments.map((s) => `${formatCell(s.relationship)}-${formatCell(s.end)}`)].join('-');
    }
    return JSON.stringify(value);
  }
  return String(value).replace(/\s+/g, ' ');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : text.slice(0, width - 1) + '…';
}

/**
 * A table with a header row and a rule, columns padded to their widest cell,
 * and a final `(N rows)` line.
 */
export function formatTable(columns: string[], rows: unknown[][], maxWidth = MAX_CELL_WIDTH): string {
  const cells = rows.map((row) => columns.map((_, i) => clip(formatCell(row[i]), maxWidth)));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((row) => row[i]!.length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i]!)).join(' │ ').trimEnd();
  const out = [line(columns), widths.map((width) => '─'.repeat(width)).join('─┼─')];
  for (const row of cells) out.push(line(row));
  out.push(`(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})`);
  return out.join('\n') + '\n';
}
