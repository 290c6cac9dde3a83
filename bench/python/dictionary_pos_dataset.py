#!/usr/bin/env python3
"""A sentence-classification set from the benchmark corpus (the GCIDE/WordNet dictionary text of
../shared/bench/make_corpus.sh): the text is the first sense of a dictionary entry's definition,
the label the entry's part of speech: noun (n), verb (v, v t, v i), adjective (a, adj) or adverb
(adv). An entry starts on a line with no leading space, "headword syllables POS"; its first
definition is the following indented lines up to the first blank line or the "1913 webster" /
"wordnet" source line, with a leading sense number dropped and the headword's own word forms
removed (so the label is not in the text). Definitions shorter than 3 words, and duplicates of
an earlier text, are skipped. Shuffled with a fixed seed and split 80/20.

Writes DIR/train.csv, DIR/test.csv (columns text,label; commons-csv reads them) and the same
split as fastText wants it, DIR/train.txt and DIR/test.txt ("__label__POS text"). For choosing
settings without looking at the test split, the training part is split again 90/10 into
DIR/fit.{csv,txt} and DIR/valid.{csv,txt} (train = fit + valid, in that order).
Usage: dictionary_pos_dataset.py CORPUS DIR [SEED]
"""
import csv, os, random, re, sys

POS = {"n": "noun", "v": "verb", "v t": "verb", "v i": "verb", "a": "adjective", "adj": "adjective",
       "adv": "adverb"}
HEADER = re.compile(r"^(\S+) (.*?) ?(n|v t|v i|v|a|adj|adv)\s*$")


def entries(path):
    head, lines, inside = None, [], False
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if line[:1] not in (" ", ""):
                if head and lines:
                    yield head, lines
                m = HEADER.match(line)
                head = (m.group(1), m.group(2), POS[m.group(3)]) if m else None
                lines, inside = [], head is not None
                continue
            if not inside:
                continue
            s = line.strip()
            if not s or s.startswith("1913 webster") or s.startswith("wordnet"):
                inside = False
                continue
            lines.append(s)
    if head and lines:
        yield head, lines


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    rows, seen = [], set()
    for (word, syllables, label), lines in entries(corpus):
        words = " ".join(lines).split()
        if words and words[0].isdigit():
            words = words[1:]
        forms = {word, syllables.replace(" ", "")} | set(syllables.split())
        words = [w for w in words if w not in forms]
        text = " ".join(words)
        if len(words) < 3 or text in seen:
            continue
        seen.add(text)
        rows.append((text, label))
    random.Random(seed).shuffle(rows)
    cut = len(rows) * 4 // 5
    os.makedirs(out, exist_ok=True)
    fit = cut * 9 // 10
    parts = (("train", rows[:cut]), ("test", rows[cut:]), ("fit", rows[:fit]), ("valid", rows[fit:cut]))
    for name, part in parts:
        with open(os.path.join(out, name + ".csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["text", "label"])
            w.writerows(part)
        with open(os.path.join(out, name + ".txt"), "w", encoding="utf-8") as f:
            for text, label in part:
                f.write(f"__label__{label} {text}\n")
    counts = {}
    for _, label in rows:
        counts[label] = counts.get(label, 0) + 1
    print(f"{len(rows)} sentences ({cut} train, {len(rows) - cut} test): {dict(sorted(counts.items()))}", file=sys.stderr)


if __name__ == "__main__":
    main()
