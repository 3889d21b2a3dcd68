"""Punkt sentence tokenizers for Russian and English, built from parameters the project owns.

The parameters come from curated lists in `alignment/data/` (abbreviations, collocations,
sentence starters) plus, when present, what `python -m alignment.punkt train` learned from
project text (orthographic contexts and learned types). Nothing is downloaded: NLTK's
`sent_tokenize` would look for `punkt_tab` data and fail offline.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
    PunktTrainer,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("ru", "en")

# "N.S." "A.M." "U.S." "т.е." "т.д.": letters each followed by a period, read as one token.
_DOTTED_LETTERS = re.compile(r"^(?:[^\W\d_]\.){2,}$")
# "А." "N." an upper-case initial: in archival text always part of a name.
_UPPER_INITIAL = re.compile(r"^[^\W\d_]\.$")
_FIRST_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class PunktLists:
    """The word lists one language's Punkt parameters are built from."""

    abbreviations: frozenset[str]  # lower case, without the final period: "тов", "т.е"
    prefixes: frozenset[str]  # abbreviations that never end a sentence: "тов", "cde", "ye"
    collocations: frozenset[tuple[str, str]]  # ("no", "##number##"): "No. 5" is no boundary
    starters: frozenset[str]  # words that start sentences: a boundary after an abbreviation
    ortho_context: dict[str, int]  # word type -> Punkt orthographic-context flags


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
    return PunktLists(
        abbreviations=frozenset(abbreviations),
        prefixes=frozenset(row[0].lower() for row in abbrev_rows if "prefix" in row[1:]),
        collocations=frozenset(collocations),
        starters=frozenset(starters),
        ortho_context=ortho,
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
    """Punkt with three archival rules on top of its own heuristics.

    Letters run together with periods ("N.S.", "т.е.") are abbreviations, whose boundary
    Punkt then decides from the next word; an upper-case initial or a prefix abbreviation
    ("тов.", "Cde.") never ends a sentence; an ellipsis ends one exactly when the next word
    is capitalised.
    """

    def __init__(self, lists: PunktLists) -> None:
        super().__init__(build_parameters(lists), lang_vars=ArchivalLanguageVars())
        self.prefixes = lists.prefixes

    def _first_pass_annotation(self, aug_tok: PunktToken) -> None:
        super()._first_pass_annotation(aug_tok)
        if _DOTTED_LETTERS.match(aug_tok.tok):
            aug_tok.sentbreak = False
            aug_tok.abbr = True

    def _second_pass_annotation(
        self, aug_tok1: PunktToken, aug_tok2: PunktToken | None
    ) -> str | None:
        reason: str | None = super()._second_pass_annotation(aug_tok1, aug_tok2)
        if aug_tok2 is None:
            return reason
        tok: str = aug_tok1.tok
        if tok == "…" or aug_tok1.ellipsis:
            aug_tok1.sentbreak = first_letter_case(aug_tok2.tok) == "upper"
            return "ellipsis before a capital"
        if (_UPPER_INITIAL.match(tok) and tok[0].isupper()) or self.is_prefix(tok):
            aug_tok1.sentbreak = False
            aug_tok1.abbr = True
            return "initial or prefix abbreviation"
        if aug_tok1.abbr and _UPPER_INITIAL.match(tok) and self.starts_sentence(aug_tok2):
            aug_tok1.sentbreak = True  # "и т. д. Затем": Punkt reads "д." as an initial
            return "one-letter abbreviation before a sentence starter"
        return reason

    def starts_sentence(self, aug_tok: PunktToken) -> bool:
        """Tell whether a token is a capitalised frequent sentence starter."""
        starters = self._params.sent_starters
        return bool(aug_tok.first_upper) and aug_tok.type_no_sentperiod in starters

    def is_prefix(self, tok: str) -> bool:
        """Tell whether a period-final token is a title or initial that precedes a name."""
        return tok.endswith(".") and tok[:-1].lower() in self.prefixes


@cache
def sentence_tokenizer(lang: str) -> ArchivalSentenceTokenizer:
    """Return the tokenizer of `lang`, built once from the files in `alignment/data/`."""
    return ArchivalSentenceTokenizer(load_lists(lang))


def sentence_ends(text: str, lang: str) -> list[int]:
    """Return the offsets just past each sentence Punkt finds in `text`."""
    return [end for _, end in sentence_tokenizer(lang).span_tokenize(text)]


def texts_of(path: Path, lang: str) -> list[str]:
    """Return the training texts in a plain-text file or in the `lang` side of an eval JSONL."""
    if path.suffix != ".jsonl":
        return [path.read_text(encoding="utf-8")]
    texts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        for side in ("src", "tgt"):
            if doc.get(f"{side}_lang") == lang:
                texts.append(doc.get(f"{side}_text") or " ".join(doc[side]))
    return texts


def train_parameters(texts: list[str]) -> PunktParameters:
    """Learn Punkt parameters from texts with NLTK's trainer and our language variables."""
    trainer = PunktTrainer(lang_vars=ArchivalLanguageVars())
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    return trainer.get_params()


def learned_rows(params: PunktParameters, curated: PunktLists) -> list[str]:
    """Return the learned types the curated lists lack, as rows of `punkt_<lang>_learned.tsv`."""
    rows = [f"abbrev\t{t}" for t in sorted(params.abbrev_types - curated.abbreviations)]
    rows += [f"collocation\t{a}\t{b}" for a, b in sorted(params.collocations)
             if (a, b) not in curated.collocations]
    rows += [f"starter\t{t}" for t in sorted(params.sent_starters - curated.starters)]
    return rows


def write_trained(lang: str, params: PunktParameters, out_dir: Path) -> list[Path]:
    """Write the orthographic contexts and the newly learned types of `lang` into `out_dir`."""
    curated = load_lists(lang, out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    ortho_path = list_path(lang, "ortho", out_dir)
    learned_path = list_path(lang, "learned", out_dir)
    ortho = sorted((t, f) for t, f in params.ortho_context.items() if f and " " not in t)
    ortho_path.write_text(
        "# Punkt orthographic contexts (type, flags) from `python -m alignment.punkt train`.\n"
        + "".join(f"{t}\t{f}\n" for t, f in ortho), encoding="utf-8")
    learned_path.write_text(
        "# Types Punkt's trainer learned beyond the curated lists; loaded at run time.\n"
        "# Review them: delete a wrong row, or move a good one into the curated list.\n"
        + "".join(row + "\n" for row in learned_rows(params, curated)), encoding="utf-8")
    return [ortho_path, learned_path]


def main(argv: list[str] | None = None) -> int:
    """Run `python -m alignment.punkt train LANG FILE... [--out DIR]`."""
    parser = argparse.ArgumentParser(prog="python -m alignment.punkt", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    train = commands.add_parser("train", help="learn Punkt parameters from project text")
    train.add_argument("lang", choices=LANGUAGES)
    train.add_argument("files", nargs="+", type=Path, help="plain text or eval JSONL files")
    train.add_argument("--out", type=Path, default=DATA_DIR, help="where to write the files")
    args = parser.parse_args(argv)
    texts = [text for path in args.files for text in texts_of(path, args.lang)]
    for path in write_trained(args.lang, train_parameters(texts), args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
