-- The standard address register (标准地址库): one row per address, its parts, its WGS-84 point and grid.
-- normalised is the matcher's normal form of the whole address, for searches; the matcher itself works in memory.
CREATE TABLE addresses (
    id TEXT NOT NULL PRIMARY KEY,
    normalised TEXT NOT NULL,
    district TEXT NULL,
    street TEXT NULL,
    community TEXT NULL,
    road TEXT NULL,
    number TEXT NULL,
    compound TEXT NULL,
    building TEXT NULL,
    unit TEXT NULL,
    lon REAL NOT NULL,
    lat REAL NOT NULL,
    grid_code TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
)
GO
-- How an incident's reported address matched the register (JSON of AddressLocation), null when it had none.
ALTER TABLE incidents ADD COLUMN address_match TEXT NULL
