using PetitionPlatform.Handling;
using PetitionPlatform.Handling.Api;
using PetitionPlatform.Messaging;
using PetitionPlatform.ServiceDefaults.Telemetry;
using PetitionPlatform.Handling.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddCommittedEventObserver<HandlingMetrics>();

var app = builder.Build();

app.UseExceptionHandler();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapCasesApi();
app.MapMessagingDiagnostics("/api/handling");

app.Run();
