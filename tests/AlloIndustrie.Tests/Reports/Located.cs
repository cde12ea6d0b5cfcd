using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.Tests.Reports;

/// <summary>
/// Where a position was placed, as a value to compare: the commune, or the field at fault and its French message
/// (a refusal's dictionary compares by reference).
/// </summary>
public static class Located
{
    public static (string? Commune, string? Field, string? Message) Of(CommandResult<string> located) =>
        (located.Value, located.Error?.Errors.Keys.SingleOrDefault(), located.Error?.Title);

    public static (string? Commune, string? Field, string? Message) Found(string commune) => (commune, null, null);

    public static (string? Commune, string? Field, string? Message) Refused(string message) => (null, "position", message);
}
