import { readFileSync } from 'node:fs';
import { ObjectSchema } from './json-schema.js';

/**
 * The data·inclusion v1 schema and vocabularies, read from the copy kept in
 * data-inclusion-schema-v1/ (Licence Ouverte 2.0, attribution in its README).
 * Everything the importer validates or maps comes from these files.
 */
const SCHEMA_DIR = new URL('./data-inclusion-schema-v1/', import.meta.url);

const readJson = (name: string): unknown => JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), 'utf8'));

export interface VocabularyEntry {
  value: string;
  label: string;
  description: string | null;
}

export interface DataInclusionVocabulary {
  structure: ObjectSchema;
  service: ObjectSchema;
  /** value → entry, for each vocabulary of extra/. */
  thematiques: Map<string, VocabularyEntry>;
  publics: Map<string, VocabularyEntry>;
  reseauxPorteurs: Map<string, VocabularyEntry>;
  typesDeServices: Map<string, VocabularyEntry>;
  frais: Map<string, VocabularyEntry>;
  modesAccueil: Map<string, VocabularyEntry>;
  /** The categories (level 1 of `categorie--sous-theme`), in the order of the file. */
  categories: string[];
}

function readVocabulary(name: string): Map<string, VocabularyEntry> {
  const entries = readJson(`extra/${name}.json`) as VocabularyEntry[];
  return new Map(entries.map((entry) => [entry.value, entry]));
}

/** The schema's enum and the vocabulary file must agree: a mismatch means a half-updated copy. */
function checkAgrees(schema: ObjectSchema, def: string, vocabulary: Map<string, VocabularyEntry>): void {
  const values = schema.enumOf(def);
  const missing = values.filter((value) => !vocabulary.has(value));
  if (missing.length > 0 || values.length !== vocabulary.size) {
    throw new Error(
      `data·inclusion schema: $defs.${def} and its vocabulary file differ (${missing.join(', ')})`,
    );
  }
}

let cached: DataInclusionVocabulary | undefined;

export function loadDataInclusionVocabulary(): DataInclusionVocabulary {
  if (cached) return cached;
  const structure = new ObjectSchema(readJson('structure.json'));
  const service = new ObjectSchema(readJson('service.json'));
  const vocabulary: DataInclusionVocabulary = {
    structure,
    service,
    thematiques: readVocabulary('thematiques'),
    publics: readVocabulary('publics'),
    reseauxPorteurs: readVocabulary('reseaux-porteurs'),
    typesDeServices: readVocabulary('types-de-services'),
    frais: readVocabulary('frais'),
    modesAccueil: readVocabulary('modes-accueil'),
    categories: [],
  };
  checkAgrees(service, 'Thematique', vocabulary.thematiques);
  checkAgrees(service, 'Public', vocabulary.publics);
  checkAgrees(service, 'TypeService', vocabulary.typesDeServices);
  checkAgrees(service, 'Frais', vocabulary.frais);
  checkAgrees(service, 'ModeAccueil', vocabulary.modesAccueil);
  checkAgrees(structure, 'ReseauPorteur', vocabulary.reseauxPorteurs);
  vocabulary.categories = [...new Set([...vocabulary.thematiques.keys()].map(categoryOf))];
  cached = vocabulary;
  return vocabulary;
}

/** `mobilite--preparer-un-permis` → `mobilite`. */
export function categoryOf(thematique: string): string {
  const separator = thematique.indexOf('--');
  return separator < 0 ? thematique : thematique.slice(0, separator);
}
