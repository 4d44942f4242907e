using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// A stored assessment as columns and arrays instead of one JSON document (a page with lights reads twenty; parsing
    /// them cost more than the rest of the read). The staleness triggers now clear only the day, and every stored
    /// assessment is made stale once here, since the JSON it kept is dropped.
    /// </summary>
    public partial class StoredAssessmentColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (name, body) in new[]
            {
                ("project_assessments_stale_by_project_id", """
                    UPDATE project_assessments a SET epoch = a.epoch + 1, assessed_on = NULL
                    FROM (SELECT DISTINCT tenant_id, project_id FROM changed) c WHERE a.tenant_id = c.tenant_id AND a.project_id = c.project_id;
                    """),
                ("project_assessments_stale_by_indicator_id", """
                    UPDATE project_assessments a SET epoch = a.epoch + 1, assessed_on = NULL
                    FROM (SELECT DISTINCT i.tenant_id, i.project_id FROM changed c JOIN indicators i ON i.tenant_id = c.tenant_id AND i.id = c.indicator_id) c
                    WHERE a.tenant_id = c.tenant_id AND a.project_id = c.project_id;
                    """),
                ("project_assessments_stale_by_id", """
                    UPDATE project_assessments a SET epoch = a.epoch + 1, assessed_on = NULL
                    FROM (SELECT DISTINCT tenant_id, id FROM changed) c WHERE a.tenant_id = c.tenant_id AND a.project_id = c.id;
                    """),
                ("project_assessments_stale_by_tenant", """
                    UPDATE project_assessments SET epoch = epoch + 1, assessed_on = NULL WHERE tenant_id = NEW.id;
                    """),
                ("project_assessments_stale_by_plan", """
                    UPDATE project_assessments a SET epoch = a.epoch + 1, assessed_on = NULL
                    FROM projects p WHERE p.tenant_id = NEW.tenant_id AND p.plan_id = NEW.id AND a.tenant_id = p.tenant_id AND a.project_id = p.id;
                    """),
            })
                migrationBuilder.Sql($"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {body} RETURN NULL; END $$;");
            migrationBuilder.Sql("UPDATE project_assessments SET epoch = epoch + 1, assessed_on = NULL;");

            migrationBuilder.DropColumn(
                name: "assessment",
                table: "project_assessments");

            migrationBuilder.AddColumn<int>(
                name: "elapsed_percent",
                table: "project_assessments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "light",
                table: "project_assessments",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "light_since",
                table: "project_assessments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "progress_percent",
                table: "project_assessments",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "reason_codes",
                table: "project_assessments",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "reason_lights",
                table: "project_assessments",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "reason_messages",
                table: "project_assessments",
                type: "text[]",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "project_assessments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "supervision_suggested",
                table: "project_assessments",
                type: "boolean",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE project_assessments SET epoch = epoch + 1, assessed_on = NULL;");
            migrationBuilder.DropColumn(
                name: "elapsed_percent",
                table: "project_assessments");

            migrationBuilder.DropColumn(
                name: "light",
                table: "project_assessments");

            migrationBuilder.DropColumn(
                name: "light_since",
                table: "project_assessments");

            migrationBuilder.DropColumn(
                name: "progress_percent",
                table: "project_assessments");

            migrationBuilder.DropColumn(
                name: "reason_codes",
                table: "project_assessments");

            migrationBuilder.DropColumn(
                name: "reason_lights",
                table: "project_assessments");

            migrationBuilder.DropColumn(
                name: "reason_messages",
                table: "project_assessments");

            migrationBuilder.DropColumn(
                name: "status",
                table: "project_assessments");

            migrationBuilder.DropColumn(
                name: "supervision_suggested",
                table: "project_assessments");

            migrationBuilder.AddColumn<string>(
                name: "assessment",
                table: "project_assessments",
                type: "jsonb",
                nullable: true);
        }
    }
}
