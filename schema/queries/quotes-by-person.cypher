// Every quote by a person (or an agency speaking as one), in reading order,
// with the reporting verb and whether the words were quoted directly.
// Parameters:
//   $name  the speaker's canonical name or any alias, any case (e.g. "Elon Musk", "Musk")
MATCH (speaker)-[s:SAID]->(q:Quote)
WHERE (speaker:Person OR speaker:Agency)
  AND (toLower(speaker.name) = toLower($name) OR any(alias IN speaker.aliases WHERE toLower(alias) = toLower($name)))
OPTIONAL MATCH (document:Document {id: q.doc})
RETURN speaker.name AS speaker, s.verb AS verb, q.text AS quote, q.direct AS direct,
       coalesce(document.title, document.name, q.doc) AS document
ORDER BY q.doc, q.start;
