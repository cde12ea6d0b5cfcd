using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Sites;

/// <summary>
/// What one caller changes in a site (<see cref="ISiteGrain.Change"/>): a null field is left as it is stored, so
/// that an administrator editing the address and another suspending the site both keep their change, and a caller
/// that does not know a newer field cannot erase it. Creating a site needs every field but the membership's end.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.SiteChange")]
public sealed record SiteChange
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public string? Company { get; init; }
    [Id(2)] public string? Address { get; init; }
    [Id(3)] public double? Latitude { get; init; }
    [Id(4)] public double? Longitude { get; init; }
    [Id(5)] public ImmutableArray<string>? Communes { get; init; }
    [Id(6)] public NewValue<DateTimeOffset?>? MembershipEndsAt { get; init; }
    [Id(7)] public bool? Suspended { get; init; }

    /// <summary>The fields of <paramref name="wanted"/> that differ from <paramref name="current"/> (every one for a new site).</summary>
    public static SiteChange Between(SiteSettings? current, SiteSettings wanted) => new()
    {
        Name = current?.Name == wanted.Name ? null : wanted.Name,
        Company = current?.Company == wanted.Company ? null : wanted.Company,
        Address = current?.Address == wanted.Address ? null : wanted.Address,
        Latitude = current?.Latitude == wanted.Latitude ? null : wanted.Latitude,
        Longitude = current?.Longitude == wanted.Longitude ? null : wanted.Longitude,
        Communes = current is not null && current.Communes.SequenceEqual(wanted.Communes) ? null : wanted.Communes,
        MembershipEndsAt = current is not null && current.MembershipEndsAt == wanted.MembershipEndsAt ? null : new(wanted.MembershipEndsAt),
        Suspended = current?.Suspended == wanted.Suspended ? null : wanted.Suspended,
    };

    /// <summary>
    /// <paramref name="stored"/> with this change made; for a site not created yet (null), every field but the
    /// membership's end must be given, else null.
    /// </summary>
    public SiteSettings? ApplyTo(SiteSettings? stored)
    {
        if (stored is null)
        {
            return Name is null || Company is null || Address is null || Latitude is null || Longitude is null || Communes is null
                ? null
                : new SiteSettings(Name, Company, Address, Latitude.Value, Longitude.Value, Communes.Value, MembershipEndsAt?.Value, Suspended ?? false);
        }

        return stored with
        {
            Name = Name ?? stored.Name,
            Company = Company ?? stored.Company,
            Address = Address ?? stored.Address,
            Latitude = Latitude ?? stored.Latitude,
            Longitude = Longitude ?? stored.Longitude,
            Communes = Communes ?? stored.Communes,
            MembershipEndsAt = MembershipEndsAt is { } end ? end.Value : stored.MembershipEndsAt,
            Suspended = Suspended ?? stored.Suspended,
        };
    }
}
