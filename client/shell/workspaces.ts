import { lazy, type ComponentType } from 'react';
import type { Workspace } from '../state/types';
import { ExplorerWorkspace } from '../workspaces/explorer/ExplorerWorkspace';

/**
 * The workspaces the header offers, in order. Each is one component that reads
 * the store itself; the coming "Analyse" and "Journal" workspaces add a line here
 * (and their id to `Workspace`).
 */
export const WORKSPACES: {
  id: Workspace;
  label: string;
  component: ComponentType;
  /** Offered to editors and admins only (the server refuses the others anyway). */
  editorsOnly?: boolean;
}[] = [
  {
    id: 'explorer',
    label: 'Explorateur',
    // In the main chunk: the page opens on it (its canvas is a chunk of its own).
    component: ExplorerWorkspace,
  },
  {
    id: 'coverage',
    label: 'Couverture',
    // Used now and then: loaded on first use.
    component: lazy(() =>
      import('../workspaces/coverage-gaps/CoverageWorkspace').then((module) => ({
        default: module.CoverageWorkspace,
      })),
    ),
  },
  {
    id: 'analysis',
    label: 'Analyse',
    component: lazy(() =>
      import('../workspaces/analysis/AnalysisWorkspace').then((module) => ({
        default: module.AnalysisWorkspace,
      })),
    ),
  },
  {
    id: 'journal',
    label: 'Journal',
    component: lazy(() =>
      import('../workspaces/journal/JournalWorkspace').then((module) => ({
        default: module.JournalWorkspace,
      })),
    ),
  },
  {
    id: 'import',
    label: 'Importer',
    editorsOnly: true,
    component: lazy(() =>
      import('../features/import/ImportWorkspace').then((module) => ({
        default: module.ImportWorkspace,
      })),
    ),
  },
];
