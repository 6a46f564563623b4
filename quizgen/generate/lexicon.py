"""Curated typed lists (countries by continent, oceans, months...) for distractors.

The lists live in ``data/lexicon.json``, written for quizgen from general
knowledge. Each list is a *category*: an answer found in one gets wrong options
from the same one (a country from the same continent first). Every list must be
named in :data:`~quizgen.generate.types.LIST_KINDS`: a list the stage does not
know is an error, never a new kind of answer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from quizgen.generate.types import LIST_KINDS, ListKind
from quizgen.generate.words import contains_run, normalise, words

NOT_LISTS = frozenset({"aliases", "demonyms", "units", "island_countries", "rivers_by_length"})
"""Keys of the data file that are look-up tables, not lists of answers."""
GENERIC_PLACE_WORDS = frozenset({"ocean", "sea", "river", "desert", "lake", "mountains"})
"""The last word of a place's name that says what it is (*Pacific Ocean*): the name alone is right too."""
NEAR_RANKS = 10
"""Rivers this close in the ranking by length are both candidates for a *longest* claim."""
LIST_GENERIC_WORDS = {"rivers": "River", "deserts": "Desert"}
"""The generic word a list's member written alone takes (*Sahara Desert*, *Nile River*): right too."""


@dataclass(frozen=True)
class Category:
    """A typed list an answer belongs to, e.g. ``countries/South America``."""

    name: str
    members: tuple[str, ...]
    kind: ListKind
    wider: tuple[str, ...] = ()
    """Members of sibling groups (other continents' countries), used after ``members``."""


