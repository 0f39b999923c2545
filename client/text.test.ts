import { describe, expect, it } from 'vitest';
// The one client file that reaches into graph/: a test that the two copies of the rule agree.
import { foldText as serverFoldText } from '../graph/text';
import { foldText } from './text';

const SAMPLES = [
  'Œuvre de l’Œil',
  'cœur, sœur, nœud',
  'Ætna et Cæsar',
  "Maison de l'emploi",
  'Cap’Métiers',
  'l`accent grave´',
  'Pyrénées-Atlantiques',
  'Lot-et-Garonne',
  'École de la 2e chance',
  'ÇA VA ? Déjà-vu…',
  'Saint-Émilion — Libournais',
  '  espaces   multiples  ',
  'Mission locale des Hauts-de-Garonne (ML)',
  'ﬁchier ligature', // fi ligature: neither rule expands it
  'Naïve façade, Noël, crème brûlée',
  'Ärger über Öl',
  'e\u0301cole (accent combinant)',
  '',
];

describe('foldText', () => {
  it.each(SAMPLES)('folds %j exactly as the server does', (sample) => {
    expect(foldText(sample)).toBe(serverFoldText(sample));
  });

  it('folds ligatures, apostrophes, diacritics and hyphens', () => {
    expect(foldText('Œuvre de l’Œil')).toBe('oeuvre de l oeil');
    expect(foldText('Pyrénées-Atlantiques')).toBe('pyrenees atlantiques');
  });
});
