/**
 * The console's query in the URL's fragment (`#q=…&p=…&t=…`): a link that opens
 * the query in the editor, with its parameters and title. The fragment, unlike the
 * query string, is never sent to the server and is kept by the page's URL sync.
 */

export interface ConsoleLink {
  query: string;
  params: string;
  title?: string;
}

export function encodeConsoleLink(link: ConsoleLink): string {
  const parts = new URLSearchParams();
  parts.set('q', link.query);
  if (link.params.trim() && link.params.trim() !== '{}') parts.set('p', link.params);
  if (link.title) parts.set('t', link.title);
  return `#${parts.toString()}`;
}

/** Null when the fragment holds no query. */
export function decodeConsoleLink(hash: string): ConsoleLink | null {
  const parts = new URLSearchParams(hash.replace(/^#/, ''));
  const query = parts.get('q');
  if (!query) return null;
  const title = parts.get('t');
  return { query, params: parts.get('p') ?? '{}', ...(title ? { title } : {}) };
}

/** The page's own address opening `link` in the analysis workspace. */
export function consoleLinkUrl(origin: string, pathname: string, link: ConsoleLink): string {
  return `${origin}${pathname}?ws=analysis${encodeConsoleLink(link)}`;
}
