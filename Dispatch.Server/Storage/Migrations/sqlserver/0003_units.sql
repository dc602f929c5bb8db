CREATE TABLE units (
    code NVARCHAR(32) NOT NULL PRIMARY KEY,
    name NVARCHAR(100) NOT NULL,
    organisation NVARCHAR(32) NOT NULL,
    kind NVARCHAR(20) NOT NULL,
    lon FLOAT NULL,
    lat FLOAT NULL,
    accuracy_m FLOAT NULL,
    position_at DATETIMEOFFSET(7) NULL
)
GO
CREATE INDEX ix_units_organisation ON units (organisation, kind, code)
