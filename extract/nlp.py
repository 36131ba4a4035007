"""The spaCy pipeline: Chinese with the pkuseg segmenter, and policykg's components.

Components (each behind a factory registered when this module is imported, configurable,
saved with ``to_disk``/``from_disk``, so ``nlp.to_disk(path)`` and ``spacy.load(path)`` give
the same pipeline back):

``policykg_gazetteer``
    agencies and places named in the text, from the gazetteer data files (``doc.spans``
    ``"agencies"`` and ``"places"``, the span id the gazetteer entry).
``policykg_pos``
    part-of-speech tags (``token.tag_``, jieba's ICTCLAS tag set, punctuation as ``w*``) from
    jieba's dictionary, for the words of sentences that contain a head character (the only
    ones that can name a platform or programme); the finders then tag the words that end in a
    platform or programme head ``nhp`` / ``nhq``.
``policykg_platforms``
    named platforms (``doc.spans["platforms"]``: label the action on the platform, span id the
    name as written without quotes; ``attrs["links"]`` the platform–platform links).
``policykg_programmes``
    named programmes (``doc.spans["programmes"]``, the same way).
``policykg_targets``
    quantified targets and deadlines (``doc._.targets``, ``doc._.deadlines``).

The pkuseg model is read from its cache (:mod:`extract.models`) in :func:`make_nlp`, jieba's
dictionary from the jieba package on a component's first use; nothing is downloaded here.
"""

from __future__ import annotations

import io
import json
import logging
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

import numpy
import spacy
from spacy.attrs import IDX, LENGTH, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup, Token

from extract.gazetteer import load_gazetteer
from extract.models import require_pkuseg_model
from extract.platforms import (
    ORGANISATION_TAG,
    PATTERNS_PATH,
    Grammar,
    Tok,
    abbreviated_mentions,
    find_names,
    level_dropped_mentions,
    level_mentions,
    load_grammar,
    place_dropped_mentions,
    read_patterns,
)
from extract.targets import find_deadlines, find_targets
from extract.text import is_han
from extract.words import word_around
from ontology import ONTOLOGY_DIR, read_json

__all__ = [
    "COMPONENTS",
    "GazetteerRuler",
    "JiebaWords",
    "NameFinder",
    "PosTagger",
    "TargetFinder",
    "load_nlp",
    "make_nlp",
]

COMPONENTS = (
    "policykg_gazetteer",
    "policykg_pos",
    "policykg_platforms",
    "policykg_programmes",
    "policykg_targets",
)
CORRECTIONS_PATH = ONTOLOGY_DIR / "pos_corrections.json"
_HEAD_TAGS = {"platform": "nhp", "programme": "nhq"}
_SENTENCE = re.compile(r"[^。；！？\n]*[。；！？\n]?")
# Punctuation in the ICTCLAS tag set jieba's dictionary follows (jieba itself tags it all x).
_PUNCTUATION_TAGS = {
    **dict.fromkeys("“‘「『", "wyz"),
    **dict.fromkeys("”’」』", "wyy"),
    "、": "wn",
    **dict.fromkeys("，,", "wd"),
    **dict.fromkeys("。.", "wj"),
    **dict.fromkeys("；;", "wf"),
    **dict.fromkeys("：:", "wm"),
    **dict.fromkeys("！!", "wt"),
    **dict.fromkeys("？?", "ww"),
    **dict.fromkeys("（(《〔【[<", "wkz"),
    **dict.fromkeys("）)》〕】]>", "wky"),
}


@dataclass(frozen=True)
class _Pattern:
    label: str
    text: str
    id: str


