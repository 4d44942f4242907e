using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Application.Tenants;
using Minsheng.Domain;

namespace Minsheng.Cli;

/// <summary>
/// <c>minsheng tenants</c> lists the tenants with their status; <c>minsheng tenants add 411526</c> onboards a region
/// as a tenant; <c>tenants disable 411526</c> / <c>tenants enable 411526</c> refuse and readmit it (its data stays).
/// </summary>
internal static class TenantsCommand
{
    public static Command Create()
    {
        var command = new Command("tenants", "List the tenants (region code, level, status, name); 'tenants add|disable|enable <code>' changes one.");
        command.Options.Add(CliDatabase.ConnectionOption);
        command.SetAction(async (parse, ct) =>
        {
            await using var database = await CliDatabase.OpenAsync(parse.GetValue(CliDatabase.ConnectionOption), ct);
            foreach (var (tenant, status) in await database.TenantsAsync(ct))
                Console.WriteLine($"{tenant.RegionCode}  {tenant.Level,-8}  {status,-8}  {tenant.Name}");
            return 0;
        });
        command.Subcommands.Add(Add());
        command.Subcommands.Add(ChangeStatus("disable",
            "Disable the tenant of a region: its requests and imports are refused; nothing is deleted.",
            (administration, code, ct) => administration.DisableAsync(code, ct), "Disabled",
            // A running server may hold the tenant in its cache for up to a minute; enabling needs no such note,
            // since a tenant that was not found is never cached.
            "A running server refuses it within a minute."));
        command.Subcommands.Add(ChangeStatus("enable",
            "Enable a disabled tenant again, with all its data.",
            (administration, code, ct) => administration.EnableAsync(code, ct), "Enabled", null));
        return command;
    }

    private static Command ChangeStatus(string name, string description, Func<TenantAdministration, string, CancellationToken, Task<TenantStatusChange>> change, string done, string? note)
    {
        var code = new Argument<string>("region-code") { Description = "The region code of the tenant, e.g. 411526." };
        var command = new Command(name, description) { code, CliDatabase.ConnectionOption };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var database = await CliDatabase.OpenAsync(parse.GetValue(CliDatabase.ConnectionOption), ct);
                var changed = await database.AsPlatformAsync(services => change(services.GetRequiredService<TenantAdministration>(), parse.GetValue(code)!, ct));
                Console.WriteLine($"{done} tenant {changed.RegionCode} {changed.Name}.");
                if (note is not null) Console.WriteLine(note);
                return 0;
            }
            catch (DomainException e)
            {
                Console.Error.WriteLine($"Refused: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command Add()
    {
        var code = new Argument<string>("region-code") { Description = "The GB/T 2260 code of the province, city or county, e.g. 411526." };
        var command = new Command("add", "Add the tenant of a region; its name and level come from the shipped GB/T 2260 list.") { code, CliDatabase.ConnectionOption };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var database = await CliDatabase.OpenAsync(parse.GetValue(CliDatabase.ConnectionOption), ct);
                var added = await database.AsPlatformAsync(services => services.GetRequiredService<TenantAdministration>().AddAsync(parse.GetValue(code)!, ct));
                var under = added.Ancestors.Count > 0 ? $" in {string.Join(" › ", added.Ancestors.Select(a => a.Name))}" : "";
                Console.WriteLine($"Added tenant {added.RegionCode} {added.Name} ({added.Level}{under}).");
                Console.WriteLine($"Import its plans with: minsheng import <file> --tenant {added.RegionCode}");
                return 0;
            }
            catch (DomainException e)
            {
                Console.Error.WriteLine($"Refused: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
