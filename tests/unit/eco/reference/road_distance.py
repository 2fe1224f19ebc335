"""Independent reference for shared/eco/road-distance.ts on the sample park.

Input: a JSON of the sample's roads ({geometry, widthM}) and industrial plots ({id, geometry,
interior}) — the interior point is the app's input, not its result. Roads are noded by shapely's
unary_union after snapping each line to the others within 1 m; a plot joins its fronting road
(corridor within widthM/2 + 1 m of the plot) nearest its interior point, else the nearest road
plus the straight leg; a plain Dijkstra (heapq) over the noded network.

Usage: python3 road_distance.py sample.json FROM_ID TO_ID [FROM_ID TO_ID ...]
"""
import heapq, json, math, sys
from shapely.geometry import LineString, Point, Polygon, MultiPolygon, shape
from shapely.ops import unary_union, snap

d = json.load(open(sys.argv[1]))
lon0, lat0 = d['plots'][0]['interior']
a, e2 = 6378137.0, 0.0066943799901413165
phi = math.radians(lat0)
w = 1 - e2 * math.sin(phi) ** 2
kx = a / math.sqrt(w) * math.cos(phi) * math.pi / 180
ky = a * (1 - e2) / (w * math.sqrt(w)) * math.pi / 180
P = lambda c: (( c[0] - lon0) * kx, (c[1] - lat0) * ky)

def lines(g):
    return [g['coordinates']] if g['type'] == 'LineString' else g['coordinates']

roads = [(LineString([P(c) for c in l]), r['widthM']) for r in d['roads'] for l in lines(r['geometry'])]
everything = unary_union([l for l, _ in roads])
network = unary_union([snap(l, everything, 1.0) for l, _ in roads])
segs = [ (s.coords[i], s.coords[i + 1]) for s in getattr(network, 'geoms', [network]) for i in range(len(s.coords) - 1)]
key = lambda p: (round(p[0] / 1.0), round(p[1] / 1.0))  # nodes within ~1 m

def polygon(g):
    t = g['type']
    if t == 'Polygon':
        return Polygon([P(c) for c in g['coordinates'][0]], [[P(c) for c in h] for h in g['coordinates'][1:]])
    return MultiPolygon([Polygon([P(c) for c in p[0]], [[P(c) for c in h] for h in p[1:]]) for p in g['coordinates']])

def anchor(plot):
    p = Point(P(plot['interior']))
    poly = polygon(plot['geometry'])
    front = [l for l, w in roads if l.distance(poly.boundary) <= w / 2 + 1.0]
    cand = front or [l for l, _ in roads]
    best = min(cand, key=lambda l: l.distance(p))
    q = best.interpolate(best.project(p))
    return (q.x, q.y), (0.0 if front else p.distance(q))

def graph(extra):
    adj = {}
    def add(u, v, w):
        adj.setdefault(u, []).append((v, w)); adj.setdefault(v, []).append((u, w))
    for s0, s1 in segs:
        ls = LineString([s0, s1])
        cuts = sorted([0.0, ls.length] + [ls.project(Point(x)) for x in extra if ls.distance(Point(x)) < 1e-6])
        pts = [ls.interpolate(c) for c in cuts]
        for i in range(len(pts) - 1):
            if pts[i + 1].distance(pts[i]) > 0:
                add(key(pts[i].coords[0]), key(pts[i + 1].coords[0]), pts[i].distance(pts[i + 1]))
    return adj

plots = {p['id']: p for p in d['plots']}
args = sys.argv[2:]
for f, t in zip(args[::2], args[1::2]):
    (pa, la), (pb, lb) = anchor(plots[f]), anchor(plots[t])
    adj = graph([pa, pb])
    dist = {key(pa): 0.0}; h = [(0.0, key(pa))]
    while h:
        dd, n = heapq.heappop(h)
        if dd > dist.get(n, math.inf): continue
        for m, w in adj.get(n, []):
            if dd + w < dist.get(m, math.inf): dist[m] = dd + w; heapq.heappush(h, (dd + w, m))
    r = dist.get(key(pb))
    print(f, t, None if r is None else round(la + r + lb, 3))
