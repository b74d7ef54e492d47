using PetitionPlatform.Hosting.ApplicationModel;

namespace PetitionPlatform.Hosting.Orchestration;

/// <summary>
/// The environment a project is started with, in Aspire's conventions, so the services would run unchanged under Aspire
/// or Kubernetes: <c>ConnectionStrings__&lt;name&gt;</c>, <c>services__&lt;name&gt;__http__0</c>, <c>ASPNETCORE_URLS</c>,
/// <c>OTEL_SERVICE_NAME</c> and, when a collector is configured, <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
/// </summary>
internal static class ProjectEnvironment
{
    public static SortedDictionary<string, string> For(ProjectResource project, AppHostSettings settings)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = string.Join(';', project.Endpoints.Select(Address)),
            ["ASPNETCORE_ENVIRONMENT"] = settings.ServiceEnvironment,
            ["DOTNET_ENVIRONMENT"] = settings.ServiceEnvironment,
            ["OTEL_SERVICE_NAME"] = project.Name,
        };

        // The seam for telemetry: whoever receives OTLP (a collector today, the host's own dashboard later) is named by
        // AppHost:OtlpEndpoint, and every service exports to it. Without one, services export nothing.
        if (settings.OtlpEndpoint is { } otlp)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp.ToString().TrimEnd('/');
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        }

        foreach (var reference in project.References)
        {
            switch (reference)
            {
                case IResourceWithConnectionString source:
                    environment[$"ConnectionStrings__{source.Name}"] = source.GetConnectionString();
                    break;
                case IResourceWithEndpoints service:
                    foreach (var endpoint in service.Endpoints)
                    {
                        environment[$"services__{service.Name}__{endpoint.Name}__0"] = Address(endpoint);
                    }

                    break;
            }
        }

        foreach (var (name, value) in project.Environment)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static string Address(HttpEndpoint endpoint) => endpoint.Url.GetLeftPart(UriPartial.Authority);
}
