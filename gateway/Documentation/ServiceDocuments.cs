using System.Text.Json;
using System.Text.Json.Nodes;
using PetitionPlatform.ServiceDefaults.Problems;
using PetitionPlatform.ServiceDefaults.Resilience;
using Yarp.ReverseProxy;

namespace PetitionPlatform.Gateway.Documentation;

/// <summary>
/// Each service's OpenAPI document at <c>/openapi/{service}.json</c>, one per cluster of the route table, fetched from
/// the service's own <c>/openapi/v1.json</c> and served with the gateway as its server: paths, the token endpoint and
/// the interactive page's calls then all resolve to the one public address. Open to anyone, in every environment:
/// agencies read the documents and generate clients from them before they have credentials, and a document holds no
/// data. The documentation's exemption from tokens is this endpoint and <see cref="ApiReferencePage"/>; petitioners'
/// is <see cref="Access.PetitionerRequests"/>.
/// </summary>
public static class ServiceDocuments
{
    /// <summary>Where the gateway serves a service's document; <c>{documentName}</c> is the service, as the API page names it.</summary>
    public const string RoutePattern = "/openapi/{documentName}.json";

    /// <summary>The HTTP client that reads the services' documents (service discovery and resilience as every client's).</summary>
    public const string HttpClientName = "service-documents";

    // Where Microsoft.AspNetCore.OpenApi serves a service's default document (ServiceDefaults/ApiDocumentation.cs).
    private const string ServiceDocumentPath = "/openapi/v1.json";

    public static IHostApplicationBuilder AddServiceDocuments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(HttpClientName);
        return builder;
    }

    public static WebApplication MapServiceDocuments(this WebApplication app)
    {
        app.MapGet(RoutePattern, GetAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The services the gateway documents: every cluster of its route table (the identity service included).</summary>
    public static IEnumerable<string> Services(IProxyStateLookup proxy) => proxy.GetClusters().Select(cluster => cluster.ClusterId).Order(StringComparer.Ordinal);

    /// <summary>
    /// The document as the gateway serves it: its servers replaced by the gateway. A relative <c>/</c> resolves against
    /// wherever the document was fetched from, so it stays right behind a TLS front or under another host name.
    /// </summary>
    public static JsonObject ServedByGateway(JsonObject document)
    {
        document["servers"] = new JsonArray(new JsonObject
        {
            ["url"] = "/",
            ["description"] = "The platform's gateway, the only public entry; it also serves the token endpoint.",
        });
        return document;
    }

    private static async Task<IResult> GetAsync(string documentName, IProxyStateLookup proxy, IHttpClientFactory clients, CancellationToken ct)
    {
        if (!proxy.TryGetCluster(documentName, out var cluster) || cluster.Destinations.Values.FirstOrDefault() is not { } destination)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API document.",
                detail: $"The documents are {string.Join(", ", Services(proxy).Select(service => $"/openapi/{service}.json"))}.");
        }

        try
        {
            var address = new Uri(new Uri(destination.Model.Config.Address), ServiceDocumentPath);
            using var response = await clients.CreateClient(HttpClientName).GetAsync(address, ct);
            if (response.IsSuccessStatusCode
                && await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct) is JsonObject document)
            {
                return TypedResults.Json(ServedByGateway(document));
            }
        }
        catch (Exception ex) when ((ServiceCallFailures.IsUnreachable(ex) || ex is JsonException) && !ct.IsCancellationRequested)
        {
            // Answered below as the proxy answers a service it cannot reach.
        }

        return Problem.Unavailable($"The {documentName} service's API document is unavailable.",
            "Retry later; if it persists, quote the X-Trace-Id of this response to operations.");
    }
}
