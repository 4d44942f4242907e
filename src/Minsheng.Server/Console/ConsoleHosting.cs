using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Minsheng.Server.Console;

/// <summary>
/// The web console (src/Minsheng.Web, built into the server's output folder "console" by the server's build) at /: its
/// files, and its index page for any other browser address that is not the API's, so that a deep link such as
/// /projects/… or /public/411302 opens the console on that page. The console talks only to /graphql and the sign-in
/// endpoints, like any other client.
/// </summary>
public static class ConsoleHosting
{
    public const string Folder = "console";

    /// <summary>
    /// What the console's page may load and do: its own scripts and API only (no inline script, no other origin), inline
    /// styles (charts set them), pictures and downloads from data and blob addresses, no plugin content, and it may not be
    /// framed by another site. Bulletins are shown in sandboxed frames of the page itself (srcdoc), which inherit it.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
        "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Paths that belong to the server, never to the console: an unknown one there is a plain 404.</summary>
    private static readonly string[] ServerPaths = ["/graphql", "/connect", "/account", "/health", "/.well-known"];

    public static WebApplication MapConsole(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, Folder);
        var index = Path.Combine(folder, "index.html");
        // Built or not is decided by the build, not per request.
        var built = File.Exists(index);
        if (built)
        {
            var files = new PhysicalFileProvider(folder);
            // Not on the server's own paths: a GET of /graphql (persisted queries, dashboards polling) looks for no file.
            app.UseWhen(http => !IsServerPath(http.Request.Path), console => console.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                OnPrepareResponse = file =>
                {
                    // Vite names the bundles by their content hash: a changed file is a new address, so they may be kept
                    // for good; the index page names the current ones and is asked for every time.
                    file.Context.Response.Headers[HeaderNames.CacheControl] = file.Context.Request.Path.StartsWithSegments("/assets")
                        ? "public, max-age=31536000, immutable"
                        : "no-cache";
                    Protect(file.Context.Response);
                },
            }));
        }
        app.MapFallback(async http =>
        {
            var path = http.Request.Path;
            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
                || IsServerPath(path) || Path.HasExtension(path.Value))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
            http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            Protect(http.Response);
            if (built)
            {
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.SendFileAsync(index, http.RequestAborted);
                return;
            }
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync("The web console is not built: the server's build builds it with npm (src/Minsheng.Web). " +
                                           "Install Node.js with npm and build again; the GraphQL API at /graphql works without it.", http.RequestAborted);
        });
        return app;
    }

    private static bool IsServerPath(PathString path) => ServerPaths.Any(p => path.StartsWithSegments(p));

    private static void Protect(HttpResponse response)
    {
        response.Headers["Content-Security-Policy"] = ContentSecurityPolicy;
        response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        response.Headers["Referrer-Policy"] = "same-origin";
    }
}
