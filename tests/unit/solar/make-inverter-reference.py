#!/usr/bin/python3
# Regenerates inverter-reference.json: AC power of the PVWatts v5 inverter from pvlib's
# `pvlib.inverter.pvwatts` (independent of shared/solar/pv.ts). pvlib is not installed: its
# inverter.py needs only numpy and pandas (Debian python3-numpy 1.24, python3-pandas 1.5).
# Commands, from the repository root (the pvlib mirror comes from the `fetch` tool,
# github:pvlib/pvlib-python):
#
#   git --git-dir=/work/.mirror/pvlib+pvlib-python/repo show 6382338a7598a5b9d94473f47fcbc787b0ac6408:pvlib/inverter.py > /tmp/inverter.py
#   PYTHONPATH=/tmp /usr/bin/python3 tests/unit/solar/make-inverter-reference.py > tests/unit/solar/inverter-reference.json
import json

import numpy as np
import inverter  # pvlib/inverter.py

PVLIB_COMMIT = "6382338a7598a5b9d94473f47fcbc787b0ac6408"
rows = []
# pdc0 here is pvlib's: the inverter's DC input limit, Pac0 / eta_inv_nom.
for pac0 in (1.0, 8.333333333333334, 250.0):
    for eta_nom in (0.9, 0.96, 0.98, 0.995):
        pdc0 = pac0 / eta_nom
        zetas = [-0.1, 0.0, 0.001, 0.005, 0.006, 0.0061, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.6035,
                 0.75, 0.9, 1.0, 1.02, 1.05, 1.2, 1.5]
        for zeta in zetas:
            pdc = zeta * pdc0
            pac = float(inverter.pvwatts(np.array([pdc]), pdc0, eta_inv_nom=eta_nom)[0])
            rows.append([pac0, eta_nom, pdc, pac])

out = {
    "generator": "pvlib/inverter.py pvwatts(pdc, pdc0 = pac0/eta_nom, eta_inv_nom, eta_inv_ref = 0.9637) at pvlib-python commit "
                 + PVLIB_COMMIT,
    "command": "PYTHONPATH=/tmp /usr/bin/python3 tests/unit/solar/make-inverter-reference.py > tests/unit/solar/inverter-reference.json",
    "columns": ["pac0Kw", "etaNominal", "dcInKw", "acKw"],
    "rows": rows,
}
print(json.dumps(out, separators=(",", ":")).replace("],[", "],\n["))
