/**
 * Cross-file checks of the curated dataset: ids, references, endpoint labels,
 * vocabularies, sources and duplicate names. Every problem is collected.
 */
import { labelOfId, RELATIONSHIP_ENDPOINTS, type NodeLabel } from '../../graph/model.js';
import { foldText } from '../../graph/text.js';
import { findOfficialTerritory, REGION_CODE, type TerritorialGridIndex } from '../grid/build-grid.js';
import type { DatasetError } from './dataset-error.js';
import { normalisePartialDate } from './partial-date.js';
import { errorAt, formatFieldPath, type Dataset, type FieldPath, type Located } from './read-dataset.js';
import type { Fact } from './schema.js';

/** The referential that project-defined vocabulary items and bassins are sourced to. */
export const PROJECT_SOURCE_ID = 'src:atlas-project-tags';

/**
 * data.inclusion v1 publics: items outside this list must be project tags.
 * DOMAIN.md §4 lists 12; the v1 enum also holds the two "personnes-en-situation-…" codes.
 */
const DATA_INCLUSION_PUBLICS = new Set([
  'tous-publics',
  'actifs',
  'beneficiaires-des-minimas-sociaux',
  'demandeurs-emploi',
  'etudiants',
  'familles',
  'femmes',
  'jeunes',
  'personnes-en-situation-de-handicap',
  'personnes-en-situation-durgence',
  'personnes-en-situation-juridique-specifique',
  'personnes-exilees',
  'residents-qpv-frr',
  'seniors',
]);

/** A node declared by a curated file, with the entry that declares it. */
export interface DeclaredNode {
  id: string;
  label: NodeLabel;
  entry: Located<unknown>;
  /** Names this node answers to (name, acronym, aliases) with their field paths, for the duplicate check. */
  names: { text: string; path: FieldPath }[];
  /** Whether an article must reference it (entities, unlike vocabularies and sources). */
  needsArticle: boolean;
}

function namesOf(
  path: FieldPath,
  value: { name: string; acronym?: string | undefined; aliases?: string[] | undefined },
) {
  const names = [{ text: value.name, path: [...path, 'name'] }];
  if (value.acronym !== undefined) names.push({ text: value.acronym, path: [...path, 'acronym'] });
  (value.aliases ?? []).forEach((alias, index) =>
    names.push({ text: alias, path: [...path, 'aliases', index] }),
  );
  return names;
}

/** Every node the curated files declare, in file order (the first declaration of an id wins). */
export function collectDeclaredNodes(dataset: Dataset): DeclaredNode[] {
  const nodes: DeclaredNode[] = [];
  const add = (
    label: NodeLabel,
    entry: Located<{ id: string; name?: string }>,
    needsArticle: boolean,
    names = true,
  ) =>
    nodes.push({
      id: entry.value.id,
      label,
      entry,
      names:
        names && entry.value.name !== undefined
          ? namesOf(entry.path, { ...entry.value, name: entry.value.name })
          : [],
      needsArticle,
    });
  for (const entry of dataset.referentials) add('Source', entry, false, false);
  for (const article of dataset.articles) if (article.source) add('Source', article.source, false, false);
  for (const entry of dataset.themes?.items ?? []) add('Theme', entry, false);
  for (const entry of dataset.publics?.items ?? []) add('Public', entry, false);
  for (const entry of dataset.organisations) add('Organisation', entry, true);
  for (const entry of dataset.dispositifs) add('Dispositif', entry, true);
  for (const entry of dataset.persons) add('Person', entry, true);
  for (const entry of dataset.bassins) add('Territory', entry, true);
  for (const entry of dataset.outsidePlaces) add('Territory', entry, true);
  return nodes;
}

/** Resolves an id to its label, from the dataset first, then the grid. */
export type LabelResolver = (id: string) => NodeLabel | undefined;

export function createLabelResolver(
  declared: readonly DeclaredNode[],
  grid: TerritorialGridIndex,
): LabelResolver {
  const labels = new Map<string, NodeLabel>();
  for (const node of declared) if (!labels.has(node.id)) labels.set(node.id, node.label);
  return (id) => labels.get(id) ?? (grid.ids.has(id) ? labelOfId(id) : undefined);
}

function measureDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Explains why an id resolves to nothing, with a hint when one is at hand. */
function describeUnknownId(id: string, declared: readonly DeclaredNode[]): string {
  const separator = id.indexOf(':');
  const prefix = id.slice(0, separator);
  if (labelOfId(id) === undefined)
    return `unknown id "${id}": prefix "${prefix}:" is not one of the graph's (org, dis, per, theme, public, src, reg, dep, epci, com, bassin, place)`;
  const official = findOfficialTerritory(id);
  if (official !== undefined) {
    const where = official.region === undefined ? 'attached to another region' : `region ${official.region}`;
    return `unknown id "${id}": ${official.name} is not in the grid of Nouvelle-Aquitaine (${where}); declare it in places.yaml with outsideRegion: true`;
  }
  let suggestion: string | undefined;
  let best = 4;
  for (const node of declared) {
    if (!node.id.startsWith(`${prefix}:`)) continue;
    const distance = measureDistance(id, node.id);
    if (distance < best) {
      best = distance;
      suggestion = node.id;
    }
  }
  return suggestion === undefined
    ? `unknown id "${id}"`
    : `unknown id "${id}" (did you mean "${suggestion}"?)`;
}

/** The problems of one fact's endpoints and properties (empty when it can become a relationship). */
export function checkFact(
  fact: Fact,
  resolveLabel: LabelResolver,
  declared: readonly DeclaredNode[],
): { index: number | 'props'; message: string }[] {
  const [from, type, to, , props] = fact;
  const problems: { index: number | 'props'; message: string }[] = [];
  const endpoints = RELATIONSHIP_ENDPOINTS[type];
  const checkEndpoint = (id: string, index: 0 | 2, allowed: readonly NodeLabel[]) => {
    const label = resolveLabel(id);
    if (label === undefined) problems.push({ index, message: describeUnknownId(id, declared) });
    else if (!allowed.includes(label)) {
      const article = /^[AEIOU]/.test(label) ? 'an' : 'a';
      problems.push({
        index,
        message: `${type} goes ${index === 0 ? 'from' : 'to'} ${allowed.join(' or ')}, but "${id}" is ${article} ${label}`,
      });
    }
  };
  checkEndpoint(from, 0, endpoints.from);
  checkEndpoint(to, 2, endpoints.to);
  if (problems.length === 0 && from === to)
    problems.push({ index: 2, message: `a ${type} fact joins "${from}" to itself` });
  if (props?.amount !== undefined && type !== 'FUNDS')
    problems.push({ index: 'props', message: `"amount" belongs to FUNDS facts, not ${type}` });
  return problems;
}

function describeEntry(entry: Located<unknown>): string {
  return `${entry.file.path}:${errorAt(entry.file, entry.path, '').line} ${formatFieldPath(entry.file.rootName, entry.path)}`;
}

function checkUniqueIds(
  declared: readonly DeclaredNode[],
  grid: TerritorialGridIndex,
  errors: DatasetError[],
): void {
  const first = new Map<string, DeclaredNode>();
  for (const node of declared) {
    const idPath = [...node.entry.path, 'id'];
    const previous = first.get(node.id);
    if (previous !== undefined) {
      errors.push(
        errorAt(
          node.entry.file,
          idPath,
          `duplicate id "${node.id}", first declared at ${describeEntry(previous.entry)}`,
        ),
      );
    } else if (grid.ids.has(node.id)) {
      errors.push(
        errorAt(
          node.entry.file,
          idPath,
          `"${node.id}" is already in the territorial grid (Nouvelle-Aquitaine); refer to it without declaring it`,
        ),
      );
    } else {
      first.set(node.id, node);
    }
  }
}

function checkDuplicateNames(declared: readonly DeclaredNode[], errors: DatasetError[]): void {
  const seen = new Map<string, DeclaredNode>();
  for (const node of declared) {
    const folded = new Set<string>();
    for (const name of node.names) {
      const key = foldText(name.text);
      // A node may repeat itself (acronym also listed as an alias); only other nodes collide
      if (key === '' || folded.has(key)) continue;
      folded.add(key);
      const scoped = `${node.label}|${key}`;
      const other = seen.get(scoped);
      if (other === undefined) seen.set(scoped, node);
      else {
        errors.push(
          errorAt(
            node.entry.file,
            name.path,
            `"${name.text}" names both "${node.id}" and "${other.id}" (${describeEntry(other.entry)}): merge them, or rename one`,
          ),
        );
      }
    }
  }
}

