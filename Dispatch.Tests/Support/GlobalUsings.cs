// The SignalR client lives with the CLI (dispatch bench uses it); the tests know it by its old name.
global using HubTestClient = Dispatch.Console.Screens.HubClient;
