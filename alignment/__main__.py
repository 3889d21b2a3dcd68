"""Command line of the engine.

python -m alignment align RU.txt EN.txt [--lexicon FILE]   beads as TSV on stdout
python -m alignment eval GOLD.jsonl... [--json] [--reliability] [--feedback]
python -m alignment bench [--quick]                         the benchmarks (from a checkout)
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from alignment.evaluate import evaluate_docs, load_jsonl, report_line
from alignment.experiments import align_doc, feedback, format_reliability, reliability
from alignment.formats import to_tsv
from alignment.lexicon import Lexicon
from alignment.search import align
from alignment.segment import split_sentences


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m alignment",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = ap.add_subparsers(dest="command", required=True)
    al = sub.add_parser("align", help="split and align two plain-text files, print TSV")
    al.add_argument("src")
    al.add_argument("tgt")
    al.add_argument("--src-lang", default="ru")
    al.add_argument("--tgt-lang", default="en")
    al.add_argument("--lexicon", help="a lexicon JSON file saved by Lexicon.save")
    ev = sub.add_parser("eval", help="score the aligner on gold JSON Lines files")
    ev.add_argument("files", nargs="+")
    ev.add_argument("--json", action="store_true", help="one JSON object per file")
    ev.add_argument("--reliability", action="store_true", help="print the reliability table")
    ev.add_argument(
        "--feedback",
        action="store_true",
        help="score the unconfirmed half of the gold with the other half fed back",
    )
    be = sub.add_parser("bench", help="run the speed and memory benchmarks")
    be.add_argument("--quick", action="store_true", help="small sizes only")
    return ap


def _read(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise SystemExit(f"cannot read {path}: {err}") from err


def cmd_align(args: argparse.Namespace) -> int:
    """Split both files into sentences, align them and print the beads as TSV."""
    src = [str(s) for s in split_sentences(_read(args.src), args.src_lang)]
    tgt = [str(s) for s in split_sentences(_read(args.tgt), args.tgt_lang)]
    lexicon = Lexicon.load(args.lexicon) if args.lexicon else None
    result = align(src, tgt, src_lang=args.src_lang, tgt_lang=args.tgt_lang, lexicon=lexicon)
    print(to_tsv(result.beads, src, tgt))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    """Score every gold file like the project's scorer; optionally the two experiments."""
    status = 0
    for path in args.files:
        docs = load_jsonl(path)
        result = evaluate_docs(docs, align_doc)
        name = Path(path).name
        if args.json:
            print(json.dumps({"file": name, **result}, ensure_ascii=False))
        else:
            print(report_line(name, result))
        for problem in result["invalid"]:
            print(f"  invalid alignment: {problem}", file=sys.stderr)
        status = 1 if result["invalid"] else status
        if args.reliability:
            print(format_reliability(reliability(docs)))
        if args.feedback:
            for run, m in feedback(docs).items():
                print(
                    f"  {run:18s} strict on unconfirmed beads: P={m['precision']:.4f} "
                    f"R={m['recall']:.4f} F1={m['f1']:.4f}"
                )
    return status


def cmd_bench(args: argparse.Namespace) -> int:
    """Run the benchmarks package of a source checkout."""
    try:
        from benchmarks.__main__ import main as bench_main
    except ImportError:
        print("the benchmarks live in the source checkout: run from its root", file=sys.stderr)
        return 2
    return bench_main(["--quick"] if args.quick else [])


def main(argv: list[str] | None = None) -> int:
    """Run one command."""
    args = _parser().parse_args(argv)
    commands = {"align": cmd_align, "eval": cmd_eval, "bench": cmd_bench}
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
