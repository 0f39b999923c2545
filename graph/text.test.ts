import { describe, expect, it } from 'vitest';
import { foldText } from './text.js';

describe('foldText', () => {
  it('folds accents, case and ligatures alike', () => {
    expect(foldText('École')).toBe('ecole');
    expect(foldText('ECOLE')).toBe('ecole');
    expect(foldText('Cœur de Béarn')).toBe('coeur de bearn');
  });

  it('turns apostrophes and punctuation into single spaces', () => {
    expect(foldText("Communauté d'Agglomération du Libournais")).toBe(
      'communaute d agglomeration du libournais',
    );
    expect(foldText('Pôle  emploi — Gironde!')).toBe('pole emploi gironde');
  });
});
