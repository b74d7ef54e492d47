using PetitionPlatform.Messaging;
using PetitionPlatform.Routing;
using PetitionPlatform.Routing.Api;
using PetitionPlatform.Routing.Telemetry;
using PetitionPlatform.ServiceDefaults.Access;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddCommittedEventObserver<RoutingMetrics>();

var app = builder.Build();

app.UseExceptionHandler();
app.UsePlatformAccess();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapDirectoryApi();
app.MapPetitionRoutingApi();
app.MapTerminationsApi();
app.MapCalendarApi();
app.MapMessagingDiagnostics("/api/routing");
app.MapSetAsideMessages("/api/routing");

app.Run();
