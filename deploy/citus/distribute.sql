-- Distributes the Minsheng schema on a Citus cluster, once, after the migrations have run on the coordinator (as the
-- owner), before any tenant's data is loaded:
--
--   psql "<owner connection to the coordinator>" -v ON_ERROR_STOP=1 -f deploy/citus/distribute.sql
--
-- * Tenant-owned tables (tenant_id NOT NULL, under row-level security) are distributed by tenant_id and co-located with
--   plans, so every join between them stays on one shard. Found from the catalog, so a table a later migration adds is
--   distributed too (report_actuals was once forgotten from a hand-written list).
-- * Shared reference data (regions, tenants) becomes reference tables, copied to every node.
-- * Everything else stays on the coordinator as it is: sign-in (identity_*, openiddict_*, dashboard_clients, whose
--   tenant_id is empty for platform and region accounts), keys, migration history.
--
-- Foreign keys are set aside while the tables change kind and added back afterwards. Otherwise the first reference
-- table turns every local table that refers to it into a Citus local table, and a table referred to by those can no
-- longer be distributed ("foreign keys from reference tables and local tables to distributed tables are not supported").
-- Every foreign key between tenant-owned tables includes tenant_id, which is what Citus needs between co-located ones.
--
-- Checked by deploy/citus/verify.sh on a coordinator and two workers (Citus 13.2, PostgreSQL 15).

\set ON_ERROR_STOP on
SET client_min_messages = warning;

-- The derived-assessment triggers write project_assessments in the change's own transaction; on Citus they run on the
-- shard, co-located with the row that changed, which Citus allows once told so.
SET citus.enable_unsafe_triggers = on;
SELECT format('ALTER DATABASE %I SET citus.enable_unsafe_triggers = on', current_database()) \gexec

CREATE TEMP TABLE minsheng_layout AS
SELECT c.oid::regclass AS name,
       CASE WHEN c.relname IN ('regions', 'tenants') THEN 'reference' ELSE 'distributed' END AS kind
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = 'public' AND c.relkind = 'r'
  AND (c.relname IN ('regions', 'tenants')
       OR (c.relrowsecurity AND EXISTS (SELECT FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND a.attnotnull)));

CREATE TEMP TABLE minsheng_foreign_keys AS
SELECT k.conrelid::regclass AS on_table, k.confrelid::regclass AS refers_to, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
FROM pg_constraint k
WHERE k.contype = 'f' AND k.conrelid IN (SELECT name FROM minsheng_layout);

SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', on_table, name) FROM minsheng_foreign_keys \gexec

