// An analyst's own queries (issue 11): one :SavedQuery per query, found by its author.
CREATE CONSTRAINT saved_query_uid IF NOT EXISTS FOR (q:SavedQuery) REQUIRE q.uid IS UNIQUE;
CREATE INDEX saved_query_author IF NOT EXISTS FOR (q:SavedQuery) ON (q.authorId);
