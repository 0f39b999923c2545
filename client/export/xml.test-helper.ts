import { DOMParser } from '@xmldom/xmldom';

/** Parses XML, failing on any parser error or warning (xmldom reports them through onError). */
export function parseXml(text: string) {
  const problems: string[] = [];
  const document = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
  if (problems.length) throw new Error(problems.join('\n'));
  return document;
}

export function children(element: { childNodes: ArrayLike<unknown> }, name: string) {
  return Array.from(element.childNodes as ArrayLike<{ nodeType: number; localName?: string | null }>).filter(
    (child) => child.nodeType === 1 && child.localName === name,
  ) as unknown as Element[];
}
