// Indexes for the shipped queries (schema/queries/), applied after constraints.cypher.

// Full-text search over what was said:
//   CALL db.index.fulltext.queryNodes('quote_text', 'interference') YIELD node, score
CREATE FULLTEXT INDEX quote_text IF NOT EXISTS FOR (q:Quote) ON EACH [q.text];

// Entities are looked up by canonical name.
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX agency_name IF NOT EXISTS FOR (n:Agency) ON (n.name);
CREATE INDEX state_name IF NOT EXISTS FOR (n:State) ON (n.name);
CREATE INDEX party_name IF NOT EXISTS FOR (n:Party) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);

// Quotes by article, in reading order.
CREATE INDEX quote_doc IF NOT EXISTS FOR (q:Quote) ON (q.doc, q.start);

// Identity: each document's load reads the records of the fold groups it
// touches (a surname, an acronym; src/neo4j/identity.ts).
CREATE INDEX mentioned_in_group IF NOT EXISTS FOR ()-[m:MENTIONED_IN]-() ON (m.group);
