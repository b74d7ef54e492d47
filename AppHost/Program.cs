// The platform on one machine: PostgreSQL, RabbitMQ, the services and the gateway, run by .NET Aspire.
using PetitionPlatform.AppHost.Infrastructure;
using PetitionPlatform.AppHost.Recovery;

var builder = DistributedApplication.CreateBuilder(args);
builder.KeepDashboardApiKey();
builder.AnnounceServiceEnvironment();
// A server or service that dies is started again, with back-off; what the operator stopped stays stopped.
builder.AddRecovery();

// PostgreSQL and RabbitMQ as containers where a Docker engine has the images, else as local processes of the Debian
// packages; PETITION_INFRASTRUCTURE=containers|local forces one. The choice is printed; so is what is missing for it,
// in one sentence rather than a stack trace.
IPlatformInfrastructure infrastructure;
try
{
    infrastructure = PlatformInfrastructure.Choose(builder);
    // A mistyped instance count (AppHost:Replicas) is said in one sentence too, before anything starts.
    builder.ServiceReplicas();
}
catch (DistributedApplicationException missing)
{
    Console.Error.WriteLine(missing.Message);
    return 78;
}

// One PostgreSQL server with a database per service; one RabbitMQ node for the events between services.
var postgres = infrastructure.AddPostgres("postgres");
var intakeDb = postgres.AddDatabase("intakedb");
var routingDb = postgres.AddDatabase("routingdb");
var handlingDb = postgres.AddDatabase("handlingdb");
var supervisionDb = postgres.AddDatabase("supervisiondb");
var notificationDb = postgres.AddDatabase("notificationdb");
var identityDb = postgres.AddDatabase("identitydb");
var auditDb = postgres.AddDatabase("auditdb");

var messaging = infrastructure.AddRabbitMQ("messaging");

var routing = builder.AddService<Projects.Routing>("routing")
    .WithReference(routingDb).WaitFor(routingDb)
    .WithReference(messaging).WaitFor(messaging);

// The token service: agencies' systems sign in with client credentials; it checks their organisations in routing's directory.
// Each service that checks tokens references it, to read its signing keys (no WaitFor: a service starts without it).
var identity = builder.AddService<Projects.Identity>("identity")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(routing).WaitFor(routing)
    .WithClientSecrets();
routing.WithReference(identity);

// Intake checks regions, receiving units and topics against routing's directory before it registers anything.
var intake = builder.AddService<Projects.Intake>("intake")
    .WithReference(intakeDb).WaitFor(intakeDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(routing)
    .WithReference(identity)
    .WithPersonalDataKeys()
    .WithReceiptSealingKeys();

// Handling finds the unit one level above for reviews in routing's directory.
var handling = builder.AddService<Projects.Handling>("handling")
    .WithReference(handlingDb).WaitFor(handlingDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(routing)
    .WithReference(identity);

// Supervision finds each unit's superiors in routing's directory (notices copied up, escalations up the chain).
var supervision = builder.AddService<Projects.Supervision>("supervision")
    .WithReference(supervisionDb).WaitFor(supervisionDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(routing)
    .WithReference(identity);

// Notification opens the query code intake seals for the receipt, and nothing else of the petitioner's.
var notification = builder.AddService<Projects.Notification>("notification")
    .WithReference(notificationDb).WaitFor(notificationDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity)
    .WithReceiptSealingKeys();

// The audit trail: every service sends its entries through its outbox; auditors read and verify the chain here.
var audit = builder.AddService<Projects.Audit>("audit")
    .WithReference(auditDb).WaitFor(auditDb)
    .WithReference(messaging).WaitFor(messaging)
    .WithReference(identity);

// The only public entry (routes /api/<service>/… to the services), so it starts once they are all healthy.
builder.AddService<Projects.Gateway>("gateway", port: builder.Configuration.GetValue("Gateway:Port", 5080))
    .WithReference(intake).WaitFor(intake)
    .WithReference(routing).WaitFor(routing)
    .WithReference(handling).WaitFor(handling)
    .WithReference(supervision).WaitFor(supervision)
    .WithReference(notification).WaitFor(notification)
    .WithReference(identity).WaitFor(identity)
    .WithReference(audit).WaitFor(audit)
    .WithExternalHttpEndpoints();

builder.Build().Run();
return 0;
