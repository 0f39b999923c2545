import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { findSavedQuery, SAVED_QUERIES } from '../../../graph/queries/saved-queries.js';
import { assertNodeCheck, parseSavedQueryParams } from './saved-query-params.js';

const query = (id: string) => findSavedQuery(id)!;
function argumentOf(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (error as GraphQLError).extensions.argument;
  }
  throw new Error('expected a BAD_USER_INPUT');
}

describe('parseSavedQueryParams', () => {
  it('fills in defaults and nulls', () => {
    expect(parseSavedQueryParams(query('brokers'), {}).values).toEqual({ first: 10 });
    expect(parseSavedQueryParams(query('ended-without-successor'), null).values).toEqual({ asOf: null });
  });

  it('lists the nodes to check against the graph', () => {
    const { values, checks } = parseSavedQueryParams(query('funder-reach'), { funder: 'org:wejob', hops: 2 });
    expect(values).toEqual({ funder: 'org:wejob', hops: 2 });
    expect(checks.map((check) => check.id)).toEqual(['org:wejob']);
  });

  it.each([
    ['funder-reach', {}, 'params.funder'],
    ['funder-reach', { funder: 'theme:mobilite' }, 'params.funder'],
    ['funder-reach', { funder: 'org:wejob', hops: 4 }, 'params.hops'],
    ['funder-reach', { funder: 'org:wejob', hops: 1.5 }, 'params.hops'],
    ['funder-reach', { funder: 'org:wejob', depth: 1 }, 'params.depth'],
    ['referrals-in-departement', { departement: 'org:wejob' }, 'params.departement'],
    ['theme-operators', { theme: 'public:jeunes' }, 'params.theme'],
    [
      'dispositifs-for-public-in-territory',
      { public: 'public:jeunes', territory: 'dep:33', activeOn: '2019-02-30' },
      'params.activeOn',
    ],
    ['organisations-without-partner', { type: 'NOPE' }, 'params.type'],
    ['organisations-by-name', { text: '   ' }, 'params.text'],
    ['organisations-by-name', { text: 'x'.repeat(201) }, 'params.text'],
  ])('%s refuses %o, naming %s', (id, params, name) => {
    expect(argumentOf(() => parseSavedQueryParams(query(id), params))).toBe(name);
  });

  it('refuses params that are not an object', () => {
    expect(argumentOf(() => parseSavedQueryParams(query('brokers'), [1]))).toBe('params');
  });

  it('checks a territory level once the node is found', () => {
    const { checks } = parseSavedQueryParams(query('referrals-in-departement'), { departement: 'com:33063' });
    expect(argumentOf(() => assertNodeCheck(checks[0]!, { props: { level: 'COMMUNE' } }))).toBe(
      'params.departement',
    );
    expect(() => assertNodeCheck(checks[0]!, { props: { level: 'DEPARTEMENT' } })).not.toThrow();
    expect(argumentOf(() => assertNodeCheck(checks[0]!, null))).toBe('params.departement');
  });

  it('has at least 12 queries, for every audience, each default of its own type', () => {
    expect(SAVED_QUERIES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(SAVED_QUERIES.flatMap((saved) => saved.audience))).toEqual(
      new Set(['PLANNER', 'FUNDER', 'ANALYST']),
    );
    expect(new Set(SAVED_QUERIES.map((saved) => saved.id)).size).toBe(SAVED_QUERIES.length);
    for (const saved of SAVED_QUERIES) {
      const optional = Object.fromEntries(
        saved.parameters
          .filter((parameter) => parameter.required && parameter.default == null)
          .map((p) => [p.name, undefined]),
      );
      // Defaults alone must parse, once required node parameters are set aside.
      const withoutRequired = { ...saved, parameters: saved.parameters.filter((p) => !(p.name in optional)) };
      expect(() => parseSavedQueryParams(withoutRequired, {})).not.toThrow();
    }
  });
});
