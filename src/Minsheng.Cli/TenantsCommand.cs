using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Minsheng.Application.Tenants;
using Minsheng.Domain;

namespace Minsheng.Cli;

/// <summary><c>minsheng tenants</c> lists the tenants; <c>minsheng tenants add 411526</c> onboards a region as a tenant.</summary>
internal static class TenantsCommand
{
    public static Command Create()
    {
        var command = new Command("tenants", "List the tenants (region code, level, name); 'tenants add <code>' adds one.");
        command.Options.Add(CliDatabase.ConnectionOption);
        command.SetAction(async (parse, ct) =>
        {
            await using var database = await CliDatabase.OpenAsync(parse.GetValue(CliDatabase.ConnectionOption), ct);
            foreach (var tenant in await database.TenantsAsync(ct))
                Console.WriteLine($"{tenant.RegionCode}  {tenant.Level,-8}  {tenant.Name}");
            return 0;
        });
        command.Subcommands.Add(Add());
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
