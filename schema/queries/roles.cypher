// Who holds which role where: each person's title and the agency,
// organization, party or state it is held at.
// Parameters:
//   $name  (optional) only this person or organization, by name or alias; everyone when absent
MATCH (person:Person)-[role:HOLDS_ROLE]->(organization)
WHERE $name IS NULL
   OR any(node IN [person, organization] WHERE toLower(node.name) = toLower($name)
          OR any(alias IN node.aliases WHERE toLower(alias) = toLower($name)))
RETURN person.name AS person, role.title AS title, organization.name AS organization,
       organization.kind AS kind
ORDER BY person, organization, title;
