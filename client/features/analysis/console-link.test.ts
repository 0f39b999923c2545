import { describe, expect, it } from 'vitest';
import { consoleLinkUrl, decodeConsoleLink, encodeConsoleLink } from './console-link';

describe('console links', () => {
  it('round-trips a query with its parameters and title, leaving empty parameters out', () => {
    const link = {
      query: "MATCH (o:Organisation {id: $id})\nRETURN o.name AS nom // l'été & co",
      params: '{"id": "org:wejob"}',
      title: 'Mon réseau',
    };
    expect(decodeConsoleLink(encodeConsoleLink(link))).toEqual(link);
    expect(encodeConsoleLink({ query: 'RETURN 1', params: '{}' })).toBe('#q=RETURN+1');
    expect(decodeConsoleLink('#q=RETURN+1')).toEqual({ query: 'RETURN 1', params: '{}' });
  });

  it('reads no query from an empty or foreign fragment', () => {
    expect(decodeConsoleLink('')).toBeNull();
    expect(decodeConsoleLink('#section-2')).toBeNull();
  });

  it('opens the analysis workspace', () => {
    expect(consoleLinkUrl('http://x', '/', { query: 'RETURN 1', params: '{}' })).toBe(
      'http://x/?ws=analysis#q=RETURN+1',
    );
  });
});
