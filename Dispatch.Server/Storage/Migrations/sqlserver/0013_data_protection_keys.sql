-- ASP.NET Core Data Protection keys, shared by every node so that a session cookie issued by one is read by all.
CREATE TABLE data_protection_keys (
    friendly_name NVARCHAR(200) NOT NULL PRIMARY KEY,
    xml NVARCHAR(MAX) NOT NULL,
    created_at DATETIMEOFFSET(7) NOT NULL
)
