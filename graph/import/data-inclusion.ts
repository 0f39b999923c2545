import { basename } from 'node:path';
import type { PropertyValue } from '../model.js';
import { foldText } from '../text.js';
import type { ObjectSchema } from './json-schema.js';
import { addPlannedNode, NO_LINK_PROPS, slugOf, type ImportPlan, type ImportProblem } from './plan.js';
import type { SourceRecord } from './read-records.js';
import { categoryOf, type DataInclusionVocabulary } from './vocabulary.js';

export type DataInclusionKind = 'structures' | 'services';

/** The national scope: `france` and the country code of France in `zone_eligibilite`. */
export const FRANCE_TERRITORY_ID = 'pays:fr';
const FRANCE_CODES = new Set(['france', '99100']);

/**
 * Which data·inclusion file this is, by its columns: services name their
 * structure (`structure_id`), structures do not; both carry every required
 * field of their schema. Undefined when the columns fit neither.
 */
export function detectDataInclusionKind(
  columns: readonly string[],
  vocabulary: DataInclusionVocabulary,
): DataInclusionKind | undefined {
  const has = new Set(columns);
  const fits = (schema: ObjectSchema) => schema.required.every((name) => has.has(name));
  if (has.has('structure_id')) return fits(vocabulary.service) ? 'services' : undefined;
  return fits(vocabulary.structure) ? 'structures' : undefined;
}

/** A CSV cell, typed as the schema says the column is: lists as JSON, `{a,b}` or `a,b`. */
function typedCell(cell: unknown, types: Set<string>): unknown {
  if (typeof cell !== 'string') return cell;
  const text = cell.trim();
  if (text === '') return null;
  if (types.has('array')) {
    if (text.startsWith('[')) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    }
    const inner = text.startsWith('{') && text.endsWith('}') ? text.slice(1, -1) : text;
    return inner
      .split(',')
      .map((item) => item.trim().replace(/^"(.*)"$/, '$1'))
      .filter((item) => item !== '');
  }
  if ((types.has('number') || types.has('integer')) && !types.has('string')) {
    const number = Number(text.replace(',', '.'));
    return Number.isFinite(number) ? number : text;
  }
  return text;
}

export function typeCsvRecord(
  values: Record<string, unknown>,
  schema: ObjectSchema,
): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) typed[key] = typedCell(value, schema.propertyTypes(key));
  return typed;
}

/** The organisation types of graph/model.ts that a carrying network tells (others stay AUTRE). */
const TYPE_BY_NETWORK: Record<string, string> = {
  'mission-locale': 'ML',
  'france-travail': 'FT',
  'cap-emploi-reseau-cheops': 'CAP_EMPLOI',
  plie: 'PLIE',
  'ccas-cias': 'CCAS',
  'ecoles-de-la-deuxieme-chance': 'E2C',
  'maisons-de-l-emploi': 'MDE',
  departements: 'DEPT',
  regions: 'REG',
  communes: 'MUNI',
  'chambres-consulaires': 'CHAMBRE_CONSULAIRE',
  aci: 'SIAE',
  ei: 'SIAE',
  etti: 'SIAE',
  eiti: 'SIAE',
  ea: 'EA',
};

export const structureIdentifier = (source: string, id: string) => `data-inclusion:${source}:${id}`;
export const structureNodeId = (source: string, id: string) => `org:di-${slugOf(source)}-${slugOf(id)}`;
export const serviceNodeId = (source: string, id: string) => `dis:di-${slugOf(source)}-${slugOf(id)}`;
export const networkNodeId = (value: string) => `org:reseau-${value}`;
export const themeNodeId = (value: string) => `theme:${value}`;
export const publicNodeId = (value: string) => `public:${value}`;

/** A `zone_eligibilite` or `code_insee` code → the grid's territory id. */
export function territoryIdOfCode(code: string): string {
  if (FRANCE_CODES.has(code)) return FRANCE_TERRITORY_ID;
  if (/^\d{9}$/.test(code)) return `epci:${code}`;
  if (/^99\d{3}$/.test(code)) return `pays:${code}`;
  if (code.length === 5) return `com:${code}`;
  return `dep:${code}`;
}

