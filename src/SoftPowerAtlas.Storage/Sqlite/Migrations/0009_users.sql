-- People who sign in to a shared `atlas serve`, and the API keys their scripts use. A database
-- without users is a laptop's: the web host then treats a caller on 127.0.0.1 as its admin.
-- password_hash holds the algorithm and its cost with the salt and hash
-- (pbkdf2-sha256$ITERATIONS$SALT$HASH, base64), so the cost can rise without breaking old hashes.
-- name_key is the name as compared (NFC, lower case): one person cannot be added twice as Anna and anna.
-- stamp changes when the password does, ending the sessions signed in with the old one.
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    name          TEXT    NOT NULL,
    name_key      TEXT    NOT NULL UNIQUE,
    role          TEXT    NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    password_hash TEXT    NOT NULL,
    stamp         TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    changed_at    TEXT    NOT NULL
) STRICT;

-- Only a SHA-256 of each key is kept (a key is 256 random bits, so a fast hash is enough); prefix is
-- the key's first characters, for telling keys apart in lists. A revoked key stays, marked.
CREATE TABLE api_keys (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    prefix     TEXT    NOT NULL,
    key_hash   TEXT    NOT NULL UNIQUE,
    created_at TEXT    NOT NULL,
    revoked_at TEXT
) STRICT;

CREATE INDEX api_keys_user ON api_keys (user_id);
