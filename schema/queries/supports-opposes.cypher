// Who supports, opposes or targets whom: each SUPPORTS, OPPOSES or TARGETED
// relationship with the verb that expressed it.
// Parameters:
//   $name  (optional) only relations involving this entity, by name or alias; all when absent
MATCH (source)-[relation:SUPPORTS|OPPOSES|TARGETED]->(target)
WHERE $name IS NULL
   OR any(node IN [source, target] WHERE toLower(node.name) = toLower($name)
          OR any(alias IN node.aliases WHERE toLower(alias) = toLower($name)))
RETURN source.name AS source, type(relation) AS relation, relation.verb AS verb, target.name AS target
ORDER BY relation, source, target;
