using PetitionPlatform.Intake;
using PetitionPlatform.Intake.Api;
using PetitionPlatform.Messaging;
using PetitionPlatform.ServiceDefaults.Telemetry;
using PetitionPlatform.Intake.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddCommittedEventObserver<IntakeMetrics>();

var app = builder.Build();

app.UseExceptionHandler();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapPetitionsApi();
app.MapMessagingDiagnostics("/api/intake");

app.Run();
