"""Build corpora/puzanov-1957 files and the gold from tagged authoring sources.

Tagged text: every segment starts with a tag
  {}   new bead (paired, in order, with the next {} bead of the other side)
  {=}  same bead as the previous segment of this side
  {-}  null bead (no counterpart)
A tag and one following space are removed to produce the published text.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

SRC = Path(__file__).parent
OUT = Path(__file__).resolve().parent.parent
COLL = OUT / "puzanov-1957"
TAG = re.compile(r"\{([=\-]?)\} ?")

CHROME = (
    "Search in\n\nDigital Archive International History Declassified\n\n{date}\n\n\n"
    "This document was made possible with support from the Sverka sample corpus "
    "(reconstruction for demonstration)\n\n"
    "  \u2022 Citation\n\n    get citation\n\n    {summary}\n    {citation}\n"
    "  \u2022 share document\n\n\nEnglish HTML\n"
)


def parse(tagged: str):
    """Return (plain text, segments, beads) where beads are (kind, [ids])."""
    matches = list(TAG.finditer(tagged))
    assert matches and not tagged[: matches[0].start()].strip(), "text before first tag"
    plain = TAG.sub("", tagged)
    segs, beads = [], []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(tagged)
        seg = tagged[m.end() : end].strip()
        assert seg, f"empty segment at {m.start()}"
        assert "{" not in seg, seg
        sid = len(segs)
        segs.append(seg)
        kind = m.group(1)
        if kind == "=":
            assert beads and beads[-1][0] == "pair", f"bad {{=}} before {seg[:40]}"
            beads[-1][1].append(sid)
        else:
            beads.append(("pair" if kind == "" else "null", [sid]))
    return plain, segs, beads


def merge(src_beads, tgt_beads):
    """Interleave the two sides' beads into gold beads."""
    gold = []
    si = ti = 0
    while si < len(src_beads) or ti < len(tgt_beads):
        while si < len(src_beads) and src_beads[si][0] == "null":
            gold.append([src_beads[si][1], []])
            si += 1
        while ti < len(tgt_beads) and tgt_beads[ti][0] == "null":
            gold.append([[], tgt_beads[ti][1]])
            ti += 1
        if si < len(src_beads) and ti < len(tgt_beads):
            gold.append([src_beads[si][1], tgt_beads[ti][1]])
            si += 1
            ti += 1
        elif si < len(src_beads) or ti < len(tgt_beads):
            left = src_beads[si:] if si < len(src_beads) else tgt_beads[ti:]
            raise SystemExit(f"unpaired beads left: {left[:3]}")
    return gold


def build_doc(meta: dict) -> dict:
    slug = meta["slug"]
    ru_tagged = (SRC / f"{slug}.ru.tagged").read_text(encoding="utf-8")
    en_tagged = (SRC / f"{slug}.en.tagged").read_text(encoding="utf-8")
    ru_text, ru_segs, ru_beads = parse(ru_tagged)
    en_body, en_segs, en_beads = parse(en_tagged)
    if "seed" in meta:
        page = Path(meta["seed"]).read_text(encoding="utf-8")
        head, body = page.split("English HTML\n", 1)
        if body != en_body:
            for k, (a, b) in enumerate(zip(body, en_body, strict=False)):
                if a != b:
                    raise SystemExit(
                        f"{slug}: seed body differs at {k}: {body[k - 40 : k + 40]!r} vs {en_body[k - 40 : k + 40]!r}"
                    )
            raise SystemExit(f"{slug}: seed body length differs {len(body)} {len(en_body)}")
    else:
        page = CHROME.format(**meta["page"]) + en_body
        body = en_body
    ru_text = ru_text.rstrip("\n") + "\n"
    gold = merge(ru_beads, en_beads)
    (COLL / f"{slug}.ru.txt").write_text(ru_text, encoding="utf-8")
    (COLL / f"{slug}.en.txt").write_text(page, encoding="utf-8")
    return {
        "id": f"puzanov-1957/{slug}",
        "src_lang": "ru",
        "tgt_lang": "en",
        "genre": "archival",
        "source": meta["source"],
        "coarse": False,
        "src": ru_segs,
        "tgt": en_segs,
        "src_text": ru_text,
        "tgt_text": body,
        "gold": gold,
    }


def show(doc: dict) -> None:
    for s, t in doc["gold"]:
        ru = " / ".join(doc["src"][i] for i in s)
        en = " / ".join(doc["tgt"][j] for j in t)
        print(f"{len(s)}-{len(t)}  RU: {ru[:110]}\n      EN: {en[:110]}")


def main() -> None:
    docs_meta = tomllib.loads((SRC / "docs.toml").read_text(encoding="utf-8"))["doc"]
    COLL.mkdir(parents=True, exist_ok=True)
    (OUT / "eval").mkdir(exist_ok=True)
    docs = [build_doc(m) for m in docs_meta]
    with open(OUT / "eval" / "puzanov_gold.jsonl", "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    for d in docs:
        if len(sys.argv) > 1 and sys.argv[1] in d["id"]:
            show(d)
        kinds: dict[str, int] = {}
        for s, t in d["gold"]:
            k = f"{len(s)}-{len(t)}"
            kinds[k] = kinds.get(k, 0) + 1
        print(d["id"], len(d["src"]), len(d["tgt"]), len(d["gold"]), dict(sorted(kinds.items())))


if __name__ == "__main__":
    main()
