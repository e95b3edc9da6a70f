// Who holds which role where: each person's title and the agency,
// organization, party, state or place it is held at; and the titles the
// articles give a person without naming an institution (organization null).
// Parameters:
//   $name  (optional) only this person or organization, by name or alias; everyone when absent
CALL () {
  MATCH (person:Person)-[role:HOLDS_ROLE]->(organization)
  RETURN person, role.title AS title, organization
  UNION
  MATCH (person:Person) WHERE person.titles IS NOT NULL
  UNWIND person.titles AS title
  RETURN person, title, null AS organization
}
WITH person, title, organization
WHERE $name IS NULL
   OR any(node IN [person, organization] WHERE node IS NOT NULL AND (toLower(node.name) = toLower($name)
          OR any(alias IN node.aliases WHERE toLower(alias) = toLower($name))))
RETURN person.name AS person, title, organization.name AS organization,
       organization.kind AS kind
ORDER BY person, organization, title;
