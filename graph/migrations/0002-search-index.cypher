// Search runs on `searchText`, an accent- and case-folded copy of name, acronym
// and aliases (graph/text.ts): no analyzer both folds accents and keeps prefixes.
// Eventually consistent: a commit that touches it does not wait for Lucene to
// refresh its reader (17–28 ms per write transaction on this machine, most of a
// mutation's time); search sees a write a few milliseconds after it is committed.
// Its first, synchronous version (node_search) is dropped by 0011.
CREATE FULLTEXT INDEX node_search_eventual IF NOT EXISTS
FOR (n:Organisation|Dispositif|Territory|Person|Theme|Public|Source) ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: true } };
