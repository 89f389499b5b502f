-- Training compliance kept on write (issue 15 speed, issue 16's dashboard): one row per cadre and year with
-- the raw sums of their attended training, per programme kind and cumulated by month, so the compliance
-- report reads one row per cadre instead of aggregating every attendance row of the year.
--
-- Nothing of a pack is stored: the pack decides which kinds count toward which requirement and what the
-- minimum is; the report sums the kinds a requirement names from these figures. Cumulated by month so a
-- report on a day (asOf) takes the complete months before asOf's month from here and only the rows of
-- asOf's own month up to asOf from training_attendance.
--
-- Kept by triggers in the transaction of every write: any insert, update or delete of attendance rows
-- recomputes the affected cadres' rows from their attendance (so an incremental result equals a rebuild by
-- construction); a cadre's move carries the new unit path (row-level security follows the cadre's unit,
-- as on the cadre's own row). `training_cadre_years_refresh(NULL)` rebuilds every row.

CREATE TABLE training_cadre_years (
  cadre_id uuid NOT NULL REFERENCES cadres(id) ON DELETE CASCADE,
  year integer NOT NULL,
  -- the cadre's unit path (row-level security)
  org_path ltree NOT NULL,
  -- every kind together, cumulated: days[j] = credit days attended from 1 January to the end of month j
  days numeric[] NOT NULL,
  -- programmes[j] = distinct programmes first attended (in the year) by the end of month j
  programmes integer[] NOT NULL,
  -- months with attendance, bit j-1 for month j
  months integer NOT NULL,
  -- the same per kind: {"<kind id>": {"d": [12 cumulated days], "p": [12 cumulated programmes], "m": bits}}
  kinds jsonb NOT NULL,
  PRIMARY KEY (cadre_id, year)
);
CREATE INDEX training_cadre_years_year ON training_cadre_years (year);

-- The rows of the given cadres (NULL: every cadre) computed from their attended attendance.
CREATE FUNCTION training_cadre_years_rows(p_cadres uuid[])
  RETURNS TABLE (cadre_id uuid, year integer, org_path ltree, days numeric[], programmes integer[],
                 months integer, kinds jsonb)
  LANGUAGE sql STABLE AS $$
  WITH a AS (
    SELECT a.cadre_id, extract(year FROM a.on_date)::int AS year, a.kind_id, a.programme_id, a.credit_days,
           extract(month FROM a.on_date)::int AS month
      FROM training_attendance a
     WHERE a.attended AND (p_cadres IS NULL OR a.cadre_id IN (SELECT unnest(p_cadres)))
  ), per_month AS (
    -- days by the month attended, programmes by the month first attended
    SELECT a.cadre_id, a.year, a.kind_id, a.month, sum(a.credit_days) AS d, 0 AS p
      FROM a GROUP BY a.cadre_id, a.year, a.kind_id, a.month
    UNION ALL
    SELECT f.cadre_id, f.year, f.kind_id, f.month, 0, count(*)::int
      FROM (SELECT a.cadre_id, a.year, a.kind_id, a.programme_id, min(a.month) AS month
              FROM a GROUP BY a.cadre_id, a.year, a.kind_id, a.programme_id) f
     GROUP BY f.cadre_id, f.year, f.kind_id, f.month
  ), cum AS (
    SELECT x.cadre_id, x.year, x.kind_id, j.j,
           coalesce(sum(x.d) FILTER (WHERE x.month <= j.j), 0) AS d,
           coalesce(sum(x.p) FILTER (WHERE x.month <= j.j), 0)::int AS p,
           bit_or(1 << (x.month - 1)) AS m
      FROM per_month x CROSS JOIN generate_series(1, 12) AS j(j)
     GROUP BY x.cadre_id, x.year, x.kind_id, j.j
  ), by_kind AS (
    SELECT c.cadre_id, c.year, c.kind_id, array_agg(c.d ORDER BY c.j) AS d, array_agg(c.p ORDER BY c.j) AS p,
           max(c.m) AS m
      FROM cum c GROUP BY c.cadre_id, c.year, c.kind_id
  ), totals AS (
    SELECT c.cadre_id, c.year, array_agg(c.d ORDER BY c.j) AS d, array_agg(c.p ORDER BY c.j) AS p
      FROM (SELECT cadre_id, year, j, sum(d) AS d, sum(p)::int AS p FROM cum GROUP BY cadre_id, year, j) c
     GROUP BY c.cadre_id, c.year
  )
  SELECT k.cadre_id, k.year, min(ca.org_path::text)::ltree, min(t.d), min(t.p), bit_or(k.m),
         jsonb_object_agg(k.kind_id, jsonb_build_object('d', k.d, 'p', k.p, 'm', k.m))
    FROM by_kind k
    JOIN totals t ON t.cadre_id = k.cadre_id AND t.year = k.year
    JOIN cadres ca ON ca.id = k.cadre_id
   GROUP BY k.cadre_id, k.year $$;

