using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Almab.Experiments.Runner;

/// <summary>Live progress column "done/total" of a task, in units (replicates).</summary>
internal sealed class CountColumn : ProgressColumn
{
    /// <inheritdoc />
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value:0}/{task.MaxValue:0}"));
}
