/**
 * Turns a read dataset into nodes and relationships. Entries the validator
 * rejects are left out (a fact with an unknown endpoint, an article without a
 * valid source), so the graph stays consistent even while errors are listed.
 */
import type { PropertyValue, SeedGraph, SeedNode, SeedRelationship } from '../../graph/model.js';
import {
  expandEpciToCommunes,
  findOfficialTerritory,
  type TerritorialGridIndex,
} from '../grid/build-grid.js';
import { normalisePartialDate } from './partial-date.js';
import type { Dataset } from './read-dataset.js';
import type { ArticleSource, Fact, FactProps, Referential } from './schema.js';
import { checkFact, collectDeclaredNodes, createLabelResolver, PROJECT_SOURCE_ID } from './validate.js';

/** A fact with the source that states it. */
export interface SourcedFact {
  fact: Fact;
  source: string;
}

const FACT_PROP_KEYS = ['role', 'amount', 'period'] as const;

function areCompatible(a: FactProps, b: FactProps): boolean {
  return FACT_PROP_KEYS.every((key) => a[key] === undefined || b[key] === undefined || a[key] === b[key]);
}

/**
 * Merges facts stated by several articles into one relationship carrying all
 * their sources; distinct evidence lines are joined with " / ". Facts whose
 * role, amount or period disagree stay separate relationships (two fundings
 * are two facts); a fact that leaves one unstated merges with one that states it.
 */
export function mergeFacts(facts: readonly SourcedFact[]): SeedRelationship[] {
  const merged: { rel: SeedRelationship; props: FactProps; evidence: string[] }[] = [];
  const byEndpoints = new Map<string, typeof merged>();
  for (const { fact, source } of facts) {
    const [from, type, to, evidence, props = {}] = fact;
    const key = `${from}|${type}|${to}`;
    const candidates = byEndpoints.get(key) ?? [];
    let target = candidates.find((candidate) => areCompatible(candidate.props, props));
    if (target === undefined) {
      target = { rel: { type, from, to, sources: [], props: {} }, props: {}, evidence: [] };
      candidates.push(target);
      byEndpoints.set(key, candidates);
      merged.push(target);
    }
    for (const propKey of FACT_PROP_KEYS) target.props[propKey] ??= props[propKey];
    if (!target.rel.sources.includes(source)) target.rel.sources.push(source);
    if (!target.evidence.includes(evidence)) target.evidence.push(evidence);
  }
  return merged.map(({ rel, props, evidence }) => {
    const relProps: Record<string, PropertyValue> = { evidence: evidence.join(' / ') };
    for (const propKey of FACT_PROP_KEYS) {
      const value = props[propKey];
      if (value !== undefined) relProps[propKey] = value;
    }
    return { ...rel, props: relProps };
  });
}

function toSourceNode(source: Referential | ArticleSource): SeedNode {
  return {
    label: 'Source',
    id: source.id,
    props: {
      name: source.title,
      title: source.title,
      date: source.date,
      publisher: source.publisher,
      kind: source.kind,
      url: source.url ?? null,
    },
  };
}

function mentionedIn(from: string, source: string): SeedRelationship {
  return { type: 'MENTIONED_IN', from, to: source, sources: [source], props: {} };
}

