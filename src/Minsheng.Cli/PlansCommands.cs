using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Application.Importing;
using Minsheng.Application.Plans;
using Minsheng.Domain;

namespace Minsheng.Cli;

/// <summary><c>minsheng plans --tenant 411302</c> and <c>minsheng export --tenant 411302 --plan &lt;id&gt; [--format docx|xlsx] [--output file]</c>.</summary>
internal static class PlansCommands
{
    private static readonly Option<string> Tenant = new("--tenant") { Description = "Region code of the tenant, e.g. 411302.", Required = true };

    public static Command List()
    {
        var command = new Command("plans", "List a tenant's plans (id, year, status, title).") { Tenant, CliDatabase.ConnectionOption };
        command.SetAction(async (parse, ct) =>
        {
            await using var database = await CliDatabase.OpenAsync(parse.GetValue(CliDatabase.ConnectionOption), ct);
            var plans = await database.AsTenantAsync(parse.GetValue(Tenant)!, services => services.GetRequiredService<PlanQueries>().PlansAsync(null, ct), ct);
            foreach (var plan in plans) Console.WriteLine($"{plan.Id}  {plan.Year}  {plan.Status,-9}  {plan.Title}");
            return 0;
        });
        return command;
    }

    public static Command Export()
    {
        var plan = new Option<Guid>("--plan") { Description = "The plan's id (see: minsheng plans).", Required = true };
        var format = new Option<string>("--format") { Description = "docx or xlsx.", DefaultValueFactory = _ => "docx" };
        format.AcceptOnlyFromAmong("docx", "xlsx");
        var output = new Option<FileInfo?>("--output") { Description = "Where to write the file (default: the plan's title in the current folder)." };
        var command = new Command("export", "Write a plan in the annex layout (.docx or .xlsx).") { Tenant, plan, format, output, CliDatabase.ConnectionOption };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var database = await CliDatabase.OpenAsync(parse.GetValue(CliDatabase.ConnectionOption), ct);
                var file = await database.AsTenantAsync(parse.GetValue(Tenant)!, services => services.GetRequiredService<PlanExportService>()
                    .ExportAsync(parse.GetValue(plan), parse.GetValue(format) == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Docx, ct), ct);
                var path = parse.GetValue(output)?.FullName ?? Path.Combine(Directory.GetCurrentDirectory(), file.FileName);
                await File.WriteAllBytesAsync(path, file.Content, ct);
                Console.WriteLine($"Wrote {path} ({file.Content.Length} bytes).");
                return 0;
            }
            catch (Exception e) when (e is DomainException or CliException)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }
}
