#!/bin/sh
# One command: builds the Almab side, runs both models on Almab.Sim.Kernel and on SimPy 3, prints events/s and ratios.
# Options are passed on (see compare_simpy.py --help), e.g.  bench/compare/simpy/run.sh --customers 200000
set -e
exec /usr/bin/python3 "$(dirname "$0")/compare_simpy.py" "$@"
