import type { CoverageVia, OrganisationType } from '../../gql/graphql.js';
import type { CoverageLevel, CoverageStatus } from './types.js';

export const STATUS_TEXT: Record<CoverageStatus, string> = {
  COVERED: 'Couvert',
  PARTIAL: 'Partiel',
  // « recensé »: the sources loaded record none, which is not to say there is none.
  NONE: 'Aucun dispositif recensé',
};

/**
 * Colours that stay apart for the common colour-vision deficiencies (blue,
 * light orange, dark red-brown differ in lightness too); gaps are the darkest.
 */
export const STATUS_COLOURS: Record<CoverageStatus, string> = {
  COVERED: '#4a90c2',
  PARTIAL: '#f5c26b',
  NONE: '#8c2d04',
};

export const STATUS_ORDER: CoverageStatus[] = ['NONE', 'PARTIAL', 'COVERED'];

export const VIA_TEXT: Record<CoverageVia, string> = {
  DEPLOYED: 'déployé ici',
  INHERITED: 'hérité',
  PARTIAL: 'partiel',
};

export const LEVEL_TEXT: Record<
  CoverageLevel,
  { one: string; many: string; unit: string; unitOne: string; feminine?: boolean }
> = {
  DEPARTEMENT: { one: 'Département', many: 'Départements', unit: 'départements', unitOne: 'département' },
  EPCI: { one: 'EPCI', many: 'EPCI', unit: 'EPCI', unitOne: 'EPCI' },
  COMMUNE: { one: 'Commune', many: 'Communes', unit: 'communes', unitOne: 'commune', feminine: true },
  BASSIN: { one: 'Bassin', many: 'Bassins', unit: 'bassins', unitOne: 'bassin' },
};

/** « 1 département », « 12 départements »: a count of cells of a level. */
export function countOf(level: CoverageLevel, count: number): string {
  const { unit, unitOne } = LEVEL_TEXT[level];
  return `${count.toLocaleString('fr-FR')} ${count === 1 ? unitOne : unit}`;
}

/** « 1 dispositif », « 3 dispositifs ». */
export const dispositifsOf = (count: number) =>
  `${count.toLocaleString('fr-FR')} ${count === 1 ? 'dispositif' : 'dispositifs'}`;
export const COVERAGE_LEVELS = Object.keys(LEVEL_TEXT) as CoverageLevel[];

/** Organisation types a carrier may have (DOMAIN.md §4), with French words where the code is obscure. */
export const CARRIER_TYPES: { code: OrganisationType; label: string }[] = [
  { code: 'ML', label: 'Mission locale' },
  { code: 'FT', label: 'France Travail' },
  { code: 'CAP_EMPLOI', label: 'Cap emploi' },
  { code: 'PLIE', label: 'PLIE' },
  { code: 'CCAS', label: 'CCAS' },
  { code: 'ASSO', label: 'Association' },
  { code: 'OF', label: 'Organisme de formation' },
  { code: 'E2C', label: 'École de la 2e chance' },
  { code: 'MDE', label: "Maison de l'emploi" },
  { code: 'FABLAB', label: 'Fab lab' },
  { code: 'TIERS_LIEUX', label: 'Tiers-lieu' },
  { code: 'CD', label: 'Conseil départemental' },
  { code: 'DEPT', label: 'Département' },
  { code: 'REG', label: 'Région' },
  { code: 'EPCI', label: 'Intercommunalité' },
  { code: 'MUNI', label: 'Commune' },
  { code: 'CCONS', label: 'Chambre consulaire' },
  { code: 'DEETS', label: 'DEETS / DREETS' },
  { code: 'SIAE', label: "Structure d'insertion" },
  { code: 'EA', label: 'Entreprise adaptée' },
  { code: 'CHAMBRE_CONSULAIRE', label: 'Chambre consulaire (autre)' },
  { code: 'OPCO', label: 'OPCO' },
  { code: 'ETAT', label: 'État' },
  { code: 'FONDATION', label: 'Fondation' },
  { code: 'ENTREPRISE', label: 'Entreprise' },
  { code: 'RESEAU', label: 'Réseau' },
  { code: 'ETABLISSEMENT_SCOLAIRE', label: 'Établissement scolaire' },
  { code: 'CFA', label: 'CFA' },
  { code: 'AUTRE', label: 'Autre' },
];

export const formatPopulation = (value: number) => value.toLocaleString('fr-FR');

export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '0 %';
  return `${((part / whole) * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} %`;
}
