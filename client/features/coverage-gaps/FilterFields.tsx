import { useId } from 'react';
import { DISPOSITIF_STATUSES, STATUS_LABELS } from '../../vocabulary';
import { useFunderNames } from '../funder/use-funder-names';
import type { Vocabulary } from '../vocabulary/types';
import { CARRIER_TYPES } from './labels.js';
import type { CoverageFilter } from './types.js';

const STATUSES = DISPOSITIF_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

/** Themes with their sub-themes right after them, indented. */
export function themeOptions(vocabulary: Vocabulary) {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');
  const roots = vocabulary.themes.filter((theme) => !theme.parent).sort(byName);
  const options: { id: string; label: string }[] = [];
  const visit = (id: string, name: string, depth: number) => {
    options.push({ id, label: `${'\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '↳ ' : ''}${name}` });
    for (const child of vocabulary.themes.filter((theme) => theme.parent === id).sort(byName))
      visit(child.id, child.name, depth + 1);
  };
  for (const root of roots) visit(root.id, root.name, 0);
  return options;
}

export interface FilterFieldsProps {
  legend: string;
  filter: CoverageFilter;
  vocabulary: Vocabulary;
  onChange: (filter: CoverageFilter) => void;
  /** Hide the date (when comparing two dates, the panel asks for them apart). */
  withoutDate?: boolean;
}

/** Which dispositifs count: theme (sub-themes included), public, date, carrier type, status. */
export function FilterFields({ legend, filter, vocabulary, onChange, withoutDate }: FilterFieldsProps) {
  const id = useId();
  const set = (patch: Partial<CoverageFilter>) => onChange({ ...filter, ...patch });
  const funders = useFunderNames();
  const publics = [...vocabulary.publics].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return (
    <fieldset className="coverage-filter">
      <legend>{legend}</legend>
      <label className="field">
        <span className="field-label">Thème</span>
        <select
          aria-label="Thème"
          value={filter.theme}
          onChange={(event) => set({ theme: event.target.value })}
        >
          <option value="">Tous les thèmes</option>
          {themeOptions(vocabulary).map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Public</span>
        <select
          aria-label="Public"
          value={filter.public}
          onChange={(event) => set({ public: event.target.value })}
        >
          <option value="">Tous les publics</option>
          {publics.map((item) => (
            <option key={item.id} value={item.id}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      {withoutDate ? null : (
        <label className="field">
          <span className="field-label">En vigueur le</span>
          <input
            aria-label="En vigueur le"
            type="date"
            value={filter.activeOn}
            onChange={(event) => set({ activeOn: event.target.value })}
          />
        </label>
      )}
      <label className="field">
        <span className="field-label">Type de porteur</span>
        <select
          aria-label="Type de porteur"
          value={filter.carrierType}
          onChange={(event) => set({ carrierType: event.target.value })}
        >
          <option value="">Tous les porteurs</option>
          {CARRIER_TYPES.map((type) => (
            <option key={type.code} value={type.code}>
              {type.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Financeur</span>
        <select
          aria-label="Financeur"
          value={filter.funder}
          onChange={(event) => set({ funder: event.target.value })}
        >
          <option value="">Tous les financements</option>
          {funders.type === 'ready'
            ? funders.value.map((funder) => (
                <option key={funder.id} value={funder.id}>
                  {funder.name}
                </option>
              ))
            : filter.funder && <option value={filter.funder}>{filter.funder}</option>}
        </select>
      </label>
      <div className="field" role="group" aria-labelledby={`${id}-status`}>
        <span className="field-label" id={`${id}-status`}>
          Statut du dispositif
        </span>
        <span className="coverage-checks">
          {STATUSES.map((status) => (
            <label key={status.value}>
              <input
                type="checkbox"
                checked={filter.status.includes(status.value)}
                onChange={(event) =>
                  set({
                    status: event.target.checked
                      ? [...filter.status, status.value]
                      : filter.status.filter((value) => value !== status.value),
                  })
                }
              />{' '}
              {status.label}
            </label>
          ))}
        </span>
      </div>
    </fieldset>
  );
}

/** A filter in a few words, for titles and file names. */
export function describeFilter(filter: CoverageFilter, names: (id: string) => string): string {
  const parts = [
    filter.theme ? names(filter.theme) : 'tous thèmes',
    filter.public ? names(filter.public) : null,
    filter.activeOn
      ? `au ${new Date(`${filter.activeOn}T00:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'UTC' })}`
      : null,
    filter.carrierType
      ? `porteur ${CARRIER_TYPES.find((t) => t.code === filter.carrierType)?.label ?? filter.carrierType}`
      : null,
    filter.funder ? `financé par ${names(filter.funder)}` : null,
    filter.without.length > 0 ? `sans ${filter.without.map(names).join(', ')}` : null,
    filter.status.length > 0
      ? STATUSES.filter((s) => filter.status.includes(s.value))
          .map((s) => s.label)
          .join(' ou ')
      : null,
  ];
  return parts.filter(Boolean).join(', ');
}
