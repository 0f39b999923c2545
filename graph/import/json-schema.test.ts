import { describe, expect, it } from 'vitest';
import { ObjectSchema } from './json-schema.js';
import { loadDataInclusionVocabulary } from './vocabulary.js';

const vocabulary = loadDataInclusionVocabulary();
const service = {
  source: 'dora',
  id: 'svc-1',
  structure_id: 's-1',
  nom: 'Atelier CV',
  description: 'Un atelier pour écrire son CV.',
  date_maj: '2026-03-01',
};

describe('the data·inclusion v1 schema, read from its own files', () => {
  it('holds the 69 sub-themes of 16 categories, the 14 publics and the carrying networks', () => {
    expect(vocabulary.thematiques.size).toBe(69);
    expect(vocabulary.categories).toHaveLength(16);
    expect(vocabulary.publics.size).toBe(14);
    expect(vocabulary.reseauxPorteurs.get('mission-locale')?.label).toBe('Mission Locale');
    expect(vocabulary.service.required).toEqual([
      'source',
      'structure_id',
      'id',
      'nom',
      'description',
      'date_maj',
    ]);
  });

  it('accepts a minimal valid service and lists every problem of a wrong one', () => {
    expect(vocabulary.service.validate(service)).toEqual([]);
    const problems = vocabulary.service.validate({
      ...service,
      nom: 'CV',
      description: undefined,
      date_maj: '2026-02-30',
      thematiques: ['mobilite--preparer-un-permis', 'cuisine'],
      publics: [],
      zone_eligibilite: ['33', 'pays-basque'],
      frais: 'offert',
      nombre_semaines: 0,
      lien_source: 'pas une url',
    });
    expect(problems.map((problem) => problem.field).sort()).toEqual([
      'date_maj',
      'description',
      'frais',
      'lien_source',
      'nom',
      'nombre_semaines',
      'publics',
      'thematiques[1]',
      'zone_eligibilite[1]',
    ]);
    expect(problems.find((problem) => problem.field === 'description')?.message).toBe(
      'required field missing',
    );
    expect(problems.find((problem) => problem.field === 'thematiques[1]')?.message).toMatch(
      /not in the vocabulary/,
    );
  });

  it('accepts the zone codes of every level, and france', () => {
    const zones = ['75056', '2A', '971', '200070092', '99100', 'france'];
    expect(vocabulary.service.validate({ ...service, zone_eligibilite: zones })).toEqual([]);
  });

  it('refuses a schema keyword it does not implement rather than half-checking', () => {
    expect(
      () => new ObjectSchema({ type: 'object', properties: { a: { type: 'string', multipleOf: 2 } } }),
    ).toThrow(/unsupported keyword "multipleOf"/);
  });
});
