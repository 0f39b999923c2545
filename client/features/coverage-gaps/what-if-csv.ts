import type { DependenciesQuery, OfferForQuery, SinglePointsOfFailureQuery } from '../../gql/graphql.js';
import { csvField } from './csv.js';

/** The three what-if lists as CSV (one header line, `;`-free fields quoted), for spreadsheets. */
function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return (
    [header, ...rows].map((row) => row.map((value) => csvField(String(value))).join(',')).join('\r\n') +
    '\r\n'
  );
}

const names = (items: readonly { name: string }[]) => items.map((item) => item.name).join(' | ');

export function dependenciesCsv(rows: DependenciesQuery['dependencies']): string {
  return toCsv(
    ['theme', 'territoire_id', 'territoire', 'code', 'population', 'dispositifs'],
    rows.map((row) => [
      row.theme.name,
      row.territory.id,
      row.territory.name,
      row.territory.code ?? '',
      row.population,
      names(row.dispositifs),
    ]),
  );
}

export function singlePointsOfFailureCsv(rows: SinglePointsOfFailureQuery['singlePointsOfFailure']): string {
  return toCsv(
    ['organisation_id', 'organisation', 'population', 'nb_territoires', 'territoires', 'dispositifs'],
    rows.map((row) => [
      row.organisation.id,
      row.organisation.name,
      row.population,
      row.cells.length,
      names(row.cells),
      names(row.dispositifs),
    ]),
  );
}

/** Words for `OfferItem.distance`. */
export const DISTANCE_TEXT = ['dans la commune', 'EPCI ou bassin', 'département', 'région', 'France'];
export const distanceText = (distance: number) => DISTANCE_TEXT[distance] ?? 'plus loin';

export function offerCsv(items: OfferForQuery['offerFor']): string {
  return toCsv(
    [
      'distance',
      'echelle',
      'dispositif_id',
      'dispositif',
      'statut',
      'debut',
      'fin',
      'via',
      'porteurs',
      'prescripteurs',
    ],
    items.map((item) => [
      item.distance,
      distanceText(item.distance),
      item.dispositif.id,
      item.dispositif.name,
      item.dispositif.status ?? '',
      item.dispositif.startDate ?? '',
      item.dispositif.endDate ?? '',
      names(item.through),
      names(item.dispositif.carriers.map((link) => link.organisation)),
      names(item.dispositif.prescribers.map((link) => link.organisation)),
    ]),
  );
}
