using Almab.Algorithms.Bandits.Federated;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster;

namespace Almab.Sim.Runs.Bandits;

/// <summary>
/// Federated UCB as cluster jobs: worker j is agent j. Creating agent j's job sends it the server snapshot (downlink),
/// plays its local rounds until the schedule says send (or its rounds run out) and packs the uplink; completing the job
/// delivers the uplink to the server. So every message's latency is the cluster's, and its size is charged as
/// transmission time. Agent j's rewards come from <c>seed/agent/j/rewards</c>, its quantizer from <c>seed/agent/j/quantizer</c>.
/// </summary>
internal sealed class FederatedJobSource : IJobSource
{
    private readonly FederatedRunConfig _config;
    private readonly FederatedUcbAgent[] _agents;
    private readonly FederatedUcbServer _server;
    private readonly Rng[] _rewardRng;
    private readonly double[][] _agentMeans;
    private readonly double[] _globalMeans;
    private readonly double _best;
    private readonly int[] _round;
    private readonly long[][] _upCounts;
    private readonly double[][] _upMeans;
    private readonly long[] _downCounts;
    private readonly double[] _downMeans;
    private readonly double[] _regret;
    private readonly long _messageBytes;
    private long _sequence;

    public FederatedJobSource(FederatedRunConfig config, int agents, Seed seed)
    {
        _config = config;
        int k = config.Means.Length;
        var q = new MeanQuantizer(config.Bits);
        _messageBytes = q.MessageBytes(k);
        _server = new FederatedUcbServer(k, q, seed.Derive("server"));
        _agents = new FederatedUcbAgent[agents];
        _rewardRng = new Rng[agents];
        _round = new int[agents];
        _upCounts = new long[agents][];
        _upMeans = new double[agents][];
        _downCounts = new long[k];
        _downMeans = new double[k];
        _regret = new double[config.RoundsPerAgent];
        _agentMeans = AgentMeans(config, agents, seed.Derive("offsets"), out _globalMeans);
        _best = _globalMeans.Max();
        var agentSeeds = seed.Derive("agent");
        for (int j = 0; j < agents; j++)
        {
            var s = agentSeeds.Derive(j);
            _agents[j] = new FederatedUcbAgent(k, q, s.Derive("quantizer"));
            _rewardRng[j] = s.Derive("rewards").CreateRng();
            _upCounts[j] = new long[k];
            _upMeans[j] = new double[k];
        }
    }

    public long Uplinks { get; private set; }

    public long Downlinks { get; private set; }

    public long Bytes => (Uplinks + Downlinks) * _messageBytes;

    public double[] RegretByRound => _regret;

    public int Create(ReadOnlySpan<int> idleWorkers, double now, Span<ClusterJob> jobs, out double coordinatorSeconds)
    {
        coordinatorSeconds = 0.0;
        int n = 0;
        foreach (int j in idleWorkers)
        {
            if (_round[j] >= _config.RoundsPerAgent)
            {
                continue;
            }

            _server.Snapshot(_downCounts, _downMeans);
            var agent = _agents[j];
            agent.Receive(_downCounts, _downMeans);
            Downlinks++;
            int start = _round[j];
            var means = _agentMeans[j];
            var rng = _rewardRng[j];
            do
            {
                int arm = agent.Select();
                agent.Update(arm, rng.NextDouble() < means[arm] ? 1.0 : 0.0);
                _regret[_round[j]++] += _best - _globalMeans[arm];
            }
            while (_round[j] < _config.RoundsPerAgent && !agent.ShouldSend(_config.Schedule));

            agent.Flush(_upCounts[j], _upMeans[j]);
            double work = (_round[j] - start) * _config.PullSeconds + 2.0 * _messageBytes / _config.BandwidthBytesPerSecond;
            jobs[n++] = new ClusterJob(_sequence++ * _agents.Length + j, work, j);
        }

        return n;
    }

    public double Complete(in ClusterJob job, in ClusterTaskOutcome outcome)
    {
        int j = (int)(job.Id % _agents.Length);
        _server.Absorb(_upCounts[j], _upMeans[j]);
        Uplinks++;
        return 0.0;
    }

    private static double[][] AgentMeans(FederatedRunConfig config, int agents, Seed seed, out double[] global)
    {
        int k = config.Means.Length;
        var rng = seed.CreateRng();
        var m = new double[agents][];
        for (int j = 0; j < agents; j++)
        {
            m[j] = new double[k];
            for (int i = 0; i < k; i++)
            {
                m[j][i] = config.Heterogeneity * rng.NextGaussian();
            }
        }

        global = new double[k];
        for (int i = 0; i < k; i++)
        {
            double centre = 0;
            for (int j = 0; j < agents; j++)
            {
                centre += m[j][i] / agents;
            }

            for (int j = 0; j < agents; j++)
            {
                m[j][i] = Math.Clamp(config.Means[i] + m[j][i] - centre, 0.0, 1.0);
                global[i] += m[j][i] / agents;
            }
        }

        return m;
    }
}
