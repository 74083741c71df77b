using Microsoft.ML;
using Microsoft.ML.Data;

namespace Almab.Experiments.Papers.Bai.RealWorld;

/// <summary>
/// One row as ML.NET sees it: a feature vector and a key-typed label of data.Classes values, so a multiclass model's
/// score vector always has one slot per class in label order, even when a class is absent from a training split. An
/// in-memory key column takes the 0-based class index (measured: with label + 1 every class was shifted by one slot,
/// which ArmCatalogTests catches through the first and last classes' accuracy).
/// </summary>
public sealed class MlNetRow
{
    /// <summary>Features.</summary>
    public float[] Features { get; set; } = [];

    /// <summary>Class label, 0-based.</summary>
    public uint Label { get; set; }

    /// <summary>The rows of <paramref name="data"/> as an IDataView with a fixed-size vector and a key label of data.Classes values.</summary>
    public static IDataView View(MLContext ml, LabeledData data)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(data);
        var rows = new MlNetRow[data.Rows];
        for (int i = 0; i < data.Rows; i++)
        {
            rows[i] = new MlNetRow { Features = data.Features.AsSpan(i * data.Columns, data.Columns).ToArray(), Label = (uint)data.Labels[i] };
        }

        var schema = SchemaDefinition.Create(typeof(MlNetRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, data.Columns);
        schema[nameof(Label)].ColumnType = new KeyDataViewType(typeof(uint), data.Classes);
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
