// Databases created before 0002 became eventually consistent hold its first,
// synchronous node_search, whose every commit waited for Lucene. Dropped first:
// CREATE … IF NOT EXISTS does nothing while an index of the same schema exists,
// whatever its name or options.
DROP INDEX node_search IF EXISTS;
CREATE FULLTEXT INDEX node_search_eventual IF NOT EXISTS
FOR (n:Organisation|Dispositif|Territory|Person|Theme|Public|Source) ON EACH [n.searchText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'whitespace', `fulltext.eventually_consistent`: true } };
