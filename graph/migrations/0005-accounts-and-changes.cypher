// Accounts (issue 12): one :User per e-mail, sessions and access tokens found by
// the hash of their secret (the secret itself is never stored).
CREATE CONSTRAINT user_email IF NOT EXISTS FOR (u:User) REQUIRE u.email IS UNIQUE;
CREATE CONSTRAINT user_uid IF NOT EXISTS FOR (u:User) REQUIRE u.uid IS UNIQUE;
CREATE CONSTRAINT session_token IF NOT EXISTS FOR (s:Session) REQUIRE s.tokenHash IS UNIQUE;
CREATE CONSTRAINT access_token_hash IF NOT EXISTS FOR (t:AccessToken) REQUIRE t.tokenHash IS UNIQUE;
CREATE CONSTRAINT access_token_uid IF NOT EXISTS FOR (t:AccessToken) REQUIRE t.uid IS UNIQUE;
// The audit trail: one :Change per mutation, ordered by `seq` (the graph version it made).
CREATE CONSTRAINT change_uid IF NOT EXISTS FOR (c:Change) REQUIRE c.uid IS UNIQUE;
CREATE INDEX change_seq IF NOT EXISTS FOR (c:Change) ON (c.seq);
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
