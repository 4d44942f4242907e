using System.CommandLine;

namespace Minsheng.Cli;

internal static class TenantsCommand
{
    public static Command Create()
    {
        var command = new Command("tenants", "List the tenants (region code, level, name).");
        command.Options.Add(CliDatabase.ConnectionOption);
        command.SetAction(async (parse, ct) =>
        {
            await using var database = await CliDatabase.OpenAsync(parse.GetValue(CliDatabase.ConnectionOption), ct);
            foreach (var tenant in await database.TenantsAsync(ct))
                Console.WriteLine($"{tenant.RegionCode}  {tenant.Level,-8}  {tenant.Name}");
            return 0;
        });
        return command;
    }
}
