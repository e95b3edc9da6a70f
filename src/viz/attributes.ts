/**
 * Attribute values for the XML exports. GEXF and GraphML hold scalars (GEXF
 * 1.3 also lists); anything else (objects, lists that would not survive the
 * list syntax) is written as JSON under the name `<attribute>_json`, which
 * the readers here decode back. Display-only fields (label, colour, size,
 * position) are added for Gephi and dropped on the way back.
 */
export type XmlValue = string | number | boolean | string[];

export const JSON_SUFFIX = '_json';

/** List items GEXF 1.3's list syntax carries unchanged: no commas, backslashes, control characters or edge spaces. */
function isPlainListItem(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && !/[,\\\u0000-\u001f]|^\s|\s$/.test(value);
}

/**
 * `gexf`: use GEXF 1.3 lists where they are lossless, and protect empty
 * strings, which graphology-gexf's writer skips as missing values.
 */
export function encodeAttributes(attrs: object, gexf: boolean): Record<string, XmlValue> {
  const out: Record<string, XmlValue> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null) continue;
    if (gexf && value === '') {
      out[name + JSON_SUFFIX] = '""';
    } else if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
      out[name] = value;
    } else if (gexf && Array.isArray(value) && value.length > 0 && value.every(isPlainListItem)) {
      out[name] = value;
    } else {
      out[name + JSON_SUFFIX] = JSON.stringify(value);
    }
  }
  return out;
}

export function decodeAttributes(attrs: Record<string, unknown>, displayOnly: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (displayOnly.has(name)) continue;
    if (name.endsWith(JSON_SUFFIX) && typeof value === 'string') {
      out[name.slice(0, -JSON_SUFFIX.length)] = JSON.parse(value) as unknown;
    } else {
      out[name] = value;
    }
  }
  return out;
}
