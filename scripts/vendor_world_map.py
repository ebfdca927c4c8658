"""Build src/flashpoint/web/vendor/world-110m.json from the npm package world-atlas (ISC licence).

world-atlas ships Natural Earth's 1:110m country outlines (public domain) as TopoJSON. This script,
run once by a developer (never at run time), decodes the TopoJSON arcs and writes each country as
an SVG path in an equirectangular projection: x = lon + 180, y = 90 - lat (viewBox 0 0 360 180),
rounded to 0.1 degree. Usage:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/vendor_world_map.py package/countries-110m.json src/flashpoint/web/vendor/world-110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def ring_path(points: list[tuple[float, float]]) -> str:
    projected: list[tuple[float, float]] = []
    for lon, lat in points:
        point = (round(lon + 180, 1), round(90 - lat, 1))
        if not projected or projected[-1] != point:
            projected.append(point)
    if len(projected) < 3:
        return ""
    head, *rest = projected
    return f"M{head[0]:g},{head[1]:g}" + "".join(f"L{x:g},{y:g}" for x, y in rest) + "Z"


def main(source: Path, target: Path) -> None:
    topology = json.loads(source.read_text())
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("type") == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry.get("type") == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        path = "".join(ring_path(ring_points(ring, arcs)) for polygon in polygons for ring in polygon)
        if path:
            countries.append({"id": geometry.get("id"), "name": geometry.get("properties", {}).get("name"), "d": path})
    document = {
        "source": "world-atlas 2.0.2 (npm, ISC licence, Copyright 2013-2019 Michael Bostock), "
        "countries-110m.json, derived from Natural Earth 1:110m Admin 0 countries (public domain)",
        "projection": "equirectangular: x = lon + 180, y = 90 - lat; viewBox 0 0 360 180",
        "countries": countries,
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(document, separators=(",", ":")))
    print(f"{target}: {len(countries)} countries, {target.stat().st_size} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
