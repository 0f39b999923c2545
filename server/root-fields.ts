import { Kind, parse, type OperationDefinitionNode } from 'graphql';

/**
 * True when the operation `query` selects (by `operationName`) is a mutation with only
 * `fields` at its root: what decides, before execution, a request's deadline, body limit
 * or how its viewer is found.
 */
export function selectsOnlyMutations(
  query: unknown,
  operationName: unknown,
  fields: ReadonlySet<string>,
): boolean {
  if (typeof query !== 'string') return false;
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query, { noLocation: true }).definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return false;
  }
  const operation =
    typeof operationName === 'string'
      ? operations.find((candidate) => candidate.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  if (!operation || operation.operation !== 'mutation') return false;
  const selections = operation.selectionSet.selections;
  return (
    selections.length > 0 &&
    selections.every((selection) => selection.kind === Kind.FIELD && fields.has(selection.name.value))
  );
}
