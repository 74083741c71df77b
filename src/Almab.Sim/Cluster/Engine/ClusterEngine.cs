using System.Collections.Immutable;
using Almab.Algorithms.Randomness;
using Almab.Sim.Cluster.Durations;
using Almab.Sim.Cluster.Faults;
using Almab.Sim.Kernel;

namespace Almab.Sim.Cluster.Engine;

/// <summary>
/// One run of a simulated cluster, written in the event-scheduling world view: struct events on an
/// <see cref="EventSimulation{TEvent}"/> (time, then FIFO), the workers' side
/// here and the coordinator's side in <c>ClusterEngine.Coordinator.cs</c>. Streams: worker w's task draws from
/// <c>seed/worker/w/task</c>, its faults from <c>seed/worker/w/{slowdown,crash}</c>, message latencies from
/// <c>seed/network</c>, random speeds from <c>seed/speeds</c>. A job waiting for a worker (abandoned by a crash,
/// or meant for a worker that was down when it was sent) goes to the lowest-numbered idle, up worker at once,
/// without a decision. A worker whose result still waits at the coordinator gets no new job from another
/// worker's decision: its own decision serves it (so the asynchronous mode is a closed FIFO queue at the coordinator).
/// </summary>
internal sealed partial class ClusterEngine
{
    private readonly IJobSource _source;
    private readonly int _k;
    private readonly bool _sync;
    private readonly double _overhead;
    private readonly DurationDistribution _taskTime;
    private readonly DurationDistribution _latency;
    private readonly double[] _factor;
    private readonly Rng[] _taskRng;
    private readonly WorkerTimeline[] _timeline;
    private readonly Rng _network;
    private readonly EventSimulation<ClusterEvent> _sim = new();
    private readonly WorkerState[] _state;
    private readonly bool[] _repairScheduled;
    private readonly double[] _busy;
    private readonly bool _sameWorker;
    private readonly int[] _held; // SameWorkerAfterRepair: the crashed task waiting for each worker's repair, or -1.
    private readonly WorkerSet _idle; // Workers in state Idle (possibly down without knowing it yet).
    private readonly WorkerSet _free; // Idle workers with no result waiting at the coordinator.
    private readonly int[] _awaiting;
    private readonly Queue<int> _waiting = new();
    private readonly Stack<int> _freeSlots = new();
    private readonly List<ClusterTraceEntry>? _trace;
    private JobState[] _jobs = new JobState[16];
    private int _slotCount;
    private int _inFlight;
    private int _completed;
    private int _abandoned;
    private int _redispatched;

    /// <summary>Prepares a run of <paramref name="config"/> driven by <paramref name="source"/>.</summary>
    public ClusterEngine(ClusterConfig config, Seed seed, IJobSource source)
    {
        _source = source;
        _k = config.Workers;
        _sync = config.Dispatch == DispatchMode.Synchronous;
        _overhead = config.Communication.DecisionOverheadSeconds(_k);
        _taskTime = config.TaskTime;
        _latency = config.Communication.Latency;
        _factor = config.Heterogeneity.TimeFactors(_k, seed);
        _taskRng = new Rng[_k];
        _timeline = new WorkerTimeline[_k];
        var workers = seed.Derive("worker");
        for (int w = 0; w < _k; w++)
        {
            var ws = workers.Derive(w);
            _taskRng[w] = ws.Derive("task").CreateRng();
            _timeline[w] = new WorkerTimeline(config.Slowdown, config.Crash, ws);
        }

        _network = seed.Derive("network").CreateRng();
        _state = new WorkerState[_k];
        _repairScheduled = new bool[_k];
        _busy = new double[_k];
        _sameWorker = config.CrashRequeue == CrashRequeueRule.SameWorkerAfterRepair;
        _held = new int[_k];
        Array.Fill(_held, -1);
        _idle = new WorkerSet(_k);
        _free = new WorkerSet(_k);
        for (int w = 0; w < _k; w++)
        {
            _idle.Add(w);
            _free.Add(w);
        }

        _awaiting = new int[_k];
        _idleBuffer = new int[_k];
        _jobBuffer = new ClusterJob[_k];
        _trace = config.RecordTrace ? new List<ClusterTraceEntry>() : null;
    }

    /// <summary>Runs to the end (the source creates no job while nothing is in flight) and reports.</summary>
    public ClusterReport Run()
    {
        TryStartDecision();
        while (!_finished && _sim.TryNext(out var e))
        {
            switch (e.Kind)
            {
                case ClusterEventKind.JobArrives: OnJobArrives(e.Worker, e.Slot); break;
                case ClusterEventKind.AttemptFinishes: OnAttemptFinishes(e.Worker, e.Slot); break;
                case ClusterEventKind.AttemptCrashes: OnAttemptCrashes(e.Worker, e.Slot); break;
                case ClusterEventKind.ResultArrives: OnResultArrives(e.Slot); break;
                case ClusterEventKind.WorkerRepaired: OnWorkerRepaired(e.Worker); break;
                case ClusterEventKind.DecisionEnds: OnDecisionEnds(); break;
            }
        }

        if (!_finished)
        {
            throw new InvalidOperationException($"cluster run stalled at t = {_sim.Now} s with {_inFlight} jobs in flight");
        }

        return BuildReport();
    }

