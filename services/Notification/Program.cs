using PetitionPlatform.Messaging;
using PetitionPlatform.Notification;
using PetitionPlatform.Notification.Api;
using PetitionPlatform.Notification.Telemetry;
using PetitionPlatform.ServiceDefaults.Access;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddCommittedEventObserver<NotificationMetrics>();

var app = builder.Build();

app.UseExceptionHandler();
app.UsePlatformAccess();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapNotificationsApi();
app.MapMessagingDiagnostics("/api/notifications");
app.MapSetAsideMessages("/api/notifications");

app.Run();
