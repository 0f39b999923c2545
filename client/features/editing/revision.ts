import { useSyncExternalStore } from 'react';

// Bumped by every successful edit: views that show edited data reload on it.
let revision = 0;
const listeners = new Set<() => void>();

export function bumpEditRevision() {
  revision += 1;
  for (const listener of listeners) listener();
}

export const useEditRevision = (): number =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => revision,
  );
