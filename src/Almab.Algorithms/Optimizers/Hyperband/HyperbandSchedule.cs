namespace Almab.Algorithms.Optimizers.Hyperband;

/// <summary>
/// Hyperband's bracket table (Li et al. 2018, Algorithm 1 and Table 1): with s_max = floor(log_eta R) and
/// B = (s_max + 1) R, bracket s starts n = ceil(B / R * eta^s / (s + 1)) configurations at r = R eta^-s and rung i
/// evaluates n_i = floor(n eta^-i) of them at r_i = r eta^i.
/// </summary>
public static class HyperbandSchedule
{
    /// <summary>The brackets s = s_max, ..., 0 for <paramref name="options"/>.</summary>
    public static IReadOnlyList<HyperbandBracket> Brackets(HyperbandOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        int sMax = options.MaxBracket, eta = options.Eta;
        double big = options.MaxResource;
        var brackets = new List<HyperbandBracket>(sMax + 1);
        for (int s = sMax; s >= 0; s--)
        {
            long etaS = Pow(eta, s);
            // n = ceil((s_max + 1) eta^s / (s + 1)) in integers, as B / R = s_max + 1.
            long n = ((sMax + 1) * etaS + s) / (s + 1);
            var rungs = new List<HyperbandRung>(s + 1);
            for (int i = 0; i <= s; i++)
            {
                long ni = n / Pow(eta, i);
                double ri = big / Pow(eta, s - i);
                double fidelity = i == s ? options.MaxFidelity : options.MaxFidelity / Pow(eta, s - i);
                rungs.Add(new HyperbandRung((int)ni, ri, fidelity));
            }

            brackets.Add(new HyperbandBracket(s, rungs));
        }

        return brackets;
    }

    private static long Pow(int b, int e)
    {
        long r = 1;
        for (int i = 0; i < e; i++)
        {
            r *= b;
        }

        return r;
    }
}
