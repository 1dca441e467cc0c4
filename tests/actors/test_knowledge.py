"""Tests of detente.actors.knowledge: the packaged knowledge base, office holders, validation, extra files."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pycountry
import pytest

from detente.actors.knowledge import DATA, load_knowledge
from detente.errors import DataFileError


@pytest.fixture(scope="module")
def kb():
    return load_knowledge()


# A sample of UN member states from every region.
MEMBER_STATES = [
    "AFG", "ARG", "AUS", "BRA", "CAN", "CHN", "COD", "DEU", "EGY", "ETH",
    "FJI", "FRA", "GBR", "IDN", "IND", "IRN", "JPN", "KEN", "KOR", "MEX",
    "NGA", "NZL", "PAK", "PER", "RUS", "SAU", "TUV", "UKR", "USA", "ZAF",
]


@pytest.mark.parametrize("code", MEMBER_STATES)
def test_member_state_is_known(kb, code: str) -> None:
    assert code in kb.states


# ISO 3166-1 codes that name no actor, with the reason: no permanent population, or governed as part of a state.
NOT_ACTORS = {
    "ATA": "Antarctica: no permanent population",
    "ATF": "French Southern Territories: no permanent population",
    "BVT": "Bouvet Island: uninhabited",
    "HMD": "Heard Island and McDonald Islands: uninhabited",
    "IOT": "British Indian Ocean Territory: a military base, no permanent population",
    "SGS": "South Georgia and the South Sandwich Islands: no permanent population",
    "SJM": "Svalbard and Jan Mayen: governed by Norway as part of itself",
    "UMI": "US Minor Outlying Islands: no permanent population",
}
ISO_CODES = sorted(c.alpha_3 for c in pycountry.countries if c.alpha_3 not in NOT_ACTORS)


@pytest.mark.parametrize("code", ISO_CODES)
def test_every_inhabited_iso_country_or_territory_is_a_state(kb, code: str) -> None:
    assert any(t.kind == "state" and t.country == code and t.text == kb.states.get(code) for t in kb.terms)


@pytest.mark.parametrize("code", sorted(NOT_ACTORS))
def test_territory_that_names_no_actor_is_left_out(kb, code: str) -> None:
    assert code not in kb.states


@pytest.mark.parametrize("code", [
    "UN", "EU", "NATO", "OSCE", "AU", "ASEAN", "G7", "G20",
    "OAU", "WARSAWPACT", "COMECON", "SEATO", "CENTO", "WEU", "QUAD", "AUKUS", "QUARTET", "P5PLUS1", "G77",
    "LIMAGROUP", "CONTADORA", "UNMIK", "UNMIL", "UNAMID", "UNMEE", "UNAMSIL", "MINURSO", "UNOCI", "UNSMIL",
    "UNMIS", "UNPROFOR", "UNSCOM",
])
def test_organisation_is_known(kb, code: str) -> None:
    assert code in kb.organisations


# (text in news, kind of term, country it names)
TERM_CASES = [
    ("Russia", "state", "RUS"),
    ("Russian", "adjective", "RUS"),
    ("Moscow", "capital", "RUS"),
    ("Kremlin", "seat", "RUS"),
    ("NATO", "organisation", "NATO"),
    ("Foreign Office", "institution", "GBR"),
    ("Hamas", "group", "PSE"),
    ("Secretary of State", "title", "USA"),
    # dependent and special territories
    ("Puerto Rico", "state", "PRI"),
    ("Puerto Rican", "adjective", "PRI"),
    ("Gibraltarian", "adjective", "GIB"),
    ("Macau", "state", "MAC"),
    ("Macanese", "adjective", "MAC"),
    ("Faroese", "adjective", "FRO"),
    ("Tórshavn", "capital", "FRO"),
    ("Malvinas", "state", "FLK"),
    ("American Samoa", "state", "ASM"),
    ("U.S. Virgin Islands", "state", "VIR"),
    ("British Virgin Islands", "state", "VGB"),
    ("BVI", "state", "VGB"),
    ("Turks and Caicos", "state", "TCA"),
    ("Bonaire", "state", "BES"),
    ("Curaçao", "state", "CUW"),
    ("Tahiti", "state", "PYF"),
    ("Nouméa", "capital", "NCL"),
    ("Tynwald", "seat", "IMN"),
    ("Isle of Man", "state", "IMN"),
    ("Åland Islands", "state", "ALA"),
    ("Cook Islands", "state", "COK"),
    # organisations: predecessors under their successor's code, or a code of their own
    ("Organization of African Unity", "organisation", "OAU"),
    ("OAU", "organisation", "OAU"),
    ("CSCE", "organisation", "OSCE"),
    ("European Economic Community", "organisation", "EU"),
    ("Minsk Group", "organisation", "OSCE"),
    ("Warsaw Pact", "organisation", "WARSAWPACT"),
    ("Baghdad Pact", "organisation", "CENTO"),
    ("UNMEE", "organisation", "UNMEE"),
    ("UNAMID", "organisation", "UNAMID"),
    ("AMIS", "organisation", "AU"),
    ("Lima Group", "organisation", "LIMAGROUP"),
    ("International Committee of the Red Cross", "group", None),
]


@pytest.mark.parametrize(("text", "kind", "country"), TERM_CASES)
def test_packaged_term(kb, text: str, kind: str, country: str) -> None:
    assert any(t.text == text and t.kind == kind and t.country == country for t in kb.terms)


# (text, country): names that are also common words, people or other places, and need the entity recogniser
AMBIGUOUS_CASES = [
    ("Jersey", "JEY"),
    ("Saba", "BES"),
    ("Montserrat", "MSR"),
    ("Reunion", "REU"),
    ("Christmas Island", "CXR"),
    ("Saint Martin", "MAF"),
    ("St Martin", "MAF"),
    ("Cayenne", "GUF"),
    ("Manx", "IMN"),
    ("Faroese", "FRO"),
    ("Virgin Islands", "VIR"),
    ("Pitcairn", "PCN"),
    ("La Fortaleza", "PRI"),
    ("Quad", "QUAD"),
    ("the Quartet", "QUARTET"),
    ("Contadora", "CONTADORA"),
]


@pytest.mark.parametrize(("text", "country"), AMBIGUOUS_CASES)
def test_ambiguous_term_stays_ambiguous(kb, text: str, country: str) -> None:
    readings = [t for t in kb.terms if t.text == text and t.country == country]
    assert readings and all(t.ambiguous for t in readings)


# (text, territory): names a territory does not get because they belong to a better-known place or person
NOT_TERRITORY_CASES = [
    ("Man", "IMN"),
    ("Douglas", "IMN"),
    ("Hamilton", "BMU"),
    ("Stanley", "FLK"),
    ("San Juan", "PRI"),
    ("Saint-Denis", "REU"),
    ("Kingston", "NFK"),
    ("George Town", "CYM"),
    ("Jamestown", "SHN"),
    ("Virgin Islands", "VGB"),
]


@pytest.mark.parametrize(("text", "country"), NOT_TERRITORY_CASES)
def test_name_of_another_place_is_not_the_territory(kb, text: str, country: str) -> None:
    assert not any(t.text == text and t.country == country for t in kb.terms)


# (country, role, day, holder on that day)
HOLDER_CASES = [
    ("UGA", "head_of_state", "1999-06-01", "Yoweri Museveni"),
    ("SDN", "head_of_state", "2010-06-01", "Omar al-Bashir"),
    ("ZWE", "head_of_state", "2010-06-01", "Robert Mugabe"),
    ("FRA", "head_of_state", "1990-06-01", "François Mitterrand"),
    ("ISR", "head_of_government", "1990-06-01", "Yitzhak Shamir"),
    ("ARG", "head_of_state", "1995-06-01", "Carlos Menem"),
    ("USA", "foreign_minister", "2007-06-01", "Condoleezza Rice"),
    ("USA", "foreign_minister", "2017-06-01", "Rex Tillerson"),
    ("USA", "foreign_minister", "2019-06-01", "Mike Pompeo"),
    ("USA", "head_of_state", "2017-01-19", "Barack Obama"),
    ("USA", "head_of_state", "2017-01-21", "Donald Trump"),
    ("USA", "head_of_state", "2023-01-01", "Joe Biden"),
    ("RUS", "head_of_state", "2010-01-01", "Dmitry Medvedev"),
    ("RUS", "head_of_state", "2015-01-01", "Vladimir Putin"),
    ("RUS", "head_of_government", "2010-01-01", "Vladimir Putin"),
    ("RUS", "foreign_minister", "2010-01-01", "Sergey Lavrov"),
    ("GBR", "head_of_government", "2018-03-14", "Theresa May"),
    ("GBR", "foreign_minister", "2017-01-01", "Boris Johnson"),
    ("CHN", "foreign_minister", "2023-03-01", "Qin Gang"),
    ("CHN", "head_of_state", "2015-01-01", "Xi Jinping"),
    ("DEU", "head_of_government", "2010-01-01", "Angela Merkel"),
    ("FRA", "head_of_state", "2013-01-01", "François Hollande"),
    ("JPN", "head_of_government", "2015-01-01", "Shinzo Abe"),
    ("IND", "head_of_government", "2016-01-01", "Narendra Modi"),
    ("CAN", "head_of_government", "2018-08-10", "Justin Trudeau"),
    ("SAU", "foreign_minister", "2018-08-10", "Adel al-Jubeir"),
    ("UN", "secretary_general", "2010-01-01", "Ban Ki-moon"),
    ("NATO", "secretary_general", "2016-01-01", "Jens Stoltenberg"),
    ("USA", "head_of_state", "1900-01-01", None),
    ("XXX", "head_of_state", "2015-01-01", None),
    ("USA", "no_such_role", "2015-01-01", None),
]


@pytest.mark.parametrize(("country", "role", "day", "expected"), HOLDER_CASES)
def test_holder(kb, country: str, role: str, day: str, expected: str | None) -> None:
    holder = kb.holder(country, role, date.fromisoformat(day))
    assert (holder.name if holder else None) == expected


@pytest.mark.parametrize(("day", "state"), [(date(1992, 5, 30), "YUG"), (date(2003, 2, 4), "SRB"), (None, None)])
def test_a_capital_shared_over_time_names_one_state_a_day(kb, day: date | None, state: str | None) -> None:
    named = sorted(t.country for t in kb.terms if t.text == "Belgrade" and t.kind == "capital" and t.names_on(day))
    assert named == ([state] if state else ["SRB", "YUG"])


@pytest.mark.parametrize(("name", "day", "state"), [
    ("Rangoon", date(1988, 9, 18), "MMR"), ("Rangoon", date(2021, 2, 1), None),
    ("Salisbury", date(1965, 11, 11), "ZWE"), ("Salisbury", date(2018, 3, 4), None),
    ("Lagos", date(1967, 5, 30), "NGA"), ("Lagos", date(2020, 10, 20), None)])
def test_a_former_capital_speaks_for_its_state_only_in_its_years(kb, name: str, day: date, state: str | None) -> None:
    named = sorted(t.country for t in kb.terms if t.text == name and t.kind == "seat" and t.names_on(day))
    assert named == ([state] if state else [])


def broken_copy(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of the packaged data folder with ``old`` replaced by ``new`` in file ``name``, and the line of ``old``."""
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    original = (folder / name).read_text(encoding="utf-8")
    assert old in original
    (folder / name).write_text(original.replace(old, new, 1), encoding="utf-8")
    return folder, original[: original.index(old)].count("\n") + 1


