-- The category catalogue; seeded from infra/catalogue/categories.json when empty, then edited by admins.
CREATE TABLE categories (
    code VARCHAR(32) NOT NULL PRIMARY KEY,
    name_zh VARCHAR(64) NOT NULL,
    name_en VARCHAR(100) NOT NULL,
    kind VARCHAR(20) NOT NULL,
    priority INTEGER NOT NULL,
    organisation_type VARCHAR(40) NOT NULL,
    respond_minutes INTEGER NOT NULL,
    arrive_minutes INTEGER NOT NULL,
    reinforce_minutes INTEGER NULL,
    task_order_working_days INTEGER NOT NULL,
    keywords TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    updated_by VARCHAR(100) NOT NULL
)
