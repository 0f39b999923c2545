/**
 * Hand-made slices shaped like the API's answers (ids and properties as in
 * seeds/data, around WeJOB's article of 2019-04-25); small enough to reason about.
 */
import type { FacetIndex } from '../features/facets/types';
import type { Slice, SliceEdge, SliceNode } from '../features/graph/types';

export const node = (
  id: string,
  kind: SliceNode['kind'],
  label: string,
  props: Record<string, unknown> = {},
): SliceNode => ({
  id,
  kind,
  label,
  props: { id, name: label, ...props },
});

export const edge = (
  source: string,
  type: string,
  target: string,
  props: Record<string, unknown> = {},
): SliceEdge => ({
  id: `${source}|${type}|${target}`,
  source,
  target,
  type,
  sources: ['src:2019-04-25-jobeurs-seniors-bordeaux'],
  props,
});

export const WEJOB = node('org:wejob', 'ORGANISATION', 'WeJOB', { type: 'ASSO' });
export const JOBEURS = node('dis:jobeurs-seniors', 'DISPOSITIF', 'Les jobeurs seniors de WeJOB', {
  status: 'active',
  startDate: '2019-01-01',
});
export const MATINALES = node('dis:matinales-impact-rh', 'DISPOSITIF', 'Matinales IMPACT RH', {
  status: 'ended',
  endDate: '2019-06-30',
});
export const BORDEAUX = node('com:33063', 'TERRITORY', 'Bordeaux', {
  level: 'COMMUNE',
  code: '33063',
  outsideRegion: false,
});
export const GIRONDE = node('dep:33', 'TERRITORY', 'Gironde', {
  level: 'DEPARTEMENT',
  code: '33',
  outsideRegion: false,
});
export const AG2R = node('org:ag2r-la-mondiale', 'ORGANISATION', 'AG2R La Mondiale', { type: 'ENTREPRISE' });
export const DIRECCTE = node(
  'org:direccte-nouvelle-aquitaine',
  'ORGANISATION',
  'DIRECCTE Nouvelle-Aquitaine',
  { type: 'ETAT' },
);
export const SENIORS = node('public:seniors', 'PUBLIC', 'Séniors');
export const EMPLOI = node('theme:trouver-un-emploi', 'THEME', 'Trouver un emploi');
export const SOURCE = node(
  'src:2019-04-25-jobeurs-seniors-bordeaux',
  'SOURCE',
  'A Bordeaux, les « jobeurs » seniors la jouent collectif',
  {
    date: '2019-04-25',
    kind: 'article',
  },
);

/** WeJOB's neighbourhood. */
export const WEJOB_SLICE: Slice = {
  truncated: false,
  nodes: [WEJOB, JOBEURS, MATINALES, BORDEAUX, SOURCE],
  edges: [
    edge('org:wejob', 'CARRIES', 'dis:jobeurs-seniors', {
      evidence: 'WeJOB forme tous les mois un nouveau groupe.',
    }),
    edge('org:wejob', 'CARRIES', 'dis:matinales-impact-rh'),
    edge('org:wejob', 'LOCATED_IN', 'com:33063'),
    edge('org:wejob', 'MENTIONED_IN', 'src:2019-04-25-jobeurs-seniors-bordeaux'),
  ],
};

/** The jobeurs' neighbourhood. */
export const JOBEURS_SLICE: Slice = {
  truncated: false,
  nodes: [JOBEURS, WEJOB, AG2R, DIRECCTE, BORDEAUX, SENIORS, EMPLOI],
  edges: [
    edge('org:wejob', 'CARRIES', 'dis:jobeurs-seniors'),
    edge('org:ag2r-la-mondiale', 'FUNDS', 'dis:jobeurs-seniors', { amount: '50 000 €' }),
    edge('org:direccte-nouvelle-aquitaine', 'FUNDS', 'dis:jobeurs-seniors'),
    edge('dis:jobeurs-seniors', 'DEPLOYED_IN', 'com:33063', { period: '2019-01' }),
    edge('dis:jobeurs-seniors', 'TARGETS', 'public:seniors'),
    edge('dis:jobeurs-seniors', 'ADDRESSES', 'theme:trouver-un-emploi'),
  ],
};

/** Wejob → Bordeaux → Gironde, as shortestPath returns it. */
export const PATH_SLICE: Slice = {
  truncated: false,
  nodes: [WEJOB, BORDEAUX, GIRONDE],
  edges: [edge('org:wejob', 'LOCATED_IN', 'com:33063'), edge('com:33063', 'PART_OF', 'dep:33')],
};

/** Facets of the dispositifs and of WeJOB as the API's `nodes(ids) { themes publics places involvedIn }` gives them. */
export const FACETS: FacetIndex = {
  'dis:jobeurs-seniors': {
    themes: ['theme:trouver-un-emploi'],
    publics: ['public:seniors'],
    places: ['com:33063'],
    involvedIn: [],
  },
  'dis:matinales-impact-rh': {
    themes: ['theme:recrutement'],
    publics: [],
    places: ['com:33318'],
    involvedIn: [],
  },
  'org:wejob': {
    themes: [],
    publics: [],
    places: ['com:33063'],
    involvedIn: ['dis:jobeurs-seniors', 'dis:matinales-impact-rh'],
  },
};
