import { Kind, parse, type OperationDefinitionNode } from 'graphql';

/**
 * The root fields of the operation `query` selects (by `operationName`) when it is a
 * mutation, null otherwise: what decides, before execution, a request's deadline, body
 * limit or how its viewer is found. A document without the word `mutation` holds no
 * mutation (the keyword is required), so reads are answered without parsing.
 */
export function rootMutationFields(query: unknown, operationName: unknown): string[] | null {
  if (typeof query !== 'string' || !query.includes('mutation')) return null;
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query, { noLocation: true }).definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return null;
  }
  const operation =
    typeof operationName === 'string'
      ? operations.find((candidate) => candidate.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  if (!operation || operation.operation !== 'mutation') return null;
  const selections = operation.selectionSet.selections;
  return selections.every((selection) => selection.kind === Kind.FIELD)
    ? selections.map((selection) => (selection.kind === Kind.FIELD ? selection.name.value : ''))
    : [];
}

/** True when some root fields were selected and all are among `fields`. */
export const onlyAmong = (roots: readonly string[] | null, fields: ReadonlySet<string>): boolean =>
  !!roots && roots.length > 0 && roots.every((field) => fields.has(field));

/** True when the operation `query` selects (by `operationName`) is a mutation with only `fields` at its root. */
export function selectsOnlyMutations(
  query: unknown,
  operationName: unknown,
  fields: ReadonlySet<string>,
): boolean {
  return onlyAmong(rootMutationFields(query, operationName), fields);
}
