import type { IncomingMessage } from 'node:http';

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body exceeds ${limit} bytes.`);
  }
}

/**
 * Reads a request body, refusing it as soon as it passes `limit` bytes (announced
 * or streamed), so a huge document is never buffered, let alone parsed.
 */
export async function readBodyWithin(req: IncomingMessage, limit: number): Promise<Buffer> {
  const announced = Number(req.headers['content-length'] ?? 0);
  if (announced > limit) throw new BodyTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(chunk);
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
