using System.Text;
using PetitionPlatform.Hosting.ApplicationModel;
using PetitionPlatform.Hosting.Local;

namespace PetitionPlatform.Hosting.Console;

/// <summary>The one summary printed once everything is up: what runs, as which process, and where to reach it.</summary>
internal static class ResourceTable
{
    public static string Render(IEnumerable<IResource> resources, Uri? dashboard = null)
    {
        string[] header = ["Resource", "Kind", "State", "PID", "Endpoint"];
        var rows = resources.Select(r => new[]
        {
            r.Name, r.Kind, r.State.ToString(), r.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-", Endpoint(r),
        }).ToList();
        var widths = Enumerable.Range(0, header.Length - 1).Select(i => rows.Select(row => row[i].Length).Append(header[i].Length).Max()).ToArray();
        var text = new StringBuilder().AppendLine();
        foreach (var row in rows.Prepend(header))
        {
            text.AppendLine(string.Join("  ", row.Take(widths.Length).Select((cell, i) => cell.PadRight(widths[i])).Append(row[^1])).TrimEnd());
        }

        if (dashboard is not null)
        {
            text.AppendLine().Append("Dashboard: ").Append(dashboard).AppendLine(" (resources, console logs, traces, metrics)");
        }

        return text.AppendLine().ToString();
    }

    private static string Endpoint(IResource resource) => resource switch
    {
        PostgresServerResource { Server: { } server } => $"{server.Host}:{server.Port} (user {server.Username}), data in {server.DataDirectory}",
        PostgresDatabaseResource database => $"database {database.DatabaseName} on {database.Parent.Name}",
        RabbitMQServerResource { Server: { } server } rabbit => $"amqp://{server.Host}:{server.AmqpPort}/"
            + (rabbit.ManagementEnabled ? $", management UI {server.ManagementUri} (user {server.Username}{PasswordHint(server.DataDirectory)})" : string.Empty),
        ProjectResource project => string.Join(", ", project.Endpoints.Where(e => e.AllocatedPort is not null).Select(e => e.Url.GetLeftPart(UriPartial.Authority))),
        _ => "-",
    };

    private static string PasswordHint(string dataDirectory)
    {
        var file = Path.Combine(dataDirectory, StoredCredentials.FileName);
        return File.Exists(file) ? $", password in {file}" : string.Empty;
    }
}
