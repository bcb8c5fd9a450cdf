-- What kind of thing each entity is, so it can be queried (agency, foreign_body, organisation,
-- division, person, country, province, place), and the roles a document gives people: the role as
-- written, the body (or country, or province) it is held in, and where the document says so.
-- Offsets are UTF-16 code units into documents.original_text. Written with the document, in its
-- transaction; a re-ingest writes nothing twice (primary keys and ON CONFLICT DO NOTHING).
ALTER TABLE entities ADD COLUMN kind TEXT;

UPDATE entities SET kind = CASE substr(key, 1, instr(key, ':') - 1)
    WHEN 'agency' THEN 'agency'
    WHEN 'body' THEN 'foreign_body'
    WHEN 'country' THEN 'country'
    WHEN 'province' THEN 'province'
    WHEN 'place' THEN 'place'
    WHEN 'person' THEN 'person'
    ELSE 'organisation' END;

CREATE INDEX entities_kind ON entities (kind);

CREATE TABLE person_roles (
    document_id        INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    person_id          INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    role               TEXT    NOT NULL,
    organization_id    INTEGER REFERENCES entities (id) ON DELETE SET NULL,
    start              INTEGER NOT NULL,
    end                INTEGER NOT NULL,
    organization_start INTEGER,
    organization_end   INTEGER,
    PRIMARY KEY (document_id, person_id, start)
) STRICT;

CREATE INDEX person_roles_person ON person_roles (person_id);
CREATE INDEX person_roles_organization ON person_roles (organization_id);
