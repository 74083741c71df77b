using Spectre.Console;
using Spectre.Console.Rendering;

namespace Almab.Experiments.Runner;

/// <summary>
/// Live progress column: a running task's recent rate in units per second (Spectre's sampled speed), a finished task's
/// mean rate over its elapsed time plus one display tick (the row appears up to one tick after its first unit
/// finished, so this bounds the rate of tasks that finish within a tick), "-" before any sample.
/// </summary>
internal sealed class RateColumn : ProgressColumn
{
    /// <inheritdoc />
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        if (task.IsFinished)
        {
            double seconds = (task.ElapsedTime ?? TimeSpan.Zero).TotalSeconds + LiveRunProgress.Tick.TotalSeconds;
            return new Text(RunProgress.FormatRate(task.Value / seconds));
        }

        return new Text(task.Speed is double s ? RunProgress.FormatRate(s) : "-");
    }
}
