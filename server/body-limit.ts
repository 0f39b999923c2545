import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body exceeds ${limit} bytes.`);
  }
}

/**
 * Reads a request body, refusing it as soon as it passes `limit` bytes (announced
 * or streamed), so a huge document is never buffered, let alone parsed. `raise`,
 * asked once with the head read so far when the body passes `limit`, may answer
 * a larger limit for this request (an authorised upload).
 */
export async function readBodyWithin(
  req: IncomingMessage,
  limit: number,
  raise?: (head: Buffer) => Promise<number>,
): Promise<Buffer> {
  let max = limit;
  let asked = raise === undefined;
  const announced = Number(req.headers['content-length'] ?? 0);
  if (announced > max && asked) throw new BodyTooLargeError(max);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    chunks.push(chunk);
    if (size > max && !asked) {
      asked = true;
      max = Math.max(max, await raise!(Buffer.concat(chunks)));
      if (announced > max) throw new BodyTooLargeError(max);
    }
    if (size > max) throw new BodyTooLargeError(max);
  }
  return Buffer.concat(chunks);
}

/** How long a refused upload may keep streaming before its connection is cut. */
const DISCARD_WINDOW_MS = 5_000;

/**
 * Lets the rest of a refused body stream in unread (bytes are dropped, never
 * parsed), so that the client is able to read the refusal; cuts it after a while.
 */
export function discardBody(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.readableEnded) return resolve();
    const cut = setTimeout(() => {
      req.destroy();
      resolve();
    }, DISCARD_WINDOW_MS);
    req.once('end', () => {
      clearTimeout(cut);
      resolve();
    });
    req.resume();
  });
}