    private void OnJobArrives(int w, int slot)
    {
        ref var j = ref _jobs[slot];
        if (CheckDown(w))
        {
            // The worker crashed while the job message travelled: the attempt is lost before it began.
            _abandoned++;
            Trace(ClusterTraceKind.Abandoned, w, j.Job.Id);
            Requeue(slot, w);
            AssignWaiting();
            return;
        }

        SetState(w, WorkerState.Busy);
        j.StartedAt = _sim.Now;
        Trace(ClusterTraceKind.Started, w, j.Job.Id);
        double nominal = j.Job.WorkSeconds * _factor[w] * _taskTime.Sample(_taskRng[w]);
        double crash = _timeline[w].NextCrash(_sim.Now);
        double finish = _timeline[w].Finish(_sim.Now, nominal, crash);
        if (double.IsFinite(finish))
        {
            Schedule(finish, ClusterEventKind.AttemptFinishes, w, slot);
        }
        else
        {
            Schedule(crash, ClusterEventKind.AttemptCrashes, w, slot);
        }
    }

    private void OnAttemptFinishes(int w, int slot)
    {
        ref var j = ref _jobs[slot];
        _busy[w] += _sim.Now - j.StartedAt;
        j.FinishedAt = _sim.Now;
        _awaiting[w]++;
        SetState(w, WorkerState.Idle);
        Trace(ClusterTraceKind.Finished, w, j.Job.Id);
        Schedule(_sim.Now + _latency.Sample(_network), ClusterEventKind.ResultArrives, w, slot);
        AssignWaiting();
    }

    private void OnAttemptCrashes(int w, int slot)
    {
        ref var j = ref _jobs[slot];
        _busy[w] += _sim.Now - j.StartedAt;
        _abandoned++;
        Trace(ClusterTraceKind.Abandoned, w, j.Job.Id);
        CheckDown(w);
        Requeue(slot, w);
        AssignWaiting();
    }

    private void OnWorkerRepaired(int w)
    {
        _repairScheduled[w] = false;
        if (CheckDown(w))
        {
            return; // A new crash at the very moment of repair.
        }

        SetState(w, WorkerState.Idle);
        if (_held[w] >= 0)
        {
            int held = _held[w];
            _held[w] = -1;
            Send(held, w);
        }

        AssignWaiting();
        NotifyIdle(w);
    }

    /// <summary>True when <paramref name="w"/> is down now; then marks it down and makes sure its repair is scheduled.</summary>
    private bool CheckDown(int w)
    {
        if (!_timeline[w].IsDown(_sim.Now))
        {
            return false;
        }

        SetState(w, WorkerState.Down);
        if (!_repairScheduled[w])
        {
            _repairScheduled[w] = true;
            Schedule(_timeline[w].RepairAt, ClusterEventKind.WorkerRepaired, w, -1);
        }

        return true;
    }

    /// <summary>Sets a worker's state and keeps the idle and free sets in step with it.</summary>
    private void SetState(int w, WorkerState state)
    {
        _state[w] = state;
        _idle.Set(w, state == WorkerState.Idle);
        _free.Set(w, state == WorkerState.Idle && _awaiting[w] == 0);
    }

    /// <summary>Queues a crashed task by <see cref="ClusterConfig.CrashRequeue"/>: for the next free worker, or held for <paramref name="w"/>.</summary>
    private void Requeue(int slot, int w)
    {
        _redispatched++;
        if (_sameWorker && _held[w] < 0)
        {
            _held[w] = slot;
        }
        else
        {
            _waiting.Enqueue(slot);
        }
    }

    /// <summary>Hands waiting jobs to idle, up workers, lowest number first.</summary>
    private void AssignWaiting()
    {
        int w = 0;
        while (_waiting.Count > 0)
        {
            while ((w = _idle.NextAtOrAfter(w)) >= 0 && CheckDown(w))
            {
                w++;
            }

            if (w < 0)
            {
                return;
            }

            Send(_waiting.Dequeue(), w);
        }
    }

    private void Send(int slot, int w)
    {
        ref var j = ref _jobs[slot];
        SetState(w, WorkerState.Reserved);
        j.Worker = w;
        j.Attempts++;
        Trace(ClusterTraceKind.Dispatched, w, j.Job.Id);
        Schedule(_sim.Now + _latency.Sample(_network), ClusterEventKind.JobArrives, w, slot);
    }

    private void Schedule(double time, ClusterEventKind kind, int worker, int slot) =>
        _sim.ScheduleAt(time, new ClusterEvent(kind, worker, slot));

    private void Trace(ClusterTraceKind kind, int worker, long job) => _trace?.Add(new ClusterTraceEntry(_sim.Now, kind, worker, job));

    private ClusterReport BuildReport()
    {
        var busy = ImmutableArray.CreateBuilder<double>(_k);
        var down = ImmutableArray.CreateBuilder<double>(_k);
        var idle = ImmutableArray.CreateBuilder<double>(_k);
        for (int w = 0; w < _k; w++)
        {
            double d = _timeline[w].DownSeconds(_makespan);
            busy.Add(_busy[w]);
            down.Add(d);
            idle.Add(_makespan - _busy[w] - d);
        }

        return new ClusterReport
        {
            MakespanSeconds = _makespan,
            WorkerBusySeconds = busy.MoveToImmutable(),
            WorkerDownSeconds = down.MoveToImmutable(),
            WorkerIdleSeconds = idle.MoveToImmutable(),
            TasksCompleted = _completed,
            AttemptsAbandoned = _abandoned,
            TasksRedispatched = _redispatched,
            CoordinatorBusySeconds = _coordinatorSeconds,
            Decisions = _decisions,
            EventsProcessed = _sim.ProcessedEvents,
            Trace = _trace is null ? ImmutableArray<ClusterTraceEntry>.Empty : [.. _trace],
        };
    }
}
