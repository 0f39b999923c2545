import { isObjectType, parse, type GraphQLResolveInfo, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { FIELD_READS } from '../../server/schema/field-reads.js';
import { projectionOf } from '../../server/schema/projection.js';
import { schema } from '../../server/yoga.js';

/** The object types whose parents are node or relationship rows, with their fields, from the schema. */
const rowTypes = Object.values(schema.getTypeMap())
  .filter(isObjectType)
  .filter((type) => type.getInterfaces().some((i) => i.name === 'Node' || i.name === 'Link'));

/** What projectionOf sees of a resolve call: the operation of a document and its fragments. */
function infoOf(document: string): GraphQLResolveInfo {
  const parsed = parse(document);
  const operation = parsed.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
  )!;
  const fragments = Object.fromEntries(
    parsed.definitions.flatMap((definition) =>
      definition.kind === 'FragmentDefinition' ? [[definition.name.value, definition]] : [],
    ),
  );
  return { schema, operation, fragments } as unknown as GraphQLResolveInfo;
}

describe('what each field reads of the rows', () => {
  it('covers every node and link type of the schema', () => {
    expect(rowTypes.map((type) => type.name).sort()).toEqual(Object.keys(FIELD_READS).sort());
  });

  it.each(rowTypes.map((type) => [type.name, type] as const))(
    'has an entry for every field of %s, and none for a field it lacks',
    (_name, type) => {
      const fields = Object.keys(type.getFields()).sort();
      expect(Object.keys(FIELD_READS[type.name] ?? {}).sort()).toEqual(fields);
    },
  );
});

describe('the projection of a request', () => {
  it('reads only the names a nested read asks', () => {
    const projection = projectionOf(
      infoOf(`query { node(id: "org:x") { ... on Organisation { id name carries {
        dispositif { id name territories { territory { id name } } } } } } }`),
    );
    expect(projection.node).toEqual(['name']);
    expect(projection.relation).toEqual([]);
  });

  it('adds what a field reads of the nodes it reaches, and of the relationships', () => {
    const projection = projectionOf(
      infoOf(`query { node(id: "reg:75") { ...Region } }
        fragment Region on Territory { parent { id } children(level: DEPARTEMENT) {
          id dispositifs { role sources { id } dispositif { ... on Dispositif { status } } } } }`),
    );
    expect(projection.node).toEqual(['level', 'status']);
    expect(projection.relation).toEqual(['role', 'sources']);
  });

  it('reads a field asked on an interface as every type implementing it reads it', () => {
    const projection = projectionOf(
      infoOf(`query { node(id: "src:x") { name relations { cursor node { ... on Source { title } } } } }`),
    );
    expect(projection.node).toEqual(['name', 'title']);
  });

  it('reads every property for a document whose selection cannot be told (a field without entry)', () => {
    const original = FIELD_READS.Organisation!.acronym;
    delete FIELD_READS.Organisation!.acronym;
    try {
      const projection = projectionOf(
        infoOf(`query { node(id: "org:x") { ... on Organisation { acronym } } }`),
      );
      expect(projection.node).toBeNull();
      expect(projection.relation).toBeNull();
    } finally {
      FIELD_READS.Organisation!.acronym = original!;
    }
  });
});
