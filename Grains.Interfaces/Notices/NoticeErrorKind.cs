namespace AlloIndustrie.Grains.Interfaces.Notices;

/// <summary>Why a command was refused; each maps to one HTTP status of the contract.</summary>
[GenerateSerializer, Alias("AlloIndustrie.NoticeErrorKind")]
public enum NoticeErrorKind
{
    Invalid = 0,
    NotFound = 1,
    Conflict = 2,
    Forbidden = 3,

    /// <summary>Too many requests from this client or for this place just now; the refusal says when to try again.</summary>
    TooMany = 4,
}
