// The synchronous node_search of 0002's first version, on databases created before
// it became node_search_eventual: every commit touching it waited for Lucene.
DROP INDEX node_search IF EXISTS;
