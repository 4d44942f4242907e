using Minsheng.Application.Common;
using Minsheng.Application.Notifications;
using Minsheng.Application.Supervision;
using Minsheng.Tenancy;
using Npgsql;

namespace Minsheng.Server.Supervision;

/// <summary>
/// The office's daily round, done by the server without anyone asking: a while after start, then every few hours, each
/// active tenant's projects are assessed for the day and each change of light is appended (<see cref="LightHistory"/>),
/// and lead units are reminded of reports due soon or overdue (<see cref="ReportReminders"/>, once per month and kind).
/// Both only add what is new, so running again on the same day, or on several instances, adds nothing more (bar a race
/// of two instances in the same second, which duplicates a light row and changes no light, or refuses a reminder).
/// When it runs is the operator's (<see cref="DailyRoundOptions"/>).
/// </summary>
public sealed class DailySupervisionRound(IServiceScopeFactory scopes, NpgsqlDataSource dataSource, TimeProvider clock, DailyRoundOptions options,
    ILogger<DailySupervisionRound> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled) return;
        var wait = options.FirstAfter;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, clock, stoppingToken);
                wait = options.Every;
                var started = clock.GetTimestamp();
                var (tenants, changed) = await RecordAllAsync(clock.Today(), stoppingToken);
                log.LogInformation("Daily round of {Tenants} tenants in {Seconds:0.0} s: {Changed} projects changed light; reminders sent.", tenants,
                    clock.GetElapsedTime(started).TotalSeconds, changed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be down for a while: the next round tries again.
                log.LogWarning(e, "The daily round failed; trying again in {Hours} hours.", options.Every.TotalHours);
            }
        }
    }

    /// <summary>Records <paramref name="day"/> for every active tenant, each in its own scope and tenant transaction.</summary>
    public async Task<(int Tenants, int Changed)> RecordAllAsync(DateOnly day, CancellationToken ct)
    {
        var codes = new List<string>();
        await using (var command = dataSource.CreateCommand("SELECT region_code FROM tenants WHERE status = 'Active' ORDER BY region_code"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) codes.Add(reader.GetString(0));

        var changed = 0;
        foreach (var code in codes)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var tenant = await scope.ServiceProvider.GetRequiredService<ITenantStore>().FindByRegionCodeAsync(code, ct);
                if (tenant is null) continue; // disabled since the list was read
                scope.ServiceProvider.GetRequiredService<TenantContextHolder>().Set(tenant);
                changed += (await scope.ServiceProvider.GetRequiredService<LightHistory>().RecordAsync(day, ct)).Changed;
                await scope.ServiceProvider.GetRequiredService<ReportReminders>().RemindAsync(day, ct);
            }
            catch (Minsheng.Domain.DomainException e)
            {
                // Another instance (or the office) did the same at the same moment: this tenant is done, the others go on.
                log.LogInformation("The daily round of {Tenant} met a concurrent one: {Message}", code, e.Message);
            }
        }
        return (codes.Count, changed);
    }
}

/// <summary>
/// When the server does the daily round (configuration section <c>Supervision:DailyRound</c>). Every instance does it by
/// default, which is harmless (see <see cref="DailySupervisionRound"/>) but repeats the work: with several instances an
/// operator turns it off on all but one. Over the national data a round reads every government's projects (measured:
/// 3,419 governments in about 20 s of one core), so its hour is worth choosing.
/// </summary>
public sealed class DailyRoundOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>The first round, this long after the server starts (so that a start is not slowed by it).</summary>
    public TimeSpan FirstAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The rounds after the first, this long apart.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The section's options, refused with the setting's name when a wait is not positive.</summary>
    public static DailyRoundOptions From(IConfiguration configuration)
    {
        const string Section = "Supervision:DailyRound";
        var options = configuration.GetSection(Section).Get<DailyRoundOptions>() ?? new DailyRoundOptions();
        if (options.FirstAfter < TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}:FirstAfter must not be negative (it is {options.FirstAfter}).");
        if (options.Every <= TimeSpan.Zero)
            throw new InvalidOperationException($"{Section}:Every must be longer than zero (it is {options.Every}).");
        return options;
    }
}
