-- Distributes the Minsheng schema on a Citus cluster, after the migrations have run on the coordinator
-- (as the owner). Tenant-owned tables are distributed by tenant_id and co-located, so every join between
-- them stays on one shard; shared reference data is replicated to every worker.
-- Checked against a real Citus cluster separately: no Citus engine runs on the development machines.

SELECT create_reference_table('regions');
SELECT create_reference_table('tenants');

SELECT create_distributed_table('plans',            'tenant_id');
SELECT create_distributed_table('units',            'tenant_id', colocate_with => 'plans');
SELECT create_distributed_table('projects',         'tenant_id', colocate_with => 'plans');
SELECT create_distributed_table('project_units',    'tenant_id', colocate_with => 'plans');
SELECT create_distributed_table('indicators',       'tenant_id', colocate_with => 'plans');
SELECT create_distributed_table('milestones',       'tenant_id', colocate_with => 'plans');
SELECT create_distributed_table('catalog_links',    'tenant_id', colocate_with => 'plans');
SELECT create_distributed_table('target_certifications', 'tenant_id', colocate_with => 'plans');
SELECT create_distributed_table('progress_reports', 'tenant_id', colocate_with => 'plans');
SELECT create_distributed_table('audit_entries',    'tenant_id', colocate_with => 'plans');

-- The application sets its tenant with SET LOCAL app.tenant_ids = '…'; only SET LOCAL reaches the workers,
-- and only when Citus propagates it.
ALTER ROLE minsheng_app SET citus.propagate_set_commands = 'local';
