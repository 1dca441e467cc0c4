"""Pages and feeds the watch tests serve: short reports, in our own words, of real diplomatic events."""

from __future__ import annotations

from html import escape

PRAGUE = ("Czech Republic expels 18 Russian diplomats", "2021-04-17",
          "PRAGUE, April 17, 2021 — The Czech Republic expelled 18 Russian diplomats on Saturday, saying "
          "Russian military intelligence officers were behind the 2014 blasts at an ammunition depot in Vrbetice. "
          "The government gave the diplomats 48 hours to leave the country.")

MOSCOW = ("Russia expels 20 Czech diplomats", "2021-04-18",
          "MOSCOW, April 18, 2021 — Russia expelled 20 Czech diplomats on Sunday in response to the expulsion of "
          "18 Russian diplomats by Prague. The Foreign Ministry told the Czech ambassador that the diplomats "
          "must leave Russia by Monday.")

SAN_FRANCISCO = ("United States orders Russia to close its San Francisco consulate", "2017-08-31",
                 "WASHINGTON, August 31, 2017 — The United States on Thursday told Russia to shut its "
                 "San Francisco consulate by Saturday, the State Department said. The order follows Moscow's "
                 "demand last month that the American mission in Russia cut its staff.")


def article(story: tuple[str, str, str]) -> str:
    title, day, text = story
    return (f"<!DOCTYPE html><html><head><title>{escape(title)}</title>"
            f'<meta property="article:published_time" content="{day}"></head><body><article>'
            f"<h1>{escape(title)}</h1><p>{escape(text)}</p></article></body></html>")


def rss(title: str, items: list[tuple[str, str]]) -> str:
    """An RSS 2.0 feed of (guid, link) items."""
    entries = "".join(f"<item><title>{escape(guid)}</title><guid>{escape(guid)}</guid><link>{escape(link)}</link>"
                      "<pubDate>Sat, 17 Apr 2021 10:00:00 GMT</pubDate></item>" for guid, link in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>http://example.org/</link><description>news</description>{entries}</channel></rss>")


def atom(title: str, items: list[tuple[str, str]]) -> str:
    """An Atom feed of (id, link) items."""
    entries = "".join(f'<entry><title>{escape(i)}</title><id>{escape(i)}</id><link href="{escape(link)}"/>'
                      "<updated>2017-08-31T12:00:00Z</updated></entry>" for i, link in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:test</id><updated>2017-08-31T12:00:00Z</updated>"
            f"{entries}</feed>")
