using PetitionPlatform.Handling;
using PetitionPlatform.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapMessagingDiagnostics("/api/handling");

app.Run();
