using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Almab.Algorithms.BestArm;

/// <summary>
/// Exact argmax over arms of the line index_k(h) = a_k + b_k · h, a_k = mean_k · w_k, b_k = g_k · w_k, for an h that never decreases during an episode
/// (h = sqrt(ln t) for UCB), as a kinetic tournament tree (Basch, Guibas and Hershberger, 1999): every internal node
/// keeps the winner of its two children at the current h and the h at which the loser's line would overtake it
/// (its certificate, taken slightly early so rounding can never hide a crossing). Advancing h re-plays only the
/// nodes whose certificate expired; changing an arm re-plays its root path. Every comparison is made exactly at
/// the current h, lowest arm winning ties, so the answer equals the brute-force argmax. UCB's indices stay
/// close to each other by design, which defeats bound-and-prune searches; certificates do not care.
/// Every node stores its winner's line next to the winner, so a re-play reads one sibling node per level (no
/// second load through the winner's arm index) and carries the changed side in registers, without branches on
/// the comparisons; an absent arm is the line (−∞, 0), which loses every comparison and never certifies.
/// </summary>
internal sealed class KineticArgMax
{
    private Line[] _line = [];
    private Node[] _nodes = [];
    private int _size;
    private int _arms;
    private double _h;

    /// <summary>The h of the last <see cref="Advance"/>.</summary>
    public double H => _h;

    /// <summary>Prepares <paramref name="arms"/> arms, all absent (never winning) until <see cref="Set"/>.</summary>
    public void Reset(int arms)
    {
        int size = 1;
        while (size < arms)
        {
            size <<= 1;
        }

        if (_line.Length < arms || _nodes.Length < 2 * size)
        {
            _line = new Line[arms];
            _nodes = new Node[2 * size];
        }

        _size = size;
        _arms = arms;
        _h = 0;
        Array.Fill(_nodes, Node.Absent, 0, 2 * size);
    }

    /// <summary>Sets arm <paramref name="arm"/>'s line (g, w &gt;= 0, finite) and re-plays its path at the current h.</summary>
    public void Set(int arm, double mean, double g, double w)
    {
        var line = new Line(mean * w, g * w);
        _line[arm] = line;
        Replay(arm, line.A, line.B, arm);
    }

    /// <summary>
    /// <see cref="Set"/> with g = 0, w = 1 for a tree whose lines all have slope 0 (AT-LUCB's empirical means): the
    /// values do not move with h and no certificate ever fails, so the re-play only compares and selects; every
    /// node ends up as <see cref="Set"/> leaves it (line (mean, 0), certificate +∞).
    /// </summary>
    public void SetFlat(int arm, double mean)
    {
        double a = mean * 1.0;
        _line[arm] = new Line(a, 0.0 * 1.0);
        ref Node nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        int node = _size + arm;
        ref Node leaf = ref Unsafe.Add(ref nodes, node);
        leaf.Line = Vector128.CreateScalar(a);
        leaf.Winner = arm;
        int cw = arm;
        var cv = Vector128.Create(a);
        while (node > 1)
        {
            ref Node s = ref Unsafe.Add(ref nodes, node ^ 1);
            int sw = s.Winner;
            var sv = Vector128.Create(s.Line.ToScalar());

            // Left-subtree arms have lower indices: the left child wins ties.
            var leftMask = Vector128.Create((long)((node & 1) - 1)).AsDouble();
            var m = Vector128.GreaterThan(cv, sv) | (Vector128.Equals(cv, sv) & leftMask);
            int ww = sw ^ ((cw ^ sw) & -(int)(Vector128.ExtractMostSignificantBits(m) & 1));
            cv = Vector128.ConditionalSelect(m, cv, sv);
            node >>= 1;
            ref Node p = ref Unsafe.Add(ref nodes, node);
            int oldWinner = p.Winner;
            p.Winner = ww;
            p.Line = Vector128.CreateScalar(cv.ToScalar());
            if (oldWinner != arm && ww == oldWinner)
            {
                return;
            }

            cw = ww;
        }
    }

