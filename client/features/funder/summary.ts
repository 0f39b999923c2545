import type { Slice } from '../graph/types';

export interface Counted {
  id: string;
  name: string;
  count: number;
}

export interface FundedItem {
  id: string;
  name: string;
  kind: string;
  amount: string | null;
  period: string | null;
}

export interface TerritoryTotal extends Counted {
  /** Sum of the stated amounts, in euros, when every funded dispositif there states one. */
  amount: number | null;
}

export interface FunderSummary {
  funded: FundedItem[];
  carriers: Counted[];
  partners: Counted[];
  coFunders: Counted[];
  territories: TerritoryTotal[];
  themes: Counted[];
}

/** "50 000 €", "1,2 M€", "30000 euros" → euros; null when the text states no single amount. */
export function parseAmount(text: string | null | undefined): number | null {
  if (!text) return null;
  const match = /(\d[\d\s\u202f\u00a0.]*(?:,\d+)?)\s*(k|m|md)?\s*(€|euros?)/i.exec(text);
  if (!match) return null;
  const number = Number(match[1]!.replace(/[\s\u202f\u00a0.]/g, '').replace(',', '.'));
  if (!Number.isFinite(number)) return null;
  const unit = (match[2] ?? '').toLowerCase();
  const factor = unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : unit === 'md' ? 1e9 : 1;
  return number * factor;
}

function countBy(pairs: readonly { id: string; about: string }[], names: Map<string, string>): Counted[] {
  const counts = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const set = counts.get(pair.id) ?? new Set<string>();
    set.add(pair.about);
    counts.set(pair.id, set);
  }
  return [...counts]
    .map(([id, set]) => ({ id, name: names.get(id) ?? id, count: set.size }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'fr'));
}

/** What a funder funds and around it, from the funder view's slice. */
export function summariseFunder(slice: Slice, funderId: string): FunderSummary {
  const names = new Map(slice.nodes.map((node) => [node.id, node.label]));
  const kinds = new Map(slice.nodes.map((node) => [node.id, node.kind]));
  const fundsEdges = slice.edges.filter((edge) => edge.type === 'FUNDS' && edge.source === funderId);
  const funded = fundsEdges
    .map((edge) => ({
      id: edge.target,
      name: names.get(edge.target) ?? edge.target,
      kind: kinds.get(edge.target) ?? 'DISPOSITIF',
      amount: typeof edge.props.amount === 'string' ? edge.props.amount : null,
      period: typeof edge.props.period === 'string' ? edge.props.period : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  const fundedIds = new Set(funded.map((item) => item.id));
  const amountOf = new Map(funded.map((item) => [item.id, parseAmount(item.amount)]));
  const around = (types: string[]) =>
    slice.edges
      .filter((edge) => types.includes(edge.type) && fundedIds.has(edge.target) && edge.source !== funderId)
      .map((edge) => ({ id: edge.source, about: edge.target }));
  const outOf = (type: string) =>
    slice.edges
      .filter((edge) => edge.type === type && fundedIds.has(edge.source))
      .map((edge) => ({ id: edge.target, about: edge.source }));

  const places = outOf('DEPLOYED_IN');
  const territories = countBy(places, names).map((territory) => {
    const dispositifs = places.filter((place) => place.id === territory.id).map((place) => place.about);
    const amounts = dispositifs.map((id) => amountOf.get(id) ?? null);
    const amount = amounts.every((value) => value !== null)
      ? amounts.reduce<number>((sum, value) => sum + (value ?? 0), 0)
      : null;
    return { ...territory, amount };
  });

  return {
    funded,
    carriers: countBy(around(['CARRIES']), names),
    partners: countBy(around(['PARTNERS_IN', 'PRESCRIBES']), names),
    coFunders: countBy(around(['FUNDS']), names),
    territories,
    themes: countBy(outOf('ADDRESSES'), names),
  };
}