function checkVocabularies(dataset: Dataset, errors: DatasetError[]): void {
  const referentialIds = new Set(dataset.referentials.map((entry) => entry.value.id));
  const hasProjectSource = referentialIds.has(PROJECT_SOURCE_ID);
  for (const vocabulary of [dataset.themes, dataset.publics]) {
    if (vocabulary === undefined) continue;
    if (vocabulary.source && !referentialIds.has(vocabulary.source.value)) {
      errors.push(
        errorAt(
          vocabulary.file,
          vocabulary.source.path,
          `unknown source "${vocabulary.source.value}": declare it in referentials.yaml`,
        ),
      );
    }
    const firstProjectItem = vocabulary.items.find((entry) => entry.value.origin === 'project');
    if (firstProjectItem !== undefined && !hasProjectSource) {
      errors.push(
        errorAt(
          firstProjectItem.file,
          [...firstProjectItem.path, 'origin'],
          `project items are sourced to "${PROJECT_SOURCE_ID}": declare it in referentials.yaml`,
        ),
      );
    }
  }
  for (const entry of dataset.publics?.items ?? []) {
    const code = entry.value.id.slice('public:'.length);
    if (entry.value.origin === undefined && !DATA_INCLUSION_PUBLICS.has(code)) {
      errors.push(
        errorAt(
          entry.file,
          [...entry.path, 'id'],
          `"${code}" is not a data.inclusion v1 public: fix the code or mark the item "origin: project"`,
        ),
      );
    } else if (entry.value.origin === 'project' && DATA_INCLUSION_PUBLICS.has(code)) {
      errors.push(
        errorAt(
          entry.file,
          [...entry.path, 'origin'],
          `"${code}" is a data.inclusion v1 public, not a project tag: remove "origin: project"`,
        ),
      );
    }
  }
  const themes = new Map((dataset.themes?.items ?? []).map((entry) => [entry.value.id, entry]));
  for (const entry of themes.values()) {
    const parent = entry.value.parent;
    if (parent === undefined) continue;
    const parentPath = [...entry.path, 'parent'];
    if (!themes.has(parent)) {
      errors.push(errorAt(entry.file, parentPath, `unknown parent theme "${parent}"`));
      continue;
    }
    // Follow parents: a cycle would make the hierarchy endless
    const visited = new Set([entry.value.id]);
    for (
      let current: string | undefined = parent;
      current !== undefined;
      current = themes.get(current)?.value.parent
    ) {
      if (visited.has(current)) {
        errors.push(errorAt(entry.file, parentPath, `theme parents form a cycle through "${current}"`));
        break;
      }
      visited.add(current);
    }
  }
}

