import type { RefObject } from 'react';

/** Where each skip link goes, by workspace: the first match that is on the page. */
export const SKIP_TARGETS = {
  canvas: ['.graph-canvas', '.coverage-side svg[role="group"]'],
  results: ['.table-view table', '.coverage-table table'],
  details: ['.details-panel', '.coverage-details'],
} as const;
export type SkipTarget = keyof typeof SKIP_TARGETS;

/** Focuses the first element found for a target, making it focusable when it is not. */
export function focusTarget(target: SkipTarget): boolean {
  for (const selector of SKIP_TARGETS[target]) {
    const element = document.querySelector<HTMLElement>(selector);
    if (!element) continue;
    if (!element.hasAttribute('tabindex') && element.tabIndex < 0) element.setAttribute('tabindex', '-1');
    element.focus();
    element.scrollIntoView?.({ block: 'nearest' });
    return true;
  }
  return false;
}

export interface SkipLinksProps {
  searchInput: RefObject<HTMLInputElement | null>;
  /** Shows what a target needs first (the table, the details drawer); resolves once it is drawn. */
  onReveal: (target: SkipTarget) => Promise<void>;
  /** Which targets the current workspace has. */
  available: Record<SkipTarget, boolean>;
}

const LABELS: Record<SkipTarget, string> = {
  canvas: 'Aller au graphe ou à la carte',
  // The canvas has no keyboard moves of its own: the table is its equivalent, and says so.
  results: 'Aller aux résultats, en liste (équivalent accessible du graphe et de la carte)',
  details: 'Aller aux détails',
};

/** The first stops of Tab: straight to the search, the canvas, the results or the details. */
export function SkipLinks({ searchInput, onReveal, available }: SkipLinksProps) {
  return (
    <nav className="skip-links" aria-label="Accès rapide">
      <button type="button" onClick={() => searchInput.current?.focus()}>
        Aller à la recherche
      </button>
      {(Object.keys(LABELS) as SkipTarget[])
        .filter((target) => available[target])
        .map((target) => (
          <button
            key={target}
            type="button"
            onClick={() => {
              void onReveal(target).then(() => focusTarget(target));
            }}
          >
            {LABELS[target]}
          </button>
        ))}
    </nav>
  );
}
