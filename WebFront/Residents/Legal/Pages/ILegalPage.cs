using AlloIndustrie.WebFront.Residents.Pages;

namespace AlloIndustrie.WebFront.Residents.Legal.Pages;

/// <summary>What each legal page is given, so that one route handler renders any of them.</summary>
public interface ILegalPage
{
    PageContext Ctx { get; set; }

    LegalView View { get; set; }
}