-- Recompute the rows of the given cadres (NULL: all), in the system context (the writer's scope may not
-- cover every attendance row of a cadre who moved). Not callable by the app role: the triggers below (and
-- the migration) run it as the owner; the app role cannot write the table itself.
CREATE FUNCTION training_cadre_years_refresh(p_cadres uuid[]) RETURNS void
  LANGUAGE plpgsql SET search_path = public, pg_temp
AS $$
DECLARE
  v_saved text[] := app_enter_system();
BEGIN
  -- One writer per cadre at a time: two transactions recording attendance of the same cadre would each
  -- compute the row without the other's uncommitted rows. The second waits here for the first to commit;
  -- the statements below then run on a snapshot taken after the wait (READ COMMITTED), seeing both. Many
  -- cadres at once (imports, the rebuild) lock the table instead of filling the lock table.
  IF p_cadres IS NULL OR cardinality(p_cadres) > 1000 THEN
    LOCK TABLE training_cadre_years IN EXCLUSIVE MODE;
  ELSE
    PERFORM pg_advisory_xact_lock(20260034, hashtext(k.id::text))
       FROM (SELECT DISTINCT unnest(p_cadres) AS id) k ORDER BY hashtext(k.id::text);
    LOCK TABLE training_cadre_years IN ROW EXCLUSIVE MODE;
  END IF;
  IF p_cadres IS NULL THEN
    DELETE FROM training_cadre_years;
  ELSE
    DELETE FROM training_cadre_years t WHERE t.cadre_id IN (SELECT unnest(p_cadres));
  END IF;
  INSERT INTO training_cadre_years (cadre_id, year, org_path, days, programmes, months, kinds)
  SELECT * FROM training_cadre_years_rows(p_cadres);
  PERFORM app_leave_system(v_saved);
END $$;

-- Attendance written (insert, update or delete; one trigger per event, as transition tables require): the
-- cadres of the old and new rows recomputed, once per statement.
CREATE FUNCTION training_cadre_years_on_write() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM training_cadre_years_refresh(ARRAY(SELECT DISTINCT n.cadre_id FROM new_rows n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM training_cadre_years_refresh(ARRAY(
      SELECT n.cadre_id FROM new_rows n UNION SELECT o.cadre_id FROM old_rows o));
  ELSE
    PERFORM training_cadre_years_refresh(ARRAY(SELECT DISTINCT o.cadre_id FROM old_rows o));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER training_cadre_years_insert AFTER INSERT ON training_attendance
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION training_cadre_years_on_write();
CREATE TRIGGER training_cadre_years_update AFTER UPDATE ON training_attendance
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION training_cadre_years_on_write();
CREATE TRIGGER training_cadre_years_delete AFTER DELETE ON training_attendance
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION training_cadre_years_on_write();

-- A cadre moved: their rows follow the unit.
CREATE FUNCTION training_cadre_years_on_move() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
  v_saved text[] := app_enter_system();
BEGIN
  UPDATE training_cadre_years SET org_path = NEW.org_path WHERE cadre_id = NEW.id;
  PERFORM app_leave_system(v_saved);
  RETURN NULL;
END $$;
CREATE TRIGGER training_cadre_years_move AFTER UPDATE OF org_path ON cadres
  FOR EACH ROW WHEN (OLD.org_path IS DISTINCT FROM NEW.org_path)
  EXECUTE FUNCTION training_cadre_years_on_move();

REVOKE ALL ON FUNCTION training_cadre_years_refresh(uuid[]), training_cadre_years_on_write(),
  training_cadre_years_on_move() FROM PUBLIC;

-- row-level security: the cadre's unit subtree, 仅本人 their own (the shape of the attendance it sums)
CALL app_rls_person('training_cadre_years', 'org_path', 'cadre_id', write_check => 'subtree');
GRANT SELECT ON training_cadre_years TO ganbu_app;

-- the rows of the attendance already recorded
SELECT training_cadre_years_refresh(NULL);
