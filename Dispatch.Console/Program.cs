using System.CommandLine;
using Dispatch.Console.Addresses;
using Dispatch.Console.Alerts;
using Dispatch.Console.Bench;
using Dispatch.Console.Calendar;
using Dispatch.Console.Catalogue;
using Dispatch.Console.Database;
using Dispatch.Console.Errors;
using Dispatch.Console.Geo;
using Dispatch.Console.GridEvents;
using Dispatch.Console.Reports;
using Dispatch.Console.Security;
using Dispatch.Console.Sla;

namespace Dispatch.Console;

/// <summary>The <c>dispatch</c> command line: one file per verb builds its commands.</summary>
public static class Program
{
    public static Task<int> Main(string[] args)
    {
        // Chinese output must survive Windows consoles, whose default code page is not UTF-8.
        System.Console.OutputEncoding = System.Text.Encoding.UTF8;
        return RunAsync(args, System.Console.Out, System.Console.Error);
    }

    /// <summary>Runs a command line in-process, writing to the given writers; the tests call this.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parse = BuildRoot().Parse(args);
        Credentials.Use(parse);
        return parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Dispatch 110 接处警 command line: send alerts, run demos, migrate the database.");
        root.Options.Add(Credentials.ApiKeyOption);
        root.Options.Add(Credentials.UserOption);
        root.Options.Add(Credentials.PasswordOption);
        root.Subcommands.Add(AlertCommands.Build());
        root.Subcommands.Add(DbCommands.Build());
        root.Subcommands.Add(ErrorCommands.Build());
        root.Subcommands.Add(CalendarCommands.Build());
        root.Subcommands.Add(SlaCommands.Build());
        root.Subcommands.Add(GeoCommands.Build());
        root.Subcommands.Add(AddressCommands.Build());
        root.Subcommands.Add(BenchCommands.Build());
        root.Subcommands.Add(ClassifyCommand.Build());
        root.Subcommands.Add(GridEventCommands.Build());
        root.Subcommands.Add(AccountCommands.BuildUsers());
        root.Subcommands.Add(AccountCommands.BuildApiKeys());
        root.Subcommands.Add(ReportCommands.Build());
        return root;
    }
}
