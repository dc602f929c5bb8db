-- Jurisdiction layers. The geometry is WKB as hex text: portable across engines and lossless.
CREATE TABLE areas (
    level TEXT NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    parent_code TEXT NULL,
    geometry_wkb TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (level, code)
)
