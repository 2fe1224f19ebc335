#!/usr/bin/python3
# Regenerates yearly-chain-reference.json: the annual and monthly AC yield of 1 kWp at the default
# flat-roof plane (10°, facing south, unshaded) on the Ha Noi typical-day weather (1,440 rows of
# 5 typical days a month, each row standing for days-in-month / 5 hours: 8,760 h), computed with
# pvlib-python's PVWatts chain (pvlib 6382338, code independent of shared/solar). Read by
# pvlib-reference.test.ts; the test needs no Python. Commands, from the repository root (the first
# two as in make-poa-reference.py: pvlib's source tree and the weather dump):
#
#   PYTHONPATH=/tmp/pvlib-src /usr/bin/python3 tests/unit/solar/make-yearly-chain-reference.py /tmp/hanoi-weather.json > tests/unit/solar/yearly-chain-reference.json
#
# The chain, all pvlib functions with our default settings (shared/solar/settings.ts):
#   solarposition.spa_python (true zenith, 1013.25 hPa, 25 °C, ΔT from spa.calculate_deltat)
#   irradiance.get_extra_radiation(method='asce', solar_constant=1367)
#   irradiance.get_total_irradiance(model='haydavies', albedo=0.2)
#   iam.ashrae(b=0.05) on the beam only: effective = poa_direct·IAM + poa_diffuse
#   temperature.faiman(poa_global, T_air, wind 1 m/s, u0=25, u1=6.84)
#   pvsystem.pvwatts_dc(gamma_pdc=-0.0037, pdc0=1 kW)
#   pvsystem.pvwatts_losses() with PVWatts' defaults, which are our defaults (14.08 %)
#   inverter.pvwatts(pdc0 = Pac0/0.96, eta_inv_nom=0.96, eta_inv_ref=0.9637), Pac0 = 1 kW / 1.2
# No step of our chain is missing from pvlib, so nothing is re-implemented here.
import json
import sys

import numpy as np
import pandas as pd
import pvlib

PVLIB_COMMIT = "6382338a7598a5b9d94473f47fcbc787b0ac6408"
TILT, AZIMUTH, ALBEDO = 10.0, 180.0, 0.2
WIND_MS = 1.0
GAMMA = -0.0037
ETA_NOM, DC_AC = 0.96, 1.2


def main():
    wx = json.load(open(sys.argv[1]))
    t = pd.DatetimeIndex(pd.to_datetime(np.array(wx["timeMs"]), unit="ms", utc=True))
    ghi, dni, dhi = (np.array(wx[k], dtype=float) for k in ("ghiWm2", "dniWm2", "dhiWm2"))
    temp = np.array(wx["tempC"], dtype=float)
    weight = np.array(wx["weight"], dtype=float)
    month = np.array(wx["month"])
    sp = pvlib.solarposition.spa_python(t, wx["lat"], wx["lon"], altitude=0.0, pressure=101325.0, temperature=25.0,
                                        delta_t=pvlib.spa.calculate_deltat(t.year.values, t.month.values))
    zen, az = sp["zenith"].values, sp["azimuth"].values
    dni_extra = pvlib.irradiance.get_extra_radiation(t, solar_constant=1367.0, method="asce").values
    poa = pvlib.irradiance.get_total_irradiance(TILT, AZIMUTH, zen, az, dni, ghi, dhi, dni_extra=dni_extra,
                                                albedo=ALBEDO, model="haydavies")
    aoi = pvlib.irradiance.aoi(TILT, AZIMUTH, zen, az)
    iam = np.where(aoi < 90, pvlib.iam.ashrae(aoi, b=0.05), 0.0)
    poa_global = np.asarray(poa["poa_global"], dtype=float)
    effective = np.asarray(poa["poa_direct"], dtype=float) * iam + np.asarray(poa["poa_diffuse"], dtype=float)
    t_cell = pvlib.temperature.faiman(poa_global, temp, wind_speed=WIND_MS, u0=25.0, u1=6.84)
    pdc = pvlib.pvsystem.pvwatts_dc(effective, t_cell, pdc0=1.0, gamma_pdc=GAMMA)
    loss = pvlib.pvsystem.pvwatts_losses() / 100.0
    pac0 = 1.0 / DC_AC
    pac = pvlib.inverter.pvwatts(pdc * (1 - loss), pdc0=pac0 / ETA_NOM, eta_inv_nom=ETA_NOM, eta_inv_ref=0.9637)
    pac = np.where(np.isfinite(pac), np.maximum(pac, 0.0), 0.0)  # pvlib returns 0 for pdc <= 0 already
    monthly = [float((pac * weight)[month == m].sum()) for m in range(12)]
    out = {
        "source": "pvlib-python " + PVLIB_COMMIT + " PVWatts chain: spa_python, get_extra_radiation asce 1367, "
                  "get_total_irradiance haydavies, iam.ashrae, temperature.faiman, pvwatts_dc, pvwatts_losses, inverter.pvwatts",
        "command": "PYTHONPATH=/tmp/pvlib-src /usr/bin/python3 tests/unit/solar/make-yearly-chain-reference.py /tmp/hanoi-weather.json > tests/unit/solar/yearly-chain-reference.json",
        "pvlibCommit": PVLIB_COMMIT,
        "station": wx["station"], "lat": wx["lat"], "lon": wx["lon"],
        "plane": {"tiltDeg": TILT, "azimuthDeg": AZIMUTH}, "albedo": ALBEDO, "windMs": WIND_MS,
        "lossPercent": round(float(loss) * 100, 6),
        "hours": float(weight.sum()),
        "poaGlobalKwhM2": round(float((poa_global * weight).sum()) / 1000, 6),
        "poaEffectiveKwhM2": round(float((effective * weight).sum()) / 1000, 6),
        "dcKwhPerKwp": round(float((pdc * weight).sum()), 6),
        "annualKwhPerKwp": round(sum(monthly), 6),
        "monthlyKwhPerKwp": [round(v, 6) for v in monthly],
        "input": {k: wx[k] for k in ("timeMs", "month", "hour", "weight", "ghiWm2", "dniWm2", "dhiWm2", "tempC")},
    }
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


main()
