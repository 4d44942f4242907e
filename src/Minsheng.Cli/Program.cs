using System.CommandLine;
using Minsheng.Cli;

var root = new RootCommand("Minsheng Platform command line: import plan documents, list tenants.");
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(TenantsCommand.Create());
return await root.Parse(args).InvokeAsync();
