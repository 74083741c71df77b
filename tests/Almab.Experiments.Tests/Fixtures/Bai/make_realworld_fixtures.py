#!/usr/bin/python3
"""Reference values for Almab's real-world study (SH-RR paper, section 7) from Debian's scikit-learn:
KNeighborsClassifier(algorithm="brute", weights="uniform").predict_proba on continuous random data (no distance
ties) and on the first rows of ionosphere.arff, and sklearn.metrics.log_loss on those probabilities.
Run: /usr/bin/python3 make_realworld_fixtures.py > realworld_reference.json"""
import json
import numpy as np
from sklearn.neighbors import KNeighborsClassifier
from sklearn.metrics import log_loss

rng = np.random.default_rng(14)
cases = []
for (n, m, d, c, k) in [(60, 25, 4, 3, 5), (80, 30, 7, 2, 15), (40, 20, 3, 4, 1)]:
    X = rng.normal(size=(n, d)).round(6)
    y = rng.integers(0, c, n)
    y[:c] = np.arange(c)  # every class present
    Q = rng.normal(size=(m, d)).round(6)
    yq = rng.integers(0, c, m)
    clf = KNeighborsClassifier(n_neighbors=k, algorithm="brute").fit(X, y)
    P = clf.predict_proba(Q)
    cases.append({"k": k, "classes": c, "columns": d, "train": X.ravel().tolist(), "labels": y.tolist(),
                  "test": Q.ravel().tolist(), "testLabels": yq.tolist(), "probabilities": P.ravel().tolist(),
                  "logLoss": float(log_loss(yq, np.clip(P, 1e-15, 1), labels=list(range(c))))})
print(json.dumps({"knn": cases}, indent=0))
