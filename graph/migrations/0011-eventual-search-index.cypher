// Search runs on `searchText`, an accent- and case-folded copy of name, acronym
// and aliases (graph/text.ts): no analyzer both folds accents and keeps prefixes.
// Eventually consistent: a commit that touches it no longer waits for Lucene to
// refresh its reader (17–28 ms per write transaction on this machine, most of a
// mutation's time); search sees a write a few milliseconds after it is committed.
CREATE FULLTEXT INDEX node_search_eventual IF NOT EXISTS
FOR (n:Organisation|Dispositif|Territory|Person|Theme|Public|Source) ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: true } };
// The synchronous index of migration 0002, on databases created before this one.
DROP INDEX node_search IF EXISTS;
