using Almab.Experiments.Cli;

namespace Almab.Experiments.Papers;

/// <summary>
/// One paper of the specification (shared/papers/), as it plugs into the <c>almab</c> program: its folder under
/// <c>Papers/</c> holds its studies, case files (<c>cases/</c>), claims (<c>claims/</c>) and figures, and this type
/// names the verbs it adds. Adding a paper = adding its folder and one line in <see cref="PaperCatalog"/>.
/// </summary>
public interface IPaper
{
    /// <summary>Short stable id, e.g. "almab-dc"; also the folder's paper in help texts.</summary>
    string Id { get; }

    /// <summary>The paper's file in shared/papers/ and its title, for help and reports.</summary>
    string Source { get; }

    /// <summary>The verbs this paper adds to the command line, in help order.</summary>
    IReadOnlyList<ICliVerb> Verbs { get; }
}
