-- Signed-in sessions, kept server-side so signing out ends one for good: the session cookie carries
-- a random token, only its SHA-256 is kept here, and a request whose token has no row is signed out.
-- seen_at moves while the session is used; a session unused for longer than the cookie lives is removed.
CREATE TABLE sessions (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    seen_at    TEXT    NOT NULL
) STRICT;

CREATE INDEX sessions_user ON sessions (user_id);
