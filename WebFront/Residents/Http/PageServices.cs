using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace AlloIndustrie.WebFront.Residents.Http;

/// <summary>
/// The services seen by the page renderer: the application's, except an HTML encoder that leaves accented
/// letters and pictograms as they are. The default one writes each as a numeric entity, which would make French
/// pages much heavier on a slow connection; markup characters are escaped all the same.
/// </summary>
public sealed class PageServices(IServiceProvider inner) : IServiceProvider
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public object? GetService(Type serviceType) => serviceType == typeof(HtmlEncoder) ? Encoder : inner.GetService(serviceType);
}
