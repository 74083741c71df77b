namespace Almab.Sim.Cluster.Engine;

/// <summary>
/// The coordinator: a single serial server. Asynchronous mode: one decision per result (in arrival order) or per
/// repaired idle worker; it absorbs the result, then creates jobs for the idle, up workers. Synchronous mode: one
/// decision per round, after all of the round's results arrived (the barrier); it absorbs them in arrival order
/// and creates the next round for all K workers. A decision lasts α K^β plus the seconds the source charges;
/// its jobs are sent when it ends.
/// </summary>
internal sealed partial class ClusterEngine
{
    private readonly Queue<int> _inbox = new();
    private readonly List<int> _decisionSlots = new();
    private readonly int[] _idleBuffer;
    private readonly ClusterJob[] _jobBuffer;
    private bool _coordinatorBusy;
    private bool _noticePending;
    private bool _finished;
    private bool _asked;
    private int _roundSize;
    private int _roundArrived;
    private int _decisions;
    private double _coordinatorSeconds;
    private double _makespan;

    private void OnResultArrives(int slot)
    {
        ref var j = ref _jobs[slot];
        j.ArrivedAt = _sim.Now;
        Trace(ClusterTraceKind.Arrived, j.Worker, j.Job.Id);
        _inbox.Enqueue(slot);
        _roundArrived++;
        TryStartDecision();
    }

    /// <summary>Asynchronous mode: a repaired worker asks the coordinator for work (at most one notice queued).</summary>
    private void NotifyIdle(int w)
    {
        if (_sync || _noticePending || _state[w] != WorkerState.Idle)
        {
            return;
        }

        _noticePending = true;
        _inbox.Enqueue(-1);
        TryStartDecision();
    }

    private void TryStartDecision()
    {
        if (_coordinatorBusy || _finished)
        {
            return;
        }

        if (_sync)
        {
            if (_roundArrived == _roundSize)
            {
                StartRound();
            }

            return;
        }

        if (_decisions == 0)
        {
            StartDecision(-1);
            return;
        }

        while (_inbox.TryDequeue(out int item))
        {
            if (item >= 0 || AnyIdleAndUp())
            {
                _noticePending &= item >= 0;
                StartDecision(item);
                return;
            }

            _noticePending = false; // The repaired worker found work elsewhere: nothing to decide.
        }
    }

    private void StartDecision(int resultSlot)
    {
        BeginDecision();
        double seconds = _overhead;
        if (resultSlot >= 0)
        {
            seconds += Absorb(resultSlot);
        }

        int m = 0;
        int wanted = Math.Max(1, _source.MaxNextJobs);
        for (int w = _free.NextAtOrAfter(0); w >= 0 && m < wanted; w = _free.NextAtOrAfter(w + 1))
        {
            if (!CheckDown(w))
            {
                _idleBuffer[m++] = w;
            }
        }

        seconds += CreateJobs(m);
        EndDecisionAt(seconds);
    }

    private void StartRound()
    {
        BeginDecision();
        double seconds = _overhead;
        while (_inbox.TryDequeue(out int slot))
        {
            seconds += Absorb(slot);
        }

        for (int w = 0; w < _k; w++)
        {
            _idleBuffer[w] = w;
        }

        seconds += CreateJobs(_k);
        _roundSize = _decisionSlots.Count;
        _roundArrived = 0;
        EndDecisionAt(seconds);
    }

    private void BeginDecision()
    {
        _coordinatorBusy = true;
        _asked = false;
        _decisions++;
        Trace(ClusterTraceKind.DecisionStarted, -1, -1);
    }

    private void EndDecisionAt(double seconds)
    {
        _coordinatorSeconds += seconds;
        Schedule(_sim.Now + seconds, ClusterEventKind.DecisionEnds, -1, -1);
    }

    private void OnDecisionEnds()
    {
        foreach (int slot in _decisionSlots)
        {
            ref var j = ref _jobs[slot];
            j.CreatedAt = _sim.Now;
            int w = j.Worker;
            if (_state[w] == WorkerState.Reserved && !CheckDown(w))
            {
                Send(slot, w);
            }
            else
            {
                if (_state[w] == WorkerState.Reserved)
                {
                    SetState(w, WorkerState.Down);
                }

                _waiting.Enqueue(slot); // Its worker is down: the first free worker takes it (not a re-dispatch).
            }
        }

        _decisionSlots.Clear();
        _coordinatorBusy = false;
        Trace(ClusterTraceKind.DecisionEnded, -1, -1);
        if (_inFlight == 0 && _asked)
        {
            // The source was offered workers and created nothing while nothing runs: the run is over. (If every
            // worker was down, a repair will ask again.)
            _finished = true;
            _makespan = _sim.Now;
            return;
        }

        AssignWaiting();
        TryStartDecision();
    }

