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

// Writes one line to standard output or standard error, for the host's console logs.
app.MapPost("/print/{stream}/{text}", (string stream, string text) =>
{
    (stream == "stderr" ? Console.Error : Console.Out).WriteLine(text);
    return text;
});

// Ends the process on its own with the given code, as a failing service would; Main returning keeps the code.
app.MapPost("/exit/{code:int}", (int code, IHostApplicationLifetime lifetime) =>
{
    Environment.ExitCode = code;
    lifetime.StopApplication();
    return code;
});

app.Run();
