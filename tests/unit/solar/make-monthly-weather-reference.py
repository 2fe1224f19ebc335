#!/usr/bin/python3
"""Reference values for shared/solar/monthly-weather.ts, computed independently from the papers.

    /usr/bin/python3 tests/unit/solar/make-monthly-weather-reference.py > tests/unit/solar/monthly-weather-reference.json

Debian's python3-numpy only; written from the published formulas, not from the TypeScript:

- day of the month: Klein (1977), Duffie & Beckman (D&B, 4th ed. 2013) table 1.6.1;
- declination and equation of time: Spencer (1971), D&B eqs. 1.6.1b and 1.5.3;
- extraterrestrial daily irradiation H0: D&B eq. 1.10.3 (Gsc = 1367 W/m2, eq. 1.4.1a);
- distribution of daily clearness KT for a monthly mean: Bendt, Collares-Pereira & Rabl (1981),
  Sol. Energy 27:1-5, F(KT) = (exp(g KTmin) - exp(g KT)) / (exp(g KTmin) - exp(g KTmax)),
  KTmin = 0.05, KTmax = 0.6313 + 0.267 KT_ - 11.9 (KT_ - 0.75)^8 (Hollands & Huget 1983,
  D&B eq. 2.9.5); g solved so that the mean of the distribution is the monthly KT_;
- N typical days: the conditional means of KT over N equal-probability bins;
- the month's diffuse fraction: Erbs, Klein & Duffie (1982), monthly-average correlation (D&B
  eq. 2.12.1); shared among the days in proportion to each day's H times the Erbs daily
  correlation (D&B eq. 2.11.1), no day's diffuse above its global;
- hourly ratios at the hour's midpoint: Collares-Pereira & Rabl (1979) r_t (D&B eq. 2.13.2),
  Liu & Jordan (1960) r_d (D&B eq. 2.13.1), each normalised to sum to one over the day;
- no beam where the sun is below 2 deg (D&B geometry, eq. 1.6.5) and never a negative beam:
  such hours are all diffuse and the rest of the day's diffuse is rescaled until consistent.
"""
import json
import math

import numpy as np

GSC = 1367.0
KLEIN_DAY = [17, 16, 16, 15, 15, 11, 17, 16, 15, 15, 14, 10]
DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
KT_MIN = 0.05
MIN_BEAM_ELEVATION_DEG = 2.0


def day_of_year(month, day):
    return sum(DAYS[:month]) + day


def spencer(n):
    b = 2 * math.pi * (n - 1) / 365
    decl = (0.006918 - 0.399912 * math.cos(b) + 0.070257 * math.sin(b) - 0.006758 * math.cos(2 * b)
            + 0.000907 * math.sin(2 * b) - 0.002697 * math.cos(3 * b) + 0.00148 * math.sin(3 * b))
    eot_min = 229.2 * (0.000075 + 0.001868 * math.cos(b) - 0.032077 * math.sin(b)
                       - 0.014615 * math.cos(2 * b) - 0.04089 * math.sin(2 * b))
    return decl, eot_min


def h0_wh(lat_rad, decl, ws, n):
    g0n = GSC * (1 + 0.033 * math.cos(2 * math.pi * n / 365))
    return 24 / math.pi * g0n * (math.cos(lat_rad) * math.cos(decl) * math.sin(ws) + ws * math.sin(lat_rad) * math.sin(decl))


def bendt_mean(g, kmax):
    if abs(g) < 1e-9:
        return (KT_MIN + kmax) / 2
    # Shifted exponentials keep exp() finite for large |g|.
    ref = kmax if g > 0 else KT_MIN
    ea, eb = math.exp(g * (KT_MIN - ref)), math.exp(g * (kmax - ref))
    return ((kmax - 1 / g) * eb - (KT_MIN - 1 / g) * ea) / (eb - ea)


