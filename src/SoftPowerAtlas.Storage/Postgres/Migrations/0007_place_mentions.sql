-- Where each document names a country or a Thai province (ISO 3166-1 alpha-2 / ISO 3166-2:TH code),
-- engaged or not: the dashboard and the place pages read it. Offsets into documents.original_text.
CREATE TABLE place_mentions (
    document_id bigint  NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind        text    NOT NULL CHECK (kind IN ('country', 'province')),
    code        text    NOT NULL,
    start       integer NOT NULL,
    "end"       integer NOT NULL,
    PRIMARY KEY (document_id, start, code)
);

CREATE INDEX place_mentions_code ON place_mentions (kind, code);
