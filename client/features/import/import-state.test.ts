import { describe, expect, it } from 'vitest';
import {
  acceptedMatches,
  candidateKey,
  firstMapping,
  guessColumns,
  mappingInput,
  progressShare,
  type ImportReportView,
} from './import-state';

const candidate = (plannedId: string, existingId: string) => ({
  plannedId,
  existingId,
  plannedName: plannedId,
  existingName: existingId,
  origin: 'structures.json #0',
  reason: 'name is an alias',
  accepted: false,
});

const report = {
  mappings: [
    {
      name: 'actions-financees',
      entity: 'DISPOSITIF',
      type: 'action',
      columns: [
        { field: 'name', column: 'Action' },
        { field: 'carrier', column: 'Opérateur' },
      ],
    },
  ],
} as unknown as ImportReportView;

describe('the import page’s choices', () => {
  it('sends only the matches accepted one by one', () => {
    const candidates = [
      candidate('org:a', 'org:x'),
      candidate('org:b', 'org:y'),
      candidate('org:c', 'org:z'),
    ];
    const decisions = {
      [candidateKey(candidates[0]!)]: 'merge',
      [candidateKey(candidates[1]!)]: 'apart',
    } as const;
    expect(acceptedMatches(candidates, decisions)).toEqual([{ plannedId: 'org:a', existingId: 'org:x' }]);
  });

  it('names a ready mapping as it is, and sends the columns once edited', () => {
    expect(mappingInput(report, 'actions-financees', { carrier: 'Opérateur', name: 'Action' })).toEqual({
      ready: 'actions-financees',
    });
    expect(mappingInput(report, 'actions-financees', { name: 'Intitulé', carrier: '' })).toEqual({
      ready: 'actions-financees',
      columns: [{ field: 'name', column: 'Intitulé' }],
    });
  });

  it('builds a mapping from scratch: what a row is, and the columns guessed from their names', () => {
    const fields = ['name', 'siret', 'commune', 'theme', 'carrier'];
    const columns = ['NOM', 'Siret', 'Commune', 'Thématique', 'Adresse'];
    const guess = guessColumns(fields, columns);
    expect(guess).toEqual({ name: 'NOM', siret: 'Siret', commune: 'Commune', theme: 'Thématique' });
    expect(mappingInput(report, 'new:ORGANISATION', { ...guess, carrier: '' })).toEqual({
      entity: 'ORGANISATION',
      columns: [
        { field: 'commune', column: 'Commune' },
        { field: 'name', column: 'NOM' },
        { field: 'siret', column: 'Siret' },
        { field: 'theme', column: 'Thématique' },
      ],
    });
  });

  it('starts from the ready mapping the files fit, else from scratch', () => {
    const withFiles = (columns: string[]) =>
      ({
        ...report,
        mappingFields: ['name', 'carrier'],
        files: [{ columns }],
      }) as unknown as ImportReportView;
    expect(firstMapping(withFiles(['Action', 'Opérateur', 'Montant'])).ready).toBe('actions-financees');
    expect(firstMapping(withFiles(['Nom', 'Ville']))).toEqual({
      ready: 'new:ORGANISATION',
      columns: { name: 'Nom' },
    });
  });

  it('shows a share of the write once its total is known', () => {
    expect(progressShare(null)).toBeUndefined();
    expect(progressShare({ written: 0, total: null })).toBeUndefined();
    expect(progressShare({ written: 50, total: 200 })).toBe(0.25);
  });
});
