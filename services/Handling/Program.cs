using PetitionPlatform.Handling;
using PetitionPlatform.Handling.Api;
using PetitionPlatform.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapCasesApi();
app.MapMessagingDiagnostics("/api/handling");

app.Run();
