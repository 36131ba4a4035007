"""Leave-one-jurisdiction-out evaluation of a trained filter over the platform finder's names
(an experiment, not part of the pipeline: it did not measurably beat the rules).

Whether a phrase such as 公共服务平台 or 大数据系统 names one system or a kind is a matter of
degree annotators decide from context. This asks whether a model can learn it: every name the
rules propose in an annotated document is an example (kept if the gold lists it for its item,
dropped if not; optional names teach nothing), described by closed, general features only
(part-of-speech tags around and inside it, its head, length, quotes, the action on it, how
common its modifier is, the words before it that are no nouns; never the characters of the
name). A logistic regression is fitted on every jurisdiction but one (a jurisdiction is the
first part of a file name: ``fujian``, ``hainan``, ``national``…) and filters the names of that
one. It prints platform precision, recall and F1 per set and in all, for the rules alone and
with the left-out filter at each threshold. A set kept for measuring (a ``HELD_OUT`` file
in its folder) is left out.

    .venv/bin/python -m bench.platform_filter_lojo [--thresholds 0.3,0.4,0.5]
"""

from __future__ import annotations

import argparse
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from bench.platform_lojo import DEFAULT_SETS
from extract.evaluate import (
    Counts,
    item_key,
    load_gold,
    normalise_platform,
    platforms_by_item,
    precision_recall_f1,
    score_platforms,
)
from extract.nlp import jieba_words, make_nlp
from extract.pipeline import extract_document, pipeline_pieces
from extract.platforms import Grammar, load_grammar
from extract.reading import read_document

_QUOTES = '“”‘’「」『』"'


@dataclass
class FilterModel:
    """Logistic-regression weights over feature strings."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0

    def probability(self, features: Iterable[str]) -> float:
        """The chance that a name with *features* is one the annotators would list.

        >>> FilterModel({"quoted": 2.0}, bias=-1.0).probability(["quoted"]) > 0.7
        True
        """
        z = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def train(examples: Sequence[tuple[list[str], bool]], *, l2: float = 1.0, epochs: int = 2000) -> FilterModel:
    """Fit a logistic regression to (features, kept) pairs by full-batch gradient descent
    (deterministic: the same examples give the same weights).

    >>> model = train([(["quoted"], True), (["verb_first"], False)] * 5)
    >>> model.probability(["quoted"]) > 0.5 > model.probability(["verb_first"])
    True
    """
    import numpy as np

    vocabulary = sorted({f for features, _ in examples for f in features})
    index = {f: i for i, f in enumerate(vocabulary)}
    rows = [[index[f] for f in set(features)] for features, _ in examples]
    labels = np.array([1.0 if kept else 0.0 for _, kept in examples])
    x = np.zeros((len(examples), len(vocabulary)))
    for r, columns in enumerate(rows):
        x[r, columns] = 1.0
    w = np.zeros(len(vocabulary))
    b = 0.0
    n = max(1, len(examples))
    rate = 0.5
    for _ in range(epochs):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        error = p - labels
        w -= rate * (x.T @ error / n + l2 * w / n)
        b -= rate * float(error.mean())
    return FilterModel({f: float(w[i]) for f, i in index.items()}, float(b))


# Features -----------------------------------------------------------------------------------------


def _bucket(value: int, bounds: Sequence[int]) -> str:
    for bound in bounds:
        if value <= bound:
            return f"<={bound}"
    return f">{bounds[-1]}"


def _head_of(name: str, grammar: Grammar) -> str:
    return max((h for h in grammar.heads if name.endswith(h)), key=len, default="")


def span_features(doc: Doc, span: Span, grammar: Grammar, frequency: Any, counts: dict[str, int]) -> list[str]:
    """The features of one proposed name: closed classes only, never the name's own characters
    beyond its head (so that what is learnt holds for names never seen).

    *frequency* gives a word's count in jieba's dictionary; *counts* how often each name occurs
    in the document.
    """
    name = span.id_ or span.text
    bare = name.strip(_QUOTES)
    head = _head_of(bare, grammar)
    tokens = list(span)
    tags = [t.tag_ for t in tokens]
    before = doc[span.start - 1] if span.start > 0 else None
    before2 = doc[span.start - 2] if span.start > 1 else None
    after = doc[span.end] if span.end < len(doc) else None
    modifier = bare[: len(bare) - len(head)]
    features = [
        f"head={head or '?'}",
        f"head_len={len(head)}",
        f"tokens={_bucket(len(tokens), (1, 2, 3, 4, 6))}",
        f"chars={_bucket(len(bare), (3, 4, 5, 7, 10, 14))}",
        f"action={span.label_}",
        f"first_tag={tags[0]}",
        f"last_tag={tags[-1]}",
        f"before_tag={before.tag_ if before is not None else 'START'}",
        f"before2_tag={before2.tag_ if before2 is not None else 'START'}",
        f"after_tag={after.tag_ if after is not None else 'END'}",
        f"before_after={before.tag_ if before is not None else 'START'}|{after.tag_ if after is not None else 'END'}",
        f"first_before={tags[0]}|{before.tag_ if before is not None else 'START'}",
        f"modifier_chars={_bucket(len(modifier), (0, 2, 4, 6, 9))}",
        f"modifier_frequency={_bucket(frequency(modifier), (0, 10, 100, 1000, 10000))}",
        f"repeated={counts.get(name, 0) > 1}",
    ]
    features += [f"in_tag={tag}" for tag in set(tags[:-1])]
    if any(c in _QUOTES for c in span.text) or (before is not None and before.text in "“「"):
        features.append("quoted")
    if any(c.isdigit() for c in bare):
        features.append("digits")
    if any(c.isascii() and c.isalpha() for c in bare):
        features.append("latin")
    level = next((lv for lv in sorted(grammar.levels, key=len, reverse=True) if bare.startswith(lv)), None)
    if level is not None:
        features.append(f"level_first={len(level)}")
    if before is not None and before.text in grammar.actions:
        features.append(f"after_action={grammar.actions[before.text]}")
    if before is not None and before.text == "的":
        features.append("after_de")
    if after is not None and after.text == "的":
        features.append("before_de")
    if before is not None and not before.tag_.startswith("n"):
        features.append(f"before_text={before.text}")
    if not tags[0].startswith("n"):
        features.append(f"first_text={tokens[0].text}")
    if any(t.text in grammar.actions for t in tokens[:-1]):
        features.append("action_inside")
    return features


def document_features(doc: Doc, spans: Iterable[Span], grammar: Grammar, frequency: Any) -> list[list[str]]:
    """:func:`span_features` of each of *spans*, with the document's counts of each name."""
    spans = list(spans)
    counts: dict[str, int] = {}
    for span in spans:
        counts[span.id_] = counts.get(span.id_, 0) + 1
    return [span_features(doc, span, grammar, frequency, counts) for span in spans]


