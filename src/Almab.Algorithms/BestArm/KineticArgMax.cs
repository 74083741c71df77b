using System.Runtime.CompilerServices;

namespace Almab.Algorithms.BestArm;

/// <summary>
/// Exact argmax over arms of the line index_k(h) = a_k + b_k · h, a_k = mean_k · w_k, b_k = g_k · w_k, for an h that never decreases during an episode
/// (h = sqrt(ln t) for UCB), as a kinetic tournament tree (Basch, Guibas and Hershberger, 1999): every internal node
/// keeps the winner of its two children at the current h and the h at which the loser's line would overtake it
/// (its certificate, taken slightly early so rounding can never hide a crossing). Advancing h re-plays only the
/// nodes whose certificate expired; changing an arm re-plays its root path. Every comparison is made exactly at
/// the current h, lowest arm winning ties, so the answer equals the brute-force argmax. UCB's indices stay
/// close to each other by design, which defeats bound-and-prune searches; certificates do not care.
/// </summary>
internal sealed class KineticArgMax
{
    private Line[] _line = [];
    private int[] _winner = [];
    private double[] _minFail = [];
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

        if (_line.Length < arms || _winner.Length < 2 * size)
        {
            _line = new Line[arms];
            _winner = new int[2 * size];
            _minFail = new double[2 * size];
        }

        _size = size;
        _arms = arms;
        _h = 0;
        Array.Fill(_winner, -1, 0, 2 * size);
        Array.Fill(_minFail, double.PositiveInfinity, 0, 2 * size);
    }

    /// <summary>Sets arm <paramref name="arm"/>'s line (g, w &gt;= 0, finite) and re-plays its path at the current h.</summary>
    public void Set(int arm, double mean, double g, double w)
    {
        _line[arm] = new Line(mean * w, g * w);
        _winner[_size + arm] = arm;
        Replay(_size + arm);
    }

    /// <summary>Removes arm <paramref name="arm"/> from the competition (until the next <see cref="Set"/>).</summary>
    public void Disable(int arm)
    {
        _winner[_size + arm] = -1;
        Replay(_size + arm);
    }

    /// <summary>Re-enables an arm removed by <see cref="Disable"/>, with its stored line.</summary>
    public void Enable(int arm)
    {
        _winner[_size + arm] = arm;
        Replay(_size + arm);
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
        if (_minFail[1] <= h)
        {
            Visit(1);
        }

        return _winner[1];
    }

    /// <summary>
    /// The argmax at the current h among all arms but <paramref name="excluded"/> (-1 if none is left). If the
    /// excluded arm is the overall winner, the runner-up is the best of the subtree winners it beat on its way to the
    /// root (a tournament property; every node is exact at the current h), so no node is re-played.
    /// </summary>
    public int WinnerExcluding(int excluded)
    {
        if (_winner[1] != excluded)
        {
            return _winner[1];
        }

        int best = -1;
        double bestValue = double.NegativeInfinity;
        for (int node = _size + excluded; node > 1; node >>= 1)
        {
            int other = _winner[node ^ 1];
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
    public int Winner => _winner[1];

    private readonly record struct Line(double A, double B);

    private void Visit(int node)
    {
        if (node >= _size)
        {
            return;
        }

        int left = 2 * node, right = left + 1;
        if (_minFail[left] <= _h)
        {
            Visit(left);
        }

        if (_minFail[right] <= _h)
        {
            Visit(right);
        }

        Play(node);
    }

    /// <summary>
    /// Re-plays the root path of <paramref name="leaf"/>, stopping at the first node whose winner and certificate come
    /// out unchanged with a winner other than the changed arm: every ancestor reads only its children's winners, their
    /// lines and their certificates, and the changed arm's line reaches no ancestor once it has lost below, so the
    /// nodes above would re-play to exactly what they hold. Pulls of arms that are not the winner (AT-LUCB's
    /// challenger on the means tree, ties of the initial round) stop a few levels up instead of at the root.
    /// </summary>
    private void Replay(int leaf)
    {
        int arm = leaf - _size;
        for (int node = leaf >> 1; node >= 1; node >>= 1)
        {
            int oldWinner = _winner[node];
            double oldFail = _minFail[node];
            Play(node);
            if (oldWinner != arm && _winner[node] == oldWinner && _minFail[node] == oldFail)
            {
                return;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Play(int node)
    {
        int left = 2 * node, right = left + 1;
        int a = _winner[left], b = _winner[right];
        int win, lose;
        if (a < 0 || b < 0)
        {
            win = a < 0 ? b : a;
            lose = -1;
        }
        else
        {
            // Left-subtree arms have lower indices: a wins ties.
            bool leftWins = Index(a, _h) >= Index(b, _h);
            win = leftWins ? a : b;
            lose = leftWins ? b : a;
        }

        double fail = double.PositiveInfinity;
        if (lose >= 0)
        {
            ref readonly Line lw = ref _line[win];
            ref readonly Line ll = ref _line[lose];
            if (ll.B > lw.B)
            {
                double cross = (lw.A - ll.A) / (ll.B - lw.B);
                fail = cross - 1e-9 * (1 + Math.Abs(cross));
            }
        }

        _winner[node] = win;
        _minFail[node] = Math.Min(fail, Math.Min(_minFail[left], _minFail[right]));
    }
}
