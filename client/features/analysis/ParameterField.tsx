import { useState } from 'react';
import { request } from '../../api/graphql-client';
import { useLoad } from '../../api/use-load';
import type { AnalysisSavedQueriesQuery } from '../../gql/graphql';
import { SEARCH_QUERY } from '../search/queries';
import { useVocabulary } from '../vocabulary/VocabularyProvider';
import {
  isOfLevels,
  matchVocabulary,
  searchKinds,
  wantsSearch,
  type Suggestion,
} from './parameter-suggestions';

export type Parameter = AnalysisSavedQueriesQuery['savedQueries'][number]['parameters'][number];

const PLACEHOLDERS: Record<string, string> = {
  NODE: 'un nom, ou org:wejob',
  TERRITORY: 'un nom, ou dep:33',
  THEME: 'un nom, ou theme:mobilite',
  PUBLIC: 'un nom, ou public:jeunes',
  DATE: 'AAAA-MM-JJ',
};

/** Suggestions for the typed text: the search API for nodes and territories, the vocabularies otherwise. */
function useSuggestions(parameter: Parameter, text: string, open: boolean): Suggestion[] {
  const vocabulary = useVocabulary();
  const kinds = searchKinds(parameter.type, parameter.kinds);
  const searching = open && wantsSearch(text) && (kinds !== null || parameter.type === 'NODE');
  const hits = useLoad(
    searching ? (signal) => request(SEARCH_QUERY, { text: text.trim(), kinds, first: 12 }, { signal }) : null,
    [searching, text, kinds?.join(',')],
    { delay: 150 },
  );
  if (!open || !text.trim()) return [];
  if (parameter.type === 'THEME') return matchVocabulary(vocabulary.themes, text);
  if (parameter.type === 'PUBLIC') return matchVocabulary(vocabulary.publics, text);
  if (hits.type !== 'ready') return [];
  return hits.value.data.search
    .map((hit) => ({ id: hit.node.id, name: hit.node.name }))
    .filter((hit) => parameter.type !== 'TERRITORY' || isOfLevels(hit.id, parameter.levels));
}

/** A form field for one typed parameter; ids get suggestions from the graph as one types a name. */
export function ParameterField({
  parameter,
  value,
  onChange,
}: {
  parameter: Parameter;
  value: string;
  onChange: (value: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<Suggestion | null>(null);
  const suggestions = useSuggestions(parameter, value, open);
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
  const suggests = ['NODE', 'TERRITORY', 'THEME', 'PUBLIC'].includes(parameter.type);
  return (
    <div className="analysis-parameter">
      <label>
        {label}
        <input
          type={parameter.type === 'NUMBER' ? 'number' : parameter.type === 'DATE' ? 'date' : 'text'}
          min={parameter.min ?? undefined}
          max={parameter.max ?? undefined}
          placeholder={PLACEHOLDERS[parameter.type] ?? ''}
          value={value}
          autoComplete="off"
          onChange={(event) => {
            onChange(event.target.value);
            setOpen(suggests);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        />
      </label>
      {suggests && parameter.kinds.length > 0 && <small>{parameter.kinds.join(', ')}</small>}
      {picked && picked.id === value && <small> — {picked.name}</small>}
      {suggestions.length > 0 && (
        <ul className="analysis-suggestions" aria-label={`Suggestions : ${parameter.label}`}>
          {suggestions.map((suggestion) => (
            <li key={suggestion.id}>
              <button
                type="button"
                onClick={() => {
                  onChange(suggestion.id);
                  setPicked(suggestion);
                  setOpen(false);
                }}
              >
                {suggestion.name} <small>{suggestion.id}</small>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
