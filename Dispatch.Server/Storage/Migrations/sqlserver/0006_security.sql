CREATE TABLE users (
    user_name NVARCHAR(64) NOT NULL PRIMARY KEY,
    display_name NVARCHAR(100) NOT NULL,
    role NVARCHAR(32) NOT NULL,
    scope NVARCHAR(500) NULL,
    password_hash NVARCHAR(200) NOT NULL,
    disabled BIT NOT NULL DEFAULT 0,
    failed_logins INT NOT NULL DEFAULT 0,
    locked_until DATETIMEOFFSET(7) NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    updated_at DATETIMEOFFSET(7) NOT NULL
)
GO
CREATE TABLE api_keys (
    id NVARCHAR(36) NOT NULL PRIMARY KEY,
    name NVARCHAR(100) NOT NULL,
    key_hash NVARCHAR(64) NOT NULL UNIQUE,
    key_prefix NVARCHAR(16) NOT NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    revoked_at DATETIMEOFFSET(7) NULL
)