def solve_gamma(kt_mean, kmax):
    lo, hi = -300.0, 300.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if bendt_mean(mid, kmax) < kt_mean:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def bin_means(g, kmax, n):
    """Conditional mean of KT over each of n equal-probability bins of the Bendt distribution."""
    ref = kmax if g > 0 else KT_MIN
    ea, eb = math.exp(g * (KT_MIN - ref)), math.exp(g * (kmax - ref))

    def quantile(p):
        if abs(g) < 1e-9:
            return KT_MIN + p * (kmax - KT_MIN)
        return ref + math.log(ea + p * (eb - ea)) / g

    edges = [quantile(j / n) for j in range(n + 1)]
    edges[0], edges[-1] = KT_MIN, kmax
    out = []
    for a, b in zip(edges[:-1], edges[1:]):
        if abs(g) < 1e-9:
            out.append((a + b) / 2)
            continue
        xa, xb = math.exp(g * (a - ref)), math.exp(g * (b - ref))
        out.append(((b - 1 / g) * xb - (a - 1 / g) * xa) / (xb - xa))
    return out


def erbs_daily(kt, ws_deg):
    if ws_deg <= 81.4:
        f = 1.0 - 0.2727 * kt + 2.4495 * kt**2 - 11.9514 * kt**3 + 9.3879 * kt**4 if kt < 0.715 else 0.143
    else:
        f = 1.0 + 0.2832 * kt - 2.5557 * kt**2 + 0.8448 * kt**3 if kt < 0.722 else 0.175
    return min(1.0, f)


def erbs_monthly(kt, ws_deg):
    if ws_deg <= 81.4:
        return 1.391 - 3.560 * kt + 4.189 * kt**2 - 2.137 * kt**3
    return 1.311 - 3.022 * kt + 3.427 * kt**2 - 1.821 * kt**3


def share_diffuse(days_h, days_fd, target):
    """Days' diffuse irradiation: c * H_j * fd_j summing to target, none above H_j."""
    n = len(days_h)
    fixed = [False] * n
    for _ in range(n + 1):
        budget = target - sum(h for h, f in zip(days_h, fixed) if f)
        free = sum(h * fd for h, fd, f in zip(days_h, days_fd, fixed) if not f)
        c = budget / free if free > 0 else 0.0
        out = [h if f else c * h * fd for h, fd, f in zip(days_h, days_fd, fixed)]
        over = [not f and d > h for d, h, f in zip(out, days_h, fixed)]
        if not any(over):
            return out
        fixed = [f or o for f, o in zip(fixed, over)]
    return out


def hourly_day(lat_rad, lon_deg, utc_offset_h, n, h_wh, hd_wh):
    decl, eot = spencer(n)
    ws = math.acos(max(-1.0, min(1.0, -math.tan(lat_rad) * math.tan(decl))))
    hours = np.arange(24) + 0.5
    solar_h = hours + (4 * (lon_deg - 15 * utc_offset_h) + eot) / 60
    w = np.radians(15 * (solar_h - 12))
    a = 0.409 + 0.5016 * math.sin(ws - math.pi / 3)
    b = 0.6609 - 0.4767 * math.sin(ws - math.pi / 3)
    den = math.sin(ws) - ws * math.cos(ws)
    rd = np.maximum(0.0, math.pi / 24 * (np.cos(w) - math.cos(ws)) / den)
    rt = np.maximum(0.0, (a + b * np.cos(w)) * rd)
    ghi = h_wh * rt / rt.sum()
    shape = hd_wh * rd / rd.sum()
    cosz = math.cos(lat_rad) * math.cos(decl) * np.cos(w) + math.sin(lat_rad) * math.sin(decl)
    fixed = cosz < math.sin(math.radians(MIN_BEAM_ELEVATION_DEG))
    dhi = shape.copy()
    for _ in range(30):
        budget = hd_wh - ghi[fixed].sum()
        free = ~fixed
        scale = budget / shape[free].sum() if shape[free].sum() > 0 else 0.0
        dhi = np.where(fixed, ghi, shape * scale)
        over = free & (dhi >= ghi)
        if not over.any():
            break
        fixed = fixed | over
    return ghi, dhi, math.degrees(ws)


