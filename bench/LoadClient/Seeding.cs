namespace AlloIndustrie.Bench.LoadClient;

/// <summary>Publishes the notices the public page is measured with.</summary>
public static class Seeding
{
    public static async Task<int> Run(Arguments arguments)
    {
        using var http = new HttpClient { BaseAddress = arguments.BaseUrl };
        var publisher = new Operator(http, arguments.Territory, arguments.Credentials);
        var count = arguments.Number("count", 10);
        for (var i = 1; i <= count; i++)
        {
            await publisher.Publish($"Torchage n° {i} sur le site",
                $"Une flamme est visible au-dessus du site (événement {i}). Le bruit peut s’entendre jusqu’à deux kilomètres. Aucune action n’est nécessaire.");
        }

        Console.Error.WriteLine($"seed: {count} notices published to {arguments.Territory}");
        return 0;
    }
}
