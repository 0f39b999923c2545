import { useState, type KeyboardEvent } from 'react';
import { request } from '../../api/graphql-client';
import { failureMessage } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import { CYPHER_QUERY } from './queries';
import { ResultView } from './ResultView';

const EXAMPLE = 'MATCH (o:Organisation)-[r:CARRIES]->(d:Dispositif)\nRETURN o, r, d\nLIMIT 25';

/** The read-only Cypher console: a query, its parameters as JSON, Ctrl-Enter runs it. */
export function ConsolePanel({ onOpen }: { onOpen: (ids: string[]) => void }) {
  const [query, setQuery] = useState(EXAMPLE);
  const [params, setParams] = useState('{}');
  const [run, setRun] = useState<{ query: string; params: Record<string, unknown>; n: number } | null>(null);
  const [paramsError, setParamsError] = useState<string | null>(null);
  const result = useLoad(
    run ? (signal) => request(CYPHER_QUERY, { query: run.query, params: run.params }, { signal }) : null,
    [run],
  );

  function execute() {
    let parsed: unknown;
    try {
      parsed = JSON.parse(params || '{}');
    } catch {
      setParamsError('Les paramètres ne sont pas du JSON valide.');
      return;
    }
    setParamsError(null);
    setRun({ query, params: (parsed ?? {}) as Record<string, unknown>, n: (run?.n ?? 0) + 1 });
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      execute();
    }
  };

  return (
    <section className="analysis-console" aria-label="Console Cypher">
      <h2>Console Cypher (lecture seule)</h2>
      <label>
        Requête Cypher
        <textarea
          className="analysis-editor"
          spellCheck={false}
          rows={8}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      <label>
        Paramètres (JSON)
        <textarea
          rows={2}
          spellCheck={false}
          value={params}
          onChange={(event) => setParams(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      <button type="button" onClick={execute}>
        Exécuter (Ctrl-Entrée)
      </button>
      {paramsError && <p role="alert">{paramsError}</p>}
      {result.type === 'loading' && <p>Exécution…</p>}
      {result.type === 'error' && <p role="alert">{failureMessage(result)}</p>}
      {result.type === 'ready' && <ResultView result={result.value.data.cypher} onOpen={onOpen} />}
    </section>
  );
}
