namespace AlloIndustrie.Grains.Interfaces.Territories;

/// <summary>A phone number and the one territory it belongs to.</summary>
[GenerateSerializer, Immutable, Alias("AlloIndustrie.PhoneNumberOwner")]
public sealed record PhoneNumberOwner(
    [property: Id(0)] string Number,
    [property: Id(1)] string Territory)
{
    /// <summary>Why a territory may not take this number, in French.</summary>
    public string Refusal => $"Le numéro {Number} appartient déjà à un autre territoire ({Territory}) : un numéro ne mène qu’à un seul territoire.";
}
