import { useEffect, useRef, useState, type DependencyList } from 'react';
import { IDLE, LOADING, toFailure, type Loadable } from './loadable';

export interface LoadOptions {
  /** Waits this long (ms) before fetching, so that quick successive changes fetch once. */
  delay?: number;
}

/**
 * The one way a component fetches: `load` runs when `deps` change (or never,
 * when it is null), and the previous run is aborted through its signal, so a
 * superseded answer never lands.
 */
export function useLoad<T>(
  load: ((signal: AbortSignal) => Promise<T>) | null,
  deps: DependencyList,
  options: LoadOptions = {},
): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>(load ? LOADING : IDLE);
  const latest = useRef(load);
  latest.current = load;
  const enabled = load !== null;
  const delay = options.delay ?? 0;

  useEffect(() => {
    const run = latest.current;
    if (!run) {
      setState(IDLE);
      return;
    }
    const controller = new AbortController();
    setState(LOADING);
    const start = () =>
      run(controller.signal).then(
        (value) => controller.signal.aborted || setState({ type: 'ready', value }),
        (error: unknown) => controller.signal.aborted || setState(toFailure(error)),
      );
    const timer = delay > 0 ? window.setTimeout(start, delay) : undefined;
    if (timer === undefined) void start();
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
    // `deps` stand for what `load` reads; the latest `load` is the one run.
  }, [enabled, delay, ...deps]);

  return state;
}
