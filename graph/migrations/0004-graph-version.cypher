// One :GraphVersion node, bumped by every write that changes the graph in bulk
// (the seed load): process caches (the coverage grid) compare it to what they hold.
CREATE CONSTRAINT graph_version_key IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.key IS UNIQUE;
