"""Reference counts for NovelTextTest, computed the way the Python original reads a novel.

Run: python3 novel_reference.py "$NEURALBYTES_DATA/jules-verne" > novel_reference.txt
Python 3 standard library only. "kept" is the whole file lower-cased, as the original
trained on it; "stripped" keeps the text after the START line up to the END line.
"""
import collections
import hashlib
import re
import sys
from pathlib import Path

START = re.compile(r"^[ \t]*\*{3}[ \t]*START OF (THE|THIS) PROJECT GUTENBERG E-?BOOK.*$",
                   re.IGNORECASE | re.MULTILINE)
END = re.compile(r"^[ \t]*\*{3}[ \t]*END OF (THE|THIS) PROJECT GUTENBERG E-?BOOK",
                 re.IGNORECASE | re.MULTILINE)


def strip(text):
    start = START.search(text).end() + 1  # skip the line feed after the START line
    end = END.search(text, start).start()
    return text[start:end]


def report(label, text):
    words = text.split()
    top = collections.Counter(words).most_common(5000)
    kept = {word for word, _ in top}
    unknown = sum(1 for word in words if word not in kept)
    digest = hashlib.sha256("\n".join(word for word, _ in top).encode("utf-8")).hexdigest()
    high = sum(1 for ch in text if ord(ch) >= 256)
    print(f"{label}: code points {len(text)}, distinct {len(set(text))}, code >= 256 {high},"
          f" words {len(words)}, distinct words {len(set(words))},"
          f" unknown with 5000 words {unknown}, 5000th word {top[-1][0]!r},"
          f" sha256 of top 5000 {digest}")


for path in sorted(Path(sys.argv[1]).glob("pg*.txt")):
    text = path.read_text(encoding="utf-8").lower()
    report(path.name + " kept", text)
    report(path.name + " stripped", strip(text))
