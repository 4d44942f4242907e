using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;

namespace Minsheng.Identity.Tokens;

/// <summary>
/// OpenIddict keeps a row per issued token and per authorization (so that codes and refresh tokens can be redeemed
/// once and revoked). Dashboards fetch a token every half hour, all day: without pruning the table only grows.
/// Every hour, rows that expired or were revoked more than <see cref="KeepFor"/> ago are deleted (OpenIddict's own
/// prune, which never removes a valid token). Several instances pruning at once is harmless.
/// </summary>
public sealed class TokenPruning(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TokenPruning> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Every, clock, stoppingToken);
                var (tokens, authorizations) = await PruneOnceAsync(clock.GetUtcNow() - KeepFor, stoppingToken);
                if (tokens + authorizations > 0) log.LogInformation("Pruned {Tokens} tokens and {Authorizations} authorizations.", tokens, authorizations);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database may be down for a while: try again at the next hour rather than stop pruning for good.
                log.LogWarning(e, "Pruning tokens failed; trying again in an hour.");
            }
        }
    }

    /// <summary>Deletes what ended before <paramref name="threshold"/>; returns how many tokens and authorizations.</summary>
    public async Task<(long Tokens, long Authorizations)> PruneOnceAsync(DateTimeOffset threshold, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, ct);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, ct);
        return (tokens, authorizations);
    }
}
