using Microsoft.AspNetCore.Http.Features;
using AlloIndustrie.WebFront.Dashboard.Layout;

namespace AlloIndustrie.WebFront.Dashboard.Security;

/// <summary>
/// A dashboard form is named by its URL's <c>?handler=</c> (none: the page's main form), the URLs its forms have
/// always posted to and that scripts and tests post to; Blazor reads the name from a form field, set here.
/// </summary>
public static class FormNames
{
    public static async Task Name(HttpContext context, Func<Task> next)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (!form.ContainsKey(DashboardPage.FormNameField))
            {
                var fields = form.ToDictionary(field => field.Key, field => field.Value, StringComparer.OrdinalIgnoreCase);
                fields[DashboardPage.FormNameField] = context.Request.Query["handler"].ToString() is { Length: > 0 } handler ? handler : DashboardPage.MainForm;
                context.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields, form.Files)));
            }
        }

        await next();
    }
}
