using PetitionPlatform.Messaging;
using PetitionPlatform.ServiceDefaults.Access;
using PetitionPlatform.Supervision;
using PetitionPlatform.Supervision.Api;
using PetitionPlatform.Supervision.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddCommittedEventObserver<SupervisionMetrics>();

var app = builder.Build();

app.UseExceptionHandler();
app.UsePlatformAccess();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapLedgerApi();
app.MapLeaderApi();
app.MapBacklogApi();
app.MapIndicatorsApi();
app.MapNoticesApi(app.Environment);
app.MapTrackApi();
app.MapMessagingDiagnostics("/api/supervision");
app.MapSetAsideMessages("/api/supervision");

app.Run();
