import { ApiError, ERROR_MESSAGES, errorCodeOf, type ApiErrorCode } from './graphql-client';

/**
 * The one shape of anything fetched (gephi-lite `core/<domain>`): nothing asked
 * yet, on its way, there, or failed with a code from the closed set.
 */
export type Loadable<T> =
  | { type: 'idle' }
  | { type: 'loading' }
  | { type: 'ready'; value: T }
  | { type: 'error'; code: ApiErrorCode; argument?: string };

export type Failure = Extract<Loadable<never>, { type: 'error' }>;

export const IDLE: Loadable<never> = { type: 'idle' };
export const LOADING: Loadable<never> = { type: 'loading' };

/** The failure a thrown error stands for; the argument a BAD_USER_INPUT names is kept. */
export function toFailure(error: unknown): Failure {
  const code = errorCodeOf(error);
  const argument = error instanceof ApiError ? error.extensions.argument : undefined;
  return typeof argument === 'string' ? { type: 'error', code, argument } : { type: 'error', code };
}

/** The French message for a failure, with the argument at fault when the server named it. */
export const failureMessage = (failure: Failure): string =>
  ERROR_MESSAGES[failure.code] + (failure.argument ? ` (argument : ${failure.argument})` : '');

export const valueOf = <T>(loadable: Loadable<T>): T | null =>
  loadable.type === 'ready' ? loadable.value : null;

/**
 * Runs `load` after `delay` ms and reports what it gives; the returned function
 * aborts it (through the signal), after which nothing more is reported.
 */
export function startLoad<T>(
  load: (signal: AbortSignal) => Promise<T>,
  report: (state: Loadable<T>) => void,
  delay = 0,
): () => void {
  const controller = new AbortController();
  const run = () =>
    load(controller.signal).then(
      (value) => controller.signal.aborted || report({ type: 'ready', value }),
      (error: unknown) => controller.signal.aborted || report(toFailure(error)),
    );
  const timer = delay > 0 ? setTimeout(run, delay) : undefined;
  if (timer === undefined) void run();
  return () => {
    clearTimeout(timer);
    controller.abort();
  };
}
