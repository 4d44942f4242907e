using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Minsheng.Server;

/// <summary>
/// X-Forwarded-For and X-Forwarded-Proto from the proxies listed in ForwardedHeaders:KnownProxies (addresses) and
/// ForwardedHeaders:KnownNetworks (CIDR), besides loopback. Only those are believed: anyone else could claim any
/// address (and so any rate-limit bucket) or claim HTTPS.
/// </summary>
public static class ProxyForwarding
{
    public static IServiceCollection AddProxyForwarding(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }
}
