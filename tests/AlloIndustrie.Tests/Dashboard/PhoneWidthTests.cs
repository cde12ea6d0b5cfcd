using Xunit;

namespace AlloIndustrie.Tests.Dashboard;

/// <summary>
/// Every dashboard page a role reaches by its links, on a 390 px phone in a real Chromium: none scrolls sideways
/// as a whole (a wide table scrolls on its own), since an operator under stress does not look for what lies
/// beyond the screen's edge.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class PhoneWidthTests(DashboardFixture fixture)
{
    private const int MaxPages = 60;

    [Theory]
    [InlineData(Role.SuperAdmin)]
    [InlineData(Role.Authority)]
    public async Task No_page_reached_from_the_home_page_scrolls_sideways_on_a_phone(Role role)
    {
        var page = await fixture.SignedInPage(role, phone: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/tableau-de-bord"]);
        var wide = new List<string>();
        while (queue.TryDequeue(out var path) && seen.Count < MaxPages)
        {
            if (!seen.Add(path))
            {
                continue;
            }

            await page.GotoAsync(path);

            // A phone widens its window to the content, so the page is measured against the layout viewport.
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                wide.Add($"{path} (+{overflow} px)");
            }

            // Exports and sign-out are not pages; everything else under the dashboard is.
            foreach (var link in await page.EvalOnSelectorAllAsync<string[]>("a[href^='/tableau-de-bord']", "links => links.map(a => a.getAttribute('href'))"))
            {
                if (!link.Contains("Csv", StringComparison.Ordinal) && !link.Contains("deconnexion", StringComparison.Ordinal) && !seen.Contains(link))
                {
                    queue.Enqueue(link);
                }
            }
        }

        Assert.True(seen.Count >= 3, $"Only {seen.Count} pages were reached.");
        Assert.True(wide.Count == 0, "These pages scroll sideways at 390 px: " + string.Join(", ", wide));
        await page.Context.CloseAsync();
    }
}
