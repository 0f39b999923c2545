export interface Vocabulary {
  themes: { id: string; name: string; parent: string | null }[];
  publics: { id: string; name: string }[];
  /** Theme id → parent theme id. */
  themeParents: Map<string, string | null>;
  names: Map<string, string>;
}

export const EMPTY_VOCABULARY: Vocabulary = {
  themes: [],
  publics: [],
  themeParents: new Map(),
  names: new Map(),
};

/** Nouvelle-Aquitaine's départements, to name territory groups without a request. */
export const DEPARTEMENT_NAMES: Record<string, string> = {
  '16': 'Charente',
  '17': 'Charente-Maritime',
  '19': 'Corrèze',
  '23': 'Creuse',
  '24': 'Dordogne',
  '33': 'Gironde',
  '40': 'Landes',
  '47': 'Lot-et-Garonne',
  '64': 'Pyrénées-Atlantiques',
  '79': 'Deux-Sèvres',
  '86': 'Vienne',
  '87': 'Haute-Vienne',
};
