using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PetitionPlatform.Hosting.Dashboard;

/// <summary>
/// Serves the pages, scripts and styles embedded from <c>Dashboard/wwwroot</c>. The page is one shell that switches views
/// by the URL's fragment (<c>#/traces</c>, …), so every view is a link that can be shared.
/// </summary>
internal static class DashboardAssets
{
    private const string Prefix = "Dashboard/";

    private static readonly Assembly Assembly = typeof(DashboardAssets).Assembly;

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpResponse response, CancellationToken cancellationToken) => Serve(response, "index.html", cancellationToken));
        endpoints.MapGet("/assets/{name}", (HttpResponse response, string name, CancellationToken cancellationToken) =>
            Serve(response, name, cancellationToken));
    }

    private static async Task<IResult> Serve(HttpResponse response, string name, CancellationToken cancellationToken)
    {
        if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType)
            || Assembly.GetManifestResourceStream(Prefix + name) is not { } stream)
        {
            return TypedResults.NotFound();
        }

        // The assets change only with the host's build; revalidating each time keeps a rebuilt host from serving stale views.
        response.Headers.CacheControl = "no-cache";
        await using (stream)
        {
            using var reader = new StreamReader(stream);
            return TypedResults.Text(await reader.ReadToEndAsync(cancellationToken), contentType);
        }
    }
}
