import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb } from '../../graph/driver.js';
import '../helpers/test-env.js';

const db = createDb(inject('neo4j'));
afterAll(() => db.close());

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timeRead(params: Record<string, unknown>, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await db.read('RETURN size($text) AS n', params);
    times.push(performance.now() - started);
  }
  return times;
}

/**
 * Without TCP_NODELAY, a Bolt message longer than one TCP segment (~1.4 KB)
 * waits ~40 ms for the server's delayed ACK. Small and large messages, timed
 * alternately in the same run, must cost about the same.
 */
describe('the driver does not wait on delayed ACKs', () => {
  it('a 16 KB message costs about what a 10-byte one costs', async () => {
    const small: number[] = [];
    const large: number[] = [];
    await timeRead({ text: 'warm' }, 3);
    for (let round = 0; round < 15; round += 1) {
      small.push(...(await timeRead({ text: 'x'.repeat(10) }, 1)));
      large.push(...(await timeRead({ text: 'x'.repeat(16_384) }, 1)));
    }
    // A stall would add ≥ 40 ms to every large message.
    expect(median(large) - median(small)).toBeLessThan(20);
  });
});
