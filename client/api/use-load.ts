import { useEffect, useRef, useState, type DependencyList } from 'react';
import { IDLE, LOADING, startLoad, type Loadable } from './loadable';

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
    setState(LOADING);
    return startLoad(run, setState, delay);
    // `deps` stand for what `load` reads; the latest `load` is the one run.
  }, [enabled, delay, ...deps]);

  return state;
}
