using System.Linq.Expressions;
using AlloIndustrie.Grains.Interfaces.Territories;
using AlloIndustrie.WebFront.Residents.Pages;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace AlloIndustrie.WebFront.Residents.Http;

/// <summary>Renders a component to a string on the server: no interactivity, so every text goes through Razor's HTML encoding.</summary>
public sealed class PageRenderer(IServiceProvider services, ILoggerFactory loggers)
{
    /// <summary>Renders <typeparamref name="TComponent"/> with the parameters <paramref name="set"/> gives it, by property.</summary>
    public async Task<string> Render<TComponent>(Action<PageParameters<TComponent>> set)
        where TComponent : IComponent
    {
        var parameters = new PageParameters<TComponent>();
        set(parameters);
        await using var renderer = new HtmlRenderer(new PageServices(services), loggers);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters.Values));
            return output.ToHtmlString();
        });
    }

    /// <summary>The public site's "page not found", within <paramref name="territory"/> when it is known.</summary>
    public Task<string> NotFound(PageContext ctx, TerritoryProfile? territory) =>
        Render<NotFoundPage>(page => page.Set(p => p.Ctx, ctx).Set(p => p.Territory, territory));
}

/// <summary>A component's parameters, each named by its property: a renamed or retyped parameter fails the build, not the page.</summary>
public sealed class PageParameters<TComponent>
    where TComponent : IComponent
{
    internal Dictionary<string, object?> Values { get; } = [];

    public PageParameters<TComponent> Set<TValue>(Expression<Func<TComponent, TValue>> parameter, TValue value)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var member = parameter.Body is MemberExpression { Expression: ParameterExpression } access
            ? access.Member
            : throw new ArgumentException("Expected a parameter of the component, as p => p.Name.", nameof(parameter));
        Values[member.Name] = value;
        return this;
    }
}
