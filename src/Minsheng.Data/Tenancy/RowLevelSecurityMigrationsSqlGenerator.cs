using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure.Internal;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations;

namespace Minsheng.Data.Tenancy;

/// <summary>
/// Npgsql's migrations SQL, plus row-level security for every tenant-owned table as it is created: a table
/// created with a tenant_id column gets the application role's grants, ENABLE and FORCE ROW LEVEL SECURITY and
/// the tenant_isolation policy in the same migration, right after its CREATE TABLE. The rule is derived from
/// the model, so a new tenant-owned entity is protected without anyone listing it; shared tables (regions,
/// tenants) have no tenant_id and get nothing, their grants stay explicit.
/// </summary>
/// <remarks>
/// The application role may only read and append to a table whose entity is marked <see cref="AppendOnly"/>,
/// in the migration's own model or in the current one: the early migrations' models predate the annotation,
/// and the audit trail they create must not become changeable when a database is built from scratch.
/// </remarks>
#pragma warning disable EF1001 // The provider's generator takes its singleton options; a subclass has to pass them on.
internal sealed class RowLevelSecurityMigrationsSqlGenerator(MigrationsSqlGeneratorDependencies dependencies, INpgsqlSingletonOptions npgsqlOptions)
    : NpgsqlMigrationsSqlGenerator(dependencies, npgsqlOptions)
#pragma warning restore EF1001
{
    private bool _appRoleEnsured;

    public override IReadOnlyList<MigrationCommand> Generate(IReadOnlyList<MigrationOperation> operations, IModel? model = null,
        MigrationsSqlGenerationOptions options = MigrationsSqlGenerationOptions.Default)
    {
        // Each call is one migration (or one script's migration): the role is ensured once in each, since any
        // of them may be the first to run on a new server.
        _appRoleEnsured = false;
        return base.Generate(operations, model, options);
    }

    protected override void Generate(CreateTableOperation operation, IModel? model, MigrationCommandListBuilder builder, bool terminate = true)
    {
        base.Generate(operation, model, builder, terminate);
        if (!operation.Columns.Any(c => c.Name == RowLevelSecurityTables.TenantColumn)) return;
        // An unterminated CREATE TABLE is continued by the caller; the policy cannot follow it, and a
        // tenant-owned table must never be created without one.
        if (!terminate) throw new NotSupportedException($"The tenant-owned table {operation.Name} cannot be created without its row-level security statements.");

        if (!_appRoleEnsured)
        {
            // GRANT fails for a role that does not exist, and the first tenant table may come before any migration creates it.
            Sql(DatabaseRoles.CreateAppRoleSql, model, builder);
            _appRoleEnsured = true;
        }
        var helper = Dependencies.SqlGenerationHelper;
        if (operation.Schema is { } schema) Sql($"GRANT USAGE ON SCHEMA {helper.DelimitIdentifier(schema)} TO {DatabaseRoles.App};", model, builder);
        var appendOnly = model?.IsAppendOnlyTable(operation.Name, operation.Schema) == true
            || CurrentModel.IsAppendOnlyTable(operation.Name, operation.Schema);
        foreach (var statement in RowLevelSecurityTables.EnableStatements(helper.DelimitIdentifier(operation.Name, operation.Schema), appendOnly))
            Sql(statement, model, builder);
    }

    /// <summary>The model as the code states it now, with every annotation (the runtime model drops some).</summary>
    private IModel CurrentModel => Dependencies.CurrentContext.Context.GetService<IDesignTimeModel>().Model;

    /// <summary>One statement, generated exactly as <c>migrationBuilder.Sql</c> would.</summary>
    private void Sql(string sql, IModel? model, MigrationCommandListBuilder builder) => Generate(new SqlOperation { Sql = sql }, model, builder);
}
