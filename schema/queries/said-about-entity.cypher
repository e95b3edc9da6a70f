// Everything said about an entity: each quote that names it, who said it and
// with which verb (speaker empty when the quote is unattributed).
// Parameters:
//   $name  the entity's canonical name or any alias, any case (e.g. "CSIS", "China")
MATCH (q:Quote)-[:ABOUT]->(entity)
WHERE toLower(entity.name) = toLower($name) OR any(alias IN entity.aliases WHERE toLower(alias) = toLower($name))
OPTIONAL MATCH (speaker)-[s:SAID]->(q)
RETURN entity.name AS about, speaker.name AS speaker, s.verb AS verb, q.text AS quote, q.direct AS direct
ORDER BY q.doc, q.start;
