import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './graphql-client';
import { failureMessage, startLoad, toFailure, type Loadable } from './loadable';

/** A load that resolves when told, and records whether its signal was aborted. */
function controllable<T>() {
  let resolve: (value: T) => void = () => {};
  const signals: AbortSignal[] = [];
  const load = (signal: AbortSignal) => {
    signals.push(signal);
    return new Promise<T>((done) => (resolve = done));
  };
  return { load, signals, resolve: (value: T) => resolve(value) };
}

const flush = () => new Promise((done) => setTimeout(done, 0));

describe('startLoad', () => {
  afterEach(() => vi.useRealTimers());

  it('reports the value', async () => {
    const states: Loadable<number>[] = [];
    const { load, resolve } = controllable<number>();
    startLoad(load, (state) => states.push(state));
    resolve(42);
    await flush();
    expect(states).toEqual([{ type: 'ready', value: 42 }]);
  });

  it('aborts through the signal, and a superseded answer never lands', async () => {
    const states: Loadable<string>[] = [];
    const first = controllable<string>();
    const cancel = startLoad(first.load, (state) => states.push(state));
    cancel();
    expect(first.signals[0]?.aborted).toBe(true);
    first.resolve('stale');
    await flush();
    expect(states).toEqual([]);
  });

  it('waits for the delay, and a cancel before it fetches nothing', () => {
    vi.useFakeTimers();
    const { load, signals } = controllable<string>();
    const cancel = startLoad(load, () => {}, 200);
    vi.advanceTimersByTime(150);
    cancel();
    vi.advanceTimersByTime(500);
    expect(signals).toHaveLength(0);
    startLoad(load, () => {}, 200);
    vi.advanceTimersByTime(200);
    expect(signals).toHaveLength(1);
  });

  it('reports a failure by its code, with the argument at fault', async () => {
    const states: Loadable<never>[] = [];
    const error = new ApiError('BAD_USER_INPUT', 'bad', { argument: 'within' });
    startLoad(
      () => Promise.reject(error),
      (state) => states.push(state),
    );
    await flush();
    expect(states).toEqual([{ type: 'error', code: 'BAD_USER_INPUT', argument: 'within' }]);
    expect(failureMessage(toFailure(error))).toBe('La demande est invalide. (argument : within)');
    expect(toFailure(new Error('boom'))).toEqual({ type: 'error', code: 'INTERNAL_SERVER_ERROR' });
  });
});
