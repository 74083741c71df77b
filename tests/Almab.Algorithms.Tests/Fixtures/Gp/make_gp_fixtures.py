#!/usr/bin/python3
"""Generate scikit-learn reference fixtures for Almab's GaussianProcess (tests/.../Surrogates).

Run:  /usr/bin/python3 make_gp_fixtures.py   (writes gp_fixed.json and gp_optimized.json here)

Mapping to Almab (see GaussianProcess docs):
  sklearn kernel  ConstantKernel(c) * K(length_scale=l) [+ WhiteKernel(w)],  alpha = a
  Almab           SignalVariance = c, LengthScales = l, NoiseVariance = w (WhiteKernel form) or a (alpha form)
  normalize_y=True  <->  Mean = Constant, Standardize = true;  normalize_y=False  <->  Mean = Zero, Standardize = false.
sklearn's log marginal likelihood is that of the (normalized) training targets; Almab's is the same quantity.
sklearn's predict(return_std=True) includes the WhiteKernel level in k(x*, x*) (WhiteKernel.diag is w at every
point), so its std is the *noisy* predictive std. Almab predicts the latent variance, so this script also
records latent_var = std^2 - w * y_std^2 (and the latent covariance = cov - w * y_std^2 * I), computed here by
subtraction. In the alpha form sklearn's std is already latent (alpha enters only the training covariance).
Theta order differs: sklearn [log c, log l_1..l_d, log w]; the fixture stores sklearn's gradient re-ordered to
Almab's [log l_1..l_d, log c, log w].
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel, Matern, WhiteKernel

HERE = os.path.dirname(os.path.abspath(__file__))
KERNELS = {
    "SquaredExponential": lambda l, b: RBF(length_scale=l, length_scale_bounds=b),
    "Matern12": lambda l, b: Matern(length_scale=l, length_scale_bounds=b, nu=0.5),
    "Matern32": lambda l, b: Matern(length_scale=l, length_scale_bounds=b, nu=1.5),
    "Matern52": lambda l, b: Matern(length_scale=l, length_scale_bounds=b, nu=2.5),
}


def data(seed, n, d):
    rng = np.random.default_rng(seed)
    x = rng.random((n, d))
    y = 3.0 + np.sin(6.0 * x[:, 0]) + x[:, 1:].sum(axis=1) ** 2 + 0.1 * rng.standard_normal(n)
    xs = np.vstack([rng.random((8, d)), x[:3]])
    return x, y, xs


def fixed_cases():
    out = []
    d = 3
    ls = [0.3, 0.7, 1.5]
    c, w = 1.7, 0.05
    seed = 11
    for name, make in KERNELS.items():
        for form in ("white", "alpha"):
            for normalize in (False, True):
                seed += 1
                x, y, xs = data(seed, 25, d)
                base = ConstantKernel(c, "fixed") * make(ls, "fixed")
                if form == "white":
                    kernel, alpha = base + WhiteKernel(w, "fixed"), 0.0
                else:
                    kernel, alpha = base, w
                gp = GaussianProcessRegressor(kernel, alpha=alpha, optimizer=None, normalize_y=normalize).fit(x, y)
                mean, std = gp.predict(xs, return_std=True)
                _, cov = gp.predict(xs, return_cov=True)
                ystd = float(gp._y_train_std) if normalize else 1.0
                white = w * ystd ** 2 if form == "white" else 0.0
                latent_var = std ** 2 - white
                latent_cov = cov - white * np.eye(len(xs))
                # Gradient w.r.t. sklearn's free theta at the same point: rebuild with free hyperparameters.
                free = ConstantKernel(c) * make(ls, (1e-5, 1e5))
                if form == "white":
                    free = free + WhiteKernel(w)
                gpg = GaussianProcessRegressor(free, alpha=alpha, optimizer=None, normalize_y=normalize).fit(x, y)
                lml, grad = gpg.log_marginal_likelihood(gpg.kernel_.theta, eval_gradient=True)
                ours = list(grad[1:1 + d]) + [grad[0]] + ([grad[1 + d]] if form == "white" else [])
                out.append({
                    "kernel": name, "noiseForm": form, "normalizeY": normalize,
                    "lengthScales": ls, "signalVariance": c, "noiseVariance": w,
                    "x": x.tolist(), "y": y.tolist(), "xTest": xs.tolist(),
                    "logMarginalLikelihood": float(gp.log_marginal_likelihood_value_),
                    "gradientLml": float(lml), "gradient": [float(g) for g in ours],
                    "mean": mean.tolist(), "std": std.tolist(),
                    "latentVariance": latent_var.tolist(), "latentCovariance": latent_cov.tolist(),
                    "whiteVarianceOriginalScale": white,
                })
    return out


def optimized_cases():
    out = []
    d, restarts = 4, 3
    lb, sb, nb = (1e-3, 1e3), (1e-3, 1e3), (1e-8, 10.0)
    seed = 100
    for name, make in KERNELS.items():
        for normalize in (True, False):
            seed += 1
            x, y, _ = data(seed, 40, d)
            kernel = ConstantKernel(1.0, sb) * make([0.5] * d, lb) + WhiteKernel(1e-2, nb)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                gp = GaussianProcessRegressor(kernel, alpha=0.0, normalize_y=normalize,
                                              n_restarts_optimizer=restarts, random_state=seed).fit(x, y)
            k = gp.kernel_
            out.append({
                "kernel": name, "normalizeY": normalize, "restarts": restarts,
                "initialLengthScale": 0.5, "initialSignalVariance": 1.0, "initialNoiseVariance": 1e-2,
                "lengthScaleBounds": lb, "signalVarianceBounds": sb, "noiseVarianceBounds": nb,
                "x": x.tolist(), "y": y.tolist(),
                "sklearnLogMarginalLikelihood": float(gp.log_marginal_likelihood_value_),
                "sklearnSignalVariance": float(k.k1.k1.constant_value),
                "sklearnLengthScales": np.atleast_1d(k.k1.k2.length_scale).tolist(),
                "sklearnNoiseVariance": float(k.k2.noise_level),
            })
    return out


def main():
    meta = {"generator": "make_gp_fixtures.py", "sklearn": sklearn.__version__, "numpy": np.__version__}
    for fname, cases in (("gp_fixed.json", fixed_cases()), ("gp_optimized.json", optimized_cases())):
        with open(os.path.join(HERE, fname), "w") as f:
            json.dump({"meta": meta, "cases": cases}, f, indent=1)
        print(fname, len(cases), "cases")


if __name__ == "__main__":
    main()
