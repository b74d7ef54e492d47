using PetitionPlatform.Intake;
using PetitionPlatform.Intake.Api;
using PetitionPlatform.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapPetitionsApi();
app.MapMessagingDiagnostics("/api/intake");

app.Run();
