// The most quoted people and agencies: how many quotes each said, and in how
// many articles.
// Parameters:
//   $limit  (optional) how many speakers to list; 10 when absent
MATCH (speaker)-[:SAID]->(quote:Quote)
RETURN speaker.name AS speaker, speaker.kind AS kind, count(quote) AS quotes,
       count(DISTINCT quote.doc) AS articles
ORDER BY quotes DESC, speaker, kind
LIMIT coalesce($limit, 10);
