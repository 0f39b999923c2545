import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { request } from '../../api/graphql-client';
import { failureMessage } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import { CypherEditor } from './CypherEditor';
import { CYPHER_QUERY, CYPHER_SCHEMA_QUERY } from './queries';
import { ResultView } from './ResultView';

export const EXAMPLE_QUERY = 'MATCH (o:Organisation)-[r:CARRIES]->(d:Dispositif)\nRETURN o, r, d\nLIMIT 25';

/** The console's text: a query and its parameters as JSON, as the editor and a shared link hold them. */
export interface ConsoleText {
  query: string;
  params: string;
}

/**
 * The read-only Cypher console: an editor with completion from the graph's
 * schema, the parameters as a JSON panel, Ctrl-Enter runs. `children` sits
 * under the editor (the analyst's own queries).
 */
export function ConsolePanel({
  text,
  onText,
  onRun,
  onOpen,
  children,
}: {
  text: ConsoleText;
  onText: (text: ConsoleText) => void;
  onRun?: (text: ConsoleText) => void;
  onOpen: (ids: string[]) => void;
  children?: ReactNode;
}) {
  const [run, setRun] = useState<{ query: string; params: Record<string, unknown>; n: number } | null>(null);
  const [paramsError, setParamsError] = useState<string | null>(null);
  const schema = useLoad((signal) => request(CYPHER_SCHEMA_QUERY, {}, { signal }), []);
  const result = useLoad(
    run ? (signal) => request(CYPHER_QUERY, { query: run.query, params: run.params }, { signal }) : null,
    [run],
  );

  function execute() {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.params || '{}');
    } catch {
      setParamsError('Les paramètres ne sont pas du JSON valide.');
      return;
    }
    setParamsError(null);
    setRun({ query: text.query, params: (parsed ?? {}) as Record<string, unknown>, n: (run?.n ?? 0) + 1 });
    onRun?.(text);
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
      <div className="analysis-field">
        <span id="analysis-query-label">Requête Cypher</span>
        <CypherEditor
          label="Requête Cypher"
          value={text.query}
          onChange={(query) => onText({ ...text, query })}
          onRun={execute}
          schema={schema.type === 'ready' ? schema.value.data.cypherSchema : null}
        />
      </div>
      <label>
        Paramètres (JSON)
        <textarea
          className="analysis-params"
          rows={2}
          spellCheck={false}
          value={text.params}
          onChange={(event) => onText({ ...text, params: event.target.value })}
          onKeyDown={onKeyDown}
        />
      </label>
      <button type="button" onClick={execute}>
        Exécuter (Ctrl-Entrée)
      </button>
      {children}
      {paramsError && <p role="alert">{paramsError}</p>}
      {result.type === 'loading' && <p>Exécution…</p>}
      {result.type === 'error' && <p role="alert">{failureMessage(result)}</p>}
      {result.type === 'ready' && <ResultView result={result.value.data.cypher} onOpen={onOpen} />}
    </section>
  );
}