class GazetteerRuler:
    """Finds gazetteer names at word boundaries; like spaCy's SpanRuler, with patterns as JSONL.

    Matching is by dictionary look-up from each word start over the word ends after it, as long
    as the text so far begins some name (:attr:`_prefixes`), keeping the longest name found: so
    thousands of names cost a look-up or two per word.
    """

    def __init__(self, name: str = "policykg_gazetteer", *, min_length: int = 2) -> None:
        self.name = name
        self.min_length = min_length
        self.patterns: list[_Pattern] = []
        self._index: dict[str, _Pattern] = {}
        self._prefixes: set[str] = set()  # every beginning of a name, the whole name included

    def initialize(self, get_examples: Any = None, nlp: Any = None, *, patterns: list[dict] | None = None) -> None:
        """Load *patterns* (``{"label", "pattern", "id"}``), by default every gazetteer name."""
        self.add_patterns(patterns if patterns is not None else gazetteer_patterns())

    def add_patterns(self, patterns: list[dict]) -> None:
        for row in patterns:
            pattern = _Pattern(row["label"], row["pattern"], row.get("id", row["pattern"]))
            if len(pattern.text) >= self.min_length:
                self.patterns.append(pattern)
                self._index.setdefault(pattern.text, pattern)
                self._prefixes.update(pattern.text[:end] for end in range(1, len(pattern.text) + 1))

    def __call__(self, doc: Any) -> Any:
        text = _text(doc)
        boundaries = _boundaries(doc)
        ends = [end for _, end in boundaries]
        found: dict[str, list[Any]] = {"agencies": [], "places": []}
        covered_until = -1
        for index, (start, _) in enumerate(boundaries):
            if start < covered_until:
                continue
            longest: tuple[int, _Pattern] | None = None
            for k in range(index, len(ends)):
                end = ends[k]
                words = text[start:end]
                if words not in self._prefixes:
                    break
                pattern = self._index.get(words)
                if pattern is not None:
                    longest = end, pattern
            if longest is not None:
                end, pattern = longest
                span = doc.char_span(start, end, label=pattern.label, span_id=pattern.id)
                if span is not None:
                    found["agencies" if pattern.label == "AGENCY" else "places"].append(span)
                    covered_until = end
        doc.spans["agencies"] = found["agencies"]
        doc.spans["places"] = found["places"]
        return doc

    def to_disk(self, path: str | Path, exclude: Any = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        with (path / "patterns.jsonl").open("w", encoding="utf-8") as out:
            for p in self.patterns:
                out.write(json.dumps({"label": p.label, "pattern": p.text, "id": p.id}, ensure_ascii=False) + "\n")

    def from_disk(self, path: str | Path, exclude: Any = ()) -> GazetteerRuler:
        lines = (Path(path) / "patterns.jsonl").read_text(encoding="utf-8").splitlines()
        self.patterns, self._index, self._prefixes = [], {}, set()
        self.add_patterns([json.loads(line) for line in lines if line.strip()])
        return self


def gazetteer_patterns() -> list[dict]:
    """Every agency name and alias of the hand gazetteers and the level-word forms of the standard
    institutions (label AGENCY), and every place name (label PLACE), as patterns."""
    gaz = load_gazetteer()
    patterns = [
        {"label": "PLACE", "pattern": form, "id": place.code}
        for place in gaz.places.values()
        for form in (place.name, *place.short)
        if len(form) >= 2 and place.level != "country"
    ]
    patterns += [
        {"label": "AGENCY", "pattern": form, "id": agency.id}
        for agency in gaz.agencies.values()
        for form in (agency.name, *agency.aliases)
    ]
    named = {p["pattern"] for p in patterns}
    # 省发改委, 市卫健委 …: resolved in the document's place when found (extract.mentions)
    patterns += [{"label": "AGENCY", "pattern": f, "id": ""} for f in gaz.level_forms() if f not in named]
    return patterns


# jieba's tags of function words: a preposition, a conjunction, a particle
_FUNCTION_TAGS = frozenset({"p", "c", "u"})


class JiebaWords:
    """Tags and frequencies of words from jieba's dictionary, with corrections for plan language.

    A word the dictionary lacks (pkuseg's 优化省, 苏服码) is cut by jieba and tagged by its last
    piece, the head of a Chinese compound (a proper noun where only that piece is a verb:
    苏服办); its first piece is kept for :meth:`leading_word`. One jieba's model reads whole though
    a verb and a word of one character make it (运维|县, which the model takes for a place) is cut so.
    """

    def __init__(self, corrections: dict[str, str]) -> None:
        try:
            import jieba
            import jieba.posseg
        except ImportError as exc:  # pragma: no cover - jieba is a dependency of the project
            raise RuntimeError("jieba is missing: pip install jieba") from exc
        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        self._tags: dict[str, str] = jieba.posseg.dt.word_tag_tab
        self._frequencies: dict[str, int] = jieba.dt.FREQ
        self._cut = jieba.posseg.lcut
        self._corrections = corrections
        self._known: dict[str, tuple[str, tuple[str, str] | None]] = {}

    def tag(self, word: str) -> str:
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = self._analyse(word)
        return known[0]

    def leading_word(self, word: str) -> tuple[str, str] | None:
        """The first piece and its tag, for a word the dictionary does not hold whole."""
        if word not in self._known:
            self.tag(word)
        return self._known[word][1]

    def frequency(self, word: str) -> int:
        return self._frequencies.get(word, 0)

    def word_around(self, text: str, position: int) -> tuple[int, int]:
        """(start, end) of the dictionary's word that holds the character at *position*, as the
        text around it segments."""
        return word_around(text, position)

    def dictionary_tag(self, word: str) -> str | None:
        """jieba's own tag of a word its dictionary holds, before any correction."""
        return self._tags.get(word)

    def corrected(self, word: str) -> bool:
        """Whether the plan-language corrections give *word* a tag of their own."""
        return word in self._corrections

    def _analyse(self, word: str) -> tuple[str, tuple[str, str] | None]:
        if word in self._corrections:
            return self._corrections[word], None
        if word in _PUNCTUATION_TAGS:
            return _PUNCTUATION_TAGS[word], None
        if not word.strip():
            return "x", None
        if word.isascii():  # a letter makes it a word, a digit a number; else a symbol (--, #)
            return ("eng" if any(c.isalpha() for c in word) else "m" if any(c.isdigit() for c in word) else "x"), None
        tag = self._tags.get(word)
        if tag is not None:
            return tag, None
        pieces = [(p.word, self._corrections.get(p.word, p.flag)) for p in self._cut(word)]
        stem = self._corrections.get(word[:-1]) or self._tags.get(word[:-1], "")
        if len(pieces) == 1 and len(word) > 2 and stem.startswith("v") and word[-1] in self._tags:
            pieces = [(word[:-1], stem), (word[-1], self._tags[word[-1]])]  # 运维|县: a verb glued to a word
        tag, opening = pieces[-1][1], pieces[0][1]
        if tag.startswith("v") and not opening.startswith(("v", "r")):
            tag = "nz"  # 苏服办, 湘易办: an unknown word that ends in a verb but starts otherwise names (这是: a verb)
        elif tag in ("m", "q") and len(pieces) > 1 and opening.startswith("n"):
            tag = "n"  # 街道级, 公众号: a noun and a measure or number word after it count nothing
        elif tag[:1] in _FUNCTION_TAGS and len(pieces) > 1 and pieces[0][1][:1] not in _FUNCTION_TAGS:
            tag = "nz"  # 黔心通: a word the dictionary lacks is no preposition or particle for its last piece
        return tag, pieces[0] if len(pieces) > 1 else None


@lru_cache(maxsize=4)
def jieba_words(corrections_path: Path = CORRECTIONS_PATH) -> JiebaWords:
    """The dictionary, loaded once per process (jieba builds its prefix dictionary in a second)."""
    return JiebaWords(read_json(corrections_path, "part-of-speech corrections")["tags"])


def _text(doc: Doc) -> str:
    """The doc's text, built once (``Doc.text`` joins every token on each access)."""
    cached = doc.user_data.get("policykg_text")
    if cached is None:
        cached = doc.user_data["policykg_text"] = doc.text
    return cached


def _boundaries(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every word, computed once per doc from its arrays (no Token objects)."""
    cached = doc.user_data.get("policykg_boundaries")
    if cached is None:
        array = doc.to_array([IDX, LENGTH]).astype(numpy.int64).reshape(-1, 2)
        starts = array[:, 0]  # by columns: a 2-D uint64 array's tolist() costs a hundred times more
        cached = list(zip(starts.tolist(), (starts + array[:, 1]).tolist(), strict=True))
        doc.user_data["policykg_boundaries"] = cached
    return cached


def _windows(doc: Doc, triggers: str) -> list[tuple[int, int]]:
    """Token ranges of the sentences that contain one of *triggers* (all the doc without)."""
    boundaries = _boundaries(doc)
    if not triggers:
        return [(0, len(boundaries))] if boundaries else []
    text = _text(doc)
    trigger = re.compile(f"[{re.escape(triggers)}]")
    starts = [start for start, _ in boundaries]
    windows: list[tuple[int, int]] = []
    for sentence in _SENTENCE.finditer(text):
        if sentence.start() < sentence.end() and trigger.search(text, sentence.start(), sentence.end()):
            first = bisect_right(starts, sentence.start()) - 1
            last = bisect_left(starts, sentence.end())
            if windows and windows[-1][1] > first:
                windows[-1] = (windows[-1][0], last)
            else:
                windows.append((max(first, 0), last))
    return windows


_ADVERB_TAGS = frozenset({"d", "ad"})
_STRAIGHT_QUOTE = '"'
_CURLY_OPENING, _CURLY_CLOSING = frozenset("“‘「『"), frozenset("”’」』")
_SENTENCE_ENDS = frozenset("。\n")


def _straight_quote_tags(pieces: list[str]) -> dict[int, str]:
    """The tags of the straight double quotes that open and close as “ ” do: in pairs, outside
    curly quotes, around words of Chinese ("辽事通"平台; not an HTML attribute's value, onload="…"),
    or closing a curly quotation that no curly quote closes before the next one opens or the
    sentence ends, as web copies write them (“蒙速办"; not the inner quotes of “a"b"”).

    >>> _straight_quote_tags(['推广', '"', '甬易办', '"', '，', '“', 'a', '"', 'b', '"', '”'])
    {1: 'wyz', 3: 'wyy'}
    >>> _straight_quote_tags(['接入', '“', '蒙速办', '"', '，'])
    {3: 'wyy'}
    """
    tags: dict[int, str] = {}
    depth, outside = 0, []
    for i, piece in enumerate(pieces):
        if piece in _CURLY_OPENING:
            depth += 1
        elif piece in _CURLY_CLOSING:
            depth = max(depth - 1, 0)
        elif piece == _STRAIGHT_QUOTE and not depth:
            outside.append(i)
        elif piece == _STRAIGHT_QUOTE:
            ahead = (p for p in pieces[i + 1 :] if p in _CURLY_OPENING or p in _CURLY_CLOSING or p in _SENTENCE_ENDS)
            if next(ahead, "") not in _CURLY_CLOSING:
                tags[i] = "wyy"
                depth -= 1
    for opening, closing in zip(outside[::2], outside[1::2], strict=False):
        if any(is_han(c) for piece in pieces[opening + 1 : closing] for c in piece):
            tags[opening], tags[closing] = "wyz", "wyy"
    return tags


def _mended_tags(pieces: list[str], words: JiebaWords) -> list[str]:
    """jieba's tag of each word, but an adverb, or a verb of one character, that the segmenter
    cut from the noun it starts takes that noun's tag: 自然|资源 is jieba's 自然资源 (a noun), no
    adverb before 资源; 跨|部门 is 跨部门, no verb before 部门. A word corrected to an adverb
    (:data:`CORRECTIONS_PATH`) keeps jieba's own tag before a noun, which it modifies."""
    tags = [words.tag(piece) for piece in pieces]
    for quote, tag in _straight_quote_tags(pieces).items():
        tags[quote] = tag
    for i in range(len(pieces) - 1):
        if tags[i] in _ADVERB_TAGS and tags[i + 1][:1] == "n" and words.corrected(pieces[i]):
            leading = words.leading_word(pieces[i + 1])  # 开放市: a verb glued to what follows
            own = words.dictionary_tag(pieces[i])
            if own and (leading is None or leading[1][:1] != "v"):
                tags[i] = own  # 重点|推进 is an adverb, 重点|污染源 the adjective jieba tags it
                continue
        cut = tags[i] in _ADVERB_TAGS or (tags[i][:1] == "v" and len(pieces[i]) == 1)
        if cut and words.frequency(joined := pieces[i] + pieces[i + 1]):
            compound = words.tag(joined)
            if (compound[:1] == "n" or compound == "l") and tags[i + 1][:1] == "n":  # not 大力|开展
                tags[i] = compound
    return tags


class PosTagger:
    """Part-of-speech tags from jieba's dictionary on pkuseg's words (``token.tag_``).

    Only sentences that hold a *triggers* character are tagged (all of them without
    *triggers*); their token ranges are kept in ``doc.user_data["policykg_windows"]``.
    """

    def __init__(self, name: str = "policykg_pos", *, triggers: str = "") -> None:
        self.name = name
        self.triggers = triggers
        self.corrections_path = CORRECTIONS_PATH

    @property
    def words(self) -> JiebaWords:
        return jieba_words(self.corrections_path)

    def initialize(self, get_examples: Any = None, nlp: Any = None) -> None:
        """Load jieba's dictionary now rather than on the first doc."""
        self.words  # noqa: B018 - loading is the point

    def __call__(self, doc: Doc) -> Doc:
        words, text, boundaries = self.words, _text(doc), _boundaries(doc)
        windows = doc.user_data["policykg_windows"] = _windows(doc, self.triggers)
        add = doc.vocab.strings.add
        tags: Any = numpy.zeros((len(doc), 1), dtype="uint64")
        for first, last in windows:
            pieces = [text[boundaries[i][0] : boundaries[i][1]] for i in range(first, last)]
            for offset, tag in enumerate(_mended_tags(pieces, words)):
                tags[first + offset, 0] = add(tag)
        doc.from_array([TAG], tags)
        return doc

    def to_disk(self, path: str | Path, exclude: Any = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "corrections.json").write_text(self.corrections_path.read_text(encoding="utf-8"), encoding="utf-8")

    def from_disk(self, path: str | Path, exclude: Any = ()) -> PosTagger:
        self.corrections_path = Path(path) / "corrections.json"
        return self


def _mark_heads(doc: Doc, grammar: Grammar, words: JiebaWords) -> dict[int, str]:
    """Tag the words of the tagged windows that end in a head ``nhp`` (platform) or ``nhq``
    (programme), once per doc; index → head."""
    heads = doc.user_data.get("policykg_heads")
    if heads is None:
        text, boundaries = _text(doc), _boundaries(doc)
        heads = doc.user_data["policykg_heads"] = {}
        for first, last in doc.user_data.get("policykg_windows", ()):
            for i in range(first, last):
                if text[boundaries[i][1] - 1] in grammar.triggers and not _verb_and_object(doc[i]):
                    kind, head = grammar.head(text, *boundaries[i], words)
                    if kind:
                        heads[i] = head
                        doc[i].tag_ = _HEAD_TAGS[kind]
    return heads


def _verb_and_object(token: Token) -> bool:
    """Whether *token* is a verb of two characters, a verb and its object in one (联网, 入库,
    上云): its last character names no system, as a head's would."""
    return token.tag_ == "v" and len(token.text) == 2


class NameFinder:
    """Named platforms or programmes (*kind*) as ``doc.spans[spans_key]``.

    The Matcher patterns of *kind* (``ontology/platform_patterns.jsonl``) find candidates over
    the tags of :class:`PosTagger`; :func:`extract.platforms.find_names` cuts them into names.
    """

    _LABELS: ClassVar[dict[str, tuple[str, ...]]] = {"platform": ("PLATFORM", "BRAND"), "programme": ("PROGRAMME",)}

    def __init__(self, nlp: Language, name: str, *, kind: str, spans_key: str) -> None:
        if kind not in self._LABELS:
            raise ValueError(f"kind must be one of {sorted(self._LABELS)}, not {kind!r}")
        self.name, self.kind, self.spans_key, self.vocab = name, kind, spans_key, nlp.vocab
        self._load(ONTOLOGY_DIR / "platforms.json", PATTERNS_PATH)

    def _load(self, grammar_path: Path, patterns_path: Path) -> None:
        from spacy.matcher import Matcher

        self.grammar_path, self.patterns_path = grammar_path, patterns_path
        self.grammar = load_grammar(grammar_path)
        self.matcher = Matcher(self.vocab)
        for row in read_patterns(patterns_path):
            if row["label"] in self._LABELS[self.kind]:
                self.matcher.add(row["label"], [row["pattern"]], greedy="LONGEST")

    def __call__(self, doc: Doc) -> Doc:
        words, text, boundaries = jieba_words(), _text(doc), _boundaries(doc)
        heads = _mark_heads(doc, self.grammar, words)
        windows = doc.user_data.get("policykg_windows", [])
        own = set(self.grammar.heads_of(self.kind))
        window_starts = [first for first, _ in windows]
        last_head: dict[int, int] = {}
        for i, head in heads.items():
            if head in own:
                index = bisect_right(window_starts, i) - 1
                last_head[index] = max(i, last_head.get(index, i))
        by_window: dict[int, list[tuple[int, int, str]]] = {}
        strings = self.vocab.strings
        for index, (first, last) in enumerate(windows):
            window = text[boundaries[first][0] : boundaries[last - 1][1]]
            quoted = self.kind == "platform" and ("“" in window or _STRAIGHT_QUOTE in window)
            if index not in last_head and not quoted:
                continue
            stop = last if quoted else min(last_head[index] + 2, last)  # a name ends at its head or quote
            by_window[index] = [(a, b, strings[key]) for key, a, b in self.matcher(doc[first:stop])]
        tag_values: list[int] = doc.to_array(TAG).tolist() if by_window else []
        names = {value: strings[value] for value in set(tag_values)}
        organisation = strings.add(ORGANISATION_TAG)
        names[organisation] = ORGANISATION_TAG
        for span in doc.spans.get("agencies", ()) if by_window else ():
            tag_values[span.start] = organisation  # a body the gazetteer knows opens here
        spans: list[Span] = []
        links: list[list[Any]] = []
        for index, matches in sorted(by_window.items()):
            if not matches:
                continue
            first, last = windows[index]
            tokens = [
                Tok(text[s:e], s, e, names[tag_values[i]], heads.get(i, ""))
                for i, (s, e) in enumerate(boundaries[first:last], first)
            ]
            candidates = matches
            found, found_links = find_names(text, tokens, candidates, self.kind, self.grammar, words)
            kept = [
                f for f in found if self.kind == "platform" or f.quoted or f.before in self.grammar.programme_verbs
            ]  # 用地计划, 建筑工程: a programme is quoted or follows 实施, 开展 …
            position = {id(f): len(spans) + n for n, f in enumerate(kept)}
            links += [
                [position[id(found[a])], position[id(found[b])], verb]
                for a, b, verb in found_links
                if id(found[a]) in position and id(found[b]) in position
            ]
            spans += [
                Span(doc, first + f.first, first + f.last, label=f.action or "mentions", span_id=f.name) for f in kept
            ]
        if self.kind == "platform":
            spans = self._abbreviated(doc, text, spans)
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, attrs={"links": links}, spans=spans)
        return doc

    def _abbreviated(self, doc: Doc, text: str, spans: list[Span]) -> list[Span]:
        """*spans* with the mentions by the short forms the text defines for names found, named as
        written, the name each stands for as its ``kb_id`` (so that an item naming both lists the
        system once), and by a name's level and head alone, named as the name they stand for. A
        span found already where a short form stands (确保|在线平台|稳定运行) is marked in its
        place, so that the links' indices hold; the others come after."""
        short = abbreviated_mentions(text, [(s.start_char, s.end_char) for s in spans], self.grammar)
        found = [(a, b, name, referent or "") for a, b, name, referent in short]
        named = [(s.start_char, s.end_char, s.id_) for s in spans]
        found += [
            (a, b, name, "")
            for a, b, name in level_mentions(text, named, self.grammar)
            if not any(start < b and a < end for start, end, _, _ in found)  # a short form the text defines
        ]
        found += [  # 一键报贫系统 beside 甘肃一键报贫系统: the same system
            (a, b, text[a:b], referent)
            for a, b, referent in place_dropped_mentions(text, named)
            if not any(start < b and a < end for start, end, _, _ in found)
        ]
        found += [  # 省政务服务平台 … 接收政务服务平台推送信息: the same system without its level
            (a, b, referent, "")
            for a, b, referent in level_dropped_mentions(text, named, self.grammar)
            if not any(start < b and a < end for start, end, _, _ in found)
        ]
        at = {(span.start_char, span.end_char): index for index, span in enumerate(spans)}
        spans = list(spans)
        added = []
        for a, b, name, referent in sorted(found):
            if (index := at.get((a, b))) is not None:
                span = spans[index]
                spans[index] = Span(doc, span.start, span.end, label=span.label_, kb_id=referent, span_id=span.id_)
            else:
                made = doc.char_span(a, b, label="mentions", kb_id=referent, alignment_mode="expand", span_id=name)
                if made is not None:
                    added.append(made)
        return spans + added

    def to_disk(self, path: str | Path, exclude: Any = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "grammar.json").write_text(self.grammar_path.read_text(encoding="utf-8"), encoding="utf-8")
        (path / "patterns.jsonl").write_text(self.patterns_path.read_text(encoding="utf-8"), encoding="utf-8")

    def from_disk(self, path: str | Path, exclude: Any = ()) -> NameFinder:
        self._load(Path(path) / "grammar.json", Path(path) / "patterns.jsonl")
        return self


class TargetFinder:
    """Quantified targets and deadlines (see :mod:`extract.targets`)."""

    def __init__(self, name: str = "policykg_targets") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = _text(doc)
        doc._.targets, doc._.deadlines = find_targets(text), find_deadlines(text)
        return doc


for _attribute in ("targets", "deadlines"):
    if not Doc.has_extension(_attribute):
        Doc.set_extension(_attribute, default=None)


@Language.factory("policykg_gazetteer", default_config={"min_length": 2})
def make_gazetteer_ruler(nlp: Language, name: str, min_length: int) -> GazetteerRuler:
    return GazetteerRuler(name, min_length=min_length)


@Language.factory("policykg_pos", default_config={"triggers": ""})
def make_pos_tagger(nlp: Language, name: str, triggers: str) -> PosTagger:
    return PosTagger(name, triggers=triggers)


@Language.factory("policykg_platforms", default_config={"kind": "platform", "spans_key": "platforms"})
def make_platform_finder(nlp: Language, name: str, kind: str, spans_key: str) -> NameFinder:
    return NameFinder(nlp, name, kind=kind, spans_key=spans_key)


@Language.factory("policykg_programmes", default_config={"kind": "programme", "spans_key": "programmes"})
def make_programme_finder(nlp: Language, name: str, kind: str, spans_key: str) -> NameFinder:
    return NameFinder(nlp, name, kind=kind, spans_key=spans_key)


@Language.factory("policykg_targets")
def make_target_finder(nlp: Language, name: str) -> TargetFinder:
    return TargetFinder(name)


# What pkuseg prints on standard error each time it reads the model in the format its wheel ships
# (extract.models): the format expected, so nothing a user should read on every build.
_PKUSEG_FORMAT_NOTICE = "WARNING: features.msgpack does not exist, try loading features.pkl"


@contextmanager
def without_pkuseg_format_notice() -> Iterator[None]:
    """Standard error as it is, but for pkuseg's notice that it reads ``features.pkl``: written
    once the block ends (or fails)."""
    captured = io.StringIO()
    try:
        with redirect_stderr(captured):
            yield
    finally:
        lines = captured.getvalue().splitlines(keepends=True)
        sys.stderr.write("".join(line for line in lines if line.rstrip("\n") != _PKUSEG_FORMAT_NOTICE))


def make_nlp(model_dir: Path | None = None) -> Language:
    """A blank Chinese pipeline with the pkuseg segmenter and policykg's components."""
    folder = model_dir or require_pkuseg_model()
    nlp: Any = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "pkuseg"}}})
    with without_pkuseg_format_notice():
        nlp.tokenizer.initialize(pkuseg_model=str(folder))
    for component in COMPONENTS:
        config = {"triggers": load_grammar().triggers} if component == "policykg_pos" else {}
        nlp.add_pipe(component, config=config)
    nlp.get_pipe("policykg_gazetteer").initialize()
    nlp.get_pipe("policykg_pos").initialize()
    return nlp


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The default pipeline, built once per process (loading pkuseg takes seconds)."""
    return make_nlp()
