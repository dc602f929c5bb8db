using System.Security.Cryptography;
using System.Text;

namespace Dispatch.Server.Intake;

/// <summary>
/// The incident reference intake answers with, derived from the alert or grid event id (RFC 9562 UUID version 5). Intake
/// can answer at once, before any consumer has run, and a resent alert or event gets the same reference on any node
/// without a database round trip.
/// </summary>
public static class IncidentReference
{
    // A fixed namespace UUID for Dispatch's 110 alert ids; changing it would change every reference.
    private static readonly Guid AlertNamespace = new("6f1c2a52-5b0e-4d3c-9a51-3b8f3e0f7d21");

    // Grid events get their own namespace: a grid platform's event id may well equal some 110 alert id.
    private static readonly Guid GridEventNamespace = new("b7e3d9a4-2c61-4f0e-8d7a-5e92c1a40b63");

    public static Guid ForAlert(string alertId) => NameBased(AlertNamespace, alertId);

    public static Guid ForGridEvent(string eventId) => NameBased(GridEventNamespace, eventId);

    private static Guid NameBased(Guid ns, string name)
    {
        var nsBytes = ns.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nsBytes.Length + nameBytes.Length];
        nsBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, nsBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 specifies for version 5; it is an identifier, not a security measure.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
