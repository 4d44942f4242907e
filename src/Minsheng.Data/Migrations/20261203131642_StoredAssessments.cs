using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// project_assessments: each project's assessment as worked out for a day, so that a page with lights reads one row per
    /// project. The database keeps it honest: a row is added with each project, and any change to an input of the rules —
    /// a report, a figure, a target, a milestone, the project, the light history, the plan's year, the tenant's thresholds
    /// or due day — bumps the row's epoch and clears it, in the same transaction as the change. A reader stores what it
    /// worked out only where the epoch is still the one it read (see StoredAssessmentWriter), so no stale assessment can
    /// be stored after the change that made it stale has committed.
    /// </summary>
    public partial class StoredAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "project_assessments",
                columns: table => new
                {
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    epoch = table.Column<long>(type: "bigint", nullable: false, defaultValue: 0L),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    assessment = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_assessments", x => new { x.tenant_id, x.project_id });
                    table.ForeignKey(
                        name: "fk_project_assessments_projects_tenant_id_project_id",
                        columns: x => new { x.tenant_id, x.project_id },
                        principalTable: "projects",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });
            migrationBuilder.Sql("""
                CREATE FUNCTION project_assessments_stale_by_project_id() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE project_assessments a SET epoch = a.epoch + 1, assessed_on = NULL, assessment = NULL
                  FROM (SELECT DISTINCT tenant_id, project_id FROM changed) c
                  WHERE a.tenant_id = c.tenant_id AND a.project_id = c.project_id;
                  RETURN NULL;
                END $$;

                CREATE FUNCTION project_assessments_stale_by_indicator_id() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE project_assessments a SET epoch = a.epoch + 1, assessed_on = NULL, assessment = NULL
                  FROM (SELECT DISTINCT i.tenant_id, i.project_id FROM changed c JOIN indicators i ON i.tenant_id = c.tenant_id AND i.id = c.indicator_id) c
                  WHERE a.tenant_id = c.tenant_id AND a.project_id = c.project_id;
                  RETURN NULL;
                END $$;

                CREATE FUNCTION project_assessments_stale_by_id() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE project_assessments a SET epoch = a.epoch + 1, assessed_on = NULL, assessment = NULL
                  FROM (SELECT DISTINCT tenant_id, id FROM changed) c
                  WHERE a.tenant_id = c.tenant_id AND a.project_id = c.id;
                  RETURN NULL;
                END $$;

                CREATE FUNCTION project_assessments_add() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  INSERT INTO project_assessments (tenant_id, project_id) SELECT tenant_id, id FROM changed ON CONFLICT DO NOTHING;
                  RETURN NULL;
                END $$;

                CREATE FUNCTION project_assessments_stale_by_tenant() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE project_assessments SET epoch = epoch + 1, assessed_on = NULL, assessment = NULL WHERE tenant_id = NEW.id;
                  RETURN NULL;
                END $$;

                CREATE FUNCTION project_assessments_stale_by_plan() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  UPDATE project_assessments a SET epoch = a.epoch + 1, assessed_on = NULL, assessment = NULL
                  FROM projects p WHERE p.tenant_id = NEW.tenant_id AND p.plan_id = NEW.id AND a.tenant_id = p.tenant_id AND a.project_id = p.id;
                  RETURN NULL;
                END $$;
                """);
            // Statement-level, with the changed rows as a transition table: a COPY of thousands of reports marks each
            // project once, and a command's single-row write costs one small UPDATE.
            foreach (var (table, function, events) in new[]
            {
                ("progress_reports", "project_assessments_stale_by_project_id", new[] { "INSERT", "UPDATE", "DELETE" }),
                ("indicators", "project_assessments_stale_by_project_id", new[] { "INSERT", "UPDATE", "DELETE" }),
                ("milestones", "project_assessments_stale_by_project_id", new[] { "INSERT", "UPDATE", "DELETE" }),
                ("project_lights", "project_assessments_stale_by_project_id", new[] { "INSERT" }),
                ("report_actuals", "project_assessments_stale_by_indicator_id", new[] { "INSERT", "UPDATE", "DELETE" }),
                ("projects", "project_assessments_stale_by_id", new[] { "UPDATE" }),
                ("projects", "project_assessments_add", new[] { "INSERT" }),
            })
            {
                foreach (var e in events)
                {
                    var rows = e == "DELETE" ? "OLD" : "NEW";
                    migrationBuilder.Sql($"CREATE TRIGGER {table}_{e.ToLowerInvariant()}_assessment AFTER {e} ON {table} " +
                        $"REFERENCING {rows} TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION {function}();");
                }
            }
            migrationBuilder.Sql("""
                CREATE TRIGGER tenants_update_assessment AFTER UPDATE ON tenants FOR EACH ROW
                WHEN (OLD.status_thresholds IS DISTINCT FROM NEW.status_thresholds OR OLD.report_due_day IS DISTINCT FROM NEW.report_due_day)
                EXECUTE FUNCTION project_assessments_stale_by_tenant();
                CREATE TRIGGER plans_update_assessment AFTER UPDATE ON plans FOR EACH ROW
                WHEN (OLD.year IS DISTINCT FROM NEW.year) EXECUTE FUNCTION project_assessments_stale_by_plan();
                """);
            // A row for every project there is (run as the migrating owner, which row-level security lets through here).
            migrationBuilder.Sql("INSERT INTO project_assessments (tenant_id, project_id) SELECT tenant_id, id FROM projects ON CONFLICT DO NOTHING;");
        }
        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, e) in new[] { ("progress_reports", "insert"), ("progress_reports", "update"), ("progress_reports", "delete"),
                ("indicators", "insert"), ("indicators", "update"), ("indicators", "delete"), ("milestones", "insert"), ("milestones", "update"),
                ("milestones", "delete"), ("project_lights", "insert"), ("report_actuals", "insert"), ("report_actuals", "update"),
                ("report_actuals", "delete"), ("projects", "update"), ("projects", "insert"), ("tenants", "update"), ("plans", "update") })
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_{e}_assessment ON {table};");
            migrationBuilder.DropTable(
                name: "project_assessments");
            foreach (var function in new[] { "project_assessments_stale_by_project_id", "project_assessments_stale_by_indicator_id",
                "project_assessments_stale_by_id", "project_assessments_add", "project_assessments_stale_by_tenant", "project_assessments_stale_by_plan" })
                migrationBuilder.Sql($"DROP FUNCTION IF EXISTS {function}();");
        }
    }
}
