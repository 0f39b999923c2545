import { describe, expect, it } from 'vitest';
import { foldText } from '../graph/text.js';
import { buildSeedGraph } from './build-seed-graph.js';
import { formatDatasetError } from './dataset/dataset-error.js';

/** The curated dataset itself: what `npm start` loads must pass every check. */
describe('the curated dataset (seeds/data)', () => {
  const { graph, errors } = buildSeedGraph('seeds/data');
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const namesOf = (id: string) => {
    const props = byId.get(id)?.props ?? {};
    return [props.name, props.acronym, ...(Array.isArray(props.aliases) ? props.aliases : [])]
      .filter((value): value is string => typeof value === 'string')
      .map(foldText);
  };

  it('passes validation', () => {
    expect(errors.map(formatDatasetError)).toEqual([]);
  });

  it('covers the 17 articles, each with facts', () => {
    const articles = graph.nodes.filter((node) => node.label === 'Source' && node.props.kind === 'article');
    expect(articles).toHaveLength(17);
    const cited = new Set(graph.relationships.flatMap((rel) => rel.sources));
    for (const article of articles) expect(cited.has(article.id), article.id).toBe(true);
  });

  it('gives every relationship a source, and every article fact its evidence', () => {
    for (const rel of graph.relationships)
      expect(rel.sources.length, `${rel.from} ${rel.type} ${rel.to}`).toBeGreaterThan(0);
    const articleFacts = graph.relationships.filter((rel) => !['PART_OF', 'MENTIONED_IN'].includes(rel.type));
    for (const rel of articleFacts)
      expect(rel.props.evidence, `${rel.from} ${rel.type} ${rel.to}`).toBeTruthy();
  });

  it('keeps spellings and acronyms as aliases of one node', () => {
    expect(namesOf('org:pole-emploi')).toEqual(expect.arrayContaining([foldText('Pôle Emploi')]));
    expect(namesOf('org:cali')).toEqual(expect.arrayContaining(['cali']));
  });

  it('tags every dispositif with at least one public and one theme', () => {
    const dispositifs = graph.nodes.filter((node) => node.label === 'Dispositif').map((node) => node.id);
    const tagged = (type: string) =>
      new Set(graph.relationships.filter((rel) => rel.type === type).map((rel) => rel.from));
    for (const id of dispositifs) {
      expect(tagged('TARGETS').has(id), `${id} TARGETS`).toBe(true);
      expect(tagged('ADDRESSES').has(id), `${id} ADDRESSES`).toBe(true);
    }
  });
});
