import { once } from 'node:events';
import { createRandom } from '../../../graph/random.js';
import { createWriteStream } from 'node:fs';
import type { SeedGraph } from '../../../graph/model.js';
import { loadDataInclusionVocabulary } from '../../../graph/import/vocabulary.js';

/**
 * A deterministic synthetic data·inclusion v1 export over a grid: structures
 * seated in its communes, services deployed at every level (communes, EPCI,
 * départements, and a few national ones), vocabularies drawn from the schema's
 * own files. Written as streamed JSON arrays, so that a national-size export
 * does not have to fit in memory twice.
 */
export interface GeneratedExport {
  structures: number;
  services: number;
}

async function writeArray(path: string, count: number, record: (i: number) => object): Promise<void> {
  const out = createWriteStream(path);
  out.write('[\n');
  for (let i = 0; i < count; i++) {
    if (!out.write(`${i > 0 ? ',\n' : ''}${JSON.stringify(record(i))}`)) await once(out, 'drain');
  }
  out.end('\n]\n');
  await once(out, 'finish');
}

export async function generateExport(
  grid: SeedGraph,
  paths: { structures: string; services: string },
  size: GeneratedExport,
  seed = 13,
  source = 'synthetique',
): Promise<void> {
  const random = createRandom(seed).next;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const codes = (level: string) =>
    grid.nodes.filter((node) => node.props.level === level).map((node) => String(node.props.code));
  const communes = codes('COMMUNE');
  const epci = codes('EPCI');
  const departements = codes('DEPARTEMENT');
  const vocabulary = loadDataInclusionVocabulary();
  const thematiques = [...vocabulary.thematiques.keys()];
  const publics = [...vocabulary.publics.keys()];
  const networks = [...vocabulary.reseauxPorteurs.keys()];
  const types = [...vocabulary.typesDeServices.keys()];
  const seats: string[] = [];
  await writeArray(paths.structures, size.structures, (i) => {
    const commune = pick(communes);
    seats.push(commune);
    return {
      source,
      id: `s${i}`,
      nom: `Structure ${i} de ${commune}`,
      siret: random() < 0.6 ? String(10_000_000_000_000 + i) : null,
      code_insee: commune,
      description: random() < 0.5 ? `Structure synthétique numéro ${i}.` : null,
      reseaux_porteurs: random() < 0.3 ? [pick(networks)] : null,
      date_maj: '2026-03-01',
    };
  });
  await writeArray(paths.services, size.services, (i) => {
    const structure = Math.floor(random() * size.structures);
    const level = random();
    const zone =
      level < 0.5
        ? [seats[structure]!]
        : level < 0.75
          ? [pick(epci)]
          : level < 0.98
            ? [pick(departements)]
            : ['france'];
    return {
      source,
      id: `v${i}`,
      structure_id: `s${structure}`,
      nom: `Service ${i}`,
      description: `Service synthétique numéro ${i}.`,
      type: pick(types),
      thematiques: [...new Set([pick(thematiques), pick(thematiques)])],
      publics: [pick(publics)],
      frais: random() < 0.8 ? 'gratuit' : 'payant',
      modes_accueil: ['en-presentiel'],
      zone_eligibilite: zone,
      date_maj: '2026-03-01',
    };
  });
}