class Lexicon:
    """Look-ups over the curated lists."""

    def __init__(self, data: dict[str, object]) -> None:
        self._categories: dict[str, Category] = {}
        self._aliases: dict[str, str] = {}
        for key, value in data.items():
            if key.startswith("_") or key in NOT_LISTS:
                continue
            if key not in LIST_KINDS:
                raise ValueError(f"lexicon list {key!r} is not an answer kind; declare it in ListKind")
            kind: ListKind = key
            if isinstance(value, dict):
                self._add_grouped(kind, value)
            elif isinstance(value, list):
                self._add(Category(key, tuple(value), kind))
        self._names: dict[str, list[str]] = {}
        aliases = data.get("aliases", {})
        if isinstance(aliases, dict):
            for name, others in aliases.items():
                self._names[normalise(name)] = [name, *others]
                for alias in [name, *others]:
                    self._aliases[normalise(alias)] = normalise(name)
        demonyms = data.get("demonyms", {})
        self._nations: list[tuple[tuple[str, ...], tuple[str, ...]]] = (
            [(tuple(words(country)), tuple(words(demonym))) for country, demonym in demonyms.items()]
            if isinstance(demonyms, dict)
            else []
        )
        """Each country's words with its people's adjective's words (("france",), ("french",))."""
        islands = data.get("island_countries", [])
        self._islands = frozenset(normalise(name) for name in islands) if isinstance(islands, list) else frozenset()
        lengths = data.get("rivers_by_length", [])
        self._river_ranks = (
            {normalise(name): rank for rank, name in enumerate(lengths)} if isinstance(lengths, list) else {}
        )
        self._nations_by_word: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        """The nations by the first word of their country or their demonym: those a text can name at all."""
        for nation in self._nations:
            for first in {name[0] for name in nation if name}:
                self._nations_by_word.setdefault(first, []).append(nation)
        self._by_member: dict[str, Category] = {}
        self._kinds_of: dict[str, set[str]] = {}
        """Every list kind each member is in ("australia": countries and continents)."""
        for category in self._categories.values():
            for member in category.members:
                self._by_member.setdefault(normalise(member), category)
                self._kinds_of.setdefault(normalise(member), set()).add(category.kind)

    def _add_grouped(self, kind: ListKind, groups: dict[str, list[str]]) -> None:
        everyone = tuple(member for members in groups.values() for member in members)
        for group, members in groups.items():
            wider = tuple(member for member in everyone if member not in members)
            self._add(Category(f"{kind}/{group}", tuple(members), kind, wider))

    def _add(self, category: Category) -> None:
        self._categories[category.name] = category

    def category_of(self, text: str) -> Category | None:
        """The category ``text`` (or an alias of it) belongs to, if any."""
        key = normalise(text)
        for variant in (key, key.removesuffix(" river"), f"{key} river"):
            category = self._by_member.get(variant) or self._by_member.get(self._aliases.get(variant, ""))
            if category is not None:
                return category
        return None

    def in_kind(self, text: str, kind: str) -> bool:
        """Whether ``text`` (or an alias of it) is in a list of ``kind`` ("Australia": a country and a continent)."""
        key = normalise(text)
        singulars = {
            key[: -len(ending)] + plain
            for ending, plain in (("ies", "y"), ("es", ""), ("s", ""))
            if key.endswith(ending)
        }
        keys = {key, *singulars, self._aliases.get(key, "")}
        return any(kind in self._kinds_of.get(candidate, ()) for candidate in keys)

    def member_of_named(self, member: str, name: str) -> bool:
        """Whether ``name`` names a list ``member`` is in ("organelles" for "vacuole"): a class and its member."""
        kinds = _kinds_named(normalise(name).replace(" ", "_"))
        return any(self.in_kind(member, kind) for kind in kinds)

    def same_thing(self, first: str, second: str) -> bool:
        """Whether two names are the same or aliases of each other (``US`` and ``United States``)."""
        a, b = normalise(first), normalise(second)
        return a == b or self._aliases.get(a, a) == self._aliases.get(b, b)

    def nation_named(self, text: str, other: str) -> bool:
        """Whether ``text`` names a country whose people's adjective ``other`` says, or the other way round
        (*French Empire* beside *France's Napoleon*)."""
        mine, theirs = words(text), words(other)
        return any(
            (contains_run(mine, demonym) and contains_run(theirs, country))
            or (contains_run(mine, country) and contains_run(theirs, demonym))
            for word in set(mine)
            for country, demonym in self._nations_by_word.get(word, ())
        )

    def island_country(self, text: str) -> bool:
        """Whether ``text`` is a country on islands of its own (*Iceland*, *Madagascar*)."""
        return self._aliases.get(normalise(text), normalise(text)) in self._islands

    def near_in_length(self, first: str, second: str) -> bool:
        """Whether two rivers stand within :data:`NEAR_RANKS` places of each other ranked by length: sources
        rank them differently, so one is no sure wrong answer for a *longest* claim about the other."""
        a, b = self._length_rank(first), self._length_rank(second)
        return a is not None and b is not None and abs(a - b) <= NEAR_RANKS

    def _length_rank(self, river: str) -> int | None:
        key = normalise(river)
        return self._river_ranks.get(key, self._river_ranks.get(f"{key.removesuffix(' river')} river"))

    def aliases_of(self, text: str) -> list[str]:
        """Other names for ``text`` (empty when it has none)."""
        names = self._names.get(self._aliases.get(normalise(text), ""), [])
        return [name for name in names if normalise(name) != normalise(text)]

    def full_names(self, text: str) -> list[str]:
        """The list's names of ``text`` with its generic word (*Pacific Ocean* for *Pacific*, *Amazon River* for
        *Amazon*), and without it (*Nile* for *Nile River*): what a student rightly writes for the place."""
        key = words(text)
        found: list[str] = []
        for member in self._by_member:
            known = words(member)
            longer, shorter = (known, key) if len(known) > len(key) else (key, known)
            if len(longer) == len(shorter) + 1 and longer[:-1] == shorter and longer[-1] in GENERIC_PLACE_WORDS:
                found.append(self._written(member))
        category = self.category_of(text)
        generic = LIST_GENERIC_WORDS.get(category.kind) if category is not None else None
        if generic and key and key[-1] not in GENERIC_PLACE_WORDS and key[0] not in ("rio", "río"):
            found.append(f"{text} {generic}")  # "Sahara Desert" for "Sahara": the list writes it alone
        return list(dict.fromkeys(found))

    def _written(self, member: str) -> str:
        """A member (normalised) as its list writes it."""
        category = self._by_member[member]
        return next((name for name in (*category.members, *category.wider) if normalise(name) == member), member)

    def category(self, name: str) -> Category | None:
        """A category by name, e.g. ``"months"``."""
        return self._categories.get(name)


_LIST_NAMES: dict[str, frozenset[str]] = {}
for _kind in sorted(LIST_KINDS):
    for _name in {_kind, _kind.removesuffix("s"), _kind.removesuffix("es")}:
        _LIST_NAMES[_name] = _LIST_NAMES.get(_name, frozenset()) | {_kind}


def _kinds_named(key: str) -> frozenset[str]:
    """The list kinds ``key`` names, in the plural or the singular ("organelle": organelles)."""
    return _LIST_NAMES.get(key, frozenset())


@cache
def lexicon() -> Lexicon:
    """The bundled lexicon, loaded once."""
    text = resources.files("quizgen.generate").joinpath("data/lexicon.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return Lexicon(data)
