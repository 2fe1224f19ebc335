#!/usr/bin/python3
# Regenerates pysolar-reference.json: sun positions from Debian's python3-pysolar 0.10 (an
# implementation of NREL's SPA, independent of shared/solar/sun-position.ts). Run with the
# system Python: `apt-get install -y python3-pysolar && /usr/bin/python3 make-pysolar-reference.py`.
# The JSON is frozen, so the unit test itself does not need pysolar.
import datetime, json
from pysolar.solar import get_altitude, get_azimuth

PLACES = [("Hanoi", 21.0285, 105.8542), ("Bac Ninh", 21.186, 106.076), ("Da Nang", 16.0544, 108.2022),
          ("Buon Ma Thuot", 12.6667, 108.05), ("Ho Chi Minh City", 10.7769, 106.7009), ("Ca Mau", 9.1769, 105.15)]
rows = []
for (name, lat, lon) in PLACES:
    for month, day in [(1, 15), (3, 20), (6, 21), (9, 23), (12, 21), (4, 2), (8, 14), (11, 5)]:
        for hour_utc in range(0, 12):  # 07:00–18:00 local time (UTC+7)
            when = datetime.datetime(2025, month, day, hour_utc, 17, 0, tzinfo=datetime.timezone.utc)
            # pressure 0 switches pysolar's refraction correction off: the geometric elevation.
            elev = get_altitude(lat, lon, when, elevation=0, pressure=0)
            if elev < 2:
                continue
            az = get_azimuth(lat, lon, when)
            rows.append({"place": name, "lat": lat, "lon": lon, "utc": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                         "elevationDeg": round(elev, 5), "azimuthDeg": round(az % 360, 5)})
json.dump({"generator": "python3-pysolar 0.10 (Debian), get_altitude(pressure=0) and get_azimuth", "rows": rows},
          open("pysolar-reference.json", "w"), indent=0)
print(len(rows))
