import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';

/** One record of a file, with where it starts (1-based line) and its 0-based index. */
export interface SourceRecord {
  index: number;
  line: number;
  values: Record<string, unknown>;
}

export class FileFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export type TabularFormat = 'json' | 'csv';

/** By extension first, else by the first non-blank character (`[` is JSON). */
export function guessFormat(file: string, firstChar: string | undefined): TabularFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  if (firstChar === '[') return 'json';
  return undefined;
}

/**
 * Splits a top-level JSON array into its elements as they stream by, keeping
 * track of lines, so that a file of any size is read in constant memory and
 * every element is located. Each element is parsed on its own.
 */
export async function* readJsonArray(chunks: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let started = false;
  let ended = false;
  let index = 0;
  let element: string[] = [];
  let elementLine = 0;
  let pending = '';
  const startElement = () => {
    elementLine = line;
    element = [];
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (c === '\n') line++;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') inString = false;
        continue;
      }
      if (!started) {
        if (c === '[') {
          started = true;
          from = i + 1;
        } else if (!/\s/.test(c)) {
          throw new FileFormatError(line, 'not a JSON array (data·inclusion exports are arrays of records)');
        }
        continue;
      }
      if (ended) {
        if (!/\s/.test(c)) throw new FileFormatError(line, 'text after the end of the JSON array');
        continue;
      }
      if (depth === 0) {
        if (/\s/.test(c) || c === ',') continue;
        if (c === ']') {
          ended = true;
          continue;
        }
        if (c !== '{') throw new FileFormatError(line, `record ${index} is not an object`);
        startElement();
        from = i;
        depth = 1;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) {
          element.push(chunk.slice(from, i + 1));
          const text = pending + element.join('');
          pending = '';
          let values: Record<string, unknown>;
          try {
            values = JSON.parse(text) as Record<string, unknown>;
          } catch (error) {
            throw new FileFormatError(elementLine, `record ${index}: ${(error as Error).message}`);
          }
          yield { index: index++, line: elementLine, values };
          element = [];
        }
      }
    }
    if (depth > 0) {
      pending += chunk.slice(from);
    }
  }
  if (!started) throw new FileFormatError(line, 'empty file: not a JSON array');
  if (!ended) throw new FileFormatError(line, 'the JSON array is not closed (truncated file?)');
}

/** CSV with a header line; cells are strings, typed later against the schema. */
export async function* readCsv(chunks: AsyncIterable<string>): AsyncGenerator<SourceRecord> {
  const source = Readable.from(chunks, { objectMode: false });
  const parser = parseCsv({
    columns: (header: string[]) => header.map((name) => name.trim().replace(/^\uFEFF/, '')),
    info: true,
    bom: true,
    skip_empty_lines: true,
    relax_column_count: false,
  });
  source.pipe(parser);
  let index = 0;
  try {
    for await (const row of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield { index: index++, line: row.info.lines, values: row.record };
    }
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new FileFormatError(line, `not a readable CSV: ${(error as Error).message}`);
  } finally {
    // A reader that stops early (format detection) leaves the rest unread.
    source.destroy();
    parser.destroy();
  }
}

/** A file's text in chunks, hashed on the way (the hash is the import's fingerprint). */
export function hashedTextChunks(file: string): { chunks: AsyncIterable<string>; sha256: () => string } {
  const hash = createHash('sha256');
  const stream = createReadStream(file);
  const decoder = new TextDecoder('utf-8');
  async function* chunks(): AsyncGenerator<string> {
    for await (const buffer of stream as AsyncIterable<Buffer>) {
      hash.update(buffer);
      yield decoder.decode(buffer, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  }
  return { chunks: chunks(), sha256: () => hash.digest('hex') };
}

/** SHA-256 of a whole file, streamed. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const buffer of createReadStream(file) as AsyncIterable<Buffer>) hash.update(buffer);
  return hash.digest('hex');
}
