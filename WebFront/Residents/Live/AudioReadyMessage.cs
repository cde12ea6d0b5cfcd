namespace AlloIndustrie.WebFront.Residents.Live;

/// <summary>What browsers receive as <c>audioReady</c>: enough to know whether a card they show lacks its player.</summary>
public sealed record AudioReadyMessage(string Territory, string Site, string Id, int Version, string AudioUrl);
