using PetitionPlatform.Messaging;
using PetitionPlatform.Identity;
using PetitionPlatform.Identity.Api;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
// A 401 or 403 of the authorization layer has no body; this makes it a problem document (ACCESS.md rule 1).
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapTokenEndpoint();
app.MapClientsApi();
app.MapSigningKeysApi();
app.MapSetAsideMessages("/api/identity");

app.Run();
