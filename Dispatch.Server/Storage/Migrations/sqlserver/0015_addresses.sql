-- The standard address register (标准地址库): one row per address, its parts, its WGS-84 point and grid.
-- normalised is the matcher's normal form of the whole address, for searches; the matcher itself works in memory.
CREATE TABLE addresses (
    id NVARCHAR(64) NOT NULL PRIMARY KEY,
    normalised NVARCHAR(1000) NOT NULL,
    district NVARCHAR(100) NULL,
    street NVARCHAR(100) NULL,
    community NVARCHAR(100) NULL,
    road NVARCHAR(100) NULL,
    number NVARCHAR(100) NULL,
    compound NVARCHAR(100) NULL,
    building NVARCHAR(100) NULL,
    unit NVARCHAR(100) NULL,
    lon FLOAT NOT NULL,
    lat FLOAT NOT NULL,
    grid_code NVARCHAR(32) NOT NULL,
    created_at DATETIMEOFFSET(7) NOT NULL,
    updated_at DATETIMEOFFSET(7) NOT NULL
)
GO
-- How an incident's reported address matched the register (JSON of AddressLocation), null when it had none.
ALTER TABLE incidents ADD address_match NVARCHAR(MAX) NULL
