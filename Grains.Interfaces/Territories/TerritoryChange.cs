using System.Collections.Immutable;

namespace AlloIndustrie.Grains.Interfaces.Territories;

/// <summary>
/// What one caller changes in a territory (<see cref="ITerritoryGrain.Change"/>): a null field is left as it is
/// stored, so that two administrators saving different fields both keep their change, and a caller that does not
/// know a newer field cannot erase it. Creating a territory needs its name, greeting and default retention.
/// </summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.TerritoryChange")]
public sealed record TerritoryChange
{
    [Id(0)] public string? Name { get; init; }
    [Id(1)] public ImmutableArray<string>? PhoneNumbers { get; init; }
    [Id(2)] public string? Greeting { get; init; }
    [Id(3)] public TimeSpan? DefaultRetention { get; init; }
    [Id(4)] public NewValue<bool?>? FreeToCall { get; init; }
    [Id(5)] public ImmutableArray<CommuneCentre>? CommuneCentres { get; init; }
    [Id(6)] public string? Publisher { get; init; }
    [Id(7)] public string? Host { get; init; }
    [Id(8)] public string? AccessibilityContact { get; init; }
    [Id(9)] public string? PrivacyContact { get; init; }
    [Id(10)] public AccessibilityConformity? Conformity { get; init; }

    /// <summary>The fields of <paramref name="wanted"/> that differ from <paramref name="current"/>, and only those.</summary>
    public static TerritoryChange Between(TerritoryProfile current, TerritoryProfile wanted) => new()
    {
        Name = Differs(current.Name, wanted.Name),
        PhoneNumbers = current.PhoneNumbers.SequenceEqual(wanted.PhoneNumbers) ? null : wanted.PhoneNumbers,
        Greeting = Differs(current.Greeting, wanted.Greeting),
        DefaultRetention = current.DefaultRetention == wanted.DefaultRetention ? null : wanted.DefaultRetention,
        FreeToCall = current.FreeToCall == wanted.FreeToCall ? null : new(wanted.FreeToCall),
        CommuneCentres = current.CommuneCentres.SequenceEqual(wanted.CommuneCentres) ? null : wanted.CommuneCentres,
        Publisher = Differs(current.Legal.Publisher, wanted.Legal.Publisher),
        Host = Differs(current.Legal.Host, wanted.Legal.Host),
        AccessibilityContact = Differs(current.Legal.AccessibilityContact, wanted.Legal.AccessibilityContact),
        PrivacyContact = Differs(current.Legal.PrivacyContact, wanted.Legal.PrivacyContact),
        Conformity = current.Legal.Conformity == wanted.Legal.Conformity ? null : wanted.Legal.Conformity,
    };

    /// <summary>
    /// <paramref name="stored"/> with this change made; for a territory not created yet (null), the name, greeting
    /// and default retention must be given, else null.
    /// </summary>
    public TerritoryProfile? ApplyTo(string slug, TerritoryProfile? stored)
    {
        if (stored is null && (Name is null || Greeting is null || DefaultRetention is null))
        {
            return null;
        }

        var current = stored ?? new TerritoryProfile(slug, Name!, [], Greeting!, DefaultRetention!.Value);
        return current with
        {
            Name = Name ?? current.Name,
            PhoneNumbers = PhoneNumbers ?? current.PhoneNumbers,
            Greeting = Greeting ?? current.Greeting,
            DefaultRetention = DefaultRetention ?? current.DefaultRetention,
            FreeToCall = FreeToCall is { } free ? free.Value : current.FreeToCall,
            CommuneCentres = CommuneCentres ?? current.CommuneCentres,
            Legal = current.Legal with
            {
                Publisher = Publisher ?? current.Legal.Publisher,
                Host = Host ?? current.Legal.Host,
                AccessibilityContact = AccessibilityContact ?? current.Legal.AccessibilityContact,
                PrivacyContact = PrivacyContact ?? current.Legal.PrivacyContact,
                Conformity = Conformity ?? current.Legal.Conformity,
            },
        };
    }

    private static string? Differs(string current, string wanted) => current == wanted ? null : wanted;
}