HAMAS = "- {name: Hamas, country: PSE, sector: REB, aliases: [HAMAS, Islamic Resistance Movement], ambiguous: []}"
YUGOSLAVIA = ("- code: YUG\n  name: Yugoslavia\n"
              "  names: [Yugoslavia, Federal Republic of Yugoslavia, Socialist Federal Republic of Yugoslavia, "
              "SFRY, FRY]\n"
              "  abbreviations: []\n  adjectives: [Yugoslav, Yugoslavian]\n  demonyms: [Yugoslavs]\n"
              "  capital: Belgrade\n  capital_until: 2003-02-04")
RICE_OFFICE = "{country: USA, role: foreign_minister, title: Secretary of State, start: 2005-01-26, end: 2009-01-20}"

# (file, text replaced, replacement, words the error must contain)
BROKEN_CASES = [
    ("groups.yaml", "name: Hamas, country: PSE, sector: REB", "name: Hamas, country: PSE, sector: XYZ",
     "unknown sector 'XYZ'"),
    ("institutions.yaml", "country: GBR, sector: GOV, aliases: [FCDO", "country: GBR, sector: GOVT, aliases: [FCDO",
     "unknown sector 'GOVT'"),
    ("states.yaml", "- code: AFG\n", "- code: AFX\n", "'AFX' is not an ISO 3166-1 alpha-3 code"),
    ("states.yaml", "{name: Lagos, until: 1991-12-12}", "{name: Lagos, until: 1991-12-32}",
     "`until` is not an ISO date: '1991-12-32'"),
    ("office_holders.yaml", RICE_OFFICE, RICE_OFFICE.replace("end: 2009-01-20", "end: 2004-01-20"),
     "office of Condoleezza Rice ends before it starts"),
    ("office_holders.yaml", RICE_OFFICE, RICE_OFFICE.replace("country: USA", "country: USX"),
     "unknown country or organisation code 'USX'"),
    ("groups.yaml", "{name: Hamas, country: PSE,", "{name: Hamas, name: Hamas, country: PSE,",
     "duplicate key 'name'"),
    ("office_holders.yaml", "  ambiguous: [Rice]\n", "  ambiguous: [Rice]: true\n", "invalid YAML"),
    ("groups.yaml", HAMAS, "- Hamas", "expected a mapping"),
    ("office_holders.yaml", f"- {RICE_OFFICE}", "- Secretary of State", "expected a mapping"),
    ("office_holders.yaml", RICE_OFFICE, RICE_OFFICE.replace("2009-01-20", "2009-13-20"), "2009-13-20"),
    ("organisations.yaml", "  members: [EST, LVA, LTU]\n", "  members: [EST, LVA, NATO]\n",
     "members must be state codes, found ['NATO']"),
    ("states.yaml", YUGOSLAVIA, YUGOSLAVIA.replace("2003-02-04", "2003-02-40"),
     "`capital_until` is not an ISO date: '2003-02-40'"),
]


