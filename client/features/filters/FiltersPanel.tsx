import { useId, useState, type ReactNode } from 'react';
import {
  DISPOSITIF_STATUSES,
  KIND_LABELS,
  NODE_KINDS,
  RELATION_LABELS,
  RELATION_TYPES,
  STATUS_LABELS,
} from '../../vocabulary';
import { KindIcon } from '../legend/KindIcon';
import { SearchBox } from '../search/SearchBox';
import type { Vocabulary } from '../vocabulary/types';
import { useVocabularyStatus } from '../vocabulary/VocabularyProvider';
import {
  resetFilters,
  setActiveOn,
  setTerritory,
  togglePublic,
  toggleKind,
  toggleRelation,
  toggleStatus,
  toggleTheme,
} from './transitions';
import { countActiveFilters, type Filters } from './types';

export interface FiltersPanelProps {
  filters: Filters;
  vocabulary: Vocabulary;
  territoryName: string | null;
  scopeStatus: 'none' | 'loading' | 'ready' | 'error';
  onChange: (filters: Filters) => void;
}

/**
 * A long list of checkboxes, folded until asked for (or while some are set), so
 * that Tab does not walk through a hundred of them to reach the canvas.
 */
function FilterList({
  count,
  checked,
  what,
  fromVocabulary = false,
  children,
}: {
  count: number;
  checked: number;
  what: string;
  /** The list is the vocabulary's: while it loads (or if it failed) it is empty for that reason. */
  fromVocabulary?: boolean;
  children: ReactNode;
}) {
  const status = useVocabularyStatus();
  // Open at first when some are set; then as the user leaves it (a controlled `open` would fold it under them).
  const [open, setOpen] = useState(checked > 0);
  return (
    <details className="filter-list" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {fromVocabulary && status !== 'ready'
          ? status === 'error'
            ? 'liste indisponible'
            : 'chargement…'
          : `${count} choix${checked > 0 ? ` · ${checked} ${what}${checked > 1 ? 's' : ''}` : ''}`}
      </summary>
      {children}
    </details>
  );
}

/** Filters applied to the canvas: thin component, every change is a pure transition. */
export function FiltersPanel({
  filters,
  vocabulary,
  territoryName,
  scopeStatus,
  onChange,
}: FiltersPanelProps) {
  const id = useId();
  const topThemes = vocabulary.themes
    .filter((theme) => theme.parent === null)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const subThemes = (parent: string) =>
    vocabulary.themes
      .filter((theme) => theme.parent === parent)
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const active = countActiveFilters(filters);

  return (
    <section className="panel filters" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Filtres {active > 0 && <span className="badge">{active}</span>}</h2>
      <button type="button" onClick={() => onChange(resetFilters())} disabled={active === 0}>
        Tout réafficher
      </button>

      <fieldset>
        <legend>Types de nœuds</legend>
        {NODE_KINDS.map((kind) => (
          <label key={kind} className="check">
            <input
              type="checkbox"
              checked={!filters.hiddenKinds.includes(kind)}
              onChange={() => onChange(toggleKind(filters, kind))}
            />
            <KindIcon kind={kind} /> {KIND_LABELS[kind].many}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Types de relations</legend>
        <FilterList count={RELATION_TYPES.length + 1} checked={filters.hiddenRelations.length} what="masqué">
          {[...RELATION_TYPES, 'PARTNERS' as const].map((type) => (
            <label key={type} className="check">
              <input
                type="checkbox"
                checked={!filters.hiddenRelations.includes(type)}
                onChange={() => onChange(toggleRelation(filters, type))}
              />
              « {RELATION_LABELS[type].name} »
            </label>
          ))}
        </FilterList>
      </fieldset>

      <fieldset>
        <legend>Dispositifs : statut</legend>
        {DISPOSITIF_STATUSES.map((status) => (
          <label key={status} className="check">
            <input
              type="checkbox"
              checked={filters.statuses.includes(status)}
              onChange={() => onChange(toggleStatus(filters, status))}
            />
            {STATUS_LABELS[status]}
          </label>
        ))}
        <p className="hint">Aucun coché : tous les statuts.</p>
      </fieldset>

      <fieldset>
        <legend>Dispositifs : à la date du</legend>
        <label>
          <span className="visually-hidden">Date</span>
          <input
            type="date"
            aria-label="À la date du"
            value={filters.activeOn ?? ''}
            onChange={(event) => onChange(setActiveOn(filters, event.target.value || null))}
          />
        </label>
        {filters.activeOn && (
          <button type="button" onClick={() => onChange(setActiveOn(filters, null))}>
            Effacer la date
          </button>
        )}
      </fieldset>

      <fieldset>
        <legend>Territoire</legend>
        <p className="hint">
          Le territoire, ce qu’il contient, et les dispositifs déployés sur un territoire qui le contient.
        </p>
        {filters.territory ? (
          <p>
            <strong>{territoryName ?? filters.territory}</strong> et ce qu’il contient
            {scopeStatus === 'loading' && ' (chargement…)'}
            {scopeStatus === 'error' && ' (indisponible)'}{' '}
            <button
              type="button"
              onClick={() => onChange(setTerritory(filters, null))}
              aria-label="Retirer le filtre de territoire"
            >
              Retirer
            </button>
          </p>
        ) : (
          <SearchBox
            label="Filtrer par territoire"
            placeholder="Département, EPCI, bassin, commune…"
            kinds={['TERRITORY']}
            first={15}
            clearOnChoose
            onChoose={(hit) => onChange(setTerritory(filters, hit.id))}
          />
        )}
      </fieldset>

      <fieldset>
        <legend>Dispositifs : thèmes</legend>
        <FilterList
          count={vocabulary.themes.length}
          checked={filters.themes.length}
          what="coché"
          fromVocabulary
        >
          <div className="scroll-list">
            {topThemes.map((theme) => (
              <div key={theme.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={filters.themes.includes(theme.id)}
                    onChange={() => onChange(toggleTheme(filters, theme.id))}
                  />
                  {theme.name}
                </label>
                {subThemes(theme.id).map((sub) => (
                  <label key={sub.id} className="check sub">
                    <input
                      type="checkbox"
                      checked={filters.themes.includes(sub.id)}
                      onChange={() => onChange(toggleTheme(filters, sub.id))}
                    />
                    {sub.name}
                  </label>
                ))}
              </div>
            ))}
          </div>
        </FilterList>
      </fieldset>

      <fieldset>
        <legend>Dispositifs : publics</legend>
        <FilterList
          count={vocabulary.publics.length}
          checked={filters.publics.length}
          what="coché"
          fromVocabulary
        >
          <div className="scroll-list">
            {[...vocabulary.publics]
              .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
              .map((item) => (
                <label key={item.id} className="check">
                  <input
                    type="checkbox"
                    checked={filters.publics.includes(item.id)}
                    onChange={() => onChange(togglePublic(filters, item.id))}
                  />
                  {item.name}
                </label>
              ))}
          </div>
        </FilterList>
      </fieldset>
    </section>
  );
}
