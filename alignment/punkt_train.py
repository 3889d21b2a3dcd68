"""Train Punkt parameters on project text: `python -m alignment.punkt_train LANG FILE...`.

Writes `punkt_<lang>_ortho.tsv` (orthographic contexts) and `punkt_<lang>_learned.tsv`
(abbreviations, collocations and sentence starters the curated lists lack) into
`alignment/data/` or `--out DIR`. Both are loaded at run time; review the learned rows
before committing them. Nothing here runs when text is split.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nltk.tokenize.punkt import PunktParameters, PunktTrainer

from alignment.punkt import (
    DATA_DIR,
    LANGUAGES,
    ArchivalLanguageVars,
    PunktLists,
    list_path,
    load_lists,
)


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
    rows += [
        f"collocation\t{a}\t{b}"
        for a, b in sorted(params.collocations)
        if (a, b) not in curated.collocations
    ]
    rows += [f"starter\t{t}" for t in sorted(params.sent_starters - curated.starters)]
    return rows


def write_trained(
    lang: str, params: PunktParameters, out_dir: Path, sources: str = ""
) -> list[Path]:
    """Write the orthographic contexts and the newly learned types of `lang` into `out_dir`."""
    curated = load_lists(lang, out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    ortho_path = list_path(lang, "ortho", out_dir)
    learned_path = list_path(lang, "learned", out_dir)
    ortho = sorted((t, f) for t, f in params.ortho_context.items() if f and " " not in t)
    ortho_path.write_text(
        "# Punkt orthographic contexts (type, flags) from `python -m alignment.punkt_train`.\n"
        f"# Trained on: {sources or 'texts given in code'}\n"
        + "".join(f"{t}\t{f}\n" for t, f in ortho),
        encoding="utf-8",
    )
    learned_path.write_text(
        "# Types Punkt's trainer learned beyond the curated lists; loaded at run time.\n"
        "# Review before committing: delete wrong rows (one-letter starters, foreign words).\n"
        + "".join(row + "\n" for row in learned_rows(params, curated)),
        encoding="utf-8",
    )
    return [ortho_path, learned_path]


def main(argv: list[str] | None = None) -> int:
    """Run `python -m alignment.punkt_train LANG FILE... [--out DIR]`."""
    parser = argparse.ArgumentParser(prog="python -m alignment.punkt_train", description=__doc__)
    parser.add_argument("lang", choices=LANGUAGES)
    parser.add_argument("files", nargs="+", type=Path, help="plain text or eval JSONL files")
    parser.add_argument("--out", type=Path, default=DATA_DIR, help="where to write the files")
    args = parser.parse_args(argv)
    texts = [text for path in args.files for text in texts_of(path, args.lang)]
    sources = " ".join(path.name for path in args.files)
    for path in write_trained(args.lang, train_parameters(texts), args.out, sources):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
