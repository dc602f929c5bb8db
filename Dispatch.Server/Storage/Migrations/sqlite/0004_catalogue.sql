-- The category catalogue; seeded from infra/catalogue/categories.json when empty, then edited by admins.
CREATE TABLE categories (
    code TEXT NOT NULL PRIMARY KEY,
    name_zh TEXT NOT NULL,
    name_en TEXT NOT NULL,
    kind TEXT NOT NULL,
    priority INTEGER NOT NULL,
    organisation_type TEXT NOT NULL,
    respond_minutes INTEGER NOT NULL,
    arrive_minutes INTEGER NOT NULL,
    reinforce_minutes INTEGER NULL,
    task_order_working_days INTEGER NOT NULL,
    keywords TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
)
