import { describe, expect, it } from 'vitest';
import { createAvailabilityGate } from './availability.js';
import { GraphError } from './errors.js';

const never = () => new Promise<never>(() => {});

describe('availability gate', () => {
  it('lets queries through without probing while the database is believed up', async () => {
    let probes = 0;
    const gate = createAvailabilityGate(async () => (probes += 1));
    await gate.check();
    await gate.check();
    expect(probes).toBe(0);
  });

  it('after an outage, waiting callers share one probe, and a success reopens the gate', async () => {
    let probes = 0;
    const gate = createAvailabilityGate(async () => {
      probes += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    gate.markUnavailable();
    await Promise.all([gate.check(), gate.check(), gate.check()]);
    expect(probes).toBe(1);
    await gate.check();
    expect(probes).toBe(1);
  });

  it('a probe that hangs (database still starting) fails callers with DATABASE_UNAVAILABLE in time', async () => {
    const gate = createAvailabilityGate(never, 50);
    gate.markUnavailable();
    const started = performance.now();
    const error = await gate.check().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).code).toBe('DATABASE_UNAVAILABLE');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('a failing probe keeps the gate shut, and the next check probes again', async () => {
    let probes = 0;
    const gate = createAvailabilityGate(async () => {
      probes += 1;
      if (probes === 1) throw new GraphError('DATABASE_UNAVAILABLE', 'down');
    });
    gate.markUnavailable();
    await expect(gate.check()).rejects.toThrow('down');
    await gate.check();
    expect(probes).toBe(2);
  });
});
