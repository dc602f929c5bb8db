namespace Dispatch.Server.Security;

/// <summary>
/// Who may do what. Each person has one role and a scope whose meaning depends on it: operators and
/// supervisors are scoped to area codes (a street, a district), department handlers to an organisation,
/// responders to a unit. Machines (the 110 platform, sensors, grid apps) use API keys, good for intake only.
/// </summary>
public static class Roles
{
    public const string Operator = nameof(Operator);
    public const string Responder = nameof(Responder);
    public const string DepartmentHandler = nameof(DepartmentHandler);
    public const string Supervisor = nameof(Supervisor);
    public const string Admin = nameof(Admin);

    /// <summary>The role claim of a principal authenticated by API key.</summary>
    public const string Machine = nameof(Machine);

    public static readonly IReadOnlyList<string> People = [Operator, Responder, DepartmentHandler, Supervisor, Admin];

    public static bool IsPersonRole(string role) => People.Contains(role, StringComparer.Ordinal);
}

/// <summary>Claim types Dispatch adds besides name and role.</summary>
public static class DispatchClaims
{
    /// <summary>Area codes (comma-separated), an organisation code or a unit code, by role.</summary>
    public const string Scope = "dispatch:scope";

    public const string ApiKeyId = "dispatch:apikey";

    /// <summary>The id of the server-side session the cookie stands for (see <see cref="SessionStore"/>).</summary>
    public const string Session = "dispatch:session";
}

/// <summary>Authorization policy names used by the stages' endpoint groups.</summary>
public static class Policies
{
    /// <summary>An API key, or an operator or admin entering an alert by hand.</summary>
    public const string Intake = nameof(Intake);
    public const string Operate = nameof(Operate);
    public const string Read = nameof(Read);
    public const string Respond = nameof(Respond);
    public const string Handle = nameof(Handle);
    public const string Supervise = nameof(Supervise);
    public const string Administer = nameof(Administer);

    /// <summary>Operators and supervisors at the command screen: acknowledging alarms (an admin configures, it does not answer them).</summary>
    public const string Command = nameof(Command);

    /// <summary>Any signed-in person (reference data: categories, organisations, calendar, locate).</summary>
    public const string People = nameof(People);

    /// <summary>Work in the field: a responder for their own unit, or an operator on a unit's behalf (by radio).</summary>
    public const string Field = nameof(Field);

    /// <summary>Position reports: a responder for their own unit, or a tracker with an API key.</summary>
    public const string Position = nameof(Position);

    /// <summary>Supervisors and admins, or a scraper presenting <c>Operations:MetricsToken</c> as a bearer token.</summary>
    public const string Metrics = nameof(Metrics);
}
