using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Minsheng.Data;
using Minsheng.Server.Supervision;
using Minsheng.Testing;

namespace Minsheng.Api.Tests.Supervision;

/// <summary>
/// The daily round runs when the operator's settings say (Supervision:DailyRound), and not at all on an instance where it
/// is turned off: with several instances one does the round, and a benchmark chooses when its phases meet it.
/// </summary>
public sealed class DailyRoundScheduleTests
{
    [Fact]
    public async Task The_round_starts_after_the_configured_wait_and_an_instance_with_it_turned_off_never_starts_one()
    {
        var owner = await PostgresCluster.CreateDemoDatabaseAsync("round");
        var soon = new CollectedLog();
        await using (var server = new RoundFactory(owner, soon, ("Supervision:DailyRound:FirstAfter", "00:00:00.100")))
        {
            var round = server.Services.GetRequiredService<DailySupervisionRound>();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!soon.Has("Daily round of") && DateTime.UtcNow < deadline) await Task.Delay(100);

            Assert.True(soon.Has("Daily round of"), "No round within 90 s of a start configured to do one after 0.1 s:\n" + soon);
            Assert.False(round.ExecuteTask!.IsCompleted, "After a round the service waits for the next one.");
        }

        var off = new CollectedLog();
        await using (var server = new RoundFactory(owner, off, ("Supervision:DailyRound:FirstAfter", "00:00:00.100"),
            ("Supervision:DailyRound:Enabled", "false")))
        {
            var round = server.Services.GetRequiredService<DailySupervisionRound>();
            await Task.Delay(500);

            Assert.True(round.ExecuteTask!.IsCompletedSuccessfully, "The service stays to do rounds although turned off.");
            Assert.False(off.Has("Daily round of"), off.ToString());
        }
    }

    private sealed class RoundFactory(string owner, CollectedLog log, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(owner));
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
            builder.ConfigureLogging(logging => logging.AddProvider(log).AddFilter<CollectedLog>(typeof(DailySupervisionRound).FullName, LogLevel.Information));
        }
    }

    /// <summary>The server's log lines, kept for the test to look through.</summary>
    private sealed class CollectedLog : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public bool Has(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

        public override string ToString() => string.Join('\n', _lines);

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }
}