@dataclass(frozen=True)
class Example:
    """One proposed name of one document, with what the gold says of it (None: optional)."""

    document: str
    jurisdiction: str
    item: str | None
    name: str
    features: tuple[str, ...]
    kept: bool | None


def document_examples(path: Path, gold_rows: list[dict], nlp: Any) -> Iterator[Example]:
    """The examples of one document."""
    grammar = load_grammar()

    document = read_document(path)
    extraction = extract_document(document, nlp=nlp)
    by_offsets: dict[tuple[int, int], tuple[str, ...]] = {}
    for offset, doc in pipeline_pieces(nlp, document.norm):
        spans = list(doc.spans["platforms"])
        for span, features in zip(spans, document_features(doc, spans, grammar, jieba_words().frequency), strict=True):
            by_offsets[(offset + span.start_char, offset + span.end_char)] = tuple(features)
    wanted, optional = platforms_by_item(gold_rows)
    for mention in extraction.mentions:
        if mention.kind != "platform" or (mention.start, mention.end) not in by_offsets:
            continue
        key = item_key(mention.item)
        name = normalise_platform(mention.name)
        if any(name in alternatives for alternatives in wanted.get(key, [])):
            kept: bool | None = True
        elif name in optional.get(key, set()):
            kept = None
        else:
            kept = False
        yield Example(
            path.name,
            path.name.split("_", 1)[0],
            mention.item,
            mention.name,
            by_offsets[(mention.start, mention.end)],
            kept,
        )


def collect(sets: Iterable[tuple[Path, Path]], nlp: Any) -> list[Example]:
    """The examples of every document the gold of *sets* covers."""
    examples: list[Example] = []
    for corpus, gold in sets:
        _, platforms = load_gold(gold)
        for name, rows in sorted(platforms.items()):
            examples += document_examples(corpus / name, rows, nlp)
    return examples


def fit(examples: Iterable[Example]) -> FilterModel:
    """The model of the examples the gold decides (optional names left out)."""
    return train([(list(e.features), bool(e.kept)) for e in examples if e.kept is not None])


def _score(examples: list[Example], kept: set[int], gold: dict[str, list[dict]]) -> Counts:
    total = Counts(platforms_scored=True)
    by_document: dict[str, list[dict]] = defaultdict(list)
    for index, example in enumerate(examples):
        if index in kept:
            by_document[example.document].append({"item": example.item, "name": example.name})
    for document, rows in gold.items():
        total.add(score_platforms(by_document.get(document, []), rows))
    return total


def _cell(counts: Counts) -> str:
    score = precision_recall_f1(counts.matched_platforms, counts.predicted_platforms, counts.gold_platforms)
    return f"P {score['precision']:.3f} R {score['recall']:.3f} F1 {score['f1']:.3f}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--thresholds", default="0.3,0.4,0.5", help="filter thresholds to try (default 0.3,0.4,0.5)")
    args = parser.parse_args(argv)
    thresholds = [float(t) for t in args.thresholds.split(",")]
    nlp = make_nlp()
    per_set: dict[str, tuple[list[Example], dict[str, list[dict]]]] = {}
    for corpus, gold_dir in DEFAULT_SETS:
        label = gold_dir.parent.name if gold_dir.parent.name != "shared" else "shared"
        per_set[label] = (collect([(corpus, gold_dir)], nlp), load_gold(gold_dir)[1])
    everything = [e for examples, _ in per_set.values() for e in examples]
    jurisdictions = sorted({e.jurisdiction for e in everything})
    models = {j: fit(e for e in everything if e.jurisdiction != j) for j in jurisdictions}
    print(f"{len(everything)} proposed names, {len(jurisdictions)} jurisdictions")
    header = ["set", "rules alone"] + [f"left-out filter {t:g}" for t in thresholds]
    print("| " + " | ".join(header) + " |")
    print("|" + " --- |" * len(header))
    totals = [Counts(platforms_scored=True) for _ in range(len(thresholds) + 1)]
    for label, (examples, gold) in per_set.items():
        cells = []
        runs = [set(range(len(examples)))]
        for threshold in thresholds:
            runs.append(
                {i for i, e in enumerate(examples) if models[e.jurisdiction].probability(e.features) >= threshold}
            )
        for n, kept in enumerate(runs):
            counts = _score(examples, kept, gold)
            totals[n].add(counts)
            cells.append(_cell(counts))
        print(f"| {label} | " + " | ".join(cells) + " |")
    print("| **all** | " + " | ".join(_cell(c) for c in totals) + " |")


if __name__ == "__main__":
    main()
