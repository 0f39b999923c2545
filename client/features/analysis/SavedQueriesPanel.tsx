import { useState } from 'react';
import { request } from '../../api/graphql-client';
import { failureMessage } from '../../api/loadable';
import { useLoad } from '../../api/use-load';
import type { AnalysisSavedQueriesQuery } from '../../gql/graphql';
import { RUN_SAVED_QUERY, SAVED_QUERIES_QUERY } from './queries';
import { ResultView } from './ResultView';

type SavedQuery = AnalysisSavedQueriesQuery['savedQueries'][number];
type Parameter = SavedQuery['parameters'][number];

const ID_TYPES = new Set(['NODE', 'TERRITORY', 'THEME', 'PUBLIC']);
const PLACEHOLDERS: Record<string, string> = {
  NODE: 'org:wejob',
  TERRITORY: 'dep:33',
  THEME: 'theme:mobilite',
  PUBLIC: 'public:jeunes',
  DATE: 'AAAA-MM-JJ',
};

/** A form field for one typed parameter; ids are typed as such (suggestions: to come). */
function ParameterField({
  parameter,
  value,
  onChange,
}: {
  parameter: Parameter;
  value: string;
  onChange: (value: string) => void;
}) {
  const label = `${parameter.label}${parameter.required ? ' *' : ''}`;
  if (parameter.type === 'ENUM') {
    return (
      <label>
        {label}
        <select value={value} onChange={(event) => onChange(event.target.value)}>
          <option value="">—</option>
          {parameter.values.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      </label>
    );
  }
  return (
    <label>
      {label}
      <input
        type={parameter.type === 'NUMBER' ? 'number' : parameter.type === 'DATE' ? 'date' : 'text'}
        min={parameter.min ?? undefined}
        max={parameter.max ?? undefined}
        placeholder={PLACEHOLDERS[parameter.type] ?? ''}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {ID_TYPES.has(parameter.type) && parameter.kinds.length > 0 && (
        <small>{parameter.kinds.join(', ')}</small>
      )}
    </label>
  );
}

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

  function select(query: SavedQuery) {
    setSelectedId(query.id);
    setValues(
      Object.fromEntries(
        query.parameters.map((parameter) => [
          parameter.name,
          parameter.default == null ? '' : String(parameter.default),
        ]),
      ),
    );
    setRun(null);
  }

  return (
    <section className="analysis-saved" aria-label="Requêtes enregistrées">
      <h2>Requêtes enregistrées</h2>
      {library.type === 'error' && <p role="alert">{failureMessage(library)}</p>}
      <ul className="analysis-library">
        {queries.map((query) => (
          <li key={query.id}>
            <button type="button" aria-pressed={query.id === selectedId} onClick={() => select(query)}>
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
