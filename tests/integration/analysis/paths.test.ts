import { afterAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../../helpers/graphql.js';

const api = createTestApi();
afterAll(() => api.close());

const PATHS = /* GraphQL */ `
  query AnalysisPaths(
    $from: ID!
    $to: ID!
    $kinds: [NodeKind!]
    $excludeKinds: [NodeKind!]
    $maxLength: Int
    $k: Int
  ) {
    shortestPaths(
      from: $from
      to: $to
      kinds: $kinds
      excludeKinds: $excludeKinds
      maxLength: $maxLength
      k: $k
    ) {
      nodes {
        id
        kind
      }
      edges {
        source
        target
        type
      }
    }
    shortestPath(from: $from, to: $to, kinds: $kinds, excludeKinds: $excludeKinds, maxLength: $maxLength) {
      nodes {
        id
      }
    }
  }
`;

interface Path {
  nodes: { id: string; kind: string }[];
  edges: { source: string; target: string; type: string }[];
}
interface PathsAnswer {
  data?: { shortestPaths: Path[]; shortestPath: { nodes: { id: string }[] } } | null;
  errors?: { extensions?: Record<string, unknown> }[];
}

const paths = async (variables: Record<string, unknown>) =>
  (await api.execute(PATHS, {
    from: 'org:wejob',
    to: 'org:region-nouvelle-aquitaine',
    ...variables,
  })) as PathsAnswer;
const inner = (path: Path) => path.nodes.slice(1, -1);

describe('shortest paths', () => {
  it('by default does not cross publics, themes, sources or the région', async () => {
    const { data, errors } = await paths({});
    expect(errors).toBeUndefined();
    expect(data!.shortestPaths.length).toBeGreaterThan(0);
    for (const path of data!.shortestPaths) {
      expect(path.nodes[0]!.id).toBe('org:wejob');
      expect(path.nodes.at(-1)!.id).toBe('org:region-nouvelle-aquitaine');
      for (const node of inner(path)) {
        expect(['PUBLIC', 'THEME', 'SOURCE']).not.toContain(node.kind);
        expect(node.id).not.toBe('reg:75');
      }
    }
    expect(data!.shortestPath.nodes.map((node) => node.id)).toEqual(
      data!.shortestPaths[0]!.nodes.map((node) => node.id),
    );
  });

  it('crosses a public when nothing is excluded, as the old path did', async () => {
    const open = (await paths({ excludeKinds: [] })).data!.shortestPaths;
    const guarded = (await paths({})).data!.shortestPaths;
    expect(open[0]!.nodes.length).toBeLessThanOrEqual(guarded[0]!.nodes.length);
    expect(open.some((path) => inner(path).some((node) => ['PUBLIC', 'TERRITORY'].includes(node.kind)))).toBe(
      true,
    );
  });

  it('lists k paths through organisations and dispositifs only, shortest first, each a chain', async () => {
    const { data } = await paths({ kinds: ['ORGANISATION', 'DISPOSITIF'], maxLength: 10, k: 3 });
    const found = data!.shortestPaths;
    expect(found).toHaveLength(3);
    const lengths = found.map((path) => path.edges.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    for (const path of found) {
      for (const node of inner(path)) expect(['ORGANISATION', 'DISPOSITIF']).toContain(node.kind);
      path.edges.forEach((edge, index) => {
        const [a, b] = [path.nodes[index]!.id, path.nodes[index + 1]!.id];
        expect([edge.source, edge.target].sort()).toEqual([a, b].sort());
      });
    }
    expect(new Set(found.map((path) => path.nodes.map((node) => node.id).join('>'))).size).toBe(3);
  });

  it('answers none when the kinds allowed cannot connect them within maxLength', async () => {
    const { data } = await paths({ kinds: ['ORGANISATION', 'DISPOSITIF'], maxLength: 3 });
    expect(data!.shortestPaths).toEqual([]);
    expect(data!.shortestPath.nodes).toEqual([]);
  });

  it.each([{ k: 0 }, { k: 11 }, { maxLength: 11 }])('refuses %o', async (variables) => {
    expect((await paths(variables)).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
