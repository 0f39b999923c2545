import { afterAll, describe, expect, it } from 'vitest';
// The page's own document (client/features/search/queries.ts): what the search box sends is what is tested.
import { SEARCH_QUERY as SEARCH } from '../../client/features/search/queries.js';
import { createTestApi, firstErrorCode } from '../helpers/graphql.js';

const api = createTestApi();
afterAll(() => api.close());

const idsFor = async (text: string, kinds?: ('ORGANISATION' | 'TERRITORY')[]) =>
  (await api.execute(SEARCH, { text, kinds, first: 50 })).data?.search.map((hit) => hit.node.id) ?? [];

describe('search', () => {
  it('ignores accents and case', async () => {
    const lower = await idsFor('ecole');
    expect(lower.length).toBeGreaterThan(0);
    expect(await idsFor('École')).toEqual(lower);
    expect(await idsFor('ECOLE')).toEqual(lower);
  });

  it('matches word prefixes: "miss" finds the missions locales', async () => {
    const result = await api.execute(SEARCH, { text: 'miss', kinds: ['ORGANISATION'], first: 20 });
    const names = result.data?.search.map((hit) => hit.node.name) ?? [];
    expect(names.some((name) => /^mission locale/i.test(name))).toBe(true);
  });

  it('ranks an exact commune name first among territories', async () => {
    const result = await api.execute(SEARCH, { text: 'libourne', kinds: ['TERRITORY'], first: 5 });
    expect(result.data?.search[0]?.node.id).toBe('com:33243');
  });

  it('finds a node by any of its spellings, aliases or acronym', async () => {
    for (const text of ['Pôle emploi', 'POLE EMPLOI', 'France Travail']) {
      expect((await idsFor(text, ['ORGANISATION']))[0], text).toBe('org:pole-emploi');
    }
    expect(await idsFor('CALI', ['ORGANISATION'])).toContain('org:cali');
    expect(await idsFor("Communauté d'agglomération du Libournais", ['ORGANISATION'])).toContain('org:cali');
  });

  it('reads St/Ste/Saint and CC/CA as the words they stand for: "st emilion" finds Saint-Émilion', async () => {
    const hits = await idsFor('st emilion');
    for (const id of ['bassin:saint-emilionnais', 'epci:200035533', 'org:cc-grand-saint-emilionnais'])
      expect(hits.slice(0, 10), id).toContain(id);
    expect(await idsFor('st emilion')).toEqual(await idsFor('Saint-Émilion'));
    // Both ways: the grid spells EPCI « CC du … », the dataset « Communauté de communes du … ».
    const spelled = await idsFor('Communauté de communes du Grand Saint-Émilionnais');
    expect(spelled.slice(0, 2).sort()).toEqual(['epci:200035533', 'org:cc-grand-saint-emilionnais']);
    const short = await idsFor('CC du Grand St-Émilionnais');
    expect(short.slice(0, 2).sort()).toEqual(['epci:200035533', 'org:cc-grand-saint-emilionnais']);
    const agglomeration = await idsFor('CA du Libournais');
    expect(agglomeration.slice(0, 2).sort()).toEqual(['epci:200070092', 'org:cali']);
    expect((await idsFor('Ste Foy la Grande', ['TERRITORY']))[0]).toBe('com:33402');
  });

  it('forgives one typo in a word of five letters or more, ranking the same node first', async () => {
    expect((await idsFor('Libourne', ['TERRITORY']))[0]).toBe('com:33243');
    expect((await idsFor('Lbourne', ['TERRITORY']))[0]).toBe('com:33243');
    for (const text of ['France Travial', 'Pole emplio', 'pôle emploi'])
      expect((await idsFor(text, ['ORGANISATION']))[0], text).toBe('org:pole-emploi');
    const missions = await api.execute(SEARCH, { text: 'mision locale', kinds: ['ORGANISATION'], first: 5 });
    expect(missions.data?.search[0]?.node.name).toMatch(/^Mission locale/);
    // Words under five letters stay exact: "cale" is not "CALI".
    expect(await idsFor('cale', ['ORGANISATION'])).not.toContain('org:cali');
  });

  it('keeps to the kinds asked for', async () => {
    const result = await api.execute(SEARCH, { text: 'saint', kinds: ['ORGANISATION'], first: 20 });
    expect(result.data?.search.every((hit) => hit.node.kind === 'ORGANISATION')).toBe(true);
  });

  it('returns nothing for punctuation only, and refuses an oversized page', async () => {
    expect(await idsFor('  ;; ')).toEqual([]);
    expect(firstErrorCode(await api.execute(SEARCH, { text: 'a', first: 1000 }))).toBe('BAD_USER_INPUT');
  });
});
