import { describe, expect, it } from 'vitest';
import { edge, node, PATH_SLICE } from '../../test-fixtures/slices';
import { describePath, pathSteps } from './describe';

describe('a path in French', () => {
  it('reads each relationship in the walking direction', () => {
    expect(describePath(PATH_SLICE)).toBe('WeJOB — a son siège à → Bordeaux — fait partie de → Gironde');
  });
  it('reads backwards relationships with their inverse wording', () => {
    const slice = {
      truncated: false,
      nodes: [
        node('dep:33', 'TERRITORY', 'Gironde'),
        node('com:33063', 'TERRITORY', 'Bordeaux'),
        node('org:wejob', 'ORGANISATION', 'WeJOB'),
      ],
      edges: [edge('com:33063', 'PART_OF', 'dep:33'), edge('org:wejob', 'LOCATED_IN', 'com:33063')],
    };
    expect(pathSteps(slice).map((step) => step.relation)).toEqual(['contient', 'siège de']);
  });
  it('says nothing more than the node for a one-node path', () => {
    expect(
      describePath({ truncated: false, nodes: [node('org:wejob', 'ORGANISATION', 'WeJOB')], edges: [] }),
    ).toBe('WeJOB');
  });
});
