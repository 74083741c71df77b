using System.Text.Json;

namespace Almab.Experiments.Papers.Moco;

/// <summary>The paper's Table 1 numbers (claims/moco-table1.json): HV ratio and NDS per problem and method.</summary>
public sealed class MocoPaperValues
{
    private readonly Dictionary<(string, string), (double Hv, int Nds)> _values = new();

    public static MocoPaperValues Load(string path)
    {
        var v = new MocoPaperValues();
        var root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        foreach (var row in root.GetProperty("rows").EnumerateArray())
        {
            string problem = row.GetProperty("problem").GetString()!;
            foreach (var prop in row.EnumerateObject().Where(p => p.Name != "problem"))
            {
                var a = prop.Value.EnumerateArray().ToArray();
                v._values[(problem, prop.Name)] = (a[0].GetDouble(), (int)a[1].GetDouble());
            }
        }

        return v;
    }

    public static MocoPaperValues Default() => Load(Path.Combine(AppContext.BaseDirectory, "claims", "moco-table1.json"));

    public (double Hv, int Nds)? Get(string problem, string method) =>
        _values.TryGetValue((problem, method), out var v) ? v : null;
}
