"""Reference points of the unscrambled Sobol sequence (Joe-Kuo direction numbers) for SobolSequenceTests.

Run with the Debian Python (scipy 1.10): /usr/bin/python3 make_sobol_fixture.py
scipy.stats.qmc.Sobol(scramble=False) starts at the origin and generates points in Gray-code order.
"""
import json

import scipy
from scipy.stats import qmc

DIMENSION = 40
COUNT = 256

points = qmc.Sobol(d=DIMENSION, scramble=False).random(COUNT)
with open("sobol_joe_kuo_40d_256.json", "w") as f:
    json.dump({"scipy": scipy.__version__, "dimension": DIMENSION, "count": COUNT,
               "points": [[float(v) for v in row] for row in points]}, f)
