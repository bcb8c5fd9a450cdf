-- The indexes SQLite's 0005_search gives the readers that are not search: an alias looked up in any
-- case (agency: filters, atlas entities, timeline --agency; lower() is how the PostgreSQL dialect
-- compares without case) and the documents an entity is mentioned in (entity pages, document counts).
-- IF NOT EXISTS: the PostgreSQL search migration may create the same ones.
CREATE INDEX IF NOT EXISTS entity_aliases_alias_lower ON entity_aliases (lower(alias));
CREATE INDEX IF NOT EXISTS entities_name_lower ON entities (lower(name));
CREATE INDEX IF NOT EXISTS mentions_entity_document ON mentions (entity_id, document_id);
