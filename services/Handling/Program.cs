using PetitionPlatform.Handling;
using PetitionPlatform.Handling.Api;
using PetitionPlatform.Handling.Telemetry;
using PetitionPlatform.Messaging;
using PetitionPlatform.ServiceDefaults.Access;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddCommittedEventObserver<HandlingMetrics>();

var app = builder.Build();

app.UseExceptionHandler();
app.UsePlatformAccess();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapCasesApi();
app.MapMessagingDiagnostics("/api/handling");
app.MapSetAsideMessages("/api/handling");

app.Run();
