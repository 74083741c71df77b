using System.Collections.Immutable;
using System.Text.Json.Serialization;
using Almab.Algorithms.Objectives;
using Almab.Algorithms.Objectives.Cases;
using Almab.Algorithms.Randomness;

namespace Almab.Experiments.Papers.AlmabDc.Cases;

/// <summary>
/// The objective of a case, declared in its file under "objective" with a "kind" discriminator.
/// Each kind is a typed record; <see cref="Create"/> builds the objective for one replicate at one noise level.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(DoseResponseSpec), "dose-response")]
[JsonDerivedType(typeof(SpatialFieldSpec), "spatial-field")]
[JsonDerivedType(typeof(GaussianMixtureSpec), "gaussian-mixture-arms")]
[JsonDerivedType(typeof(HpoEmulatorSpec), "hpo-emulator")]
[JsonDerivedType(typeof(AirfoilEmulatorSpec), "airfoil-emulator")]
[JsonDerivedType(typeof(RlEmulatorSpec), "rl-emulator")]
public abstract record ObjectiveSpec
{
    /// <summary>Default observation noise sd when the grid does not vary noise.</summary>
    public abstract double DefaultNoise { get; }

    /// <summary>Builds the objective of one replicate; <paramref name="replicateSeed"/> fixes replicate-level draws (e.g. a random field).</summary>
    public abstract IObjective Create(double noise, Seed replicateSeed);

    /// <summary>Validation messages (empty when valid), each naming the field.</summary>
    public virtual IEnumerable<string> Validate()
    {
        if (!(DefaultNoise >= 0) || !double.IsFinite(DefaultNoise))
        {
            yield return $"objective.noise must be a finite number >= 0, got {DefaultNoise}";
        }
    }
}

/// <summary>Case 4 (section 3.9).</summary>
/// <param name="Observation">"bernoulli-utility" (binary outcomes, the paper's text) or "gaussian" (the GP's likelihood).</param>
/// <param name="Lambda">Toxicity penalty lambda.</param>
/// <param name="Noise">Noise sd used by the Gaussian observation model.</param>
public sealed record DoseResponseSpec(DoseObservationModel Observation, double Lambda = 0.5, double Noise = 0.18) : ObjectiveSpec
{
    /// <inheritdoc />
    public override double DefaultNoise => Noise;

    /// <inheritdoc />
    public override IObjective Create(double noise, Seed replicateSeed) => new DoseResponseObjective(Observation, Lambda, noise);
}

/// <summary>Case 5 (section 3.10).</summary>
public sealed record SpatialFieldSpec(int Side = 8, double LengthScale = 0.35, double Variance = 1.0, double Noise = 0.2) : ObjectiveSpec
{
    /// <inheritdoc />
    public override double DefaultNoise => Noise;

    /// <inheritdoc />
    public override IObjective Create(double noise, Seed replicateSeed) =>
        new SpatialFieldObjective(replicateSeed.Derive("field"), Side, LengthScale, Variance, noise);

    /// <inheritdoc />
    public override IEnumerable<string> Validate() => base.Validate().Concat(
        Side < 2 ? [$"objective.side must be >= 2, got {Side}"] : []).Concat(
        LengthScale > 0 && Variance > 0 ? [] : ["objective.lengthScale and objective.variance must be > 0"]);
}

/// <summary>The illustrative example (section 2.6): mixture components and arm locations are ours (the paper omits them).</summary>
public sealed record GaussianMixtureSpec(ImmutableArray<MixtureComponent> Components, ImmutableArray<double[]> Arms, double Noise) : ObjectiveSpec
{
    /// <inheritdoc />
    public override double DefaultNoise => Noise;

    /// <inheritdoc />
    public override IObjective Create(double noise, Seed replicateSeed) => new GaussianMixtureArmsObjective(Components, Arms, noise);

    /// <inheritdoc />
    public override IEnumerable<string> Validate() => base.Validate().Concat(
        Components.IsDefaultOrEmpty || Arms.IsDefaultOrEmpty || Arms.Length < 2 ? ["objective.components and objective.arms (>= 2) are required"] : []);
}

/// <summary>Case 1 emulator.</summary>
/// <param name="Noise">Observation noise sd.</param>
/// <param name="GlobalBasinOnly">Leave the deceptive basin out (the single-basin diagnostic reading of the ablation claims).</param>
public sealed record HpoEmulatorSpec(double Noise, bool GlobalBasinOnly = false) : ObjectiveSpec
{
    /// <inheritdoc />
    public override double DefaultNoise => Noise;

    /// <inheritdoc />
    public override IObjective Create(double noise, Seed replicateSeed) => new HpoEmulatorObjective(noise, GlobalBasinOnly);
}

/// <summary>Case 2 emulator.</summary>
/// <param name="Noise">Observation noise sd.</param>
/// <param name="GlobalBasinOnly">Leave the broad local basin out (the single-basin diagnostic reading of the ablation claims).</param>
public sealed record AirfoilEmulatorSpec(double Noise, bool GlobalBasinOnly = false) : ObjectiveSpec
{
    /// <inheritdoc />
    public override double DefaultNoise => Noise;

    /// <inheritdoc />
    public override IObjective Create(double noise, Seed replicateSeed) => new AirfoilEmulatorObjective(noise, GlobalBasinOnly);
}

/// <summary>Case 3 emulator.</summary>
/// <param name="Noise">Observation noise sd.</param>
/// <param name="GlobalBasinOnly">Leave the deceptive basin out (the single-basin diagnostic reading of the ablation claims).</param>
public sealed record RlEmulatorSpec(double Noise, bool GlobalBasinOnly = false) : ObjectiveSpec
{
    /// <inheritdoc />
    public override double DefaultNoise => Noise;

    /// <inheritdoc />
    public override IObjective Create(double noise, Seed replicateSeed) => new RlEmulatorObjective(noise, GlobalBasinOnly);
}
