import { useSyncExternalStore } from 'react';

/** What an edit changed that views can show before they reload: a node's new name. */
export interface EditNotice {
  renamed?: { id: string; name: string };
}

// Bumped by every successful edit: views that show edited data reload on it.
let revision = 0;
let lastEdit: EditNotice = {};
const listeners = new Set<() => void>();

export function bumpEditRevision(edit: EditNotice = {}) {
  revision += 1;
  lastEdit = edit;
  for (const listener of listeners) listener();
}

/** The last edit's notice (read when the revision moves). */
export const lastEditNotice = (): EditNotice => lastEdit;

export const useEditRevision = (): number =>
  useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => revision,
  );
