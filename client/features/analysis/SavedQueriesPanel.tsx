import { useEffect, useRef, useState } from 'react';
import { request } from '../../api/graphql-client';
import { failureMessage } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import type { AnalysisSavedQueriesQuery } from '../../gql/graphql';
import { RUN_SAVED_QUERY, SAVED_QUERIES_QUERY } from './queries';
import { ParameterField } from './ParameterField';
import { ResultView } from './ResultView';
import { decodeSavedQueryLink } from './suggested-queries';

type SavedQuery = AnalysisSavedQueriesQuery['savedQueries'][number];

/** The form's values as the server takes them: numbers as numbers, empty fields left out. */
function toParams(query: SavedQuery, values: Record<string, string>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const parameter of query.parameters) {
    const value = values[parameter.name];
    if (value === undefined || value === '') continue;
    params[parameter.name] = parameter.type === 'NUMBER' ? Number(value) : value;
  }
  return params;
}

/** The library of saved queries, each with a form built from its typed parameters. */
export function SavedQueriesPanel({ onOpen }: { onOpen: (ids: string[]) => void }) {
  const library = useLoad((signal) => request(SAVED_QUERIES_QUERY, {}, { signal }), []);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [run, setRun] = useState<{ id: string; params: Record<string, unknown>; n: number } | null>(null);
  const result = useLoad(
    run ? (signal) => request(RUN_SAVED_QUERY, { id: run.id, params: run.params }, { signal }) : null,
    [run],
  );
  const queries = library.type === 'ready' ? library.value.data.savedQueries : [];
  const selected = queries.find((query) => query.id === selectedId) ?? null;

  function select(query: SavedQuery, given: Record<string, string> = {}) {
    const filled = Object.fromEntries(
      query.parameters.map((parameter) => [
        parameter.name,
        given[parameter.name] ?? (parameter.default == null ? '' : String(parameter.default)),
      ]),
    );
    setSelectedId(query.id);
    setValues(filled);
    return filled;
  }

  // A link (the node menu's suggested queries) names a query and its node: open it and run it.
  const linked = useRef(decodeSavedQueryLink(window.location.hash));
  useEffect(() => {
    const link = linked.current;
    const query = link && queries.find((candidate) => candidate.id === link.id);
    if (!link || !query) return;
    linked.current = null;
    setRun({ id: query.id, params: toParams(query, select(query, link.params)), n: 1 });
  }, [queries]);

  return (
    <section className="analysis-saved" aria-label="Requêtes enregistrées">
      <h2>Requêtes enregistrées</h2>
      {library.type === 'error' && <p role="alert">{failureMessage(library)}</p>}
      <ul className="analysis-library">
        {queries.map((query) => (
          <li key={query.id}>
            <button
              type="button"
              aria-pressed={query.id === selectedId}
              onClick={() => {
                select(query);
                setRun(null);
              }}
            >
              {query.title}
            </button>
          </li>
        ))}
      </ul>
      {selected && (
        <form
          aria-label={selected.title}
          onSubmit={(event) => {
            event.preventDefault();
            setRun({ id: selected.id, params: toParams(selected, values), n: (run?.n ?? 0) + 1 });
          }}
        >
          <p>{selected.description}</p>
          {selected.parameters.map((parameter) => (
            <ParameterField
              key={parameter.name}
              parameter={parameter}
              value={values[parameter.name] ?? ''}
              onChange={(value) => setValues({ ...values, [parameter.name]: value })}
            />
          ))}
          <button type="submit">Lancer</button>
        </form>
      )}
      {result.type === 'loading' && <p>Exécution…</p>}
      {result.type === 'error' && <p role="alert">{failureMessage(result)}</p>}
      {result.type === 'ready' && <ResultView result={result.value.data.runSavedQuery} onOpen={onOpen} />}
    </section>
  );
}
