CREATE TABLE units (
    code TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    organisation TEXT NOT NULL,
    kind TEXT NOT NULL,
    lon REAL NULL,
    lat REAL NULL,
    accuracy_m REAL NULL,
    position_at TEXT NULL
)
GO
CREATE INDEX ix_units_organisation ON units (organisation, kind, code)
