using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Minsheng.Data.Migrations
{
    /// <summary>A milestone marked achieved by the lead unit: on which day, by whom, with what evidence.</summary>
    public partial class MilestonesAchieved : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "achieved_by",
                table: "milestones",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "achieved_on",
                table: "milestones",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "evidence",
                table: "milestones",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "achieved_by",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "achieved_on",
                table: "milestones");

            migrationBuilder.DropColumn(
                name: "evidence",
                table: "milestones");
        }
    }
}
