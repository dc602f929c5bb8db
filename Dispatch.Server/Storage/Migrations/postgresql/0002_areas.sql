-- Jurisdiction layers. The geometry is WKB as hex text: portable across engines and lossless.
CREATE TABLE areas (
    level VARCHAR(16) NOT NULL,
    code VARCHAR(64) NOT NULL,
    name VARCHAR(200) NOT NULL,
    parent_code VARCHAR(64) NULL,
    geometry_wkb TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (level, code)
)
