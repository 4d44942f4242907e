using Microsoft.Extensions.DependencyInjection;
using Minsheng.Domain.Access;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Minsheng.Identity.Clients;

/// <summary>
/// The console's OAuth client: public (no secret: it runs in a browser), authorization code with PKCE, refresh
/// tokens. Registered at start-up and kept in line with the configured redirect URIs.
/// </summary>
public sealed class ConsoleClientRegistration(IServiceScopeFactory scopes, IdentitySettings settings) : IHostedService
{
    public const string ClientId = "minsheng-console";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            DisplayName = "民生实事管理平台 控制台",
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + ApiScopes.Read, Permissions.Prefixes.Scope + ApiScopes.Write,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in settings.ConsoleRedirectUris) descriptor.RedirectUris.Add(new Uri(uri));
        var existing = await applications.FindByClientIdAsync(ClientId, cancellationToken);
        if (existing is not null)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
            return;
        }
        try
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        catch (Exception)
        {
            // Another instance registered it at the same moment: fine; anything else is a real failure. Asked in a
            // fresh scope: this one's context still holds the refused row and its manager the "not found".
            await using var fresh = scopes.CreateAsyncScope();
            if (await fresh.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().FindByClientIdAsync(ClientId, cancellationToken) is null) throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
