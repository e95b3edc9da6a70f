// The shortest chain of facts linking two entities: through quotes, roles,
// memberships and relations (not through the articles that merely mention both).
// Parameters:
//   $from  one entity's canonical name or alias, any case
//   $to    the other entity's canonical name or alias, any case
MATCH (a) WHERE NOT a:Quote AND NOT a:Document
  AND (toLower(a.name) = toLower($from) OR any(alias IN a.aliases WHERE toLower(alias) = toLower($from)))
MATCH (b) WHERE NOT b:Quote AND NOT b:Document AND b <> a
  AND (toLower(b.name) = toLower($to) OR any(alias IN b.aliases WHERE toLower(alias) = toLower($to)))
MATCH path = shortestPath((a)-[:SAID|ABOUT|HOLDS_ROLE|MEMBER_OF|SUPPORTS|OPPOSES|TARGETED|PART_OF|RELATED*..12]-(b))
RETURN a.name AS from, b.name AS to, length(path) AS hops,
       [node IN nodes(path) | coalesce(node.name, '"' + node.text + '"')] AS nodes,
       [relationship IN relationships(path) | type(relationship)] AS relationships
ORDER BY hops
LIMIT 1;
