import { afterAll, describe, expect, it } from 'vitest';
import { countGraph } from '../../graph/queries/stats.js';
import { loadSeedGraph } from '../../graph/queries/import.js';
import { loadDataset } from '../../seeds/load.js';
import { createTestApi } from '../helpers/graphql.js';

const api = createTestApi();
afterAll(() => api.close());

describe('seed loading', () => {
  it('changes nothing when the dataset is loaded a second time', async () => {
    const before = await countGraph(api.db);
    await loadDataset(api.db, () => {});
    expect(await countGraph(api.db)).toEqual(before);
  });

  it('writes nothing when one relationship points at a missing node', async () => {
    const before = await countGraph(api.db);
    const attempt = loadSeedGraph(api.db, {
      nodes: [
        { label: 'Organisation', id: 'org:atomicity-probe', props: { name: 'Atomicity probe', aliases: [] } },
      ],
      relationships: [
        { type: 'CARRIES', from: 'org:atomicity-probe', to: 'dis:missing', sources: ['src:x'], props: {} },
      ],
    });
    await expect(attempt).rejects.toThrow(/missing nodes/);
    expect(await countGraph(api.db)).toEqual(before);
  });

  it('refuses an invalid dataset, naming the file and line, and loads nothing', async () => {
    const before = await countGraph(api.db);
    await expect(loadDataset(api.db, () => {}, 'seeds/dataset/fixtures/unknown-id')).rejects.toThrow(
      /\.yaml:\d+ /,
    );
    expect(await countGraph(api.db)).toEqual(before);
  });
});
