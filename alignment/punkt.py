"""Punkt sentence tokenizers for Russian and English, built from parameters the project owns.

The parameters come from curated lists in `alignment/data/` (abbreviations, collocations,
sentence starters) plus what `python -m alignment.punkt_train` learned from project text
(orthographic contexts, reviewed learned types). Nothing is downloaded: NLTK's
`sent_tokenize` would look for `punkt_tab` data and fail offline. For Russian, a word Punkt
has never seen is looked up in pymorphy3's dictionary (shipped in its wheel).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from nltk.tokenize.punkt import (
    REASON_KNOWN_COLLOCATION,
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("ru", "en")

# "N.S." "A.M." "U.S." "т.е." "т.д.": letters each followed by a period, read as one token.
_DOTTED_LETTERS = re.compile(r"^(?:[^\W\d_]\.){2,}$")
# "А." "N." an upper-case initial in the script of the language: always part of a name
# ("Петр I." is a numeral: a Latin letter in Russian text is left to Punkt).
_UPPER_INITIALS = {"ru": re.compile(r"^[А-ЯЁ]\.$"), "en": re.compile(r"^[A-Z]\.$")}
_ONE_LETTER = re.compile(r"^[^\W\d_]\.$")
_ONE_LETTER_WORD = re.compile(r"^[^\W\d_]$")
_FIRST_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class PunktLists:
    """The word lists one language's Punkt parameters are built from."""

    abbreviations: frozenset[str]  # lower case, without the final period: "тов", "т.е"
    prefixes: frozenset[str]  # abbreviations that never end a sentence: "тов", "cde", "ye"
    collocations: frozenset[tuple[str, str]]  # ("no", "##number##"): "No. 5" is no boundary
    starters: frozenset[str]  # words that start sentences: a boundary after an abbreviation
    ortho_context: dict[str, int]  # word type -> Punkt orthographic-context flags
    capitalized: frozenset[str] = frozenset()  # lemmas written capitalised inside sentences


def read_rows(path: Path) -> list[list[str]]:
    """Return the whitespace-separated fields of each line, skipping blank and `#` lines.

    Only whole lines are comments: "##number##" is a Punkt word type.
    """
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def list_path(lang: str, part: str, data_dir: Path = DATA_DIR) -> Path:
    """Return the path of one parameter file, e.g. `punkt_ru_abbrev.txt`."""
    suffix = "tsv" if part in ("ortho", "learned") else "txt"
    return data_dir / f"punkt_{lang}_{part}.{suffix}"


def load_lists(lang: str, data_dir: Path = DATA_DIR) -> PunktLists:
    """Read the curated lists of `lang` and what training learned, if anything."""
    if lang not in LANGUAGES:
        raise ValueError(f"no Punkt parameters for language {lang!r}; have {LANGUAGES}")
    abbrev_rows = read_rows(list_path(lang, "abbrev", data_dir))
    learned = read_rows(list_path(lang, "learned", data_dir))
    abbreviations = {row[0].lower() for row in abbrev_rows}
    abbreviations |= {row[1] for row in learned if row[0] == "abbrev"}
    collocations = {(a, b) for a, b in read_rows(list_path(lang, "collocations", data_dir))}
    collocations |= {(row[1], row[2]) for row in learned if row[0] == "collocation"}
    starters = {row[0].lower() for row in read_rows(list_path(lang, "starters", data_dir))}
    starters |= {row[1] for row in learned if row[0] == "starter"}
    ortho = {row[0]: int(row[1]) for row in read_rows(list_path(lang, "ortho", data_dir))}
    capitalized = {row[0] for row in read_rows(list_path(lang, "capitalized", data_dir))}
    return PunktLists(
        abbreviations=frozenset(abbreviations),
        prefixes=frozenset(row[0].lower() for row in abbrev_rows if "prefix" in row[1:]),
        collocations=frozenset(collocations),
        starters=frozenset(starters),
        ortho_context=ortho,
        capitalized=frozenset(capitalized),
    )


def build_parameters(lists: PunktLists) -> PunktParameters:
    """Return NLTK Punkt parameters holding the given lists."""
    params = PunktParameters()
    params.abbrev_types = set(lists.abbreviations)
    params.collocations = set(lists.collocations)
    params.sent_starters = set(lists.starters)
    params.ortho_context = defaultdict(int, lists.ortho_context)
    return params


class ArchivalLanguageVars(PunktLanguageVars):  # type: ignore[misc]  # NLTK has no type hints
    """Punkt's language variables with the one-character ellipsis as a possible sentence end."""

    sent_end_chars = (".", "?", "!", "…")


def first_letter_case(token: str) -> str:
    """Return "upper", "lower" or "none" for the first letter of a token, skipping punctuation."""
    match = _FIRST_LETTER.search(token)
    if match is None or match.start() > 2:
        return "none"
    return "upper" if match.group().isupper() else "lower"


