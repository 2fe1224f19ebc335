#!/usr/bin/python3
# Regenerates spa-reference.json: sun positions across Viet Nam from pvlib's implementation of
# NREL's SPA (pvlib/spa.py, numpy mode), a code base independent of shared/solar/sun-position.ts.
# pvlib is not installed: its spa.py is a single module that needs only numpy. Commands, from the
# repository root (the pvlib mirror comes from the `fetch` tool, github:pvlib/pvlib-python):
#
#   git --git-dir=/work/.mirror/pvlib+pvlib-python/repo show 6382338a7598a5b9d94473f47fcbc787b0ac6408:pvlib/spa.py > /tmp/spa.py
#   PYTHONPATH=/tmp /usr/bin/python3 tests/unit/solar/make-spa-reference.py > tests/unit/solar/spa-reference.json
#
# (Debian 12's /usr/bin/python3 3.11 with python3-numpy 1.24.) The JSON is frozen: the unit test
# needs neither Python nor pvlib.
import datetime
import json

import numpy as np
import spa  # pvlib/spa.py

PVLIB_COMMIT = "6382338a7598a5b9d94473f47fcbc787b0ac6408"
ATMOS_REFRACT = 0.5667  # SPA's default refraction at sunrise/sunset, degrees

# name, latitude, longitude (east +), elevation m, annual mean pressure mbar, annual mean temp °C.
# Pressure from the standard atmosphere at the elevation; temperatures rounded climate means.
PLACES = [
    ("Ha Giang", 22.8233, 104.9836, 120, 999, 23),
    ("Sa Pa", 22.3364, 103.8438, 1550, 845, 15),
    ("Ha Noi", 21.0285, 105.8542, 10, 1012, 24),
    ("Hai Phong", 20.8449, 106.6881, 5, 1013, 24),
    ("Vinh", 18.6796, 105.6813, 5, 1013, 25),
    ("Hue", 16.4637, 107.5909, 10, 1012, 25),
    ("Da Nang", 16.0544, 108.2022, 5, 1013, 26),
    ("Quy Nhon", 13.7829, 109.2196, 5, 1013, 27),
    ("Buon Ma Thuot", 12.6667, 108.05, 500, 955, 24),
    ("Da Lat", 11.9404, 108.4583, 1500, 850, 18),
    ("Ho Chi Minh City", 10.7769, 106.7009, 10, 1012, 28),
    ("Ca Mau", 9.1769, 105.15, 2, 1013, 27),
]
# Solstices, equinoxes, the zenith-passage season (April–August) and two later years.
DATES = [(2025, 1, 15), (2025, 3, 20), (2025, 4, 28), (2025, 5, 20), (2025, 6, 21), (2025, 8, 14),
         (2025, 9, 23), (2025, 12, 21), (2028, 2, 29), (2030, 11, 5)]
UTC_OFFSET_H = 7
# Local times 05:00 … 19:20 every 40 min, shifted by 7 min 13 s so no instant is a round hour.
LOCAL_MINUTES = [300 + 40 * k for k in range(22)]

rows = []
for pi, (name, lat, lon, elev, pressure, temp) in enumerate(PLACES):
    for (y, m, d) in DATES:
        base = datetime.datetime(y, m, d, tzinfo=datetime.timezone.utc)
        for minute in LOCAL_MINUTES:
            when = base + datetime.timedelta(minutes=minute - 60 * UTC_OFFSET_H, seconds=7 * 60 + 13)
            unix = int(when.timestamp())
            # ΔT by the Espenak–Meeus polynomial of the UTC month (pvlib's calculate_deltat).
            delta_t = float(spa.calculate_deltat(when.year, when.month))
            res = spa.solar_position(np.array([unix], dtype=float), lat, lon, elev, pressure, temp,
                                     delta_t, ATMOS_REFRACT)
            app_zen, zen, elevation, app_elev, azimuth, eot = (float(v[0]) for v in res)
            if elevation < -2:  # keep the low sun, down to 2° below the horizon
                continue
            rows.append([pi, unix, round(delta_t, 6), round(zen, 8), round(app_zen, 8), round(azimuth, 8),
                         round(eot, 8)])

out = {
    "generator": "pvlib/spa.py at pvlib-python commit " + PVLIB_COMMIT + ", spa.solar_position (numpy), "
                 "delta_t = spa.calculate_deltat(year, month of the UTC instant), atmos_refract = 0.5667",
    "command": "PYTHONPATH=/tmp /usr/bin/python3 tests/unit/solar/make-spa-reference.py > tests/unit/solar/spa-reference.json",
    "places": [{"name": p[0], "lat": p[1], "lon": p[2], "elevationM": p[3], "pressureMbar": p[4], "temperatureC": p[5]}
               for p in PLACES],
    "columns": ["place", "unixSeconds", "deltaTS", "zenithDeg", "apparentZenithDeg", "azimuthDeg", "equationOfTimeMin"],
    "rows": rows,
}
print(json.dumps(out, separators=(",", ":")).replace("],[", "],\n["))
