-- A signed-in user's watches: a saved search (target: the query as the search page takes it, exact
-- when its words are searched only as written) or a followed entity (its key), country (ISO code) or
-- sector (its id); a name, and seen_at, the time the user last looked. A watch's Atom feed is read
-- with a secret token in its address: only its SHA-256 is kept, and a new one replaces it. One watch
-- per user and target; a user's watches go with the user.
CREATE TABLE watches (
    id              INTEGER PRIMARY KEY,
    user_id         INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('search', 'entity', 'country', 'sector')),
    target          TEXT    NOT NULL,
    exact           INTEGER NOT NULL DEFAULT 0 CHECK (exact IN (0, 1)),
    name            TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    seen_at         TEXT    NOT NULL,
    feed_token_hash TEXT    UNIQUE,
    UNIQUE (user_id, kind, target, exact)
) STRICT;

-- "What is new since": documents in the order they were ingested.
CREATE INDEX documents_ingested_at ON documents (ingested_at);