class ArchivalSentenceTokenizer(PunktSentenceTokenizer):  # type: ignore[misc]
    """Punkt with archival rules on top of its own heuristics.

    Letters run together with periods ("т.е.", "U.S.") are abbreviations; in capitals
    ("U.S.", "N.S.") only a frequent sentence starter after them makes a boundary. An
    upper-case initial or a prefix abbreviation ("тов.", "Cde.") never ends a sentence; a
    one-letter abbreviation ("и т. д.") does before a sentence starter; an ellipsis ends one
    exactly when the next word is capitalised.
    """

    def __init__(
        self,
        lists: PunktLists,
        initial: re.Pattern[str],
        common_word: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(build_parameters(lists), lang_vars=ArchivalLanguageVars())
        self.prefixes = lists.prefixes
        self.initial = initial
        self.common_word = common_word

    def _first_pass_annotation(self, aug_tok: PunktToken) -> None:
        super()._first_pass_annotation(aug_tok)
        if _DOTTED_LETTERS.match(aug_tok.tok):
            aug_tok.sentbreak = False
            aug_tok.abbr = True

    def _second_pass_annotation(
        self, aug_tok1: PunktToken, aug_tok2: PunktToken | None
    ) -> str | None:
        reason: str | None = super()._second_pass_annotation(aug_tok1, aug_tok2)
        if aug_tok2 is None or reason == REASON_KNOWN_COLLOCATION:
            return reason  # "7 p.m. I": a curated collocation has the last word
        tok: str = aug_tok1.tok
        if tok == "…" or aug_tok1.ellipsis:
            aug_tok1.sentbreak = first_letter_case(aug_tok2.tok) == "upper"
            return "ellipsis before a capital"
        if self.initial.match(tok) or self.is_prefix(tok):
            aug_tok1.sentbreak = False
            aug_tok1.abbr = True
            return "initial or prefix abbreviation"
        if _DOTTED_LETTERS.match(tok) and tok[0].isupper():
            # "U.S. Government", "N.S. Khrushchev": only a frequent starter follows a boundary
            next_type = aug_tok2.type_no_sentperiod
            aug_tok1.sentbreak = aug_tok2.first_upper and next_type in self._params.sent_starters
            return "capital letters with periods"
        if aug_tok1.abbr and _ONE_LETTER_WORD.match(aug_tok2.tok) and aug_tok2.first_upper:
            aug_tok1.sentbreak = True  # "... им. А он ...": an initial would have a period
            return "abbreviation before a capitalised one-letter word"
        if aug_tok1.abbr and _ONE_LETTER.match(tok) and self.starts_sentence(aug_tok2):
            aug_tok1.sentbreak = True  # "и т. д. Затем": Punkt reads "д." as an initial
            return "one-letter abbreviation before a sentence starter"
        return reason

    def starts_sentence(self, aug_tok: PunktToken) -> bool:
        """Tell whether a capitalised token is a frequent or orthographic sentence starter."""
        starters = self._params.sent_starters
        return bool(aug_tok.first_upper) and (
            aug_tok.type_no_sentperiod in starters or self._ortho_heuristic(aug_tok) is True
        )

    def _ortho_heuristic(self, aug_tok: PunktToken) -> bool | str:
        if _ONE_LETTER.match(aug_tok.tok):
            return "unknown"  # "им. Г. В. Плеханова": "г" is lower case in "1957 г.", not here
        verdict: bool | str = super()._ortho_heuristic(aug_tok)
        if verdict == "unknown" and aug_tok.first_upper and self.common_word is not None:
            # never seen in training: a capitalised common word is one starting a sentence
            return True if self.common_word(aug_tok.type_no_sentperiod) else verdict
        return verdict

    def is_prefix(self, tok: str) -> bool:
        """Tell whether a period-final token is a title or initial that precedes a name."""
        return tok.endswith(".") and tok[:-1].lower() in self.prefixes


@cache
def russian_morphology() -> Any:
    """Return pymorphy3's Russian analyzer, loaded on first use."""
    import pymorphy3  # imported here: English-only use should not pay for the dictionary

    return pymorphy3.MorphAnalyzer()


_PROPER_NOUN_TAGS = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr", "Init"}
_STARTER_POS = {"NOUN", "VERB", "INFN", "GRND", "ADVB", "NPRO", "PREP", "CONJ", "PRCL", "PRED"}


class RussianCommonWords:
    """Tell whether a lower-case word is a common Russian word, never written capitalised."""

    def __init__(self, capitalized: frozenset[str]) -> None:
        self.capitalized = capitalized  # "президиум": "Президиум ЦК" inside a sentence
        self.known: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        if word not in self.known:
            self.known[word] = self.look_up(word)
        return self.known[word]

    def look_up(self, word: str) -> bool:
        """Ask the dictionary; short words and adjectives never count as common words."""
        # Short words are too often Korean names ("Нам Ир", "Пак", "Ли"); adjectives are too
        # often official names ("Советское правительство"): neither says a sentence starts.
        morph = russian_morphology()
        if len(word) < 4 or not word.isalpha() or not morph.word_is_known(word):
            return False
        parses = morph.parse(word)
        if any(_PROPER_NOUN_TAGS & set(parse.tag.grammemes) for parse in parses):
            return False
        return parses[0].tag.POS in _STARTER_POS and parses[0].normal_form not in self.capitalized


@cache
def sentence_tokenizer(lang: str) -> ArchivalSentenceTokenizer:
    """Return the tokenizer of `lang`, built once from the files in `alignment/data/`."""
    lists = load_lists(lang)
    common_word = RussianCommonWords(lists.capitalized) if lang == "ru" else None
    return ArchivalSentenceTokenizer(lists, _UPPER_INITIALS[lang], common_word)


def sentence_ends(text: str, lang: str) -> list[int]:
    """Return the offsets just past each sentence Punkt finds in `text`."""
    return [end for _, end in sentence_tokenizer(lang).span_tokenize(text)]
