-- Server-side sessions: the cookie names one (by id; only its SHA-256 is stored), and ending it here ends the
-- cookie on every node. The sign-in throttle keeps failures per account and per client address, so that
-- guessing slows down without anyone being able to lock a real user out.
-- It replaces users.failed_logins and users.locked_until, which nothing reads or writes any more.
CREATE TABLE sessions (
    id_hash TEXT NOT NULL PRIMARY KEY,
    user_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    client TEXT NULL,
    revoked_at TEXT NULL
)
GO
CREATE INDEX ix_sessions_user ON sessions (user_name)
GO
CREATE TABLE sign_in_throttle (
    throttle_key TEXT NOT NULL PRIMARY KEY,
    failures INTEGER NOT NULL,
    blocked_until TEXT NULL,
    updated_at TEXT NOT NULL
)
