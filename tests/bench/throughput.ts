import autocannon from 'autocannon';

/** Requests per second that a GraphQL endpoint serves for one document (autocannon, POST). */
export async function measureThroughput(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  { seconds = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 30), connections = 10 } = {},
): Promise<{ requestsPerSecond: number; errors: number }> {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    duration: seconds,
    connections,
  });
  return {
    requestsPerSecond: result.requests.average,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}
