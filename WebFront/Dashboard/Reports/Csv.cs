using System.Text;

namespace AlloIndustrie.WebFront.Dashboard.Reports;

/// <summary>
/// RFC 4180 CSV (CRLF, fields quoted when needed) with the separator of the reader's spreadsheet, as UTF-8 with
/// a BOM so that Excel reads accents. A cell that a spreadsheet would take for a formula gets a leading
/// apostrophe, so that an operator's text can never run as one on an authority's computer.
/// </summary>
public static class Csv
{
    public static byte[] Write(IEnumerable<IReadOnlyList<string?>> rows, char separator)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.AppendJoin(separator, row.Select(cell => Field(cell, separator))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Field(string? value, char separator)
    {
        var cell = value ?? "";
        // Spreadsheets also read the fullwidth forms (＝ ＋ － ＠) as the start of a formula.
        if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '＝' or '＋' or '－' or '＠')
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
    }
}
