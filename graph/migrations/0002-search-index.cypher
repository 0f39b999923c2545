// Search runs on `searchText`, an accent- and case-folded copy of name, acronym
// and aliases (graph/text.ts): no analyzer both folds accents and keeps prefixes.
CREATE FULLTEXT INDEX node_search IF NOT EXISTS
FOR (n:Organisation|Dispositif|Territory|Person|Theme|Public|Source) ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace' } };
