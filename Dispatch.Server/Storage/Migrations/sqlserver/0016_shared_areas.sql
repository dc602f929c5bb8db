-- The other sides of a shared edge: the areas that also hold an incident's point but lost the lower-code tie, as
-- ",A,B,", so that their people see it too. Task orders copy their incident's, like its other area codes.
ALTER TABLE incidents ADD shared_area_codes NVARCHAR(1000) NULL
GO
ALTER TABLE task_orders ADD shared_area_codes NVARCHAR(1000) NULL
GO