    /// <summary>Removes arm <paramref name="arm"/> from the competition (until the next <see cref="Set"/>).</summary>
    public void Disable(int arm) => Replay(arm, double.NegativeInfinity, 0.0, -1);

    /// <summary>Re-enables an arm removed by <see cref="Disable"/>, with its stored line.</summary>
    public void Enable(int arm)
    {
        Line line = _line[arm];
        Replay(arm, line.A, line.B, arm);
    }

    /// <summary>Exact index of <paramref name="arm"/> at <paramref name="h"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Index(int arm, double h)
    {
        ref readonly Line line = ref _line[arm];
        return line.A + line.B * h;
    }

    /// <summary>Moves to <paramref name="h"/> (&gt;= the current h) and returns the argmax there, or -1 if no arm is present.</summary>
    public int Advance(double h)
    {
        if (h < _h)
        {
            throw new ArgumentOutOfRangeException(nameof(h), h, "h must not decrease");
        }

        _h = h;
        Node[] nodes = _nodes;
        if (nodes[1].MinFail <= h)
        {
            Visit(ref MemoryMarshal.GetArrayDataReference(nodes), 1, _size, h);
        }

        return nodes[1].Winner;
    }

    /// <summary>
    /// The argmax at the current h among all arms but <paramref name="excluded"/> (-1 if none is left). If the
    /// excluded arm is the overall winner, the runner-up is the best of the subtree winners it beat on its way to the
    /// root (a tournament property; every node is exact at the current h), so no node is re-played.
    /// </summary>
    public int WinnerExcluding(int excluded)
    {
        Node[] nodes = _nodes;
        if (nodes[1].Winner != excluded)
        {
            return nodes[1].Winner;
        }

        int best = -1;
        double bestValue = double.NegativeInfinity;
        for (int node = _size + excluded; node > 1; node >>= 1)
        {
            int other = nodes[node ^ 1].Winner;
            if (other < 0)
            {
                continue;
            }

            double v = Index(other, _h);
            if (best < 0 || v > bestValue || (v == bestValue && other < best))
            {
                best = other;
                bestValue = v;
            }
        }

        return best;
    }

    /// <summary>The argmax at the current h.</summary>
    public int Winner => _nodes[1].Winner;

    private readonly record struct Line(double A, double B);

    /// <summary>A tree node: its winner (-1: none), the winner's line, and the earliest certificate failure below.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Node
    {
        public Vector128<double> Line;
        public double MinFail;
        public int Winner;

        public static readonly Node Absent = new() { Line = Vector128.Create(double.NegativeInfinity, 0.0), MinFail = double.PositiveInfinity, Winner = -1 };
    }

    private static void Visit(ref Node nodes, int node, int size, double h)
    {
        if (node >= size)
        {
            return;
        }

        int left = 2 * node, right = left + 1;
        if (Unsafe.Add(ref nodes, left).MinFail <= h)
        {
            Visit(ref nodes, left, size, h);
        }

        if (Unsafe.Add(ref nodes, right).MinFail <= h)
        {
            Visit(ref nodes, right, size, h);
        }

        ref Node l = ref Unsafe.Add(ref nodes, left);
        ref Node r = ref Unsafe.Add(ref nodes, right);
        Play(ref Unsafe.Add(ref nodes, node), l.Winner, l.Line.ToScalar(), l.Line.GetElement(1), l.MinFail, r.Winner, r.Line.ToScalar(), r.Line.GetElement(1), r.MinFail, h);
    }

