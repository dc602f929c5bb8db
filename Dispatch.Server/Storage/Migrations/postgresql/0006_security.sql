CREATE TABLE users (
    user_name VARCHAR(64) NOT NULL PRIMARY KEY,
    display_name VARCHAR(100) NOT NULL,
    role VARCHAR(32) NOT NULL,
    scope VARCHAR(500) NULL,
    password_hash VARCHAR(200) NOT NULL,
    disabled BOOLEAN NOT NULL DEFAULT FALSE,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TIMESTAMPTZ NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
)
GO
CREATE TABLE api_keys (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    name VARCHAR(100) NOT NULL,
    key_hash VARCHAR(64) NOT NULL UNIQUE,
    key_prefix VARCHAR(16) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ NULL
)
