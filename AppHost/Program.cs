// The platform on one machine: PostgreSQL, RabbitMQ, the five services and the gateway, wired with Aspire's conventions.
const string GatewayPort = "Gateway:Port";

var builder = DistributedApplication.CreateBuilder(args);

// One PostgreSQL server with a database per service; one RabbitMQ node for the events between services.
var postgres = builder.AddPostgres("postgres");
var intakeDb = postgres.AddDatabase("intakedb");
var routingDb = postgres.AddDatabase("routingdb");
var handlingDb = postgres.AddDatabase("handlingdb");
var supervisionDb = postgres.AddDatabase("supervisiondb");
var notificationDb = postgres.AddDatabase("notificationdb");

var messaging = builder.AddRabbitMQ("messaging").WithManagementPlugin();

var routing = builder.AddProject<Projects.Routing>("routing")
    .WithReference(routingDb).WaitFor(routingDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithHttpHealthCheck("/health");

// Intake checks regions, receiving units and topics against routing's directory before it registers anything.
var intake = builder.AddProject<Projects.Intake>("intake")
    .WithReference(intakeDb).WaitFor(intakeDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(routing)
    .WithHttpHealthCheck("/health");

// Handling finds the unit one level above for reviews in routing's directory.
var handling = builder.AddProject<Projects.Handling>("handling")
    .WithReference(handlingDb).WaitFor(handlingDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(routing)
    .WithHttpHealthCheck("/health");

// Supervision finds each unit's superiors in routing's directory (notices copied up, escalations up the chain).
var supervision = builder.AddProject<Projects.Supervision>("supervision")
    .WithReference(supervisionDb).WaitFor(supervisionDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(routing)
    .WithHttpHealthCheck("/health");

var notification = builder.AddProject<Projects.Notification>("notification")
    .WithReference(notificationDb).WaitFor(notificationDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithHttpHealthCheck("/health");

// The only public entry (routes /api/<service>/… to the services), so it starts once they are all healthy.
// --Gateway:Port=0 picks a free port, as the end-to-end tests do.
builder.AddProject<Projects.Gateway>("gateway")
    .WithHttpEndpoint(port: builder.Configuration.GetValue(GatewayPort, 5080), name: "http", portSetting: GatewayPort)
    .WithReference(intake).WaitFor(intake)
    .WithReference(routing).WaitFor(routing)
    .WithReference(handling).WaitFor(handling)
    .WithReference(supervision).WaitFor(supervision)
    .WithReference(notification).WaitFor(notification)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
