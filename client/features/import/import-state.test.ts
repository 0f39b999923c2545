import { describe, expect, it } from 'vitest';
import {
  acceptedMatches,
  candidateKey,
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

  it('shows a share of the write once its total is known', () => {
    expect(progressShare(null)).toBeUndefined();
    expect(progressShare({ written: 0, total: null })).toBeUndefined();
    expect(progressShare({ written: 50, total: 200 })).toBe(0.25);
  });
});
