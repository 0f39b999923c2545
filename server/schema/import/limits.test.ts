import { describe, expect, it } from 'vitest';
import { isImportOperation } from './limits.js';

describe('isImportOperation', () => {
  it('is true for an operation whose root fields are all import uploads', () => {
    expect(isImportOperation('mutation($f: [File!]!) { previewImport(files: $f) { status } }')).toBe(true);
    expect(
      isImportOperation(
        'query A { stats { nodes } } mutation B($f: [File!]!) { confirmImport(files: $f, acceptedMatches: []) { status } }',
        'B',
      ),
    ).toBe(true);
  });

  it('is false for anything else: another field beside it, a query, an ambiguous or broken document', () => {
    expect(
      isImportOperation(
        'mutation($f: [File!]!) { previewImport(files: $f) { status } revertChange(id: "x") { change { id } } }',
      ),
    ).toBe(false);
    expect(isImportOperation('query { previewImport }')).toBe(false);
    expect(isImportOperation('mutation A { previewImport } mutation B { previewImport }')).toBe(false);
    expect(isImportOperation('mutation { previewImport(')).toBe(false);
    expect(isImportOperation(undefined)).toBe(false);
  });
});
