#!/usr/bin/env python3
"""Reference outputs for Almab's Rng/Seed, from an independent transcription of the published
algorithms: SplitMix64 (Steele et al. 2014), xoshiro256** (Blackman & Vigna 2018, reference C
code at prng.di.unimi.it), FNV-1a 64. Run: python3 make_rng_fixtures.py > rng_reference.json"""
import json

M = (1 << 64) - 1

def splitmix64_stream(seed, n):
    s, out = seed, []
    for _ in range(n):
        s = (s + 0x9E3779B97F4A7C15) & M
        z = s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
        out.append(z ^ (z >> 31))
    return out

def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)

def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M

def xoshiro_stream(seed, n):
    s = splitmix64_stream(seed, 4)
    out = []
    for _ in range(n):
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
        s[3] = rotl(s[3], 45)
        out.append(result)
    return out

def fnv1a(text):
    h = 0xCBF29CE484222325
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & M
    return mix(h)

def combine(parent, child):
    return mix(mix((parent + 0x9E3779B97F4A7C15) & M) ^ child)

def derive_name(seed, name):
    return combine(seed, fnv1a(name))

def derive_index(seed, i):
    return combine(seed, mix((i & M) ^ 0x5851F42D4C957F2D))

fixture = {
    "splitmix64": {str(seed): [str(v) for v in splitmix64_stream(seed, 5)] for seed in (0, 1, 1234567)},
    "xoshiro256starstar": {str(seed): [str(v) for v in xoshiro_stream(seed, 8)] for seed in (0, 42, 2**63 + 5)},
    "derive": [
        {"root": "0", "path": ["case:dose-response", 7, "objective"]},
        {"root": "42", "path": ["cluster", "worker", 3]},
        {"root": "18446744073709551615", "path": [-1, "method:almab-dc-ucb"]},
    ],
}
for d in fixture["derive"]:
    v = int(d["root"])
    for step in d["path"]:
        v = derive_index(v, step) if isinstance(step, int) else derive_name(v, step)
    d["value"] = str(v)
print(json.dumps(fixture, indent=2))