/** What a data·inclusion reader needs from the graph. */
export interface DataInclusionContext {
  vocabulary: DataInclusionVocabulary;
  territoryIds: ReadonlySet<string>;
}

/** Services whose structure is not in the files: checked against the graph afterwards. */
export interface PendingStructureRef {
  identifier: string;
  problem: ImportProblem;
}

/** Accumulates structures then services into a plan, reporting every problem. */
export class DataInclusionReader {
  readonly problems: ImportProblem[] = [];
  readonly pendingStructures: PendingStructureRef[] = [];
  /** Structure identifier → the planned organisation id. */
  private readonly structures = new Map<string, string>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly plan: ImportPlan,
    private readonly context: DataInclusionContext,
  ) {
    plan.ownedIdPrefixes = { Organisation: 'org:di-', Dispositif: 'dis:di-' };
  }

  /** Validates one record and adds it to the plan; false when it has problems. */
  add(kind: DataInclusionKind, file: string, record: SourceRecord, fromCsv: boolean): boolean {
    const { vocabulary } = this.context;
    const schema = kind === 'structures' ? vocabulary.structure : vocabulary.service;
    const values = fromCsv ? typeCsvRecord(record.values, schema) : record.values;
    const id = typeof values.id === 'string' ? values.id : null;
    const name = basename(file);
    const locate = (field: string, message: string): ImportProblem => ({
      file,
      line: record.line,
      ...(fromCsv ? {} : { record: { index: record.index, id } }),
      field,
      message,
    });
    const before = this.problems.length;
    for (const problem of schema.validate(values)) this.problems.push(locate(problem.field, problem.message));
    if (this.problems.length > before) return false;

    const source = values.source as string;
    const identifier = structureIdentifier(source, values.id as string);
    const duplicateKey = `${kind}|${identifier}`;
    if (this.seen.has(duplicateKey)) {
      this.problems.push(
        locate('id', `duplicate ${kind === 'structures' ? 'structure' : 'service'} id ${id}`),
      );
      return false;
    }
    this.seen.add(duplicateKey);
    this.plan.scopes.add(
      `${kind === 'structures' ? 'Organisation' : 'Dispositif'}|data-inclusion:${source}:`,
    );

    const territory = (code: string, field: string): string | undefined => {
      const territoryId = territoryIdOfCode(code);
      if (this.context.territoryIds.has(territoryId)) return territoryId;
      this.problems.push(locate(field, `territory code ${JSON.stringify(code)} is not in the grid`));
      return undefined;
    };

    if (kind === 'structures') return this.addStructure(values, identifier, name, territory, before);
    return this.addService(values, identifier, name, territory, locate, before);
  }

  private addStructure(
    values: Record<string, unknown>,
    identifier: string,
    file: string,
    territory: (code: string, field: string) => string | undefined,
    before: number,
  ): boolean {
    const source = values.source as string;
    const commune = typeof values.code_insee === 'string' ? territory(values.code_insee, 'code_insee') : null;
    if (this.problems.length > before) return false;
    const networks = (values.reseaux_porteurs as string[] | null) ?? [];
    const siret = (values.siret as string | null) ?? null;
    const id = structureNodeId(source, values.id as string);
    const nom = values.nom as string;
    const address = [values.adresse, values.complement_adresse, values.code_postal, values.commune]
      .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
      .join(' ');
    const props: Record<string, PropertyValue> = {
      name: nom,
      type: networks.map((network) => TYPE_BY_NETWORK[network]).find((type) => type !== undefined) ?? 'AUTRE',
      description: (values.description as string | null) ?? null,
      website: (values.site_web as string | null) ?? null,
      siret,
      address: address || null,
      updatedOn: values.date_maj as string,
      dataInclusionSource: source,
    };
    addPlannedNode(this.plan, {
      label: 'Organisation',
      id,
      mode: 'entity',
      props,
      identifiers: [identifier, ...(siret ? [`siret:${siret}`] : [])],
      names: [foldText(nom)],
      commune: commune ?? null,
      origin: `${file} ${values.id as string}`,
    });
    this.structures.set(identifier, id);
    if (commune) this.plan.links.push({ type: 'LOCATED_IN', from: id, to: commune, props: NO_LINK_PROPS });
    for (const network of networks) {
      const entry = this.context.vocabulary.reseauxPorteurs.get(network);
      const networkId = networkNodeId(network);
      addPlannedNode(this.plan, {
        label: 'Organisation',
        id: networkId,
        mode: 'vocabulary',
        props: { name: entry?.label ?? network, type: 'RESEAU' },
        identifiers: [`data-inclusion-reseau:${network}`],
        names: [foldText(entry?.label ?? network)],
        commune: null,
        origin: `reseaux-porteurs ${network}`,
      });
      this.plan.links.push({ type: 'MEMBER_OF', from: id, to: networkId, props: NO_LINK_PROPS });
    }
    return true;
  }

  private addService(
    values: Record<string, unknown>,
    identifier: string,
    file: string,
    territory: (code: string, field: string) => string | undefined,
    locate: (field: string, message: string) => ImportProblem,
    before: number,
  ): boolean {
    const { vocabulary } = this.context;
    const source = values.source as string;
    const zones = ((values.zone_eligibilite as string[] | null) ?? []).map((code, i) =>
      territory(code, `zone_eligibilite[${i}]`),
    );
    if (typeof values.code_insee === 'string') territory(values.code_insee, 'code_insee');
    if (this.problems.length > before) return false;
    const id = serviceNodeId(source, values.id as string);
    const structureKey = structureIdentifier(source, values.structure_id as string);
    const carrier = this.structures.get(structureKey);
    if (!carrier) {
      this.pendingStructures.push({
        identifier: structureKey,
        problem: locate('structure_id', `structure ${JSON.stringify(values.structure_id)} is absent`),
      });
    }
    const props: Record<string, PropertyValue> = {
      name: values.nom as string,
      type: (values.type as string | null) ?? null,
      status: 'active',
      description: (values.description as string | null) ?? null,
      frais: (values.frais as string | null) ?? null,
      fraisPrecisions: (values.frais_precisions as string | null) ?? null,
      modesAccueil: (values.modes_accueil as string[] | null) ?? null,
      updatedOn: values.date_maj as string,
      endDate: null,
      dataInclusionSource: source,
    };
    addPlannedNode(this.plan, {
      label: 'Dispositif',
      id,
      mode: 'entity',
      props,
      identifiers: [identifier],
      names: [],
      commune: null,
      origin: `${file} ${values.id as string}`,
    });
    // The carrier's planned id when it is in the files; the identifier stands for it otherwise.
    this.plan.links.push({
      type: 'CARRIES',
      from: carrier ?? `@${structureKey}`,
      to: id,
      props: NO_LINK_PROPS,
    });
    for (const thematique of (values.thematiques as string[] | null) ?? []) {
      const category = categoryOf(thematique);
      for (const value of [category, thematique]) {
        addPlannedNode(this.plan, {
          label: 'Theme',
          id: themeNodeId(value),
          mode: 'vocabulary',
          props: {
            name: vocabulary.thematiques.get(value)?.label ?? labelOfCategory(value),
            parent: value === category ? null : themeNodeId(category),
          },
          identifiers: [],
          names: [],
          commune: null,
          origin: `thematiques ${value}`,
        });
      }
      this.plan.links.push({
        type: 'ADDRESSES',
        from: id,
        to: themeNodeId(thematique),
        props: NO_LINK_PROPS,
      });
    }
    for (const value of (values.publics as string[] | null) ?? []) {
      addPlannedNode(this.plan, {
        label: 'Public',
        id: publicNodeId(value),
        mode: 'vocabulary',
        props: { name: vocabulary.publics.get(value)?.label ?? value },
        identifiers: [],
        names: [],
        commune: null,
        origin: `publics ${value}`,
      });
      this.plan.links.push({ type: 'TARGETS', from: id, to: publicNodeId(value), props: NO_LINK_PROPS });
    }
    for (const zone of new Set(zones)) {
      if (zone) this.plan.links.push({ type: 'DEPLOYED_IN', from: id, to: zone, props: NO_LINK_PROPS });
    }
    return true;
  }
}

/** The vocabulary names sub-themes only; a category reads as its code (`se-former` → `Se former`). */
function labelOfCategory(category: string): string {
  const words = category.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
