/**
 * Shapes of the curated files under seeds/data/ (one schema per entry, so a bad
 * entry is reported without hiding its neighbours). Cross-file checks live in
 * validate.ts. Every scalar reaches these schemas as text: the reader turns
 * YAML numbers back into what was written (`code: 01234`, `startDate: 2019`).
 */
import { z } from 'zod';
import {
  DISPOSITIF_STATUSES,
  ORGANISATION_TYPES,
  RELATIONSHIP_TYPES,
  TERRITORY_LEVELS,
  type RelationshipType,
} from '../../graph/model.js';
import { isPartialDate } from './partial-date.js';

const SLUG = '[a-z0-9]+(?:--?[a-z0-9]+)*';

function describeValue(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value)
    : value === undefined
      ? 'nothing'
      : (JSON.stringify(value) ?? String(value));
}

const text = z.string().trim().min(1, 'must not be empty');

/** An id `prefix:slug` (lower-case letters, digits, hyphens; `--` allowed as in data.inclusion sub-themes). */
export function slugId(prefix: string) {
  return z
    .string()
    .regex(
      new RegExp(`^${prefix}:${SLUG}$`),
      `expected an id "${prefix}:<slug>" (lower-case letters, digits, hyphens)`,
    );
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((value) => isPartialDate(value), 'not a calendar date');

const partialDate = z
  .string()
  .refine((value) => isPartialDate(value), 'expected a date YYYY, YYYY-MM or YYYY-MM-DD');

const url = z.string().regex(/^https?:\/\/\S+$/, 'expected an http(s) URL');

const aliases = z.array(text).optional();

/** `themes.yaml` and `publics.yaml`: the file's referential and its items. */
export const VocabularyFileSchema = z.strictObject({
  source: slugId('src'),
  items: z.array(z.unknown()),
});

export const ThemeItemSchema = z.strictObject({
  id: slugId('theme'),
  name: text,
  parent: slugId('theme').optional(),
  origin: z.literal('project', 'expected "project" (or no origin for data.inclusion codes)').optional(),
});
export const PublicItemSchema = z.strictObject({
  id: slugId('public'),
  name: text,
  origin: z.literal('project', 'expected "project" (or no origin for data.inclusion codes)').optional(),
});
export type ThemeItem = z.infer<typeof ThemeItemSchema>;
export type PublicItem = z.infer<typeof PublicItemSchema>;

/** `referentials.yaml`: the referential sources (vocabularies, project tags…). */
export const ReferentialSchema = z.strictObject({
  id: slugId('src'),
  title: text,
  date: isoDate,
  publisher: text,
  kind: z.literal('referential', 'expected "referential" (articles declare their own source)'),
  url: url.optional(),
});
export type Referential = z.infer<typeof ReferentialSchema>;

export const OrganisationSchema = z.strictObject({
  id: slugId('org'),
  name: text,
  acronym: text.optional(),
  aliases,
  type: z.enum(ORGANISATION_TYPES, {
    error: (issue) =>
      `unknown organisation type ${describeValue(issue.input)} (see ORGANISATION_TYPES in graph/model.ts)`,
  }),
  description: text,
  website: url.optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const DispositifSchema = z.strictObject({
  id: slugId('dis'),
  name: text,
  aliases,
  type: z
    .string()
    .regex(new RegExp(`^${SLUG}$`), 'expected one kebab-case word (programme, action, plateforme…)'),
  status: z.enum(DISPOSITIF_STATUSES, {
    error: (issue) =>
      `unknown status ${describeValue(issue.input)} (expected ${DISPOSITIF_STATUSES.join(', ')})`,
  }),
  startDate: partialDate.optional(),
  endDate: partialDate.optional(),
  description: text,
});
export type Dispositif = z.infer<typeof DispositifSchema>;

export const PersonSchema = z.strictObject({
  id: slugId('per'),
  name: text,
  role: text,
});
export type Person = z.infer<typeof PersonSchema>;

/** A bassin: a project-defined group of communes, given as EPCI and/or communes of the grid. */
export const BassinSchema = z.strictObject({
  id: slugId('bassin'),
  name: text,
  level: z.literal('BASSIN', 'expected "BASSIN" for a bassin: id'),
  basis: text,
  epci: z.array(z.string().regex(/^epci:\d{9}$/, 'expected an EPCI id "epci:<SIREN>"')).optional(),
  communes: z
    .array(z.string().regex(/^com:\d[\dAB]\d{3}$/, 'expected a commune id "com:<INSEE code>"'))
    .optional(),
});
export type Bassin = z.infer<typeof BassinSchema>;

/** A territory outside the region that an article names (a seat, a deployment). */
export const OutsidePlaceSchema = z.strictObject({
  id: z
    .string()
    .regex(
      new RegExp(`^(?:reg:\\d{2}|dep:(?:\\d{2,3}|2[AB])|epci:\\d{9}|com:\\d[\\dAB]\\d{3}|place:${SLUG})$`),
      'expected "bassin:<slug>", or for a place outside the region "reg:<code>", "dep:<code>", "epci:<SIREN>", "com:<INSEE>" or "place:<slug>"',
    ),
  name: text,
  level: z.enum(TERRITORY_LEVELS, {
    error: (issue) => `unknown level ${describeValue(issue.input)} (expected ${TERRITORY_LEVELS.join(', ')})`,
  }),
  code: text,
  outsideRegion: z.literal(
    true,
    'expected true: places.yaml only holds bassins and places outside the region',
  ),
});
export type OutsidePlace = z.infer<typeof OutsidePlaceSchema>;

export const ArticleSourceSchema = z.strictObject({
  id: slugId('src'),
  title: text,
  date: isoDate,
  publisher: text,
  kind: z.literal('article', 'expected "article"'),
  url: url.optional(),
});
export type ArticleSource = z.infer<typeof ArticleSourceSchema>;

export const ArticleFileSchema = z.strictObject({
  source: z.unknown(),
  mentions: z.array(z.unknown()).optional(),
  facts: z.array(z.unknown()),
});

/** Relationship types an article may state: PART_OF comes from the grid and places.yaml, MENTIONED_IN is derived. */
export const ARTICLE_RELATIONSHIP_TYPES = RELATIONSHIP_TYPES.filter(
  (type): type is Exclude<RelationshipType, 'PART_OF' | 'MENTIONED_IN'> =>
    type !== 'PART_OF' && type !== 'MENTIONED_IN',
);
export type ArticleRelationshipType = (typeof ARTICLE_RELATIONSHIP_TYPES)[number];

export const FactPropsSchema = z.strictObject({
  role: text.optional(),
  amount: text.optional(),
  period: text.optional(),
});
export type FactProps = z.infer<typeof FactPropsSchema>;

const nodeRef = z.string().regex(/^[a-z]+:\S+$/, 'expected a node id "prefix:slug"');

/** `[from, TYPE, to, evidence, props?]` (arity is checked by the reader for a clearer message). */
export const FactSchema = z.tuple([
  nodeRef,
  z.enum(ARTICLE_RELATIONSHIP_TYPES, {
    error: (issue) =>
      issue.input === 'PART_OF' || issue.input === 'MENTIONED_IN'
        ? `${issue.input} is not allowed in articles (PART_OF comes from the grid and places.yaml; MENTIONED_IN is derived from facts and mentions)`
        : `unknown relationship type ${describeValue(issue.input)} (expected ${ARTICLE_RELATIONSHIP_TYPES.join(', ')})`,
  }),
  nodeRef,
  text,
  FactPropsSchema.optional(),
]);
export type Fact = z.infer<typeof FactSchema>;
