using AlloIndustrie.Grains.Interfaces.Audit;
using AlloIndustrie.WebFront.Audit;
using AlloIndustrie.WebFront.Dashboard.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlloIndustrie.WebFront.Dashboard.Pages;

public sealed class LogoutModel(SignInManager<AccountUser> signIn, AuditTrail audit) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await audit.Changed(HttpContext, AuditKey.Platform, "deconnexion", User.Identity?.Name ?? AuditTrail.Anonymous, null, null);
        await signIn.SignOutAsync();
        return RedirectToPage("/Login");
    }
}
