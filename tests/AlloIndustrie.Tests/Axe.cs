using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace AlloIndustrie.Tests;

/// <summary>axe-core limited to WCAG 2.1 A and AA, the level every page must meet.</summary>
public static class Axe
{
    public static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task AssertAccessible(IPage page, string what)
    {
        var result = await page.RunAxe(WcagAA);

        // Rules that passed prove axe ran in the page despite its content security policy.
        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0,
            $"{what}: " + string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}")));
    }
}
