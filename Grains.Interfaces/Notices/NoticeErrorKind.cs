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

    /// <summary>The request's body is larger than the contract takes. Only the web front answers so; no grain does.</summary>
    TooLarge = 5,

    /// <summary>The request's body is not in the format the operation reads (JSON). Only the web front answers so; no grain does.</summary>
    UnsupportedMediaType = 6,

    /// <summary>No credential, or one that proves nothing (an API key absent or wrong). Only the web front answers so; no grain does.</summary>
    Unauthorized = 7,
}
