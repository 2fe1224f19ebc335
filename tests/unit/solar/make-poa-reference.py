#!/usr/bin/python3
# Regenerates poa-reference.json: hourly plane-of-array irradiance, unshaded and under a horizon
# that hides part of the sky (and the sun behind it), from pvlib-python (pvlib 6382338, code
# independent of shared/solar). Read by pvlib-reference.test.ts; the test needs no Python.
#
# Inputs: the Ha Noi typical days our weather synthesis produces (station table, 5 days a month,
# 1,440 rows); this script takes the 5 July and 5 December days (240 rows). Commands, from the
# repository root (pvlib's source from the `fetch` tool, github:pvlib/pvlib-python; pvlib is run
# from its source tree with Debian 12's python3-numpy 1.24, python3-pandas 1.5, python3-scipy 1.10,
# python3-h5py and python3-requests, which pvlib's __init__ imports; nothing is stubbed):
#
#   mkdir -p /tmp/pvlib-src && git --git-dir=/work/.mirror/pvlib+pvlib-python/repo archive 6382338a7598a5b9d94473f47fcbc787b0ac6408 pvlib ':(exclude)pvlib/data' ':(exclude)pvlib/tests' | tar -x -C /tmp/pvlib-src
#   npx tsx -e "import {CLIMATE_STATIONS, synthesizeTypicalDays} from './shared/solar/weather'; const st = CLIMATE_STATIONS.find((s) => s.id === 'hanoi')!; const w = synthesizeTypicalDays(st, st.lat, st.lon); const {timeMs, month, hour, weight, ghiWm2, dniWm2, dhiWm2, tempC} = w; console.log(JSON.stringify({station: st.id, lat: st.lat, lon: st.lon, utcOffsetH: w.utcOffsetH, timeMs, month, hour, weight, ghiWm2, dniWm2, dhiWm2, tempC}));" > /tmp/hanoi-weather.json
#   PYTHONPATH=/tmp/pvlib-src /usr/bin/python3 tests/unit/solar/make-poa-reference.py /tmp/hanoi-weather.json > tests/unit/solar/poa-reference.json
#
# What pvlib computes (its own code): sun position (spa_python, numpy; true zenith without
# refraction, as our irradiance uses), extraterrestrial normal irradiance (get_extra_radiation,
# method 'asce' with solar constant 1367: 1367(1 + 0.033 cos(2π·doy/365)), our documented input),
# Hay–Davies transposition with its components (irradiance.haydavies, get_total_irradiance),
# ground reflection (albedo 0.2), angle of incidence and the ASHRAE IAM (b0 = 0.05).
# What this script computes itself (pvlib has no horizon-profile sky view for a tilted plane;
# shading.sky_diffuse_passias is for rows): the isotropic sky view factor of the plane above the
# horizon, F = (1/π)∫ max(0, cos θ) cos e de dφ, by a midpoint rule on a 0.1° (azimuth) ×
# 0.025° (elevation) grid, and of a horizontal surface. The shaded components then follow the
# model's documented rules (docs/solar-model.md §6): beam and circumsolar are zero while the sun
# is behind the horizon; the isotropic sky is scaled by F/F_open; the ground-reflected light's
# share from the sun (beam + circumsolar on the horizontal over GHI) is lost with the sun and its
# share from the isotropic sky scales with the horizontal surface's F/F_open (an assumption of
# our model, applied here as documented, not something pvlib provides).
import json
import sys

import numpy as np
import pandas as pd
import pvlib

PVLIB_COMMIT = "6382338a7598a5b9d94473f47fcbc787b0ac6408"
MONTHS = [6, 11]  # 0-based: July and December
PLANES = [(10.0, 180.0), (30.0, 135.0)]  # (tilt, azimuth): the default flat-roof plane and a steep SE one
ALBEDO = 0.2
HORIZON = {"fromAzDeg": 130.0, "toAzDeg": 230.0, "elevationDeg": 20.0}  # edges on 10° sectors
PRESSURE_PA = 101325.0
TEMPERATURE_C = 25.0


def horizon_elevation(az_deg):
    az = np.mod(az_deg, 360.0)
    return np.where((az >= HORIZON["fromAzDeg"]) & (az < HORIZON["toAzDeg"]), HORIZON["elevationDeg"], 0.0)


def view_factor(tilt, azimuth, with_horizon):
    """(1/π)∫ max(0, cos θ) cos e de dφ over the sky above the horizon (numerical)."""
    b = np.radians(tilt)
    dphi = np.radians(0.1)
    de = np.radians(0.025)
    e = (np.arange(3600) + 0.5) * de  # 0 … 90°
    total = 0.0
    for chunk in range(10):
        phi_deg = (np.arange(chunk * 360, (chunk + 1) * 360) + 0.5) * 0.1
        phi = np.radians(phi_deg)[:, None]
        cos_t = np.cos(b) * np.sin(e)[None, :] + np.sin(b) * np.cos(e)[None, :] * np.cos(phi - np.radians(azimuth))
        w = np.maximum(cos_t, 0.0) * np.cos(e)[None, :]
        if with_horizon:
            w = np.where(e[None, :] >= np.radians(horizon_elevation(phi_deg))[:, None], w, 0.0)
        total += w.sum() * de * dphi
    return total / np.pi


