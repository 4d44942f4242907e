using Microsoft.Extensions.DependencyInjection;
using Minsheng.Api.Tests.Isolation;
using Minsheng.Identity.Development;
using Minsheng.Identity.Tokens;

namespace Minsheng.Api.Tests.Identity;

/// <summary>The token table does not grow for ever: ended tokens are pruned, valid ones stay.</summary>
public sealed class TokenPruningTests(ProductionFactory factory) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task Ended_tokens_are_pruned_and_valid_ones_stay()
    {
        var valid = await factory.ClientCredentialsAsync(DevelopmentAccounts.CountyClientId, DevelopmentAccounts.CountyClientSecret);
        await factory.ClientCredentialsAsync(DevelopmentAccounts.CountyClientId, DevelopmentAccounts.CountyClientSecret);
        var before = (long)(await factory.OwnerScalarAsync("SELECT count(*) FROM openiddict_tokens"))!;
        // One of them ended three days ago.
        await factory.OwnerScalarAsync("""
            UPDATE openiddict_tokens SET creation_date = now() - interval '4 days', expiration_date = now() - interval '3 days'
            WHERE id = (SELECT id FROM openiddict_tokens ORDER BY creation_date DESC LIMIT 1)
            """);

        var (pruned, _) = await factory.Services.GetRequiredService<TokenPruning>().PruneOnceAsync(DateTimeOffset.UtcNow - TokenPruning.KeepFor, default);
        var after = (long)(await factory.OwnerScalarAsync("SELECT count(*) FROM openiddict_tokens"))!;
        var stillWorks = await new GraphQLClient(factory.CreateClient(), null, valid.AccessToken).PostAsync("{ me { tenant } }");

        Assert.True(before >= 2, $"{before} tokens stored");
        Assert.Equal(1, pruned);
        Assert.Equal(before - 1, after);
        Assert.Equal(200, stillWorks.Status);
    }
}
