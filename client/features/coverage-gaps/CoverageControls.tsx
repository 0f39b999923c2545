import { useId } from 'react';
import type { Vocabulary } from '../vocabulary/types';
import { nouvelleAquitaineMap } from './departements-map.js';
import { FilterFields } from './FilterFields';
import { WithoutPicker } from './WithoutPicker';
import { COVERAGE_LEVELS, LEVEL_TEXT } from './labels.js';
import { REGION_ID, type CoverageLevel, type CoverageMode, type CoverageView } from './types.js';

const DEPARTEMENTS = nouvelleAquitaineMap().shapes;
const MODES: { id: CoverageMode; label: string }[] = [
  { id: 'single', label: 'Un filtre' },
  { id: 'filters', label: 'Deux filtres côte à côte' },
  { id: 'dates', label: 'Un filtre à deux dates' },
];

export interface CoverageControlsProps {
  view: CoverageView;
  onChange(patch: Partial<CoverageView>): void;
  vocabulary: Vocabulary;
}

/** What the coverage shows: level, scope, comparison mode, and the filter(s) or dates. */
export function CoverageControls({ view, onChange, vocabulary }: CoverageControlsProps) {
  const id = useId();
  const { level, within, mode, left, right, dates } = view;
  const scopeWithin = level === 'DEPARTEMENT' ? REGION_ID : within;
  return (
    <>
      <div className="coverage-controls">
        <label className="field">
          <span className="field-label">Niveau</span>
          <select
            aria-label="Niveau"
            value={level}
            onChange={(event) => {
              onChange({ level: event.target.value as CoverageLevel, selected: null });
            }}
          >
            {COVERAGE_LEVELS.map((value) => (
              <option key={value} value={value}>
                {LEVEL_TEXT[value].many}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Dans</span>
          <select
            aria-label="Dans"
            value={scopeWithin}
            disabled={level === 'DEPARTEMENT'}
            onChange={(event) => {
              onChange({ within: event.target.value, selected: null });
            }}
          >
            <option value={REGION_ID}>Nouvelle-Aquitaine</option>
            {DEPARTEMENTS.map((departement) => (
              <option key={departement.id} value={departement.id}>
                {departement.code} — {departement.name}
              </option>
            ))}
          </select>
        </label>
        <div className="field" role="radiogroup" aria-labelledby={`${id}-mode`}>
          <span className="field-label" id={`${id}-mode`}>
            Comparaison
          </span>
          <span className="coverage-checks">
            {MODES.map((item) => (
              <label key={item.id}>
                <input
                  type="radio"
                  name={`${id}-mode`}
                  checked={mode === item.id}
                  onChange={() => {
                    onChange({ mode: item.id, selected: null });
                  }}
                />{' '}
                {item.label}
              </label>
            ))}
          </span>
        </div>
      </div>

      <div className="coverage-filters">
        <FilterFields
          legend={mode === 'filters' ? 'Filtre A' : 'Filtre'}
          filter={left}
          vocabulary={vocabulary}
          onChange={(filter) => onChange({ left: filter })}
          withoutDate={mode === 'dates'}
        />
        <WithoutPicker
          ids={left.without}
          onChange={(without) =>
            // Comparing two filters or two dates keeps « Sans… » on both sides.
            onChange({ left: { ...left, without }, right: { ...right, without }, selected: null })
          }
        />
        {mode === 'filters' ? (
          <FilterFields
            legend="Filtre B"
            filter={right}
            vocabulary={vocabulary}
            onChange={(filter) => onChange({ right: filter })}
          />
        ) : null}
        {mode === 'dates' ? (
          <fieldset className="coverage-filter">
            <legend>Deux dates</legend>
            <label className="field">
              <span className="field-label">Première date</span>
              <input
                aria-label="Première date"
                type="date"
                value={dates.before}
                onChange={(event) => onChange({ dates: { ...dates, before: event.target.value } })}
              />
            </label>
            <label className="field">
              <span className="field-label">Seconde date</span>
              <input
                aria-label="Seconde date"
                type="date"
                value={dates.after}
                onChange={(event) => onChange({ dates: { ...dates, after: event.target.value } })}
              />
            </label>
          </fieldset>
        ) : null}
      </div>
    </>
  );
}
