using PetitionPlatform.Intake;
using PetitionPlatform.Intake.Api;
using PetitionPlatform.Intake.Telemetry;
using PetitionPlatform.Messaging;
using PetitionPlatform.ServiceDefaults.Access;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddCommittedEventObserver<IntakeMetrics>();

var app = builder.Build();

app.UseExceptionHandler();
app.UsePlatformAccess();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapPetitionsApi();
app.MapMessagingDiagnostics("/api/intake");
app.MapSetAsideMessages("/api/intake");

app.Run();
