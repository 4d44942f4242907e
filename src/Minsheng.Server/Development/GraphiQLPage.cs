using Microsoft.Extensions.FileProviders;

namespace Minsheng.Server.Development;

/// <summary>
/// GraphiQL at /graphql/ui, in Development only: the browser bundles the build installed (wwwroot/graphiql), and a
/// page that points them at /graphql. Requests from the page carry no token, so in Development they act as the
/// developer; put <c>{"X-Tenant": "411302"}</c> in its headers panel to choose a tenant, or a bearer token to act
/// as someone.
/// </summary>
public static class GraphiQLPage
{
    public const string Path = "/graphql/ui";

    public static WebApplication MapGraphiQL(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return app;
        var folder = System.IO.Path.Combine(app.Environment.ContentRootPath, "wwwroot", "graphiql");
        if (Directory.Exists(folder))
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(folder), RequestPath = Path + "/assets" });
        app.MapGet(Path, () => File.Exists(System.IO.Path.Combine(folder, "graphiql.min.js"))
            ? Results.Content(Html, "text/html; charset=utf-8")
            : Results.Content("GraphiQL is not installed: the server's build installs it with npm (src/Minsheng.Server/GraphiQL). " +
                              "Install Node.js with npm and build again.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable));
        return app;
    }

    private const string Html = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>GraphiQL · 民生实事管理平台</title>
        <link rel="stylesheet" href="/graphql/ui/assets/graphiql.min.css">
        <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
        </head>
        <body>
        <div id="graphiql">正在加载 GraphiQL…</div>
        <script src="/graphql/ui/assets/react.production.min.js"></script>
        <script src="/graphql/ui/assets/react-dom.production.min.js"></script>
        <script src="/graphql/ui/assets/graphiql.min.js"></script>
        <script>
          const fetcher = GraphiQL.createFetcher({ url: "/graphql" });
          ReactDOM.createRoot(document.getElementById("graphiql")).render(
            React.createElement(GraphiQL, { fetcher, defaultHeaders: '{\n  "X-Tenant": "411302"\n}', shouldPersistHeaders: true }));
        </script>
        </body>
        </html>
        """;
}
