using PetitionPlatform.Audit;
using PetitionPlatform.Audit.Api;
using PetitionPlatform.Messaging;
using PetitionPlatform.ServiceDefaults.Access;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UsePlatformAccess();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapAuditApi();
app.MapMessagingDiagnostics("/api/audit");
app.MapSetAsideMessages("/api/audit");

app.Run();
