namespace AlloIndustrie.WebFront.Residents.Feeds;

/// <summary>
/// Groups a site's communes into CAP area descriptions short enough for receivers that truncate them
/// (under 50 characters each): one area per group, each with the circle around the site.
/// </summary>
public static class CapAreas
{
    public const int MaxLength = 49;

    public static IReadOnlyList<string> Describe(IEnumerable<string> communes, string fallback)
    {
        var groups = new List<string>();
        var current = "";
        foreach (var commune in communes.Select(name => Shorten(name.Trim())).Where(name => name.Length > 0))
        {
            var joined = current.Length == 0 ? commune : $"{current}, {commune}";
            if (joined.Length <= MaxLength)
            {
                current = joined;
                continue;
            }

            groups.Add(current);
            current = commune;
        }

        if (current.Length > 0)
        {
            groups.Add(current);
        }

        return groups.Count > 0 ? groups : [Shorten(fallback)];
    }

    private static string Shorten(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";
}
