using System.Globalization;
using Almab.Experiments.Papers.AlmabDc.Runner;
using Almab.Experiments.Papers.Ata;

namespace Almab.Experiments.Runner;

/// <summary>
/// The coordinates of one grid cell: a single replicate of one method on one cluster size, budget
/// and noise level. Cells are the unit of parallelism, of storage and of resumption.
/// </summary>
/// <param name="CaseId">Case identifier.</param>
/// <param name="Method">Method identifier from the registry.</param>
/// <param name="Workers">Number of simulated workers K.</param>
/// <param name="Budget">Evaluation budget (number of evaluations).</param>
/// <param name="Noise">Observation noise level (standard deviation, case units).</param>
/// <param name="Replicate">Replicate index from 0.</param>
public sealed record CellKey(string CaseId, string Method, int Workers, int Budget, double Noise, int Replicate)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{CaseId}/{Method}/K={Workers}/N={Budget}/noise={Noise:R}/rep={Replicate}");
}
