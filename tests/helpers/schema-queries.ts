import {
  getNamedType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** Values for required arguments, by `field.argument` or by name: ids that exist in the seed data. */
const SAMPLE_BY_ARGUMENT: Record<string, unknown> = {
  'territoryScope.id': 'dep:33',
  id: 'org:wejob',
  ids: ['org:wejob', 'reg:75'],
  from: 'org:wejob',
  to: 'reg:75',
  within: 'reg:75',
  territory: 'dep:33',
  commune: 'com:33243',
  organisation: 'org:wejob',
  text: 'wejob',
  level: 'DEPARTEMENT',
  'cypher.query': 'RETURN 1 AS one',
  'runSavedQuery.id': 'brokers',
};

function sampleOfType(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleOfType(type.ofType);
  if (isListType(type)) return [sampleOfType(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, sampleOf(field)]),
    );
  }
  return (
    { ID: 'reg:75', String: 'wejob', Int: 1, Float: 1, Boolean: true, Date: '2019-06-01' }[type.name] ?? {}
  );
}

function sampleOf(arg: Pick<GraphQLArgument, 'name' | 'type'>, field?: string): unknown {
  for (const key of [`${field}.${arg.name}`, arg.name]) {
    if (Object.hasOwn(SAMPLE_BY_ARGUMENT, key)) return SAMPLE_BY_ARGUMENT[key];
  }
  return sampleOfType(arg.type);
}

/** One well-formed operation per field of a root type, its required arguments filled from the seed data. */
export function operationsForRootFields(
  schema: GraphQLSchema,
  root: 'query' | 'mutation' = 'query',
): { field: string; query: string; variables: Record<string, unknown> }[] {
  const type = root === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(type?.getFields() ?? {}).map((field: GraphQLField<unknown, unknown>) => {
    const required = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
    const definitions = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
    const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
    return {
      field: field.name,
      query: `${root}${definitions ? `(${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
      variables: Object.fromEntries(required.map((arg) => [arg.name, sampleOf(arg, field.name)])),
    };
  });
}
