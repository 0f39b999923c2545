import { Agent, request } from 'node:http';

/**
 * The bench's one GraphQL client: a POST over node:http on kept-alive connections.
 * Not fetch: undici's fetch spent 0.4–0.7 ms of the bench process's CPU a request
 * (streams, Headers, Response) on this machine, and that time counted in every
 * latency and GraphQL / driver ratio as if it were the server's.
 */
const agent = new Agent({ keepAlive: true });

export interface GraphQLAnswer<T = unknown> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  /** Bytes of the answer as sent (uncompressed: the client asks for no encoding). */
  bytes: number;
}

function send(
  url: URL,
  body: string,
  headers: Record<string, string>,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    sent.on('error', (error: NodeJS.ErrnoException) => {
      // The server may close an idle kept-alive connection as this request reuses it
      // (Node's documented race): such a request never reached it, so it is sent again.
      if (sent.reusedSocket && error.code === 'ECONNRESET') send(url, body, headers).then(resolve, reject);
      else reject(error);
    });
    sent.end(body);
  });
}

/** The answer of one operation at `${appUrl}/graphql`, errors included. */
export async function postGraphQL<T = unknown>(
  appUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLAnswer<T>> {
  const { status, text } = await send(
    new URL('/graphql', appUrl),
    JSON.stringify({ query, variables }),
    headers,
  );
  const answer = JSON.parse(text) as Omit<GraphQLAnswer<T>, 'status' | 'bytes'>;
  return { ...answer, status, bytes: Buffer.byteLength(text) };
}

/** As postGraphQL, for an operation that must succeed: an answer with errors throws them. */
export async function queryGraphQL<T = unknown>(
  ...request: Parameters<typeof postGraphQL>
): Promise<GraphQLAnswer<T> & { data: T }> {
  const answer = await postGraphQL<T>(...request);
  if (answer.errors) throw new Error(JSON.stringify(answer.errors).slice(0, 500));
  return answer as GraphQLAnswer<T> & { data: T };
}
