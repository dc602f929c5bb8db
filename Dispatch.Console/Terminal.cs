using Spectre.Console;

namespace Dispatch.Console;

/// <summary>The console a command draws its progress bars and tables on.</summary>
public static class Terminal
{
    /// <summary>The real console for the real standard output; plain text for tests and redirected callers.</summary>
    public static IAnsiConsole For(TextWriter output) =>
        ReferenceEquals(output, System.Console.Out)
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings
            {
                // Tests and redirected callers get plain text they can read back.
                Out = new AnsiConsoleOutput(output),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
}
