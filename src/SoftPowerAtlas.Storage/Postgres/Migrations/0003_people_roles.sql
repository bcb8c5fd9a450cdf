-- As SQLite's 0004_people_roles: each entity's kind (agency, foreign_body, organisation, division,
-- person, country, province, place), and the roles a document gives people, with the body they
-- are held in and where the document says so (UTF-16 offsets into documents.original_text).
ALTER TABLE entities ADD COLUMN kind text;

UPDATE entities SET kind = CASE split_part(key, ':', 1)
    WHEN 'agency' THEN 'agency'
    WHEN 'body' THEN 'foreign_body'
    WHEN 'country' THEN 'country'
    WHEN 'province' THEN 'province'
    WHEN 'place' THEN 'place'
    WHEN 'person' THEN 'person'
    ELSE 'organisation' END;

CREATE INDEX entities_kind ON entities (kind);

CREATE TABLE person_roles (
    document_id        bigint  NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    person_id          bigint  NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    role               text    NOT NULL,
    organization_id    bigint  REFERENCES entities (id) ON DELETE SET NULL,
    start              integer NOT NULL,
    "end"              integer NOT NULL,
    organization_start integer,
    organization_end   integer,
    PRIMARY KEY (document_id, person_id, start)
);

CREATE INDEX person_roles_person ON person_roles (person_id);
CREATE INDEX person_roles_organization ON person_roles (organization_id);
