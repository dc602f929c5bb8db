-- The other sides of a shared edge: the areas that also hold an incident's point but lost the lower-code tie, as
-- ",A,B,", so that their people see it too. Task orders copy their incident's, like its other area codes.
ALTER TABLE incidents ADD COLUMN shared_area_codes VARCHAR(1000) NULL
GO
ALTER TABLE task_orders ADD COLUMN shared_area_codes VARCHAR(1000) NULL
GO
