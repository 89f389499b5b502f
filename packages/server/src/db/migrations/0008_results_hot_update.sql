-- A compute rewrites every target row of its round (result, proposed and final grade): 100,000 rows in a
-- province-size round. None of those columns is indexed, so with free space on the row's page PostgreSQL
-- writes the new version there without touching the four indexes (a heap-only tuple update) and prunes
-- the old one on a later visit. Leave that space: pages of new rows are filled to 60 %.
ALTER TABLE assessment_targets SET (fillfactor = 60);
