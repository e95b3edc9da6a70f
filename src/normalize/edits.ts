/**
 * Offset-preserving text edits. Normalization never rewrites a string in
 * place: it lists edits against the original, and applying them yields the new
 * text together with, for every character, the original offset it came from.
 */
export interface Edit {
  start: number;
  end: number;
  /** Replacement text; '' deletes, and start === end inserts. */
  text: string;
}

export interface Mapped {
  text: string;
  /** offsets[i] = original offset of text[i]; one extra entry maps the end. */
  offsets: number[];
}

/** Apply non-overlapping edits (any order) to `source`, whose own characters map through `base`. */
export function applyEdits(source: string, edits: Edit[], base?: number[]): Mapped {
  const at = (i: number) => (base ? (base[i] ?? base[base.length - 1] ?? i) : i);
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let text = '';
  const offsets: number[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue; // overlapping edit: the earlier one wins
    for (let i = cursor; i < edit.start; i++) {
      text += source[i];
      offsets.push(at(i));
    }
    for (let k = 0; k < edit.text.length; k++) {
      text += edit.text[k];
      offsets.push(at(edit.start)); // inserted/replaced chars point at the span they replace
    }
    cursor = edit.end;
  }
  for (let i = cursor; i < source.length; i++) {
    text += source[i];
    offsets.push(at(i));
  }
  offsets.push(at(source.length));
  return { text, offsets };
}

/** Collect an edit for every match of a global regex. */
export function editsFor(source: string, pattern: RegExp, replace: (match: RegExpExecArray) => Edit | undefined): Edit[] {
  const edits: Edit[] = [];
  for (const match of source.matchAll(pattern)) {
    const edit = replace(match as RegExpExecArray);
    if (edit) edits.push(edit);
  }
  return edits;
}
