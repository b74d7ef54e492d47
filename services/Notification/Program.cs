using PetitionPlatform.Notification;
using PetitionPlatform.Notification.Api;
using PetitionPlatform.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseExceptionHandler();
app.MapDefaultEndpoints();
app.MapApiDocumentation();
app.MapNotificationsApi();
app.MapMessagingDiagnostics("/api/notifications");

app.Run();