-- On one server the policy converts the tenant setting once per statement, in a subquery; Citus refuses subqueries in
-- the policies of distributed tables, so there the conversion is written per row. (Each shard holds few rows of a tenant,
-- and the application's own tenant_id predicate routes a query to one shard before the policy is looked at.)
SELECT format('ALTER POLICY %I ON %s USING (%s) WITH CHECK (%s)', p.polname, p.polrelid::regclass, predicate, predicate)
FROM pg_policy p
CROSS JOIN (VALUES ($$tenant_id = ANY (string_to_array(nullif(current_setting('app.tenant_ids', true), ''), ',')::uuid[])$$)) AS v(predicate)
WHERE p.polrelid IN (SELECT name FROM minsheng_layout WHERE kind = 'distributed') AND p.polname = 'tenant_isolation' \gexec

-- The assessment triggers see a statement's changed rows as a transition table, which a query Citus ships to a shard
-- cannot read. On Citus the same triggers fire per row, on the shard that holds the row, and mark the project's stored
-- assessment stale there (project_assessments is co-located, so the update stays on that node).
CREATE OR REPLACE FUNCTION project_assessments_row_stale_by_project_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE project_assessments SET epoch = epoch + 1, assessed_on = NULL WHERE tenant_id = OLD.tenant_id AND project_id = OLD.project_id;
  ELSE
    UPDATE project_assessments SET epoch = epoch + 1, assessed_on = NULL WHERE tenant_id = NEW.tenant_id AND project_id = NEW.project_id;
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION project_assessments_row_stale_by_indicator_id() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE changed_tenant uuid; changed_indicator uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN changed_tenant := OLD.tenant_id; changed_indicator := OLD.indicator_id;
  ELSE changed_tenant := NEW.tenant_id; changed_indicator := NEW.indicator_id; END IF;
  UPDATE project_assessments a SET epoch = a.epoch + 1, assessed_on = NULL FROM indicators i
  WHERE i.tenant_id = changed_tenant AND i.id = changed_indicator AND a.tenant_id = changed_tenant AND a.project_id = i.project_id;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION project_assessments_row_stale_by_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE project_assessments SET epoch = epoch + 1, assessed_on = NULL WHERE tenant_id = NEW.tenant_id AND project_id = NEW.id;
  RETURN NULL;
END $$;
CREATE OR REPLACE FUNCTION project_assessments_row_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO project_assessments (tenant_id, project_id) VALUES (NEW.tenant_id, NEW.id) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;

SELECT format('DROP TRIGGER %I ON %s', t.tgname, t.tgrelid::regclass),
       format('CREATE TRIGGER %I AFTER %s ON %s FOR EACH ROW EXECUTE FUNCTION %s()', t.tgname,
              CASE WHEN t.tgtype & 4 <> 0 THEN 'INSERT' WHEN t.tgtype & 8 <> 0 THEN 'DELETE' ELSE 'UPDATE' END,
              t.tgrelid::regclass, replace(p.proname, 'project_assessments_', 'project_assessments_row_'))
FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
WHERE NOT t.tgisinternal AND t.tgrelid IN (SELECT name FROM minsheng_layout WHERE kind = 'distributed')
  AND (t.tgoldtable IS NOT NULL OR t.tgnewtable IS NOT NULL) \gexec

-- A tenant's settings (thresholds, report due day, plugins) make its stored assessments stale. tenants is a reference
-- table: its trigger fires on every node's copy, and from a worker the update would be a distributed query nested in
-- another. Here it runs once, on the coordinator, which may start that query.
CREATE OR REPLACE FUNCTION project_assessments_stale_by_tenant_once() RETURNS trigger LANGUAGE plpgsql
SET citus.allow_nested_distributed_execution = on AS $$
BEGIN
  IF citus_is_coordinator() THEN
    UPDATE project_assessments SET epoch = epoch + 1, assessed_on = NULL WHERE tenant_id = NEW.id;
  END IF;
  RETURN NULL;
END $$;
SELECT format('DROP TRIGGER %I ON %s', t.tgname, t.tgrelid::regclass),
       replace(pg_get_triggerdef(t.oid), 'project_assessments_stale_by_tenant()', 'project_assessments_stale_by_tenant_once()')
FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
WHERE NOT t.tgisinternal AND t.tgrelid = 'tenants'::regclass AND p.proname = 'project_assessments_stale_by_tenant' \gexec

SELECT format('SELECT create_reference_table(%L)', name) FROM minsheng_layout WHERE kind = 'reference' ORDER BY name::text \gexec

-- plans first: the others are co-located with it. Then the tables the others' triggers write to or read from while their
-- existing rows are copied to the shards.
SELECT format('SELECT create_distributed_table(%L, %L%s)', name, 'tenant_id',
              CASE WHEN name = 'plans'::regclass THEN '' ELSE ', colocate_with => ''plans''' END)
FROM minsheng_layout WHERE kind = 'distributed'
ORDER BY array_position(ARRAY['plans', 'project_assessments', 'target_certifications', 'indicators', 'projects'], name::text) NULLS LAST,
         name::text \gexec

-- Except between two reference tables (tenants → regions): there Citus locks the referenced table's copies whenever a
-- tenant changes, which needs more than the read access the application has on regions. The division list is written
-- only by migrations, and a tenant is created only for a code the application finds in it.
SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s', f.on_table, f.name, f.definition) FROM minsheng_foreign_keys f
WHERE NOT EXISTS (SELECT FROM minsheng_layout a JOIN minsheng_layout b ON a.kind = 'reference' AND b.kind = 'reference'
                  WHERE a.name = f.on_table AND b.name = f.refers_to) \gexec

-- Column grants (the application may change a tenant's status, settings and plugins, nothing else of the row) are not
-- copied to the shards by Citus: granted on every placement here, as the table-level ones are.
SELECT format('SELECT run_command_on_placements(%L, %L)', c.oid::regclass,
              format('GRANT %s (%I) ON %%s TO %I', g.privilege_type, a.attname, r.rolname))
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
CROSS JOIN LATERAL aclexplode(a.attacl) g
JOIN pg_roles r ON r.oid = g.grantee
WHERE a.attacl IS NOT NULL AND c.oid IN (SELECT name FROM minsheng_layout) \gexec

-- The application sets its tenants with SET LOCAL app.tenant_ids = '…'; only SET LOCAL reaches the workers, and only
-- when Citus propagates it.
ALTER ROLE minsheng_app SET citus.propagate_set_commands = 'local';

-- What was done, for the operator's log.
SELECT kind, count(*) AS tables, string_agg(name::text, ', ' ORDER BY name::text) AS names FROM minsheng_layout GROUP BY kind;
