-- Server-side sessions: the cookie names one (by id; only its SHA-256 is stored), and ending it here ends the
-- cookie on every node. The sign-in throttle keeps failures per account and per client address, so that
-- guessing slows down without anyone being able to lock a real user out.
-- It replaces users.failed_logins and users.locked_until, which nothing reads or writes any more.
CREATE TABLE sessions (
    id_hash NVARCHAR(64) NOT NULL PRIMARY KEY,
    user_name NVARCHAR(64) NOT NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    last_seen_at DATETIMEOFFSET(7) NOT NULL,
    client NVARCHAR(200) NULL,
    revoked_at DATETIMEOFFSET(7) NULL
)
GO
CREATE INDEX ix_sessions_user ON sessions (user_name)
GO
CREATE TABLE sign_in_throttle (
    throttle_key NVARCHAR(200) NOT NULL PRIMARY KEY,
    failures INT NOT NULL,
    blocked_until DATETIMEOFFSET(7) NULL,
    updated_at DATETIMEOFFSET(7) NOT NULL
)
