import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/**
 * What a document may cost: every object costs 1, and a list multiplies what its
 * items select by how many items it may hold, so nesting lists (children → parents
 * → children…) grows as the answer would. Sized so that the page's heaviest view
 * (coverage of every commune, with each cell's applications) passes with room.
 */
export const MAX_QUERY_COST = 1_000_000;

/** A list's assumed size, fixed or depending on the field's arguments. */
type ListSize = number | ((args: Record<string, unknown>) => number);

/** Children of one level a territory holds at most (a région's départements, a département's EPCI…). */
const CHILDREN_BY_LEVEL: ReadonlyMap<string, number> = new Map([
  ['REGION', 1],
  ['DEPARTEMENT', 101],
  ['EPCI', 60],
  ['BASSIN', 20],
  ['COMMUNE', 700],
]);

/** Items a list usually holds when no argument bounds it. */
const DEFAULT_LIST_SIZE = 50;

/**
 * Lists known to hold more than the default, measured on the seed graph and the
 * national grid: `Type.field`, or `*.field` for a field of every type that has it.
 * Keys are checked against the schema by a unit test.
 */
export const ASSUMED_LIST_SIZES: ReadonlyMap<string, ListSize> = new Map<string, ListSize>([
  // A département holds up to ~700 communes, EPCI and bassins; fewer of one level.
  ['Territory.children', (args) => CHILDREN_BY_LEVEL.get(String(args.level)) ?? 700],
  // A commune is in its EPCI, its département, maybe a bassin.
  ['Territory.parents', 5],
  ['Territory.organisations', 100],
  ['Territory.dispositifs', 100],
  // A hub organisation or a source has hundreds of relations, on every node type.
  ['*.relations', 1000],
  // One count per relationship type and direction.
  ['*.relationCounts', 40],
  // Slices are bounded by their `limit` (300 by default, 1,000 at most).
  ['GraphSlice.nodes', 1000],
  ['GraphSlice.edges', 3000],
  // Coverage: one cell per territory of the level (4,293 communes in the région).
  ['Query.coverage', 5000],
  ['CoverageReport.cells', 5000],
  ['CoverageComparison.changes', 5000],
  // …each reached by a few dispositifs (at most 14 on the seed graph), through a few territories.
  ['CoverageCell.dispositifs', 20],
  ['CoverageCell.applications', 20],
  ['CoverageApplication.through', 5],
  ['CoverageChange.lost', 20],
  ['CoverageChange.gained', 20],
  // The compact form: one item per cell in each list.
  ['CoverageMap.territories', 5000],
  ['CoverageMap.names', 5000],
  ['CoverageMap.codes', 5000],
  ['CoverageMap.departements', 5000],
  ['CoverageMap.statuses', 5000],
  ['CoverageMap.populations', 5000],
  ['CoverageMap.coveredPopulations', 5000],
  ['CoverageMap.dispositifCounts', 5000],
  // Analysis: one entry per organisation of the partnership network (83 on the seed graph).
  ['NetworkMetrics.nodes', 5000],
  ['NetworkMetrics.communities', 500],
  ['Community.central', 5],
]);

/** Arguments that bound how many items a list returns. */
const SLICING_ARGUMENTS = ['first', 'limit'] as const;
/** Arguments listing the items asked for: the list holds at most that many. */
const ID_LIST_ARGUMENTS = ['ids'] as const;

function listSize(key: string, args: Record<string, unknown>): number {
  for (const name of ID_LIST_ARGUMENTS) {
    const value = args[name];
    if (Array.isArray(value)) return value.length;
  }
  for (const name of SLICING_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'number' && value >= 0) return value;
  }
  const size = ASSUMED_LIST_SIZES.get(key) ?? ASSUMED_LIST_SIZES.get(`*.${key.split('.')[1]}`);
  if (size === undefined) return DEFAULT_LIST_SIZE;
  return typeof size === 'number' ? size : size(args);
}

const estimateFieldCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Scalars and enums come with the row that holds them, lists of them too.
  if (isLeafType(getNamedType(field.type))) return 0;
  const own = 1 + childComplexity;
  const nullable = getNullableType(field.type);
  return isListType(nullable) ? listSize(`${type.name}.${field.name}`, args) * own : own;
};

/** The cost of one operation of a document, with its variables (as coerced or as sent). */
export function costOfOperation(p: {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}): number {
  return getComplexity({
    schema: p.schema,
    query: p.document,
    variables: p.variables ?? {},
    operationName: p.operationName ?? undefined,
    estimators: [estimateFieldCost],
  });
}
