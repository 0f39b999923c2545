/**
 * Accent- and case-folding, the same rule as the server's (graph/text.ts, which
 * the page cannot import): the canvas highlight and file names fold like the
 * search index, so that what the search finds the highlight finds too.
 * client/text.test.ts runs both over the same samples.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[’'`´]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
