using Npgsql;

var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/health", () => "Healthy");

// The value of one environment variable, as the host set it.
app.MapGet("/environment/{name}", (string name) => Environment.GetEnvironmentVariable(name) ?? string.Empty);

// Proves the wired connection string reaches a database that exists.
app.MapGet("/database", async (IConfiguration configuration) =>
{
    await using var connection = new NpgsqlConnection(configuration.GetConnectionString("sampledb"));
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("SELECT current_database()", connection);
    return (string?)await command.ExecuteScalarAsync();
});

app.Run();
