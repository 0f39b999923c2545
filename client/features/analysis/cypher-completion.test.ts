import { describe, expect, it } from 'vitest';
import { completeCypher, fallbackSchema, type CypherSchema } from './cypher-completion';

const schema: CypherSchema = {
  labels: [
    { name: 'Organisation', properties: ['acronym', 'id', 'name'] },
    { name: 'Dispositif', properties: ['id', 'name', 'status'] },
  ],
  relationshipTypes: [{ name: 'CARRIES', properties: ['evidence', 'sources'] }],
};

const at = (text: string) => completeCypher(text.replace('|', ''), text.indexOf('|'), schema);

describe('Cypher completion', () => {
  it('offers labels in a node pattern and types in a relationship pattern', () => {
    expect(at('MATCH (o:Or|')).toEqual({ from: 9, kind: 'label', options: ['Organisation', 'Dispositif'] });
    expect(at('MATCH (o)-[r:|]->(d)')).toMatchObject({ from: 13, kind: 'type', options: ['CARRIES'] });
    expect(at("MATCH (o {name: 'a:|'})")).toBeNull();
  });

  it("offers the properties of a variable's label, or every key when the query names none", () => {
    expect(at('MATCH (d:Dispositif) WHERE d.st|')).toEqual({
      from: 29,
      kind: 'property',
      options: ['id', 'name', 'status'],
    });
    expect(at('MATCH (o:Organisation)-[r:CARRIES]->(d) RETURN r.|')?.options).toEqual([
      'evidence',
      'sources',
    ]);
    expect(at('MATCH (x) RETURN x.|')?.options).toEqual([
      'acronym',
      'evidence',
      'id',
      'name',
      'sources',
      'status',
    ]);
  });

  it('offers keywords for a bare word', () => {
    expect(at('MATCH (o) RET|')).toMatchObject({ from: 10, kind: 'keyword' });
    expect(at('MATCH (o) |')).toBeNull();
  });

  it('offers the domain labels before the schema arrives', () => {
    const early = completeCypher('MATCH (o:', 9, fallbackSchema(['CARRIES']));
    expect(early?.options).toContain('Organisation');
    expect(completeCypher('MATCH ()-[:', 11, fallbackSchema(['CARRIES']))?.options).toEqual(['CARRIES']);
  });
});
