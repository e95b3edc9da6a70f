/** `newsgraph mentions FILE…`: plain NER, one JSON line per entity mention. */
import type { Command } from 'commander';
import { NewsgraphError } from '../../types.js';

export function register(program: Command): void {
  program
    .command('mentions')
    .description('Print every entity mention as a JSON line: {start, end, text, kind} (offsets into the input).')
    .argument('<inputs...>', 'article files, folders, JSONL, or - for stdin')
    .action(async (inputs: string[]) => {
      const [{ articles }, { mentions }, { MAX_ARTICLE_CHARS }] = await Promise.all([
        import('../../corpus/inputs.js'),
        import('../../recognize/index.js'),
        import('../../extract.js'),
      ]);
      for await (const article of articles(inputs)) {
        // The limit every other command applies (extract's): beyond it the text is not an article.
        if (article.text.length > MAX_ARTICLE_CHARS) {
          throw new NewsgraphError(`${article.source}: input has ${article.text.length} characters, more than the ${MAX_ARTICLE_CHARS} one article may have`);
        }
        // Name the document when lines of several articles interleave (many inputs, a folder, JSONL).
        const many = inputs.length > 1 || article.source !== inputs[0];
        const lines = mentions(article.text).map((m) =>
          JSON.stringify({ ...(many ? { doc: article.id } : {}), start: m.start, end: m.end, text: m.text, kind: m.kind }),
        );
        if (lines.length > 0) process.stdout.write(lines.join('\n') + '\n');
      }
    });
}
