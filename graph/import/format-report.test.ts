import { describe, expect, it } from 'vitest';
import { finalStepSize } from '../queries/import.js';
import type { ImportDiff } from './apply-import.js';
import { formatDiff } from './format-report.js';

const diff = (finalStep: ImportDiff['finalStep']): ImportDiff => ({
  sourceId: 'src:import-0',
  nodes: { Dispositif: { new: 2, changed: 0, unchanged: 0, vanished: 0 } },
  links: {},
  candidates: [],
  merged: [],
  empty: false,
  finalStep,
});

const finalLine = (d: ImportDiff) => formatDiff(d).find((line) => line.startsWith('final step'));

describe('formatDiff', () => {
  it('says how large the final step is, and that an import over the limit would be refused', () => {
    const step = finalStepSize(240_000, 640_000);
    expect(finalLine(diff({ ...step, limit: 192 * 2 ** 20 }))).toBe(
      `final step: 240000 existing nodes and 640000 links between existing nodes written, at least ${Math.round(step.bytes / 2 ** 20)} MB in one transaction, over the 192 MB this database allows: the import would be refused`,
    );
    expect(finalLine(diff({ ...finalStepSize(3, 4), limit: 192 * 2 ** 20 }))).toMatch(
      /^final step: 3 existing nodes and 4 links .* \(this database allows 192 MB\)$/,
    );
    expect(finalLine(diff({ ...step, limit: undefined }))).not.toMatch(/allows|refused/);
    expect(finalLine(diff(undefined))).toBeUndefined();
  });
});
