-- The standard address register (标准地址库): one row per address, its parts, its WGS-84 point and grid.
-- normalised is the matcher's normal form of the whole address, for searches; the matcher itself works in memory.
CREATE TABLE addresses (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    normalised VARCHAR(1000) NOT NULL,
    district VARCHAR(100) NULL,
    street VARCHAR(100) NULL,
    community VARCHAR(100) NULL,
    road VARCHAR(100) NULL,
    number VARCHAR(100) NULL,
    compound VARCHAR(100) NULL,
    building VARCHAR(100) NULL,
    unit VARCHAR(100) NULL,
    lon DOUBLE PRECISION NOT NULL,
    lat DOUBLE PRECISION NOT NULL,
    grid_code VARCHAR(32) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
)
GO
-- How an incident's reported address matched the register (JSON of AddressLocation), null when it had none.
ALTER TABLE incidents ADD COLUMN address_match TEXT NULL
