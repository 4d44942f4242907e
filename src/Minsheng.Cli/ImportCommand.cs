using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Application.Importing;
using Minsheng.Domain;
using Minsheng.Importing;

namespace Minsheng.Cli;

/// <summary>
/// <c>minsheng import &lt;file&gt; --tenant 411302 [--dry-run] [--format json|table] [--replace &lt;plan id&gt;]</c>.
/// Exit code 0 when the document was read (and, without --dry-run, written); 1 when it was refused.
/// </summary>
internal static class ImportCommand
{
    private static readonly JsonSerializerOptions OutcomeJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The plan document: .txt (UTF-8, UTF-16, GBK/GB18030), .docx or .xlsx." };
        var tenant = new Option<string>("--tenant") { Description = "Region code of the tenant, e.g. 411302.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read and report only; write nothing." };
        var format = new Option<string>("--format") { Description = "Output: table (for people) or json (the documented draft).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var replace = new Option<Guid?>("--replace") { Description = "Rewrite the projects of this draft plan (its uuid) from the document." };

        var command = new Command("import", "Import a plan notice into a tenant's plans.") { file, tenant, dryRun, format, replace, CliDatabase.ConnectionOption };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"The file {path.FullName} does not exist.");
                return 1;
            }
            try
            {
                await using var database = await CliDatabase.OpenAsync(parse.GetValue(CliDatabase.ConnectionOption), ct);
                var content = await File.ReadAllBytesAsync(path.FullName, ct);
                var outcome = await database.AsTenantAsync(parse.GetValue(tenant)!, services =>
                    services.GetRequiredService<PlanImportService>().ImportAsync(content, path.Name, parse.GetValue(dryRun), parse.GetValue(replace), ct), ct);
                Console.WriteLine(parse.GetValue(format) == "json" ? Json(outcome) : Table(outcome));
                return outcome.Succeeded ? 0 : 1;
            }
            catch (DomainException e)
            {
                Console.Error.WriteLine($"Refused: {e.Message}");
                return 1;
            }
            catch (CliException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        });
        return command;
    }

    private static string Json(PlanImportOutcome outcome) => outcome.DryRun || !outcome.Result.Succeeded
        ? PlanDraftJson.Serialize(outcome.Result)
        : JsonSerializer.Serialize(new
        {
            succeeded = outcome.Succeeded,
            planId = outcome.PlanId,
            alreadyImported = outcome.AlreadyImported,
            recordedActuals = outcome.RecordedActuals,
            sha256 = outcome.Result.Sha256Hex,
            projects = outcome.Result.Draft?.AllProjects().Count() ?? 0,
            createdUnits = outcome.CreatedUnits,
            warnings = outcome.AllWarnings.Select(w => new { w.Code, w.Message, w.Location }),
        }, OutcomeJson);

    private static string Table(PlanImportOutcome outcome)
    {
        var lines = new List<string>();
        if (outcome.Result.Draft is { } draft) lines.Add(PlanDraftTable.Render(draft));
        foreach (var error in outcome.Result.Errors) lines.Add($"ERROR   {error.Code}: {error.Message}{At(error)}");
        foreach (var warning in outcome.AllWarnings) lines.Add($"warning {warning.Code}: {warning.Message}{At(warning)}");
        lines.Add(outcome switch
        {
            { Result.Succeeded: false } => "Not imported: the document was refused (see errors above).",
            { DryRun: true } => $"Dry run: {outcome.Result.Draft!.AllProjects().Count()} projects read; nothing was written.",
            { AlreadyImported: true } => $"Already imported as plan {outcome.PlanId}; nothing new was created.",
            { Result.Draft.Kind: PlanKind.CompletionDisclosure } => $"Recorded {outcome.RecordedActuals} achieved figures against plan {outcome.PlanId} (December reports).",
            _ => $"Imported as draft plan {outcome.PlanId}: {outcome.Result.Draft!.AllProjects().Count()} projects"
                 + (outcome.CreatedUnits.Count > 0 ? $"; new units added to the directory: {string.Join("、", outcome.CreatedUnits)}" : "") + ".",
        });
        return string.Join(Environment.NewLine, lines);
    }

    private static string At(ImportIssue issue) => issue.Location is null ? "" : $" ({issue.Location})";
}
