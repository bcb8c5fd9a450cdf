-- As SQLite's 0013_sessions: signed-in sessions kept server-side (token hashes only), so signing out ends one.
CREATE TABLE sessions (
    token_hash text        PRIMARY KEY,
    user_id    bigint      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    seen_at    timestamptz NOT NULL
);

CREATE INDEX sessions_user ON sessions (user_id);
