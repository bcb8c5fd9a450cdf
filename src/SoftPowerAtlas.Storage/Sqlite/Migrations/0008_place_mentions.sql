-- Where each document names a country or a Thai province (ISO 3166-1 alpha-2 / ISO 3166-2:TH code),
-- whether or not the place takes part in an engagement: the dashboard map and the place pages read
-- it. Offsets are UTF-16 code units into documents.original_text, like mentions.
CREATE TABLE place_mentions (
    document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('country', 'province')),
    code        TEXT    NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    PRIMARY KEY (document_id, start, code)
) STRICT;

CREATE INDEX place_mentions_code ON place_mentions (kind, code);
