"""Optuna as an Almab external optimizer: the JSON-lines ask/tell protocol of docs/external-optimizers.md.

Usage: /usr/bin/python3 optuna_ask_tell.py --sampler tpe|cmaes   (Debian python3-optuna 3.1; cmaes for CMA-ES)
Reads one request object per line on stdin, writes one reply object per line on stdout:
  init  {"space": [...], "seed": s}  -> {"ok": true, "name": ..., "optuna": version}
  ask   {"count": n}                 -> {"trials": [{"id": i, "params": [native values]}], "seconds": ask time}
  tell  {"id": i, "value": v} or {"id": i, "failed": true} -> {"ok": true}
  close                              -> exits
TPE: TPESampler(seed, constant_liar=True) (Optuna's defaults otherwise: 10 random startup trials), as Almab's TPE
treats pending trials. CMA-ES: CmaEsSampler(seed), float and integer parameters only. The seed is taken mod 2**32.
Categorical parameters are suggested by label and sent back as the label's index; grid levels as categorical values.
"""
import argparse
import json
import sys
import time
import warnings

import optuna

optuna.logging.set_verbosity(optuna.logging.WARNING)
warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)


def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def make_sampler(kind, seed, space):
    if kind == "tpe":
        return optuna.samplers.TPESampler(seed=seed, constant_liar=True)
    if any(p["kind"] not in ("float", "integer") for p in space):
        raise ValueError("cmaes needs float and integer parameters only")
    return optuna.samplers.CmaEsSampler(seed=seed)


def suggest(trial, p):
    kind = p["kind"]
    if kind == "float":
        return trial.suggest_float(p["name"], p["low"], p["high"], log=p["log"])
    if kind == "integer":
        return float(trial.suggest_int(p["name"], int(p["low"]), int(p["high"]), log=p["log"]))
    if kind == "grid":
        return float(trial.suggest_categorical(p["name"], p["levels"]))
    if kind == "categorical":
        return float(p["choices"].index(trial.suggest_categorical(p["name"], p["choices"])))
    raise ValueError(f"unknown parameter kind {kind!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sampler", choices=["tpe", "cmaes"], required=True)
    kind = parser.parse_args().sampler
    study, space, running = None, None, {}
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            msg = json.loads(line)
            op = msg.get("op")
            if op == "init":
                space = msg["space"]
                sampler = make_sampler(kind, int(msg["seed"]) % 2 ** 32, space)
                study = optuna.create_study(direction=msg.get("direction", "minimize"), sampler=sampler)
                reply({"ok": True, "name": f"optuna-{kind}", "optuna": optuna.__version__})
            elif op == "ask":
                t0 = time.perf_counter()
                trials = []
                for _ in range(int(msg["count"])):
                    trial = study.ask()
                    running[trial.number] = trial
                    trials.append({"id": trial.number, "params": [suggest(trial, p) for p in space]})
                reply({"trials": trials, "seconds": time.perf_counter() - t0})
            elif op == "tell":
                trial = running.pop(int(msg["id"]))
                if msg.get("failed"):
                    study.tell(trial, state=optuna.trial.TrialState.FAIL)
                else:
                    study.tell(trial, float(msg["value"]))
                reply({"ok": True})
            elif op == "close":
                return
            else:
                reply({"error": f"unknown op {op!r}"})
        except Exception as e:  # one error reply per bad request; Almab turns it into a clear failure
            reply({"error": f"{type(e).__name__}: {e}"})


if __name__ == "__main__":
    main()