@pytest.mark.parametrize(("name", "old", "new", "message"), BROKEN_CASES)
def test_broken_data_names_file_and_line(tmp_path: Path, name: str, old: str, new: str, message: str) -> None:
    folder, line = broken_copy(tmp_path, name, old, new)
    with pytest.raises(DataFileError) as raised:
        load_knowledge(data_dir=str(folder))
    assert message in raised.value.reason
    assert raised.value.line == line
    assert f"{name}:{line}: " in str(raised.value)


def test_entry_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    folder, _ = broken_copy(tmp_path, "groups.yaml", HAMAS, "- Hamas")
    with pytest.raises(DataFileError, match="groups.yaml.*expected a mapping, found str"):
        load_knowledge(data_dir=str(folder))


# Invented entries, dated in the future so that they cannot clash with the packaged data.
EXTRA = """\
institutions:
  specific:
    - {name: Coastal Monitoring Agency, country: EST, sector: MIL, aliases: [CMA Tallinn]}
office_holders:
  - name: Liisa Merikivi
    aliases: [Merikivi]
    offices:
      - {country: EST, role: foreign_ministry_spokesperson, title: Spokesperson, start: 2031-01-01, end: null}
"""


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    path = tmp_path_factory.mktemp("extra") / "extra.yaml"
    path.write_text(EXTRA, encoding="utf-8")
    return load_knowledge(extra=str(path))


