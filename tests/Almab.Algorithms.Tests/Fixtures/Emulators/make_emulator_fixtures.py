#!/usr/bin/python3
"""Noise-free values of the case 1-3 emulators at random points, transcribed from the formulas written in
the emulators' documentation (HpoEmulatorObjective, AirfoilEmulatorObjective, RlEmulatorObjective).
A second transcription in another language catches slips in either. "global" is the value of the single-basin
diagnostic reading (globalBasinOnly: the deceptive / local basin left out). Run: /usr/bin/python3 make_emulator_fixtures.py"""
import json
import numpy as np

B = lambda q: 1 - np.exp(-q)
def softmin(a, b, tau):
    m = min(a, b)
    return m - tau * np.log(np.exp(-(a - m) / tau) + np.exp(-(b - m) / tau))

def hpo(lr, b, w, wd, d, global_only=False):
    x1 = np.log10(lr) - np.log10(2e-3 * b / 128); x2 = np.log10(wd) - np.log10(4e-4)
    x3 = d - (0.08 + 0.12 * w); x4 = (w - 1.6) / 1.5
    g = 0.090 * B(x1**2 / 0.18 + x2**2 / 1.2 + x3**2 / 0.02 + x4**2 / 0.5)
    if global_only:
        return 0.944 - g - 0.04 * B(x1**2 / 4.0)
    y1 = np.log10(lr) - np.log10(3e-2); y2 = np.log10(wd) + 5.5
    l = 0.035 + 0.075 * B(y1**2 / 1.5 + y2**2 / 3.0)
    return 0.944 - softmin(g, l, 0.006) - 0.04 * B(x1**2 / 4.0)

def drag(c, t, global_only=False):
    u = (c - 0.01) / 0.09; v = (t - 0.05) / 0.15; du = u - 0.30; dv = v - 0.36
    g = 0.047 * B((du**2 + 1.3 * dv**2 + 0.5 * du * dv) / 0.012)
    if global_only:
        return 0.055 + g + 0.001 * np.sin(9 * u) * np.cos(7 * v)
    l = 0.013 + 0.040 * B(((u - 0.78)**2 + (v - 0.74)**2) / 0.12)
    return 0.055 + softmin(g, l, 0.0015) + 0.001 * np.sin(9 * u) * np.cos(7 * v)

def rl(lr, dep, wid, gam, ent, buf, global_only=False):
    z1 = np.log10(lr) - np.log10(3e-4 * np.sqrt(256 / wid)); z2 = np.log10(1 - gam) + 2
    z3 = np.log10(ent) - np.log10(3e-3); z4 = (dep - 2.5) / 1.5; z5 = np.log10(buf) - 5.7
    g = B(z1**2 / 0.25 + z2**2 / 0.3 + z3**2 / 0.8 + z4**2 + z5**2 / 1.5)
    if global_only:
        return 10100 - 4300 * g
    a = np.log10(lr) + 2.3; c = np.log10(1 - gam) + 1.2
    l = 0.35 + 0.65 * B(a**2 + c**2 / 0.5)
    return 10100 - 4300 * softmin(g, l, 0.05)

rng = np.random.default_rng(20261122)
out = {"hpo": [], "airfoil": [], "rl": []}
for _ in range(25):
    x = [10**rng.uniform(-5, -1), float(rng.choice([32, 64, 128, 256])), rng.uniform(0.5, 2), 10**rng.uniform(-6, -2), rng.uniform(0, 0.5)]
    out["hpo"].append({"x": x, "value": hpo(*x), "global": hpo(*x, True)})
    x = [rng.uniform(0.01, 0.10), rng.uniform(0.05, 0.20)]
    out["airfoil"].append({"x": x, "value": drag(*x), "global": drag(*x, True)})
    x = [10**rng.uniform(-5, -2), float(rng.integers(1, 5)), float(rng.choice([64, 128, 256, 512])), rng.uniform(0.9, 0.999),
         10**rng.uniform(-4, -1), float(round(10**rng.uniform(4, 6)))]
    out["rl"].append({"x": x, "value": rl(*x), "global": rl(*x, True)})
print(json.dumps(out, indent=1))
