// newsgraph's Neo4j schema, applied by the loader before every load
// (`IF NOT EXISTS` makes it safe to apply again).
//
// Every node has a `key`: the graphology node key (`Person:Elon Musk`,
// `Quote:<doc>:<start>`, `Document:<id>`); its label is the node's kind.
// Every relationship has a `key`: the graphology edge key
// (`SAID:Person:Elon Musk->Quote:<doc>:<start>:<start>`); its type is the edge type.

// ─── One node per key, per label ────────────────────────────────────────────
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT agency_key IF NOT EXISTS FOR (n:Agency) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT state_key IF NOT EXISTS FOR (n:State) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT party_key IF NOT EXISTS FOR (n:Party) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT place_key IF NOT EXISTS FOR (n:Place) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT quote_key IF NOT EXISTS FOR (n:Quote) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT document_key IF NOT EXISTS FOR (n:Document) REQUIRE n.key IS UNIQUE;

// ─── One relationship per key, per type ─────────────────────────────────────
CREATE CONSTRAINT said_key IF NOT EXISTS FOR ()-[r:SAID]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT about_key IF NOT EXISTS FOR ()-[r:ABOUT]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT holds_role_key IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT member_of_key IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT supports_key IF NOT EXISTS FOR ()-[r:SUPPORTS]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT opposes_key IF NOT EXISTS FOR ()-[r:OPPOSES]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT targeted_key IF NOT EXISTS FOR ()-[r:TARGETED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT part_of_key IF NOT EXISTS FOR ()-[r:PART_OF]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT related_key IF NOT EXISTS FOR ()-[r:RELATED]-() REQUIRE r.key IS UNIQUE;
CREATE CONSTRAINT mentioned_in_key IF NOT EXISTS FOR ()-[r:MENTIONED_IN]-() REQUIRE r.key IS UNIQUE;

// ─── Identity locks (never stored) ──────────────────────────────────────────
// A load merges and deletes an IdentityLock of each fold group and node its
// identity reads, in its own transaction: the constraint's lock on that key
// holds a concurrent load back until it commits (src/neo4j/statements.ts).
CREATE CONSTRAINT identity_lock IF NOT EXISTS FOR (n:IdentityLock) REQUIRE n.key IS UNIQUE;
