import { CoveragePanel } from '../../features/coverage-gaps/CoveragePanel';
import { useAtlas } from '../../state/store';
import './coverage-workspace.css';

/** Coverage gaps on the territorial grid; a cell's dispositifs open in the explorer. */
export function CoverageWorkspace() {
  const { state, dispatch } = useAtlas();
  return (
    <main className="app-main coverage-workspace">
      <CoveragePanel
        view={state.coverage}
        onChange={(coverage) => dispatch({ type: 'setCoverage', coverage })}
        onOpenInGraph={(ids) => {
          // One state change, hence one history step: Back returns to this coverage view.
          for (const id of ids) dispatch({ type: 'openNode', id, select: ids.length === 1 });
          dispatch({ type: 'setWorkspace', workspace: 'explorer' });
        }}
      />
    </main>
  );
}
