/**
 * Compressed adjacency (CSR): member i's entries are `neighbours[starts[i]..starts[i+1])`.
 * The projections and metrics of graph/analysis walk millions of entries, which
 * typed arrays hold without an object per entry.
 */
export interface Adjacency {
  starts: Int32Array;
  neighbours: Int32Array;
}

/**
 * Builds the adjacency of `width` members from `entries`, which calls `add(member, entry)`
 * for each entry and is called twice (once to count, once to fill); entries keep their order.
 */
export function compressedAdjacency(
  width: number,
  entries: (add: (member: number, entry: number) => void) => void,
): Adjacency {
  const starts = new Int32Array(width + 1);
  entries((member) => (starts[member + 1]! += 1));
  for (let m = 0; m < width; m += 1) starts[m + 1]! += starts[m]!;
  const neighbours = new Int32Array(starts[width]!);
  const fill = starts.slice(0, width);
  entries((member, entry) => (neighbours[fill[member]!++] = entry));
  return { starts, neighbours };
}
