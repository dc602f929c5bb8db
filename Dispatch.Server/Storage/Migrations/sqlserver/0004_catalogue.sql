-- The category catalogue; seeded from infra/catalogue/categories.json when empty, then edited by admins.
CREATE TABLE categories (
    code NVARCHAR(32) NOT NULL PRIMARY KEY,
    name_zh NVARCHAR(64) NOT NULL,
    name_en NVARCHAR(100) NOT NULL,
    kind NVARCHAR(20) NOT NULL,
    priority INT NOT NULL,
    organisation_type NVARCHAR(40) NOT NULL,
    respond_minutes INT NOT NULL,
    arrive_minutes INT NOT NULL,
    reinforce_minutes INT NULL,
    task_order_working_days INT NOT NULL,
    keywords NVARCHAR(MAX) NOT NULL,
    updated_at DATETIMEOFFSET(7) NOT NULL,
    updated_by NVARCHAR(100) NOT NULL
)
