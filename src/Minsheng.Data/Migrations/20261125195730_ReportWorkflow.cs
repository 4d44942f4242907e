using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>
    /// The monthly report cycle: who submitted, signed off, accepted or returned a report, and when. The concurrency
    /// token is PostgreSQL's own xmin, which every row has: nothing to add for it.
    /// </summary>
    public partial class ReportWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "return_reason",
                table: "progress_reports",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "accepted_at",
                table: "progress_reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "accepted_by",
                table: "progress_reports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "approved_at",
                table: "progress_reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "approved_by",
                table: "progress_reports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "returned_at",
                table: "progress_reports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "returned_by",
                table: "progress_reports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "submitted_by",
                table: "progress_reports",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "accepted_at",
                table: "progress_reports");

            migrationBuilder.DropColumn(
                name: "accepted_by",
                table: "progress_reports");

            migrationBuilder.DropColumn(
                name: "approved_at",
                table: "progress_reports");

            migrationBuilder.DropColumn(
                name: "approved_by",
                table: "progress_reports");

            migrationBuilder.DropColumn(
                name: "returned_at",
                table: "progress_reports");

            migrationBuilder.DropColumn(
                name: "returned_by",
                table: "progress_reports");

            migrationBuilder.DropColumn(
                name: "submitted_by",
                table: "progress_reports");

            migrationBuilder.AlterColumn<string>(
                name: "return_reason",
                table: "progress_reports",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000,
                oldNullable: true);
        }
    }
}
