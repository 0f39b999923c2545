/**
 * Accent- and case-folding shared by the search index, the search query and
 * the dataset's duplicate check, so that all three agree on what "same" means.
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

/** What search matches (the full-text index reads it): name, acronym, code and aliases, folded like the query. */
export function searchTextOf(props: Readonly<Record<string, unknown>>): string {
  const parts = [
    props.name,
    props.acronym,
    props.code,
    ...(Array.isArray(props.aliases) ? props.aliases : []),
  ];
  return foldText(parts.filter((part): part is string => typeof part === 'string').join(' '));
}