    /// <summary>
    /// Writes the leaf of <paramref name="arm"/> (winner <paramref name="winner"/>, line a + b·h) and re-plays its root
    /// path, stopping at the first node whose winner and certificate come out unchanged with a winner other than the
    /// changed arm: every ancestor reads only its children's winners, their lines and their certificates, and the
    /// changed arm's line reaches no ancestor once it has lost below, so the nodes above would re-play to exactly what
    /// they hold. Pulls of arms that are not the winner (AT-LUCB's challenger on the means tree, ties of the initial
    /// round) stop a few levels up instead of at the root.
    /// </summary>
    private void Replay(int arm, double a, double b, int winner)
    {
        ref Node nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        double h = _h;
        int node = _size + arm;
        ref Node leaf = ref Unsafe.Add(ref nodes, node);
        leaf.Line = Vector128.Create(a, b);
        leaf.Winner = winner;
        leaf.MinFail = double.PositiveInfinity;

        // The changed side (cw, line cl, value cv, certificate cf) travels up in registers; each level loads its
        // sibling only. The comparison becomes a lane mask that selects winner and loser without a branch.
        int cw = winner;
        Vector128<double> cl = Vector128.Create(a, b);
        double cv = a + b * h, cf = double.PositiveInfinity;
        Vector128<double> infinity = Vector128.CreateScalarUnsafe(double.PositiveInfinity);
        while (node > 1)
        {
            ref Node s = ref Unsafe.Add(ref nodes, node ^ 1);
            int sw = s.Winner;
            Vector128<double> sl = s.Line;
            double sf = s.MinFail;
            double sv = sl.ToScalar() + sl.GetElement(1) * h;

            // Left-subtree arms have lower indices: the left child wins ties.
            Vector128<double> cvv = Vector128.Create(cv), svv = Vector128.Create(sv);
            Vector128<double> leftMask = Vector128.Create((long)((node & 1) - 1)).AsDouble();
            Vector128<double> m = Vector128.GreaterThan(cvv, svv) | (Vector128.Equals(cvv, svv) & leftMask);
            int pick = -(int)(Vector128.ExtractMostSignificantBits(m) & 1);
            int ww = sw ^ ((cw ^ sw) & pick);
            Vector128<double> wl = Vector128.ConditionalSelect(m, cl, sl);
            Vector128<double> ll = Vector128.ConditionalSelect(m, sl, cl);
            double wv = Vector128.ConditionalSelect(m, cvv, svv).ToScalar();

            // Certificate: the loser's line overtakes the winner's at (wa − la) / (lb − wb) if lb > wb.
            double wa = wl.ToScalar(), wb = wl.GetElement(1), la = ll.ToScalar(), lb = ll.GetElement(1);
            double cross = (wa - la) / (lb - wb);
            Vector128<double> early = Vector128.CreateScalarUnsafe(cross - 1e-9 * (1 + Math.Abs(cross)));
            double fail = Vector128.ConditionalSelect(Vector128.GreaterThan(Vector128.CreateScalarUnsafe(lb), Vector128.CreateScalarUnsafe(wb)), early, infinity).ToScalar();

            // No certificate is NaN or −0 (finite lines, lb − wb > 0), so the native minimum equals Math.Min here.
            double minFail = double.MinNative(fail, double.MinNative(cf, sf));

            node >>= 1;
            ref Node p = ref Unsafe.Add(ref nodes, node);
            int oldWinner = p.Winner;
            double oldFail = p.MinFail;
            p.Winner = ww;
            p.Line = wl;
            p.MinFail = minFail;
            if (oldWinner != arm && ww == oldWinner && minFail == oldFail)
            {
                return;
            }

            cw = ww;
            cl = wl;
            cv = wv;
            cf = minFail;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Play(ref Node target, int lw, double lA, double lB, double lF, int rw, double rA, double rB, double rF, double h)
    {
        // Left-subtree arms have lower indices: the left child wins ties. An absent child is (−∞, 0).
        bool leftWins = lA + lB * h >= rA + rB * h;
        int ww = leftWins ? lw : rw;
        double wa = leftWins ? lA : rA, wb = leftWins ? lB : rB;
        double xa = leftWins ? rA : lA, xb = leftWins ? rB : lB;
        double fail = double.PositiveInfinity;
        if (xb > wb)
        {
            double cross = (wa - xa) / (xb - wb);
            fail = cross - 1e-9 * (1 + Math.Abs(cross));
        }

        target.Winner = ww;
        target.Line = Vector128.Create(wa, wb);
        target.MinFail = Math.Min(fail, Math.Min(lF, rF));
    }
}
