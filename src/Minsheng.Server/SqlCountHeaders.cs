using Minsheng.Data.Reading;

namespace Minsheng.Server;

/// <summary>
/// In Development, reports each request's SQL round trips and statements in response headers: the
/// SQL-count test and the benchmark read them. Off in production, where they would reveal internals.
/// </summary>
public static class SqlCountHeaders
{
    public const string RoundTrips = "X-Sql-Round-Trips";
    public const string Statements = "X-Sql-Statements";

    public static IApplicationBuilder UseSqlCountHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var counter = context.RequestServices.GetRequiredService<SqlCommandCounter>();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[RoundTrips] = counter.RoundTrips.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers[Statements] = counter.Statements.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        });
        await next(context);
    });
}
