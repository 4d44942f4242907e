using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Minsheng.Data;

namespace Minsheng.Api.Tests.Identity;

/// <summary>The server in Production on a given database, with no demo accounts: only the users someone created.</summary>
public sealed class FirstUsersServer(string owner) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Minsheng", DatabaseSetup.AppConnectionString(owner));
        builder.UseSetting("Identity:RequireHttps", "false");
    }
}
