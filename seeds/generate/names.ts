/**
 * Readable names for generated nodes, built from the type and a real place
 * name, so that search and labels behave as with curated data.
 */
import type { OrganisationType } from '../../graph/model.js';
import type { Random } from '../../graph/random.js';

const ORGANISATION_PATTERNS: Partial<Record<OrganisationType, string>> = {
  ML: 'Mission locale de {place}',
  FT: 'France Travail {place}',
  CAP_EMPLOI: 'Cap emploi {place}',
  PLIE: 'PLIE de {place}',
  CCAS: 'CCAS de {place}',
  OF: 'Centre de formation {word} de {place}',
  E2C: 'École de la deuxième chance de {place}',
  MDE: "Maison de l'emploi de {place}",
  FABLAB: 'Fablab {word} de {place}',
  TIERS_LIEUX: 'Tiers-lieu {word} de {place}',
  CD: 'Conseil départemental de {place}',
  DEPT: 'Département de {place}',
  EPCI: 'Communauté de communes de {place}',
  MUNI: 'Mairie de {place}',
  SIAE: 'Chantier d’insertion {word} de {place}',
  EA: 'Entreprise adaptée {word} de {place}',
  CHAMBRE_CONSULAIRE: 'Chambre des métiers de {place}',
  OPCO: 'OPCO {word}',
  ETAT: 'Sous-préfecture de {place}',
  FONDATION: 'Fondation {word}',
  ENTREPRISE: '{word} {place}',
  RESEAU: 'Réseau {word} de {place}',
  ETABLISSEMENT_SCOLAIRE: 'Lycée professionnel {word} de {place}',
  CFA: 'CFA {word} de {place}',
};

const WORDS = [
  'Horizon',
  'Tremplin',
  'Passerelle',
  'Avenir',
  'Solidaire',
  'Atlantique',
  'Envol',
  'Ressources',
  'Compétences',
  'Cap',
  'Élan',
  'Parcours',
  'Boussole',
  'Relais',
  'Ancrage',
  'Sillon',
];

const DISPOSITIF_PATTERNS = [
  'Parcours {word} {place}',
  'Plateforme mobilité de {place}',
  'Atelier numérique {word} — {place}',
  'Chantier école {word} de {place}',
  'Programme {word} pour l’emploi, {place}',
  'Action {word} jeunes de {place}',
];

function fill(pattern: string, random: Random, place: string): string {
  return pattern.replace('{place}', place).replace('{word}', random.pick(WORDS));
}

export function nameOrganisation(type: OrganisationType, random: Random, place: string): string {
  return fill(ORGANISATION_PATTERNS[type] ?? 'Association {word} de {place}', random, place);
}

export function nameDispositif(random: Random, place: string): string {
  return fill(random.pick(DISPOSITIF_PATTERNS), random, place);
}

export function acronymOf(name: string): string {
  return name
    .split(/[\s'’-]+/)
    .filter((word) => word.length > 3)
    .map((word) => word[0]!.toUpperCase())
    .join('')
    .slice(0, 6);
}
