using System.CommandLine;
using Minsheng.Data.Tenancy;
using Minsheng.Hosting;
using Npgsql;

namespace Minsheng.Cli;

/// <summary>
/// <c>minsheng migrate</c>: applies the migrations as the owner role — the deployment step that runs before a new
/// version's servers start (a production server never migrates on its own unless given the owner's connection).
/// With MINSHENG_APP_PASSWORD set, the application role gets that password, so servers can sign in as it.
/// </summary>
internal static class MigrateCommand
{
    public const string OwnerVariable = "ConnectionStrings__MinshengOwner";
    public const string AppPasswordVariable = "MINSHENG_APP_PASSWORD";

    public static Command Create()
    {
        var owner = new Option<string?>("--owner-connection")
        {
            Description = $"Connection string as the owner role (default: the environment variable {OwnerVariable}).",
        };
        var command = new Command("migrate", $"Apply the database migrations as the owner role; with {AppPasswordVariable} set, give the application role that password.")
        {
            owner,
        };
        command.SetAction(async (parse, ct) =>
        {
            var connection = parse.GetValue(owner) ?? Environment.GetEnvironmentVariable(OwnerVariable);
            if (string.IsNullOrWhiteSpace(connection))
            {
                Console.Error.WriteLine($"Give the owner role's connection string with --owner-connection or {OwnerVariable}.");
                return 1;
            }
            await PlatformDatabase.MigrateAsync(connection, ct);
            if (Environment.GetEnvironmentVariable(AppPasswordVariable) is { Length: > 0 } password)
            {
                await using var db = new NpgsqlConnection(connection);
                await db.OpenAsync(ct);
                // ALTER ROLE takes no parameters: the statement is built by the server's own quoting.
                await using var build = new NpgsqlCommand("SELECT format('ALTER ROLE %I PASSWORD %L', $1::text, $2::text)", db)
                {
                    Parameters = { new() { Value = DatabaseRoles.App }, new() { Value = password } },
                };
                var statement = (string)(await build.ExecuteScalarAsync(ct))!;
                await using var alter = new NpgsqlCommand(statement, db);
                await alter.ExecuteNonQueryAsync(ct);
                Console.WriteLine($"The application role {DatabaseRoles.App} has the password from {AppPasswordVariable}.");
            }
            Console.WriteLine("The database is migrated.");
            return 0;
        });
        return command;
    }
}
