using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AlloIndustrie.Tests.Processes;
using Xunit;

namespace AlloIndustrie.Tests.Public;

/// <summary>Checks CAP documents against the shared CAP 1.2 schema and reads them back.</summary>
internal static class CapDocuments
{
    public static readonly XNamespace Cap = "urn:oasis:names:tc:emergency:cap:1.2";

    /// <summary>The repository keeps its own verbatim copy of the OASIS CAP 1.2 schema, so that a lone clone passes.</summary>
    private static string CapSchemaPath => Path.Combine(RepositoryPaths.Root, "tests", "AlloIndustrie.Tests", "Public", "Schemas", "cap12.xsd");

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        var set = new XmlSchemaSet();
        set.Add(null, CapSchemaPath);
        set.Compile();
        return set;
    });

    /// <summary>The document, once it validates; every schema error otherwise fails the test.</summary>
    public static XDocument Validate(byte[] document)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas.Value };
        settings.ValidationEventHandler += (_, args) => errors.Add($"{args.Severity}: {args.Message}");
        using (var reader = XmlReader.Create(new MemoryStream(document), settings))
        {
            while (reader.Read())
            {
            }
        }

        Assert.Empty(errors);
        return XDocument.Load(new MemoryStream(document));
    }

    public static string Value(this XContainer container, string name) =>
        container.Descendants(Cap + name).Single().Value;
}
