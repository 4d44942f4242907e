using System.CommandLine;
using Minsheng.Cli;

var root = new RootCommand("Minsheng Platform command line: import and export plan documents, list and add tenants, create the first users, list plans, load national synthetic data.");
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(TenantsCommand.Create());
root.Subcommands.Add(UsersCommand.Create());
root.Subcommands.Add(PlansCommands.List());
root.Subcommands.Add(PlansCommands.Export());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(MigrateCommand.Create());
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is Minsheng.Postgres.Embedded.PostgresNotFoundException or Minsheng.Postgres.Embedded.PostgresStartException
                           or Npgsql.NpgsqlException and not Npgsql.PostgresException)
{
    // The database could not be reached or started: say why in one message, not a stack trace.
    Console.Error.WriteLine(e.Message);
    return 2;
}
