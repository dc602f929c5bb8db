using Dispatch.Server.Audit;
using Dispatch.Server.Incidents;
using Dispatch.Server.Intake;
using Dispatch.Server.Messaging;
using Dispatch.Server.Operations;
using Dispatch.Server.Routing;
using Dispatch.Server.Screens;
using Dispatch.Server.Storage;

var builder = WebApplication.CreateBuilder(args);

builder.AddOperations();
builder.AddStorage();
builder.AddAudit();
builder.AddIncidents();
builder.AddIncidentRouting();
builder.AddScreens();
builder.AddMessaging();

var app = builder.Build();

app.UseOperations();
app.MapOperations();
app.MapIntake();
app.MapIncidents();
app.MapRouting();
app.MapScreens();

await app.RunAsync();
