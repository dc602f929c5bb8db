using Dispatch.Server.Addresses;
using Dispatch.Server.Assignment;
using Dispatch.Server.Audit;
using Dispatch.Server.Clock;
using Dispatch.Server.Geo;
using Dispatch.Server.Incidents;
using Dispatch.Server.Intake;
using Dispatch.Server.Messaging;
using Dispatch.Server.Operations;
using Dispatch.Server.Organisations;
using Dispatch.Server.Routing;
using Dispatch.Server.Screens;
using Dispatch.Server.Security;
using Dispatch.Server.Storage;
using Dispatch.Server.TaskOrders;

var builder = WebApplication.CreateBuilder(args);

builder.WebHost.ConfigureKestrel(o =>
{
    // No Server banner: it tells a scanner which exploits to try.
    o.AddServerHeader = false;

    // A pasted report of 2,000 Chinese characters is 18 KB percent-encoded: it must reach the address endpoints,
    // which say which field is too long, instead of Kestrel's bare 414 at the default 8 KB.
    o.Limits.MaxRequestLineSize = 32 * 1024;
});

builder.AddOperations();
builder.AddStorage();
builder.AddSecurity();
builder.AddTaskOrders();
builder.AddAudit();
builder.AddIncidents();
builder.AddGeo();
builder.AddAddresses();
builder.AddIncidentRouting();
builder.AddAssignment();
builder.AddClock();
builder.AddOrganisations();
builder.AddOptionalModules(); // the demo, in Development and Demo builds that include it
builder.AddScreens();
builder.AddMessaging();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseOperations();
app.UseScreens();
app.UseSecurity();
app.UseQueryCheck(); // after authorization: a stranger learns no more than 401
app.MapOperations(metricsPolicy: Policies.Metrics);
app.MapSecurity();
app.MapIntake();
app.MapIncidents();
app.MapAlarms();
app.MapGeo();
app.MapAddresses();
app.MapAssignment();
app.MapOrganisations();
app.MapRouting();
app.MapScreens();
app.MapTaskOrders();
app.MapAudit(readPolicy: Policies.Supervise);

await app.RunAsync();