def station_month(lat, lon, month, ghi_kwh_day, n_days, utc_offset_h=7):
    lat_rad = math.radians(lat)
    n = day_of_year(month, KLEIN_DAY[month])
    decl, _ = spencer(n)
    ws = math.acos(max(-1.0, min(1.0, -math.tan(lat_rad) * math.tan(decl))))
    h0 = h0_wh(lat_rad, decl, ws, n)
    h = ghi_kwh_day * 1000
    kt = h / h0
    kmax = 0.6313 + 0.267 * kt - 11.9 * (kt - 0.75) ** 8
    g = solve_gamma(kt, kmax)
    kts = bin_means(g, kmax, n_days)
    scale = h / (h0 * sum(kts) / n_days)
    days_h = [k * h0 * scale for k in kts]
    ws_deg = math.degrees(ws)
    days_fd = [erbs_daily(k * scale, ws_deg) for k in kts]
    hd_days = sum(dh * f for dh, f in zip(days_h, days_fd)) / n_days
    fd_month = min(1.0, max(0.0, erbs_monthly(kt, ws_deg)))
    days_hd = share_diffuse(days_h, days_fd, fd_month * h * n_days)
    return {
        "month": month,
        "dayOfYear": n,
        "sunsetHourAngleDeg": ws_deg,
        "h0WhM2": h0,
        "ktMean": kt,
        "ktMax": kmax,
        "gamma": g,
        "dayKt": [k * scale for k in kts],
        "dayGhiWhM2": days_h,
        "dayErbsDailyFraction": days_fd,
        "dayDiffuseWhM2": days_hd,
        "diffuseFractionErbsDailyOverDays": hd_days / h,
        "diffuseFractionErbsMonthly": erbs_monthly(kt, ws_deg),
        "diffuseFraction": sum(days_hd) / n_days / h,
    }, (lat_rad, n, days_h, days_hd)


def main():
    stations = json.load(open("data/climate/vn-stations.json", encoding="utf-8"))["stations"]
    hanoi = next(s for s in stations if s["id"] == "hanoi")
    n_days = 5
    months = []
    for m in range(12):
        info, _ = station_month(hanoi["lat"], hanoi["lon"], m, hanoi["ghiKWhM2Day"][m], n_days)
        months.append(info)
    # Convergence of the day count: the monthly diffuse fraction with many days.
    converged = [station_month(hanoi["lat"], hanoi["lon"], m, hanoi["ghiKWhM2Day"][m], 400)[0]["diffuseFractionErbsDailyOverDays"] for m in range(12)]
    month = 6  # July: sunset hour angle above 81.4 deg at 21 deg N
    info, (lat_rad, n, days_h, days_hd) = station_month(hanoi["lat"], hanoi["lon"], month, hanoi["ghiKWhM2Day"][month], n_days)
    hourly = []
    for h, hd in zip(days_h, days_hd):
        ghi, dhi, _ = hourly_day(lat_rad, hanoi["lon"], 7, n, h, hd)
        hourly.append({"ghiWm2": ghi.tolist(), "dhiWm2": dhi.tolist()})
    weights = np.array([DAYS[m] / n_days for m in range(12) for _ in range(n_days)])
    ghi_year = sum(hanoi["ghiKWhM2Day"][m] * DAYS[m] for m in range(12))
    dif_year = sum(hanoi["ghiKWhM2Day"][m] * DAYS[m] * months[m]["diffuseFraction"] for m in range(12))
    print(json.dumps({
        "command": "/usr/bin/python3 tests/unit/solar/make-monthly-weather-reference.py > tests/unit/solar/monthly-weather-reference.json",
        "numpy": np.__version__,
        "station": hanoi["id"],
        "lat": hanoi["lat"],
        "lon": hanoi["lon"],
        "utcOffsetH": 7,
        "daysPerMonth": n_days,
        "hoursPerYear": float(weights.sum() * 24),
        "yearlyDiffuseShare": dif_year / ghi_year,
        "months": months,
        "diffuseFractionErbsDailyOverDaysN400": converged,
        "hourly": {"month": month, "days": hourly},
    }, indent=1))


if __name__ == "__main__":
    main()
