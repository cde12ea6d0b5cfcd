using AlloIndustrie.Grains.Interfaces.Notices;

namespace AlloIndustrie.WebFront.Residents.Live;

/// <summary>
/// <c>listChanged</c>: the notice that changed (with its title and status for the screen readers'
/// announcement; none when only its audio came), the list's new <see cref="LiveList.State"/>, and the list's
/// fragment with only that notice's article rendered in it.
/// </summary>
public sealed record LiveListChange(string Id, string? Title, NoticeStatus? Status, string State, string Html);