/** Builds the dataset's part of the seed graph; grid territories are referred to, not repeated. */
export function toSeedGraph(dataset: Dataset, grid: TerritorialGridIndex): SeedGraph {
  const declared = collectDeclaredNodes(dataset);
  const resolveLabel = createLabelResolver(declared, grid);
  const nodes: SeedNode[] = [];
  const relationships: SeedRelationship[] = [];
  const nodeIds = new Set<string>();
  const addNode = (node: SeedNode) => {
    // The first declaration of an id wins, as in the validator
    if (nodeIds.has(node.id) || grid.ids.has(node.id)) return false;
    nodeIds.add(node.id);
    nodes.push(node);
    return true;
  };

  const sourceIds = new Set<string>();
  for (const source of [
    ...dataset.referentials,
    ...dataset.articles.flatMap((article) => article.source ?? []),
  ]) {
    if (addNode(toSourceNode(source.value))) sourceIds.add(source.value.id);
  }
  const addVocabularyMention = (
    id: string,
    origin: 'project' | undefined,
    fileSource: string | undefined,
  ) => {
    const source = origin === 'project' ? PROJECT_SOURCE_ID : fileSource;
    if (source !== undefined && sourceIds.has(source)) relationships.push(mentionedIn(id, source));
  };
  for (const { value } of dataset.themes?.items ?? []) {
    if (
      addNode({ label: 'Theme', id: value.id, props: { name: value.name, parent: value.parent ?? null } })
    ) {
      addVocabularyMention(value.id, value.origin, dataset.themes?.source?.value);
    }
  }
  for (const { value } of dataset.publics?.items ?? []) {
    if (addNode({ label: 'Public', id: value.id, props: { name: value.name } })) {
      addVocabularyMention(value.id, value.origin, dataset.publics?.source?.value);
    }
  }

  for (const { value } of dataset.organisations) {
    addNode({
      label: 'Organisation',
      id: value.id,
      props: {
        name: value.name,
        acronym: value.acronym ?? null,
        aliases: value.aliases ?? [],
        type: value.type,
        description: value.description,
        website: value.website ?? null,
      },
    });
  }
  for (const { value } of dataset.dispositifs) {
    addNode({
      label: 'Dispositif',
      id: value.id,
      props: {
        name: value.name,
        aliases: value.aliases ?? [],
        type: value.type,
        status: value.status,
        startDate: value.startDate === undefined ? null : normalisePartialDate(value.startDate, 'start'),
        endDate: value.endDate === undefined ? null : normalisePartialDate(value.endDate, 'end'),
        // As written, so that "2019" is not displayed as "2019-01-01"
        startDateText: value.startDate ?? null,
        endDateText: value.endDate ?? null,
        description: value.description,
      },
    });
  }
  for (const { value } of dataset.persons) {
    addNode({ label: 'Person', id: value.id, props: { name: value.name, role: value.role } });
  }

  for (const { value } of dataset.bassins) {
    const explicit = (value.communes ?? []).filter(
      (id) => grid.territories.get(id)?.props.level === 'COMMUNE',
    );
    const communes = [...new Set([...expandEpciToCommunes(grid, value.epci ?? []), ...explicit])].sort();
    const population = communes.reduce((sum, id) => {
      const communePopulation = grid.territories.get(id)?.props.population;
      return sum + (typeof communePopulation === 'number' ? communePopulation : 0);
    }, 0);
    const added = addNode({
      label: 'Territory',
      id: value.id,
      props: {
        name: value.name,
        code: null,
        level: 'BASSIN',
        population,
        basis: value.basis,
        outsideRegion: false,
      },
    });
    if (!added) continue;
    const departements = new Set<string>();
    for (const commune of communes) {
      relationships.push({
        type: 'PART_OF',
        from: commune,
        to: value.id,
        sources: [PROJECT_SOURCE_ID],
        props: {},
      });
      const departement = grid.departementByCommune.get(commune);
      if (departement !== undefined) departements.add(departement);
    }
    for (const departement of [...departements].sort()) {
      relationships.push({
        type: 'PART_OF',
        from: value.id,
        to: departement,
        sources: [PROJECT_SOURCE_ID],
        props: {},
      });
    }
  }
  for (const { value } of dataset.outsidePlaces) {
    addNode({
      label: 'Territory',
      id: value.id,
      props: {
        name: value.name,
        code: value.code,
        level: value.level,
        population: findOfficialTerritory(value.id)?.population ?? null,
        outsideRegion: true,
      },
    });
  }

  const facts: SourcedFact[] = [];
  const mentions: SeedRelationship[] = [];
  for (const article of dataset.articles) {
    if (article.source === undefined || !sourceIds.has(article.source.value.id)) continue;
    const source = article.source.value.id;
    const referenced = new Set<string>();
    for (const { value: fact } of article.facts) {
      if (checkFact(fact, resolveLabel, declared).length > 0) continue;
      facts.push({ fact, source });
      referenced.add(fact[0]);
      referenced.add(fact[2]);
    }
    for (const { value: id } of article.mentions) {
      const label = resolveLabel(id);
      if (label !== undefined && label !== 'Source') referenced.add(id);
    }
    for (const id of referenced) mentions.push(mentionedIn(id, source));
  }
  relationships.push(...mergeFacts(facts), ...mentions);
  return { nodes, relationships };
}
