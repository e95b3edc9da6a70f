/** Finding a corpus's articles: folders, JSONL files and stdin, and clear errors for bad lines. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { articles, countArticles, sniffStdin, type Article } from '../src/corpus/index.js';
import { NewsgraphError } from '../src/types.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(inputs: string[], stdin?: string | Buffer): Promise<Article[]> {
  const out: Article[] = [];
  const options = stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(stdin)]) };
  for await (const article of articles(inputs, options)) out.push(article);
  return out;
}

async function failure(inputs: string[], stdin?: string | Buffer): Promise<NewsgraphError> {
  try {
    await collect(inputs, stdin);
  } catch (error) {
    expect(error).toBeInstanceOf(NewsgraphError);
    return error as NewsgraphError;
  }
  throw new Error('expected the corpus to be refused');
}

const line = (record: object): string => JSON.stringify(record);

describe('articles()', () => {
  it('walks a folder in sorted order, reading text and JSONL files, skipping others', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'b.txt'), 'Jane Doe said the plan works.\n');
    writeFileSync(join(folder, 'a.txt'), 'The minister spoke in Ottawa.\n');
    writeFileSync(join(folder, 'sub', 'c.md'), 'A third story.\n');
    writeFileSync(join(folder, 'feed.jsonl'), `${line({ id: 'x1', title: 'T', text: 'Streamed story.', url: 'https://example.org/x1' })}\n`);
    writeFileSync(join(folder, 'notes.pdf'), 'not an article');
    writeFileSync(join(folder, '.hidden.txt'), 'hidden');
    const found = await collect([folder]);
    expect(found.map((a) => a.id)).toEqual(['a', 'b', 'x1', 'sub/c']);
    expect(found[2]).toEqual({ id: 'x1', title: 'T', text: 'Streamed story.', url: 'https://example.org/x1', source: `${join(folder, 'feed.jsonl')}:1` });
    expect(await countArticles([join(folder, 'sub')])).toBe(1);
    expect(await countArticles([folder])).toBeUndefined(); // a JSONL file: count unknown up front
  });

  it('reads a JSONL stream on stdin, skipping blank lines and CRLF endings', async () => {
    const stdin = `\n${line({ id: 'one', text: 'First.' })}\r\n\n${line({ id: 2, text: 'Second.', published: '2024-05-01' })}`;
    const found = await collect(['-'], stdin);
    expect(found).toEqual([
      { id: 'one', text: 'First.', source: '-:2' },
      { id: '2', text: 'Second.', published: '2024-05-01', source: '-:4' },
    ]);
  });

  it('reads plain text on stdin as one article', async () => {
    const found = await collect(['-'], 'Summarize this content to 100 words in 2 paragraphs\nThe story.\n');
    expect(found).toHaveLength(1);
    expect(found[0]!.text).toContain('The story.');
  });

  it('stops at the first bad line, naming it', async () => {
    const good = line({ id: 'a', text: 'Fine.' });
    const cases: Array<[string, RegExp]> = [
      [`${good}\n{"id": "b", "text": "unterminated\n`, /^-:2: not valid JSON/],
      [`${good}\n${good.replace('"a"', '"b"')}\n[1, 2]\n`, /^-:3: expected a JSON object/],
      [`${good}\n${line({ id: 'b' })}\n`, /^-:2: "text" is missing/],
      [`${good}\n${line({ id: 'b', text: '   ' })}\n`, /^-:2: "text" is empty/],
      [`${good}\n${line({ text: 'No id.' })}\n`, /^-:2: "id" is missing/],
      [`${good}\n${line({ id: 'b', text: 'x', title: 7 })}\n`, /^-:2: "title" is not a string/],
      [`${good}\n${good}\n`, /^-:2: article id "a" was already used by -:1/],
    ];
    for (const [stdin, message] of cases) {
      const error = await failure(['-'], stdin);
      expect(error.message).toMatch(message);
      expect(error.exitCode).toBe(1);
    }
  });

  it('refuses a line that is not UTF-8, with its number', async () => {
    const bytes = Buffer.concat([Buffer.from(`${line({ id: 'a', text: 'ok' })}\n{"id":"b","text":"`), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, bytes);
    expect((await failure([path])).message).toBe(`${path}:2: line is not valid UTF-8 text`);
  });

  it('refuses missing paths, empty folders and duplicate ids across inputs', async () => {
    expect((await failure([join(dir, 'nope.txt')])).message).toMatch(/nope\.txt: cannot read input/);
    mkdirSync(join(dir, 'empty'));
    expect((await failure([join(dir, 'empty')])).message).toMatch(/folder holds no articles/);
    const one = join(dir, 'x', 'story.txt');
    const two = join(dir, 'y', 'story.txt');
    mkdirSync(join(dir, 'x'));
    mkdirSync(join(dir, 'y'));
    writeFileSync(one, 'One.');
    writeFileSync(two, 'Two.');
    expect((await failure([one, two])).message).toBe(`${two}: article id "story" was already used by ${one}`);
    expect((await failure([])).exitCode).toBe(2);
  });
});

describe('sniffStdin()', () => {
  const chunks = (...parts: string[]) => Readable.from(parts.map((part) => Buffer.from(part)));
  const drain = async (stream: AsyncIterable<Uint8Array | string>) => {
    const out: Buffer[] = [];
    for await (const chunk of stream) out.push(Buffer.from(chunk));
    return Buffer.concat(out).toString('utf8');
  };

  it('tells graph JSON (pretty) and graph lines (one graph a line) from JSONL articles and plain text, losing no byte', async () => {
    const pretty = JSON.stringify({ attributes: {}, nodes: [], edges: [] }, null, 2);
    const compact = JSON.stringify({ options: {}, nodes: [{ key: 'a' }], edges: [] });
    const jsonl = `\n${line({ id: '1', text: 'One story.' })}\n${line({ id: '2', text: 'Two.' })}\n`;
    const prose = 'Jane Doe said the plan works.\nShe left.';
    // Split inside the first line, so the first line spans chunks.
    for (const [input, kind] of [[pretty, 'graph'], [compact, 'graph-lines'], [`${compact}\n${compact}\n`, 'graph-lines'], [jsonl, 'articles'], [prose, 'articles']] as const) {
      const content = await sniffStdin(chunks(input.slice(0, 5), input.slice(5)));
      expect(content.kind).toBe(kind);
      const text = content.kind === 'graph' ? Buffer.from(content.bytes).toString('utf8') : await drain(content.stream);
      expect(text).toBe(input);
    }
  });

  it('hands a JSONL stream back for articles() to read', async () => {
    const content = await sniffStdin(chunks(`${line({ id: 'n1', text: 'A story.', nodes: [] })}\n`, `${line({ id: 'n2', text: 'B.' })}\n`));
    expect(content.kind).toBe('articles');
    if (content.kind !== 'articles') return;
    const ids: string[] = [];
    for await (const article of articles(['-'], { stdin: content.stream })) ids.push(article.id!);
    expect(ids).toEqual(['n1', 'n2']);
  });
});
