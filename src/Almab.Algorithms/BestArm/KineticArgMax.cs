using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Almab.Algorithms.BestArm;

/// <summary>
/// Argmax over arms of the line index_k(h) = a_k + b_k · h, a_k = mean_k · w_k, b_k = g_k · w_k, for an h that never decreases during an episode
/// (h = sqrt(ln t) for UCB), as a kinetic tournament tree (Basch, Guibas and Hershberger, 1999): every internal node
/// keeps the winner of its two children at the current h and the h at which the loser's line would overtake it
/// (its certificate, taken slightly early so rounding can never hide a crossing). Advancing h re-plays only the
/// nodes whose certificate expired; changing an arm re-plays its root path. Every comparison is made exactly at
/// the current h, lowest arm winning ties, so the answer equals the brute-force argmax, with one exception: between
/// re-plays a node trusts its certificate, so when two lines' values at h come out equal only by rounding (their real
/// crossing lies elsewhere) the tree may keep the higher arm where a brute-force scan of the same doubles takes the
/// lower (about 150 of 3.2 million RA-UCB choices of the BAI grid, docs/benchmarks.md). UCB's indices stay
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

        if (Unsafe.SizeOf<Node>() != NodeBytes)
        {
            throw new InvalidOperationException($"KineticArgMax: a node takes {Unsafe.SizeOf<Node>()} bytes, not {NodeBytes}");
        }

        _size = size;
        _arms = arms;
        _h = 0;
        Array.Fill(_nodes, Node.Absent, 0, 2 * size);
    }

    /// <summary>Sets arm <paramref name="arm"/>'s line (g, w &gt;= 0, finite) and re-plays its path at the current h.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Replay(int arm, double a, double b, int winner)
    {
        // The root's winner wins every node on its path, so its re-play can never stop early: that case (every UCB
        // pull after the first round) runs a copy of the loop without the stop test and its two loads, inlined into
        // the caller (the UCB agents' pull loop); the other case is a call.
        if (_nodes[1].Winner == arm)
        {
            Replay<Full>(arm, a, b, winner);
        }
        else
        {
            ReplayMayStop(arm, a, b, winner);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ReplayMayStop(int arm, double a, double b, int winner) => Replay<MayStop>(arm, a, b, winner);

    /// <summary>Bytes of a <see cref="Node"/> (16-byte line, certificate, winner, padding to the line's alignment).</summary>
    private const int NodeBytes = 32;

    private struct Full;

    private struct MayStop;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Replay<TStop>(int arm, double a, double b, int winner)
        where TStop : struct
    {
        // Nodes are addressed by byte offset (NodeBytes each): the sibling of the node at offset o is at o ^ NodeBytes, its
        // parent at (o >> 1) rounded down to a node; the node index's low bit (left or right child) travels in a vector.
        ref byte nodes = ref Unsafe.As<Node, byte>(ref MemoryMarshal.GetArrayDataReference(_nodes));
        double h = _h;
        int node = _size + arm;
        nint at = (nint)node * NodeBytes;
        ref Node leaf = ref Unsafe.As<byte, Node>(ref Unsafe.AddByteOffset(ref nodes, at));
        leaf.Line = Vector128.Create(a, b);
        leaf.Winner = winner;
        leaf.MinFail = double.PositiveInfinity;

        // The changed side (winner cw, line cl, value cvv in both lanes, certificate cf) travels up in registers; each level loads
        // its sibling only. The comparison becomes a lane mask whose sign bits select winner, line and value without a
        // branch (the winner index rides in a vector lane too). The changed node's side (left or right child) is the
        // low bit of its index: ~node shifted left by 63 puts "is a left child" into the sign bit.
        Vector128<double> cw = Vector128.CreateScalarUnsafe(winner).AsDouble();
        Vector128<double> cl = Vector128.Create(a, b);
        Vector128<double> cvv = Vector128.Create(a + b * h);
        double cf = double.PositiveInfinity;
        Vector128<double> infinity = Vector128.CreateScalarUnsafe(double.PositiveInfinity);
        Vector128<double> zero = Vector128<double>.Zero;
        Vector128<long> notIndex = Vector128.Create(~(long)node);
        if (typeof(TStop) == typeof(Full))
        {
            // Two levels at a time: their comparisons one after the other, then both certificates in one 2-lane pass
            // (one vector division and one early-margin computation for two nodes; the lanes give the same numbers as
            // the scalar code below). e = wl − ll = (wa − la, wb − lb); lb − wb = −e.y exactly, so
            // (wa − la) / (lb − wb) = −(e.x / e.y), and lb > wb exactly when e.y < 0.
            Vector128<double> margin = Vector128.Create(1e-9);
            Vector128<double> infinity2 = Vector128.Create(double.PositiveInfinity);
            while (at >= 4 * NodeBytes)
            {
                ref Node s1 = ref Unsafe.As<byte, Node>(ref Unsafe.AddByteOffset(ref nodes, at ^ NodeBytes));
                Vector128<double> sw1 = Vector128.CreateScalarUnsafe(s1.Winner).AsDouble();
                Vector128<double> sl1 = s1.Line;
                double sf1 = s1.MinFail;
                Vector128<double> svv1 = Vector128.Create(sl1.ToScalar() + sl1.GetElement(1) * h);
                Vector128<double> m1 = Vector128.GreaterThan(cvv, svv1) | (Vector128.Equals(cvv, svv1) & Vector128.ShiftLeft(notIndex, 63).AsDouble());
                Vector128<double> ww1 = Select(m1, cw, sw1);
                Vector128<double> wl1 = Select(m1, cl, sl1);
                Vector128<double> ll1 = Select(m1, sl1, cl);
                Vector128<double> wv1 = Select(m1, cvv, svv1);
                at = (at >> 1) & -NodeBytes;
                notIndex = Vector128.ShiftRightLogical(notIndex, 1);
                ref Node p1 = ref Unsafe.As<byte, Node>(ref Unsafe.AddByteOffset(ref nodes, at));
                p1.Winner = ww1.AsInt32().ToScalar();
                p1.Line = wl1;

                ref Node s2 = ref Unsafe.As<byte, Node>(ref Unsafe.AddByteOffset(ref nodes, at ^ NodeBytes));
                Vector128<double> sw2 = Vector128.CreateScalarUnsafe(s2.Winner).AsDouble();
                Vector128<double> sl2 = s2.Line;
                double sf2 = s2.MinFail;
                Vector128<double> svv2 = Vector128.Create(sl2.ToScalar() + sl2.GetElement(1) * h);
                Vector128<double> m2 = Vector128.GreaterThan(wv1, svv2) | (Vector128.Equals(wv1, svv2) & Vector128.ShiftLeft(notIndex, 63).AsDouble());
                Vector128<double> ww2 = Select(m2, ww1, sw2);
                Vector128<double> wl2 = Select(m2, wl1, sl2);
                Vector128<double> ll2 = Select(m2, sl2, wl1);
                Vector128<double> wv2 = Select(m2, wv1, svv2);
                at = (at >> 1) & -NodeBytes;
                notIndex = Vector128.ShiftRightLogical(notIndex, 1);
                ref Node p2 = ref Unsafe.As<byte, Node>(ref Unsafe.AddByteOffset(ref nodes, at));
                p2.Winner = ww2.AsInt32().ToScalar();
                p2.Line = wl2;

                Vector128<double> e1 = wl1 - ll1, e2 = wl2 - ll2;
                Vector128<double> num = LowLanes(e1, e2), den = HighLanes(e1, e2);
                Vector128<double> cross = -(num / den);
                Vector128<double> early = cross - margin * (Vector128<double>.One + Vector128.Abs(cross));
                Vector128<double> fail = Vector128.ConditionalSelect(Vector128.LessThan(den, zero), early, infinity2);
                double minFail1 = double.MinNative(fail.ToScalar(), double.MinNative(cf, sf1));
                double minFail2 = double.MinNative(fail.GetElement(1), double.MinNative(minFail1, sf2));
                p1.MinFail = minFail1;
                p2.MinFail = minFail2;

                cw = ww2;
                cl = wl2;
                cvv = wv2;
                cf = minFail2;
            }
        }

        while (at > NodeBytes)
        {
            ref Node s = ref Unsafe.As<byte, Node>(ref Unsafe.AddByteOffset(ref nodes, at ^ NodeBytes));
            Vector128<double> sw = Vector128.CreateScalarUnsafe(s.Winner).AsDouble();
            Vector128<double> sl = s.Line;
            double sf = s.MinFail;
            double sv = sl.ToScalar() + sl.GetElement(1) * h;

            // Left-subtree arms have lower indices: the left child wins ties.
            Vector128<double> svv = Vector128.Create(sv);
            Vector128<double> leftSign = Vector128.ShiftLeft(notIndex, 63).AsDouble();
            Vector128<double> m = Vector128.GreaterThan(cvv, svv) | (Vector128.Equals(cvv, svv) & leftSign);
            Vector128<double> ww = Select(m, cw, sw);
            Vector128<double> wl = Select(m, cl, sl);
            Vector128<double> ll = Select(m, sl, cl);
            Vector128<double> wv = Select(m, cvv, svv);

            // Certificate: the loser's line overtakes the winner's at (wa − la) / (lb − wb) if lb > wb (the same
            // subtractions as scalars: lane 1 of ll − wl is lb − wb, and lb > wb exactly when it is > 0).
            double den = (ll - wl).GetElement(1);
            double cross = (wl.ToScalar() - ll.ToScalar()) / den;
            Vector128<double> early = Vector128.CreateScalarUnsafe(cross - 1e-9 * (1 + Math.Abs(cross)));
            double fail = Vector128.ConditionalSelect(Vector128.GreaterThan(Vector128.CreateScalarUnsafe(den), zero), early, infinity).ToScalar();

            // No certificate is NaN or −0 (finite lines, lb − wb > 0), so the native minimum equals Math.Min here.
            double minFail = double.MinNative(fail, double.MinNative(cf, sf));

            at = (at >> 1) & -NodeBytes;
            notIndex = Vector128.ShiftRightLogical(notIndex, 1);
            ref Node p = ref Unsafe.As<byte, Node>(ref Unsafe.AddByteOffset(ref nodes, at));
            int w = ww.AsInt32().ToScalar();
            if (typeof(TStop) == typeof(MayStop))
            {
                int oldWinner = p.Winner;
                double oldFail = p.MinFail;
                p.Winner = w;
                p.Line = wl;
                p.MinFail = minFail;
                if (oldWinner != arm && w == oldWinner && minFail == oldFail)
                {
                    return;
                }
            }
            else
            {
                p.Winner = w;
                p.Line = wl;
                p.MinFail = minFail;
            }

            cw = ww;
            cl = wl;
            cvv = wv;
            cf = minFail;
        }
    }

    /// <summary>(a.x, b.x).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> LowLanes(Vector128<double> a, Vector128<double> b) =>
        Sse2.IsSupported ? Sse2.UnpackLow(a, b) : Vector128.Create(a.ToScalar(), b.ToScalar());

    /// <summary>(a.y, b.y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> HighLanes(Vector128<double> a, Vector128<double> b) =>
        Sse2.IsSupported ? Sse2.UnpackHigh(a, b) : Vector128.Create(a.GetElement(1), b.GetElement(1));

    /// <summary>
    /// Lane-wise <paramref name="mask"/> ? <paramref name="ifSet"/> : <paramref name="ifClear"/> by the sign bit of each
    /// mask lane (only the sign bits of the re-play's masks are meaningful).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Select(Vector128<double> mask, Vector128<double> ifSet, Vector128<double> ifClear)
    {
        if (Sse41.IsSupported)
        {
            return Sse41.BlendVariable(ifClear, ifSet, mask);
        }

        return Vector128.ConditionalSelect(Vector128.ShiftRightArithmetic(mask.AsInt64(), 63).AsDouble(), ifSet, ifClear);
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
