using PetitionPlatform.Gateway;
using PetitionPlatform.Gateway.Documentation;
using PetitionPlatform.Gateway.Health;
using PetitionPlatform.Gateway.Protection;
using PetitionPlatform.Gateway.Proxy;
using PetitionPlatform.ServiceDefaults.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseQuietProbes();
app.UseGatewayProtection();
app.MapGatewayHealth();
app.MapMetricsEndpoint();
app.MapServiceDocuments();
app.MapApiReferencePage();
app.MapServiceRoutes();

app.Run();
