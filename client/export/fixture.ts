import type { ExportGraph } from './model';

/** A small exported canvas: WeJOB, a dispositif and a partnership, with awkward characters on purpose. */
export const EXPORT_FIXTURE: ExportGraph = {
  nodes: [
    {
      id: 'org:wejob',
      label: 'WeJOB',
      kind: 'ORGANISATION',
      props: { id: 'org:wejob', name: 'WeJOB', type: 'ASSO', aliases: [] },
      x: 10,
      y: 20,
      size: 30,
      color: '#0072B2',
      shape: 'ellipse',
    },
    {
      id: 'dis:jobeurs-seniors',
      label: 'Les « jobeurs » seniors & co, "collectif" <45+>',
      kind: 'DISPOSITIF',
      props: {
        id: 'dis:jobeurs-seniors',
        status: 'active',
        startDate: '2019-01-01',
        aliases: ['Jobeurs', 'JS'],
      },
      x: 110,
      y: -20,
      size: 24,
      color: '#E69F00',
      shape: 'round-rectangle',
    },
    {
      id: 'com:33063',
      label: 'Bordeaux',
      kind: 'TERRITORY',
      props: { population: 267991, outsideRegion: false },
      x: 60,
      y: 90,
      size: 20,
      color: '#009E73',
      shape: 'hexagon',
    },
  ],
  edges: [
    {
      id: 'org:wejob|CARRIES|dis:jobeurs-seniors',
      source: 'org:wejob',
      target: 'dis:jobeurs-seniors',
      type: 'CARRIES',
      label: 'porte',
      sources: ['src:2019-04-25-jobeurs-seniors-bordeaux'],
      props: { evidence: 'WeJOB forme, chaque mois; un groupe\nde jobeurs.' },
    },
    {
      id: 'com:33063|PARTNERS|org:wejob',
      source: 'com:33063',
      target: 'org:wejob',
      type: 'PARTNERS',
      label: '2 dispositifs partagés',
      sources: [],
      props: { weight: 2, dispositifs: ['dis:a', 'dis:b'], direct: false },
      weight: 2,
    },
  ],
};
