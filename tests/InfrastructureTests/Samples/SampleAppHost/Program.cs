// A two-service graph on one database (and, when asked, a broker), shaped like the platform's AppHost.
var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var database = postgres.AddDatabase("sampledb");

var backend = builder.AddProject<Projects.SampleService>("backend")
    .WithReference(database).WaitFor(database)
    .WithHttpHealthCheck(builder.Configuration["Sample:HealthPath"] ?? "/health");

if (builder.Configuration.GetValue("Sample:Messaging", false))
{
    var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin();
    backend.WithReference(messaging).WaitFor(messaging);
}

builder.AddProject<Projects.SampleService>("frontend")
    .WithHttpEndpoint(port: builder.Configuration.GetValue("Frontend:Port", 0), name: "http", portSetting: "Frontend:Port")
    .WithReference(backend).WaitFor(backend)
    .WithEnvironment("Sample__Greeting", "hello")
    .WithHttpHealthCheck("/health");

builder.Build().Run();
