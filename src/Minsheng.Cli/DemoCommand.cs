using System.CommandLine;
using Minsheng.Application.Demo;

namespace Minsheng.Cli;

/// <summary>
/// <c>minsheng demo national</c> loads the national synthetic data set — every county, prefecture and province of the
/// shipped division list as a tenant with a supervised year — with a progress bar, then reports the load time and the
/// database's size. <c>--under 640000</c> loads one province (or city) and what lies beneath it.
/// </summary>
internal static class DemoCommand
{
    private static readonly Option<string?> OwnerConnection = new("--owner-connection")
    {
        Description = "Connection string as the owner role, which migrates the database given by --connection and writes the data " +
            "(default: the embedded database's owner).",
    };

    public static Command Create()
    {
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same plans, figures and texts.", DefaultValueFactory = _ => 2024 };
        var year = new Option<int>("--year") { Description = "The plan year.", DefaultValueFactory = _ => DemoDataGenerator.DemoYear };
        var under = new Option<string?>("--under") { Description = "Only this region and those beneath it, e.g. 640000 (default: the whole country)." };
        var national = new Command("national",
            "Load every government of the shipped division list as a tenant: 10–30 projects each, 2–5 targets, twelve monthly reports, lights, some 督办. " +
            "Tenants that exist are skipped, so an interrupted load is finished by running it again.")
        {
            seed, year, under, OwnerConnection, CliDatabase.ConnectionOption,
        };
        national.SetAction(async (parse, ct) =>
        {
            var options = new NationalDataOptions(parse.GetValue(seed), parse.GetValue(year), parse.GetValue(under));
            try
            {
                _ = NationalData.Regions(options.Under);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message.Split(" (Parameter")[0]);
                return 1;
            }
            await using var database = await CliDatabase.OpenAsync(parse.GetValue(CliDatabase.ConnectionOption), ct, parse.GetValue(OwnerConnection));
            var owner = parse.GetValue(OwnerConnection) ?? database.OwnerConnectionString;
            if (owner is null)
            {
                Console.Error.WriteLine("Loading data needs the owner role's connection string: give it with --owner-connection.");
                return 1;
            }
            var bar = new ProgressBar();
            var summary = await NationalData.LoadAsync(owner, options, new SynchronousProgress<NationalDataProgress>(bar.Show), ct);
            bar.Finish();
            Console.WriteLine($"{summary.Tenants:N0} tenants ({summary.TenantsLoaded:N0} loaded, {summary.Tenants - summary.TenantsLoaded:N0} already there), " +
                $"{summary.RowsWritten:N0} rows written in {summary.LoadTime.TotalSeconds:0.0} s.");
            Console.WriteLine($"The database now holds {summary.Projects:N0} projects, {summary.Reports:N0} monthly reports and {summary.LightRecords:N0} light records; " +
                $"its size is {summary.DatabaseBytes / 1024.0 / 1024.0:N0} MB.");
            return 0;
        });
        var command = new Command("demo", "Synthetic data for demonstrations and measurements.");
        command.Subcommands.Add(national);
        return command;
    }

    /// <summary>Progress on stderr: one redrawn line on a terminal, a line per tenth of the work when redirected.</summary>
    private sealed class ProgressBar
    {
        private const int Width = 30;
        private int _lastTenth = -1;

        public void Show(NationalDataProgress p)
        {
            var share = p.TenantsTotal == 0 ? 1 : (double)p.TenantsDone / p.TenantsTotal;
            var line = $"[{new string('#', (int)(share * Width)).PadRight(Width, '.')}] {p.TenantsDone:N0}/{p.TenantsTotal:N0} tenants, " +
                $"{p.RowsWritten:N0} rows, {p.Elapsed.TotalSeconds:0} s";
            if (!Console.IsErrorRedirected)
            {
                Console.Error.Write($"\r{line}");
                return;
            }
            var tenth = (int)(share * 10);
            if (tenth == _lastTenth) return;
            _lastTenth = tenth;
            Console.Error.WriteLine(line);
        }

        public void Finish()
        {
            if (!Console.IsErrorRedirected) Console.Error.WriteLine();
        }
    }

    /// <summary>Reports on the loading thread itself (Progress&lt;T&gt; would post to the thread pool and could draw out of order).</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
