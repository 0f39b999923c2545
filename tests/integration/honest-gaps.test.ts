/**
 * Honest gaps over the curated dataset (seeds/data): the sources an answer rests
 * on, the actors recorded per territory, and the dispositifs nearest to a gap.
 */
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  NEAREST_DISPOSITIFS_QUERY,
  RECORDED_ACTORS_QUERY,
  SOURCE_TALLIES_QUERY,
} from '../../client/features/coverage-gaps/honest-gaps-queries.js';
import { createTestApi, firstErrorCode } from '../helpers/graphql.js';

const api = createTestApi();
afterAll(() => api.close());

describe('honest gaps', () => {
  it('tells the sources loaded, by kind, with their dates, as the Source nodes hold them', async () => {
    const { data } = await api.execute(SOURCE_TALLIES_QUERY, {});
    const articles = data?.sourceTallies.find((tally) => tally.kind === 'article');
    const files = readdirSync(new URL('../../seeds/data/articles', import.meta.url)).filter((file) =>
      file.endsWith('.yaml'),
    );
    expect(articles?.count).toBe(files.length);
    expect(articles?.firstDate?.slice(0, 4)).toBe('2019');
    expect(articles?.lastDate?.slice(0, 4)).toBe('2019');
    expect(articles?.publisher).toBe('Cap Métiers Nouvelle-Aquitaine');
  });

  it('counts recorded organisations and dispositifs per cell, in the cells’ order', async () => {
    const { data } = await api.execute(RECORDED_ACTORS_QUERY, { level: 'DEPARTEMENT', within: 'reg:75' });
    const actors = data!.recordedActors;
    expect(actors.territories).toHaveLength(12);
    const of = (id: string) => {
      const at = actors.territories.indexOf(id);
      return { organisations: actors.organisations[at], dispositifs: actors.dispositifs[at] };
    };
    // The Gironde holds most of the articles' actors; the Creuse none of them.
    expect(of('dep:33').organisations).toBeGreaterThan(5);
    expect(of('dep:33').dispositifs).toBeGreaterThan(5);
    expect(of('dep:23')).toEqual({ organisations: 0, dispositifs: 0 });
    const refused = await api.execute(RECORDED_ACTORS_QUERY, { level: 'BASSIN', within: 'epci:200070092' });
    expect(firstErrorCode(refused)).toBe('BAD_USER_INPUT');
  });

  it('lists what could be extended into a gap: same EPCI first, with who carries and funds it', async () => {
    // Chauray, in the CA du Niortais: the Niort fab lab's schemes are deployed in Niort itself.
    const { data } = await api.execute(NEAREST_DISPOSITIFS_QUERY, {
      territory: 'com:79081',
      filter: { public: 'public:actifs' },
      first: 10,
    });
    const hits = data!.nearestDispositifs;
    expect(hits.map((hit) => hit.dispositif.id)).toContain('dis:lab-eno');
    expect(hits[0]?.ring).toBe('SAME_EPCI');
    const lab = hits.find((hit) => hit.dispositif.id === 'dis:lab-eno')!;
    expect(lab.deployedIn.map((place) => place.id)).toEqual(['com:79191']);
    expect(lab.dispositif.carriers.length).toBeGreaterThan(0);
    // Nearest first: no ring after a farther one.
    const order = ['SAME_EPCI', 'SAME_DEPARTEMENT', 'ADJACENT_DEPARTEMENT'];
    const rings = hits.map((hit) => order.indexOf(hit.ring));
    expect(rings).toEqual([...rings].sort((a, b) => a - b));
  });

  it('reaches neighbouring départements for a département without the filter', async () => {
    // Mobility: none in the Charente; the Libournais platform reaches the Dordogne next door.
    const { data } = await api.execute(NEAREST_DISPOSITIFS_QUERY, {
      territory: 'dep:16',
      filter: { theme: 'theme:mobilite' },
      first: 10,
    });
    const platform = data!.nearestDispositifs.find(
      (hit) => hit.dispositif.id === 'dis:plateforme-mobilite-libournais',
    );
    expect(platform).toMatchObject({
      ring: 'ADJACENT_DEPARTEMENT',
      deployedIn: [{ id: 'bassin:libournais' }],
    });
    // The Gironde itself borders no Charente: its own platforms are not listed.
    expect(data!.nearestDispositifs.map((hit) => hit.dispositif.id)).not.toContain(
      'dis:plateformes-mobilite-gironde',
    );
  });

  it('refuses an unknown territory or theme, and an oversized page', async () => {
    const unknown = await api.execute(NEAREST_DISPOSITIFS_QUERY, { territory: 'com:00000', first: 5 });
    expect(firstErrorCode(unknown)).toBe('NOT_FOUND');
    const theme = await api.execute(NEAREST_DISPOSITIFS_QUERY, {
      territory: 'dep:16',
      filter: { theme: 'theme:nope' },
    });
    expect(firstErrorCode(theme)).toBe('BAD_USER_INPUT');
    const page = await api.execute(NEAREST_DISPOSITIFS_QUERY, { territory: 'dep:16', first: 500 });
    expect(firstErrorCode(page)).toBe('BAD_USER_INPUT');
  });
});
