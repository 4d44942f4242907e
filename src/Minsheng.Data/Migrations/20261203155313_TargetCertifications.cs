using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// target_certifications: the certifying units' decisions (核定) on targets' figures, append-only. The database freezes
    /// a certified figure (a trigger on report_actuals refuses any other figure for the target while its latest decision
    /// is "certified", whatever path writes it), and a decision — like a change of the units named on a project, or of
    /// the plugins a tenant runs — marks the stored assessments stale, since certification decides "completed".
    /// </summary>
    public partial class TargetCertifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "target_certifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    value = table.Column<decimal>(type: "numeric(20,4)", precision: 20, scale: 4, nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    decided_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_target_certifications", x => new { x.tenant_id, x.id });
                    table.ForeignKey(
                        name: "fk_target_certifications_indicators_tenant_id_indicator_id",
                        columns: x => new { x.tenant_id, x.indicator_id },
                        principalTable: "indicators",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_target_certifications_projects_tenant_id_project_id",
                        columns: x => new { x.tenant_id, x.project_id },
                        principalTable: "projects",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_target_certifications_units_tenant_id_unit_id",
                        columns: x => new { x.tenant_id, x.unit_id },
                        principalTable: "units",
                        principalColumns: new[] { "tenant_id", "id" },
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_target_certifications_tenant_id_indicator_id_decided_at",
                table: "target_certifications",
                columns: new[] { "tenant_id", "indicator_id", "decided_at" });

            migrationBuilder.CreateIndex(
                name: "ix_target_certifications_tenant_id_project_id",
                table: "target_certifications",
                columns: new[] { "tenant_id", "project_id" });

            migrationBuilder.CreateIndex(
                name: "ix_target_certifications_tenant_id_unit_id",
                table: "target_certifications",
                columns: new[] { "tenant_id", "unit_id" });

            migrationBuilder.Sql($$"""
                CREATE FUNCTION report_actuals_certified_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE certified numeric;
                BEGIN
                  IF TG_OP = 'UPDATE' AND NEW.value = OLD.value AND NEW.indicator_id = OLD.indicator_id THEN RETURN NEW; END IF;
                  SELECT CASE WHEN c.decision = 'Certified' THEN c.value END INTO certified FROM target_certifications c
                  WHERE c.tenant_id = NEW.tenant_id AND c.indicator_id = NEW.indicator_id ORDER BY c.decided_at DESC, c.id DESC LIMIT 1;
                  IF certified IS NOT NULL AND certified <> NEW.value THEN
                    RAISE EXCEPTION 'the certified figure of this target is frozen' USING ERRCODE = '{{Plans.CertifiedFigures.FrozenSqlState}}';
                  END IF;
                  RETURN NEW;
                END $$;
                CREATE TRIGGER report_actuals_certified_frozen BEFORE INSERT OR UPDATE ON report_actuals
                FOR EACH ROW EXECUTE FUNCTION report_actuals_certified_frozen();

                CREATE TRIGGER target_certifications_insert_assessment AFTER INSERT ON target_certifications
                REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION project_assessments_stale_by_project_id();
                CREATE TRIGGER project_units_insert_assessment AFTER INSERT ON project_units
                REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION project_assessments_stale_by_project_id();
                CREATE TRIGGER project_units_update_assessment AFTER UPDATE ON project_units
                REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION project_assessments_stale_by_project_id();
                CREATE TRIGGER project_units_delete_assessment AFTER DELETE ON project_units
                REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION project_assessments_stale_by_project_id();

                DROP TRIGGER tenants_update_assessment ON tenants;
                CREATE TRIGGER tenants_update_assessment AFTER UPDATE ON tenants FOR EACH ROW
                WHEN (OLD.status_thresholds IS DISTINCT FROM NEW.status_thresholds OR OLD.report_due_day IS DISTINCT FROM NEW.report_due_day
                      OR OLD.enabled_plugins IS DISTINCT FROM NEW.enabled_plugins)
                EXECUTE FUNCTION project_assessments_stale_by_tenant();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS report_actuals_certified_frozen ON report_actuals;
                DROP FUNCTION IF EXISTS report_actuals_certified_frozen();
                DROP TRIGGER IF EXISTS project_units_insert_assessment ON project_units;
                DROP TRIGGER IF EXISTS project_units_update_assessment ON project_units;
                DROP TRIGGER IF EXISTS project_units_delete_assessment ON project_units;
                DROP TRIGGER tenants_update_assessment ON tenants;
                CREATE TRIGGER tenants_update_assessment AFTER UPDATE ON tenants FOR EACH ROW
                WHEN (OLD.status_thresholds IS DISTINCT FROM NEW.status_thresholds OR OLD.report_due_day IS DISTINCT FROM NEW.report_due_day)
                EXECUTE FUNCTION project_assessments_stale_by_tenant();
                """);
            migrationBuilder.DropTable(
                name: "target_certifications");
        }
    }
}