# (text, kind, country, sector)
EXTRA_TERM_CASES = [
    ("Coastal Monitoring Agency", "institution", "EST", "MIL"),
    ("CMA Tallinn", "institution", "EST", "MIL"),
    ("Liisa Merikivi", "person", None, None),
    ("Merikivi", "person", None, None),
]


@pytest.mark.parametrize(("text", "kind", "country", "sector"), EXTRA_TERM_CASES)
def test_extra_file_adds_terms(extended, kb, text: str, kind: str, country: str | None, sector: str | None) -> None:
    assert any((t.text, t.kind, t.country, t.sector) == (text, kind, country, sector) for t in extended.terms)
    assert not any(t.text == text for t in kb.terms)


def test_extra_file_adds_office_holder(extended, kb) -> None:
    day = date(2031, 6, 1)
    holder = extended.holder("EST", "foreign_ministry_spokesperson", day)
    assert holder is not None and holder.name == "Liisa Merikivi"
    assert kb.holder("EST", "foreign_ministry_spokesperson", day) is None


def test_extra_file_keeps_packaged_entries(extended) -> None:
    assert extended.holder("USA", "foreign_minister", date(2007, 6, 1)).name == "Condoleezza Rice"


# (content of a user's extra file, line of the error, words the error must contain)
BROKEN_EXTRA_CASES = [
    ("office_holder:\n  - {name: Liisa Merikivi}\n", 1, "unknown section 'office_holder'"),
    ("groups: []\noffice_holder:\n  - {name: Liisa Merikivi}\n", 2, "unknown section 'office_holder'"),
    ("institutions:\n  specific:\n    - {name: Coastal Monitoring Agency, country: ESX}\n", 3,
     "unknown country or organisation code 'ESX'"),
    ("- {name: Liisa Merikivi}\n", None, "expected a mapping"),
]


@pytest.mark.parametrize(("content", "line", "message"), BROKEN_EXTRA_CASES)
def test_broken_extra_file(tmp_path: Path, content: str, line: int | None, message: str) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_knowledge(extra=str(path))
    assert message in raised.value.reason
    assert raised.value.line == line
    assert "extra.yaml" in str(raised.value)