    private double Absorb(int slot)
    {
        ref var j = ref _jobs[slot];
        var outcome = new ClusterTaskOutcome(j.Worker, j.CreatedAt, j.StartedAt, j.FinishedAt, j.ArrivedAt, j.Attempts);
        double seconds = _source.Complete(j.Job, outcome);
        if (!double.IsFinite(seconds) || seconds < 0.0)
        {
            throw new InvalidOperationException($"IJobSource.Complete must return finite coordinator seconds >= 0, got {seconds} for job {j.Job.Id}");
        }

        _completed++;
        _inFlight--;
        if (--_awaiting[j.Worker] == 0 && _state[j.Worker] == WorkerState.Idle)
        {
            _free.Add(j.Worker);
        }
        _freeSlots.Push(slot);
        return seconds;
    }

    /// <summary>Asks the source for jobs for <c>_idleBuffer[..m]</c>, reserves their workers and returns the charged seconds.</summary>
    private double CreateJobs(int m)
    {
        if (m == 0)
        {
            return 0.0;
        }

        _asked = true;
        int n = _source.Create(_idleBuffer.AsSpan(0, m), _sim.Now, _jobBuffer.AsSpan(0, m), out double seconds);
        if (n < 0 || n > m)
        {
            throw new InvalidOperationException($"IJobSource.Create must return a count in [0, {m}], got {n}");
        }

        if (!double.IsFinite(seconds) || seconds < 0.0)
        {
            throw new InvalidOperationException($"IJobSource.Create must report finite coordinator seconds >= 0, got {seconds}");
        }

        for (int i = 0; i < n; i++)
        {
            var job = _jobBuffer[i];
            if (!double.IsFinite(job.WorkSeconds) || job.WorkSeconds < 0.0)
            {
                throw new InvalidOperationException($"job {job.Id}: WorkSeconds must be finite and >= 0, got {job.WorkSeconds}");
            }

            int w = TargetOf(job, i, m);
            int slot = AllocateSlot();
            _jobs[slot] = new JobState { Job = job, Worker = w };
            _inFlight++;
            _decisionSlots.Add(slot);
            if (_state[w] == WorkerState.Idle)
            {
                SetState(w, WorkerState.Reserved);
            }
        }

        return seconds;
    }

    /// <summary>
    /// The worker job <paramref name="i"/> of the decision goes to: the i-th offered one, or the one it names,
    /// which must be offered and not named by an earlier job of the decision (all jobs name a worker or none does).
    /// </summary>
    private int TargetOf(in ClusterJob job, int i, int offered)
    {
        bool addressed = _jobBuffer[0].Worker >= 0;
        if ((job.Worker >= 0) != addressed)
        {
            throw new InvalidOperationException($"job {job.Id}: either every job of a decision names its worker or none does (Worker = {job.Worker})");
        }

        if (!addressed)
        {
            return _idleBuffer[i];
        }

        if (Array.IndexOf(_idleBuffer, job.Worker, 0, offered) < 0)
        {
            throw new InvalidOperationException($"job {job.Id}: Worker {job.Worker} was not offered to this decision");
        }

        for (int j = 0; j < i; j++)
        {
            if (_jobBuffer[j].Worker == job.Worker)
            {
                throw new InvalidOperationException($"job {job.Id}: Worker {job.Worker} already got job {_jobBuffer[j].Id} in this decision");
            }
        }

        return job.Worker;
    }

    private bool AnyIdleAndUp()
    {
        for (int w = _free.NextAtOrAfter(0); w >= 0; w = _free.NextAtOrAfter(w + 1))
        {
            if (!CheckDown(w))
            {
                return true;
            }
        }

        return false;
    }

    private int AllocateSlot()
    {
        if (_freeSlots.TryPop(out int slot))
        {
            return slot;
        }

        if (_slotCount == _jobs.Length)
        {
            Array.Resize(ref _jobs, 2 * _jobs.Length);
        }

        return _slotCount++;
    }
}
