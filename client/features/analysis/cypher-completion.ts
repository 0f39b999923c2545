/**
 * What the Cypher editor proposes at the cursor, from the text before it and the
 * graph's schema: labels after `(x:`, relationship types after `[r:`, property keys
 * after `x.` (those of x's label or type when the query names it), keywords elsewhere.
 */

export interface CypherSchema {
  labels: { name: string; properties: string[] }[];
  relationshipTypes: { name: string; properties: string[] }[];
}

export interface CompletionAt {
  /** Offset in the text where the replaced word starts. */
  from: number;
  kind: 'label' | 'type' | 'property' | 'keyword';
  options: string[];
}

export const CYPHER_KEYWORDS = [
  'MATCH',
  'OPTIONAL MATCH',
  'WHERE',
  'RETURN',
  'WITH',
  'UNWIND',
  'ORDER BY',
  'LIMIT',
  'SKIP',
  'DISTINCT',
  'AS',
  'AND',
  'OR',
  'NOT',
  'IN',
  'IS NULL',
  'IS NOT NULL',
  'CONTAINS',
  'STARTS WITH',
  'ENDS WITH',
  'EXISTS',
  'COUNT',
  'CALL',
  'YIELD',
  'UNION',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'SHORTEST',
  'collect',
  'count',
  'size',
  'coalesce',
  'labels',
  'type',
  'nodes',
  'relationships',
];

/**
 * What the editor completes before the graph's schema has arrived: the domain's
 * labels and relationship types (DOMAIN.md §2–3), without property keys.
 */
export function fallbackSchema(relationTypes: readonly string[]): CypherSchema {
  const labels = ['Organisation', 'Dispositif', 'Territory', 'Person', 'Theme', 'Public', 'Source'];
  return {
    labels: labels.map((name) => ({ name, properties: [] })),
    relationshipTypes: relationTypes.map((name) => ({ name, properties: [] })),
  };
}

const unique = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** The innermost bracket left open before `end`: `(` in a node pattern, `[` in a relationship. */
function openBracket(text: string, end: number): '(' | '[' | '{' | null {
  const stack: string[] = [];
  let quote: string | null = null;
  for (let index = 0; index < end; index++) {
    const char = text[index]!;
    if (quote) {
      if (char === quote) quote = null;
      continue;
    }
    if (char === "'" || char === '"' || char === '`') quote = char;
    else if (char === '(' || char === '[' || char === '{') stack.push(char);
    else if (char === ')' || char === ']' || char === '}') stack.pop();
  }
  return (stack.at(-1) as '(' | '[' | '{' | undefined) ?? null;
}

/** The label or type the query gives `variable` (`(o:Organisation`, `[r:CARRIES`), if any. */
function boundName(text: string, variable: string): string | undefined {
  const escaped = variable.replace(/[^\w]/g, '');
  return new RegExp(`[([]\\s*${escaped}\\s*:\\s*(\\w+)`).exec(text)?.[1];
}

export function completeCypher(text: string, cursor: number, schema: CypherSchema): CompletionAt | null {
  const before = text.slice(0, cursor);
  const afterColon = /:\s*(\w*)$/.exec(before);
  if (afterColon) {
    const from = cursor - afterColon[1]!.length;
    const bracket = openBracket(text, cursor);
    if (bracket === '[')
      return { from, kind: 'type', options: schema.relationshipTypes.map((entry) => entry.name) };
    if (bracket === '(') return { from, kind: 'label', options: schema.labels.map((entry) => entry.name) };
    return null;
  }
  const afterDot = /\b(\w+)\.(\w*)$/.exec(before);
  if (afterDot) {
    const from = cursor - afterDot[2]!.length;
    const bound = boundName(text, afterDot[1]!);
    const entries = [...schema.labels, ...schema.relationshipTypes];
    const own = entries.filter((entry) => entry.name === bound);
    const options = unique((own.length ? own : entries).flatMap((entry) => entry.properties));
    return { from, kind: 'property', options };
  }
  const word = /\b([A-Za-z]\w*)$/.exec(before);
  if (!word) return null;
  return { from: cursor - word[1]!.length, kind: 'keyword', options: CYPHER_KEYWORDS };
}