function checkPlaces(
  dataset: Dataset,
  grid: TerritorialGridIndex,
  declared: readonly DeclaredNode[],
  errors: DatasetError[],
): void {
  const firstBassin = dataset.bassins[0];
  if (
    firstBassin !== undefined &&
    !dataset.referentials.some((entry) => entry.value.id === PROJECT_SOURCE_ID)
  ) {
    errors.push(
      errorAt(
        firstBassin.file,
        [...firstBassin.path, 'id'],
        `bassins are sourced to "${PROJECT_SOURCE_ID}": declare it in referentials.yaml`,
      ),
    );
  }
  for (const bassin of dataset.bassins) {
    const check = (ids: string[] | undefined, field: 'epci' | 'communes', level: string) =>
      (ids ?? []).forEach((id, index) => {
        if (grid.territories.get(id)?.props.level !== level) {
          errors.push(errorAt(bassin.file, [...bassin.path, field, index], describeUnknownId(id, declared)));
        }
      });
    check(bassin.value.epci, 'epci', 'EPCI');
    check(bassin.value.communes, 'communes', 'COMMUNE');
  }
  const levelByPrefix: Record<string, string> = {
    reg: 'REGION',
    dep: 'DEPARTEMENT',
    epci: 'EPCI',
    com: 'COMMUNE',
  };
  for (const place of dataset.outsidePlaces) {
    const { id, level, code } = place.value;
    const prefix = id.slice(0, id.indexOf(':'));
    const expectedLevel = levelByPrefix[prefix];
    if (grid.ids.has(id)) continue; // reported by the id check
    if (expectedLevel === undefined) {
      if (level === 'BASSIN')
        errors.push(
          errorAt(place.file, [...place.path, 'level'], 'a bassin takes a "bassin:" id and no outsideRegion'),
        );
      continue;
    }
    if (level !== expectedLevel)
      errors.push(
        errorAt(
          place.file,
          [...place.path, 'level'],
          `a "${prefix}:" id is a ${expectedLevel}, not ${level}`,
        ),
      );
    const idCode = id.slice(prefix.length + 1);
    if (code !== idCode)
      errors.push(errorAt(place.file, [...place.path, 'code'], `expected "${idCode}", the code in the id`));
    const official = findOfficialTerritory(id);
    if (official === undefined)
      errors.push(
        errorAt(place.file, [...place.path, 'id'], `"${id}" is not in the official découpage administratif`),
      );
    else if (official.region === REGION_CODE) {
      errors.push(
        errorAt(
          place.file,
          [...place.path, 'id'],
          `"${id}" (${official.name}) is in Nouvelle-Aquitaine but not in the grid`,
        ),
      );
    }
  }
}

function checkDispositifDates(dataset: Dataset, errors: DatasetError[]): void {
  for (const entry of dataset.dispositifs) {
    const { startDate, endDate } = entry.value;
    if (startDate === undefined || endDate === undefined) continue;
    if (normalisePartialDate(endDate, 'end') < normalisePartialDate(startDate, 'start')) {
      errors.push(
        errorAt(entry.file, [...entry.path, 'endDate'], `ends (${endDate}) before it starts (${startDate})`),
      );
    }
  }
}

function checkArticles(
  dataset: Dataset,
  declared: readonly DeclaredNode[],
  resolveLabel: LabelResolver,
  errors: DatasetError[],
): Set<string> {
  const referenced = new Set<string>();
  for (const article of dataset.articles) {
    for (const mention of article.mentions) {
      referenced.add(mention.value);
      const label = resolveLabel(mention.value);
      if (label === undefined)
        errors.push(errorAt(article.file, mention.path, describeUnknownId(mention.value, declared)));
      else if (label === 'Source') {
        errors.push(
          errorAt(
            article.file,
            mention.path,
            `"${mention.value}" is a source; mentions list the nodes the article talks about`,
          ),
        );
      }
    }
    for (const fact of article.facts) {
      referenced.add(fact.value[0]);
      referenced.add(fact.value[2]);
      for (const problem of checkFact(fact.value, resolveLabel, declared)) {
        const path: FieldPath =
          problem.index === 'props' ? [...fact.path, 4, 'amount'] : [...fact.path, problem.index];
        errors.push(errorAt(article.file, path, problem.message));
      }
    }
  }
  return referenced;
}

/** Cross-checks a dataset read by `readDataset` against itself and the territorial grid. */
export function validateDataset(dataset: Dataset, grid: TerritorialGridIndex): DatasetError[] {
  const errors: DatasetError[] = [];
  const declared = collectDeclaredNodes(dataset);
  const resolveLabel = createLabelResolver(declared, grid);
  checkUniqueIds(declared, grid, errors);
  checkDuplicateNames(declared, errors);
  checkVocabularies(dataset, errors);
  checkPlaces(dataset, grid, declared, errors);
  checkDispositifDates(dataset, errors);
  const referenced = checkArticles(dataset, declared, resolveLabel, errors);
  // An unreadable file may hold the missing references: saying "no article" then would mislead
  if (dataset.unreadableFiles.length > 0) return errors;
  for (const node of declared) {
    if (!node.needsArticle || referenced.has(node.id)) continue;
    errors.push(
      errorAt(
        node.entry.file,
        [...node.entry.path, 'id'],
        `"${node.id}" is referenced by no article (a fact without a source): state a fact about it or list it in an article's mentions`,
      ),
    );
  }
  return errors;
}
