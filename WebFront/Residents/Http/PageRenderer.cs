using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AlloIndustrie.WebFront.Residents.Http;

/// <summary>Renders a component to a string on the server: no interactivity, so every text goes through Razor's HTML encoding.</summary>
public sealed class PageRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    public async Task<string> Render<TComponent>(Dictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(new PageServices(services), loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
    }
}