def main():
    wx = json.load(open(sys.argv[1]))
    idx = [i for i, m in enumerate(wx["month"]) if m in MONTHS]
    t = pd.DatetimeIndex(pd.to_datetime(np.array([wx["timeMs"][i] for i in idx]), unit="ms", utc=True))
    ghi = np.array([wx["ghiWm2"][i] for i in idx])
    dni = np.array([wx["dniWm2"][i] for i in idx])
    dhi = np.array([wx["dhiWm2"][i] for i in idx])
    delta_t = pvlib.spa.calculate_deltat(t.year.values, t.month.values)
    sp = pvlib.solarposition.spa_python(t, wx["lat"], wx["lon"], altitude=0.0, pressure=PRESSURE_PA,
                                        temperature=TEMPERATURE_C, delta_t=delta_t)
    zen = sp["zenith"].values  # without refraction
    az = sp["azimuth"].values
    elev = 90.0 - zen
    dni_extra = pvlib.irradiance.get_extra_radiation(t, solar_constant=1367.0, method="asce").values
    # Night rows (sun below the horizon at the hour's midpoint) carry DNI = 0 already.
    sun_hidden = (elev < horizon_elevation(az)) | (elev <= 0)
    fh_open = view_factor(0.0, 180.0, False)
    fh = view_factor(0.0, 180.0, True)
    planes = []
    for tilt, paz in PLANES:
        tot = pvlib.irradiance.get_total_irradiance(tilt, paz, zen, az, dni, ghi, dhi, dni_extra=dni_extra,
                                                    albedo=ALBEDO, model="haydavies")
        comp = pvlib.irradiance.haydavies(tilt, paz, dhi, dni, dni_extra, zen, az, return_components=True)
        aoi = pvlib.irradiance.aoi(tilt, paz, zen, az)
        iam = np.where(aoi < 90, pvlib.iam.ashrae(aoi, b=0.05), 0.0)
        beam = np.asarray(tot["poa_direct"], dtype=float)
        sky = np.asarray(tot["poa_sky_diffuse"], dtype=float)
        ground = np.asarray(tot["poa_ground_diffuse"], dtype=float)
        iso = np.asarray(comp["poa_isotropic"], dtype=float)
        circ = np.asarray(comp["poa_circumsolar"], dtype=float)
        glob = np.asarray(tot["poa_global"], dtype=float)
        f_open = view_factor(tilt, paz, False)
        f = view_factor(tilt, paz, True)
        ai = np.minimum(1.0, dni / dni_extra)
        sun_h = dni * np.maximum(np.cos(np.radians(zen)), 0.0) + dhi * ai
        sun_share = np.where(ghi > 0, sun_h / np.maximum(sun_h + dhi * (1 - ai), 1e-12), 0.0)
        keep_sun = np.where(sun_hidden, 0.0, 1.0)
        s_beam = beam * keep_sun
        s_circ = circ * keep_sun
        s_iso = iso * f / f_open
        s_ground = ground * (sun_share * keep_sun + (1 - sun_share) * fh / fh_open)
        planes.append({
            "tiltDeg": tilt, "azimuthDeg": paz,
            "skyViewOpen": round(f_open, 8), "skyViewHorizon": round(f, 8),
            "unshaded": {
                "global": [round(v, 6) for v in glob], "beam": [round(v, 6) for v in beam],
                "sky": [round(v, 6) for v in sky], "circumsolar": [round(v, 6) for v in circ],
                "ground": [round(v, 6) for v in ground],
                "effective": [round(v, 6) for v in beam * iam + sky + ground],
            },
            "shaded": {
                "global": [round(v, 6) for v in s_beam + s_circ + s_iso + s_ground],
                "beam": [round(v, 6) for v in s_beam], "sky": [round(v, 6) for v in s_circ + s_iso],
                "ground": [round(v, 6) for v in s_ground],
                "effective": [round(v, 6) for v in s_beam * iam + s_circ + s_iso + s_ground],
            },
        })
    out = {
        "source": "pvlib-python " + PVLIB_COMMIT + " (get_total_irradiance model='haydavies', haydavies components, "
                  "spa_python, get_extra_radiation asce 1367, iam.ashrae b=0.05); horizon sky view integrated numerically "
                  "in make-poa-reference.py",
        "command": "PYTHONPATH=/tmp/pvlib-src /usr/bin/python3 tests/unit/solar/make-poa-reference.py /tmp/hanoi-weather.json > tests/unit/solar/poa-reference.json",
        "pvlibCommit": PVLIB_COMMIT,
        "station": wx["station"], "lat": wx["lat"], "lon": wx["lon"], "albedo": ALBEDO,
        "horizon": HORIZON,
        "horizontalSkyViewRatio": round(fh / fh_open, 8),
        "input": {
            "timeMs": [wx["timeMs"][i] for i in idx], "month": [wx["month"][i] for i in idx],
            "hour": [wx["hour"][i] for i in idx],
            "ghiWm2": ghi.tolist(), "dniWm2": dni.tolist(), "dhiWm2": dhi.tolist(),
        },
        "sun": {"elevationDeg": [round(v, 8) for v in elev], "azimuthDeg": [round(v, 8) for v in az],
                "hidden": [bool(v) for v in sun_hidden]},
        "planes": planes,
    }
    json.dump(out, sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


main()
