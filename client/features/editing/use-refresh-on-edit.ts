import { useEffect, useRef, type Dispatch } from 'react';
import { composeGraph } from '../graph/compose';
import { entryKey } from '../graph/entries';
import { loadEntry } from '../graph/load-entry';
import type { Slice } from '../graph/types';
import type { Action, AtlasState } from '../../state/types';
import { lastEditNotice, useEditRevision } from './revision';

/** A slice with a renamed node's new label (the canvas shows it before the slice comes back). */
export function relabelSlice(slice: Slice, id: string, name: string): Slice | null {
  if (!slice.nodes.some((node) => node.id === id && node.label !== name)) return null;
  return { ...slice, nodes: slice.nodes.map((node) => (node.id === id ? { ...node, label: name } : node)) };
}

/**
 * After an edit, the explorer's slices are fetched again in the background and
 * replaced where they stand (positions kept: the canvas diffs by id); a rename
 * relabels the node at once.
 */
export function useRefreshSlicesOnEdit(state: AtlasState, dispatch: Dispatch<Action>) {
  const revision = useEditRevision();
  const seen = useRef(revision);
  const graph = useRef(state.graph);
  graph.current = state.graph;

  useEffect(() => {
    if (revision === seen.current) return;
    seen.current = revision;
    const current = graph.current;
    const { renamed } = lastEditNotice();
    const ready = current.entries.flatMap((entry) => {
      const slice = current.slices[entryKey(entry)];
      return slice?.type === 'ready' ? [{ entry, key: entryKey(entry), slice: slice.value }] : [];
    });
    if (renamed) {
      for (const { key, slice } of ready) {
        const relabelled = relabelSlice(slice, renamed.id, renamed.name);
        if (relabelled) dispatch({ type: 'sliceLoaded', key, slice: relabelled });
      }
    }
    const controller = new AbortController();
    const onScreen = [
      ...composeGraph({
        ...current,
        entries: current.entries.filter((e) => e.type !== 'links'),
      }).nodes.keys(),
    ];
    for (const { entry, key } of ready) {
      loadEntry(entry, entry.type === 'links' ? onScreen : [], controller.signal).then(
        (slice) => {
          if (!controller.signal.aborted) dispatch({ type: 'sliceLoaded', key, slice });
        },
        // The slice on screen stays: it is only one edit behind.
        () => undefined,
      );
    }
    return () => controller.abort();
  }, [revision, dispatch]);
}
