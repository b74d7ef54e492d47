using PetitionPlatform.Gateway;
using PetitionPlatform.Gateway.Health;
using PetitionPlatform.Gateway.Protection;
using PetitionPlatform.Gateway.Proxy;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseGatewayProtection();
app.MapGatewayHealth();
app.MapMetricsEndpoint();
app.MapServiceRoutes();

app.Run();
