import { lazy } from 'react';
import { CoveragePanel } from '../../features/coverage-gaps/CoveragePanel';
import type { CoverageTab } from '../../features/coverage-gaps/types';
import { useVocabulary } from '../../features/vocabulary/VocabularyProvider';
import { useAtlas } from '../../state/store';
import { Loading } from '../explorer/Loading';
import './coverage-workspace.css';

const FragilityPanel = lazy(() => import('./FragilityPanel').then((m) => ({ default: m.FragilityPanel })));
const ParcoursPanel = lazy(() =>
  import('../../features/parcours/ParcoursPanel').then((m) => ({ default: m.ParcoursPanel })),
);

const TABS: { id: CoverageTab; label: string }[] = [
  { id: 'map', label: 'Carte' },
  { id: 'fragility', label: 'Points de fragilité' },
  { id: 'parcours', label: 'Parcours' },
];

/** Coverage gaps on the territorial grid, the single points of failure, a person's offer; items open in the explorer. */
export function CoverageWorkspace() {
  const { state, dispatch } = useAtlas();
  const vocabulary = useVocabulary();
  const view = state.coverage;
  const setCoverage = (coverage: Partial<typeof view>) => dispatch({ type: 'setCoverage', coverage });
  const onOpenInGraph = (ids: string[]) => {
    // One state change, hence one history step: Back returns to this coverage view.
    for (const id of ids) dispatch({ type: 'openNode', id, select: ids.length === 1 });
    dispatch({ type: 'setWorkspace', workspace: 'explorer' });
  };
  const names = (id: string) => vocabulary.names.get(id) ?? id;
  return (
    <main className="app-main coverage-workspace">
      <div role="tablist" aria-label="Vues de la couverture" className="tabs coverage-tabs">
        {TABS.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`coverage-tab-${tab.id}`}
            aria-selected={view.tab === tab.id}
            aria-controls="coverage-tab-panel"
            onClick={() => setCoverage({ tab: tab.id })}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="coverage-tab-panel" aria-labelledby={`coverage-tab-${view.tab}`}>
        {view.tab === 'map' ? (
          <CoveragePanel view={view} onChange={setCoverage} onOpenInGraph={onOpenInGraph} />
        ) : null}
        {view.tab === 'fragility' ? (
          <Loading>
            <FragilityPanel view={view} names={names} onOpenInGraph={onOpenInGraph} />
          </Loading>
        ) : null}
        {view.tab === 'parcours' ? (
          <Loading>
            <ParcoursPanel
              view={view.parcours}
              vocabulary={vocabulary}
              onChange={(patch) => setCoverage({ parcours: { ...view.parcours, ...patch } })}
              onOpenInGraph={onOpenInGraph}
            />
          </Loading>
        ) : null}
      </div>
    </main>
  );
}
