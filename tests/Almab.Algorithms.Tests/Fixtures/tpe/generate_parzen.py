"""Fixture for ParzenEstimatorTests: Optuna 3.1's univariate _ParzenEstimator (TPESampler defaults).

Run with the Debian Python that has optuna 3.1:  /usr/bin/python3 generate_parzen.py > parzen.json
For each case: the parameter, its native observations, the component weights/mus/sigmas (internal scale)
and log_pdf at native query points: "logpdf" as Optuna 3.1 computes it, "logpdf_normalized" with the one-line fix of
optuna PR #5110 (3.5) applied to the installed function (3.1-3.4's _truncnorm.logpdf omits the -log(scale) term of a
scaled truncated normal, issue #5109). mus, sigmas, weights and discrete masses do not depend on it.
Observations are drawn without ties: numpy's unstable argsort makes the sigmas of tied components order-dependent.
"""
import json

import numpy as np
import optuna
from optuna import distributions as d
from optuna.samplers._tpe.parzen_estimator import _ParzenEstimator, _ParzenEstimatorParameters
from optuna.samplers._tpe.sampler import default_weights
from optuna.samplers._tpe import _truncnorm

_unscaled_logpdf = _truncnorm.logpdf


def _scaled_logpdf(x, a, b, loc=0, scale=1):
    return _unscaled_logpdf(x, a, b, loc=loc, scale=scale) - np.log(scale)



assert optuna.__version__.startswith("3.1"), optuna.__version__

rng = np.random.RandomState(20240601)


def params(endpoints=False):
    return _ParzenEstimatorParameters(True, 1.0, True, endpoints, default_weights, False)


def case(name, dist, kind, observations, queries, endpoints=False):
    obs = np.asarray(observations, dtype=float)
    internal = np.asarray([dist.to_internal_repr(v) for v in observations], dtype=float)
    pe = _ParzenEstimator({"x": internal}, {"x": dist}, params(endpoints))
    q_internal = np.asarray([dist.to_internal_repr(v) for v in queries], dtype=float)
    if isinstance(dist, d.CategoricalDistribution):
        q_internal = q_internal.astype(int)
    logpdf = pe.log_pdf({"x": q_internal})
    _truncnorm.logpdf = _scaled_logpdf
    logpdf_normalized = pe.log_pdf({"x": q_internal})
    _truncnorm.logpdf = _unscaled_logpdf
    out = {
        "name": name,
        "kind": kind,
        "endpoints": endpoints,
        "observations": [float(v) for v in obs],
        "weights": pe._weights.tolist(),
        "queries": [float(v) for v in queries],
        "logpdf": logpdf.tolist(),
        "logpdf_normalized": logpdf_normalized.tolist(),
    }
    if kind == "categorical":
        out["choices"] = len(dist.choices)
    else:
        out["low"] = float(dist.low)
        out["high"] = float(dist.high)
        out["log"] = bool(dist.log)
        out["mus"] = pe._mus["x"].tolist()
        out["sigmas"] = pe._sigmas["x"].tolist()
    return out


cases = []
for n in [0, 1, 2, 5, 30]:
    cases.append(case(f"float-linear-{n}", d.FloatDistribution(-5.0, 10.0), "float",
                      rng.uniform(-5, 10, n).tolist(), np.linspace(-5, 10, 13).tolist()))
cases.append(case("float-linear-endpoints-7", d.FloatDistribution(0.0, 1.0), "float",
                  rng.uniform(0, 1, 7).tolist(), np.linspace(0, 1, 11).tolist(), endpoints=True))
for n in [3, 40]:
    cases.append(case(f"float-log-{n}", d.FloatDistribution(1e-4, 1e-1, log=True), "float",
                      np.exp(rng.uniform(np.log(1e-4), np.log(1e-1), n)).tolist(),
                      np.geomspace(1e-4, 1e-1, 9).tolist()))
for n in [4, 27]:
    cases.append(case(f"int-{n}", d.IntDistribution(16, 256), "int",
                      rng.choice(np.arange(16, 257), n, replace=False).tolist(), [16, 17, 50, 128, 200, 255, 256]))
cases.append(case("int-log-6", d.IntDistribution(1, 1000, log=True), "int",
                  rng.choice(np.arange(1, 1001), 6, replace=False).tolist(), [1, 2, 10, 99, 500, 1000]))
cases.append(case("int-small-3", d.IntDistribution(0, 3), "int", [1, 1, 3], [0, 1, 2, 3]))
for n in [0, 8]:
    cases.append(case(f"categorical-{n}", d.CategoricalDistribution([0, 1, 2, 3]), "categorical",
                      [int(v) for v in rng.randint(0, 4, n)], [0, 1, 2, 3]))

print(json.dumps({"generator": "optuna " + optuna.__version__, "cases": cases}, indent=1))
