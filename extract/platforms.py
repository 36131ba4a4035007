"""Finding named platforms, their actions and platform–platform links in task text.

Works on characters with the word boundaries of a segmenter (pkuseg), so that a verb is a
whole word and a head (平台, 系统, APP, 网 …) really ends a word. Text is cut into noun
*chunks* at punctuation, verbs, 的, 等 and conjunctions that follow a complete name; the name
in a chunk ends at its last head. Names are written as in the text without quotes; the verb
before a chunk types the action on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

from ontology import ONTOLOGY_DIR, read_json

__all__ = [
    "PlatformLexicon",
    "PlatformLink",
    "PlatformMention",
    "find_platforms",
    "find_programmes",
    "load_platform_lexicon",
]

_PUNCT = set("，。；：、！？（）()《》〔〕【】[]{}<>,.;:!?|/\\\n\t \u3000…—-·")
_QUOTES = set("“”\"‘’'「」『』")
_LEVEL_TAILS = ("全省", "全市", "省", "市", "县", "区", "各")


@dataclass(frozen=True)
class PlatformLexicon:
    heads: tuple[str, ...]
    not_heads: tuple[str, ...]
    following_blacklist: tuple[str, ...]
    versions: tuple[str, ...]
    verb_actions: dict[str, str]
    conjunctions: frozenset[str]
    quantifiers: frozenset[str]
    generic_modifiers: tuple[str, ...]
    link_verbs: tuple[str, ...]
    nominal_verbs: frozenset[str] = frozenset()
    generic_names: frozenset[str] = frozenset()
    distribution_blockers: tuple[str, ...] = ()
    programme_heads: tuple[str, ...] = ()
    programme_following_blacklist: tuple[str, ...] = ()
    programme_verbs: frozenset[str] = frozenset()
    programme_generic_names: frozenset[str] = frozenset()

    @cached_property
    def head_last_characters(self) -> frozenset[str]:
        return frozenset(head[-1] for head in self.heads)

    def for_programmes(self) -> PlatformLexicon:
        """The same rules with programme heads (行动, 工程, 计划 …) in place of platform heads."""
        return replace(
            self,
            heads=self.programme_heads,
            not_heads=(),
            versions=(),
            following_blacklist=self.programme_following_blacklist,
            generic_names=self.programme_generic_names,
        )


@lru_cache(maxsize=4)
def load_platform_lexicon(path: Path | None = None) -> PlatformLexicon:
    """Read ``ontology/platforms.json`` (or *path*)."""
    data = read_json(path or ONTOLOGY_DIR / "platforms.json", "platform lexicon")
    actions = {verb: action for action, verbs in data["verbs"].items() for verb in verbs}
    return PlatformLexicon(
        heads=tuple(sorted(data["heads"], key=len, reverse=True)),
        not_heads=tuple(data["not_heads"]),
        following_blacklist=tuple(data["following_blacklist"]),
        versions=tuple(data["versions"]),
        verb_actions=actions,
        conjunctions=frozenset(data["conjunctions"]),
        quantifiers=frozenset(data["quantifiers"]),
        generic_modifiers=tuple(sorted(data["generic_modifiers"], key=len, reverse=True)),
        link_verbs=tuple(data["connect_verbs_for_links"]),
        nominal_verbs=frozenset(data["nominal_verbs"]),
        generic_names=frozenset(data["generic_names"]),
        distribution_blockers=tuple(data["distribution_blockers"]),
        programme_heads=tuple(sorted(data["programme_heads"], key=len, reverse=True)),
        programme_following_blacklist=tuple(data["programme_following_blacklist"]),
        programme_verbs=frozenset(data["programme_verbs"]),
        programme_generic_names=frozenset(data["programme_generic_names"]),
    )


@dataclass
class PlatformMention:
    """A platform named in the text: ``start``/``end`` cover it as written, quotes and all."""

    name: str
    start: int
    end: int
    action: str | None = None
    labels: list[str] = field(default_factory=list)
    quoted: bool = False
    verb: str | None = None  # the verb right before the name, if a verb stands there


@dataclass(frozen=True)
class PlatformLink:
    """Two platforms the text connects (A 与 B 对接), by their mention indices."""

    first: int
    second: int
    verb: str


@dataclass
class _Token:
    text: str
    start: int
    end: int
    kind: str  # word, quote, punct, verb, conj, de, deng, quant


@dataclass
class _Chunk:
    tokens: list[_Token]
    before: _Token | None
    generic: bool = False
    verb: _Token | None = None  # the last typed verb of the clause before the chunk

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


_KINDS: dict[int, dict[str, str]] = {}


def _classify(text: str, lexicon: PlatformLexicon) -> str:
    """The kind of a word, memoised per lexicon (the same words recur all through a corpus)."""
    kinds = _KINDS.setdefault(id(lexicon.verb_actions), {})  # shared by the programme variant
    kind = kinds.get(text)
    if kind is None:
        kind = kinds[text] = _kind(text, lexicon)
    return kind


def _kind(text: str, lexicon: PlatformLexicon) -> str:
    characters = set(text)
    if characters <= _QUOTES:
        return "quote"
    if characters <= _PUNCT:
        return "punct"
    if text == "的":
        return "de"
    if text in ("等", "等等"):
        return "deng"
    if text in lexicon.quantifiers:
        return "quant"
    if text in lexicon.conjunctions:
        return "conj"
    if text in lexicon.verb_actions:
        return "verb"
    return "word"


_LAST_TOKENS: list[tuple[str, list[tuple[int, int]], dict[str, str], list[_Token]]] = []


def _tokens(text: str, boundaries: list[tuple[int, int]], lexicon: PlatformLexicon) -> list[_Token]:
    """Classified tokens, kept for the next call on the same text and boundaries (the
    platform and programme finders read the same words)."""
    if _LAST_TOKENS:
        last_text, last_boundaries, last_verbs, tokens = _LAST_TOKENS[0]
        if last_text is text and last_boundaries is boundaries and last_verbs is lexicon.verb_actions:
            return tokens
    tokens = _classified_tokens(text, boundaries, lexicon)
    _LAST_TOKENS[:] = [(text, boundaries, lexicon.verb_actions, tokens)]
    return tokens


def _classified_tokens(text: str, boundaries: list[tuple[int, int]], lexicon: PlatformLexicon) -> list[_Token]:
    """Classified tokens; a verb glued to a level (建设省) is split into verb and level."""
    tokens: list[_Token] = []
    for start, end in boundaries:
        word = text[start:end]
        if len(word) > 1 and word[0] == "等":  # 机构等高水平…: pkuseg glues 等 to the next word
            tokens.append(_Token("等", start, start + 1, "deng"))
            start, word = start + 1, word[1:]
        if word in lexicon.nominal_verbs and tokens and tokens[-1].kind in ("word", "quote"):
            tokens.append(_Token(word, start, end, "word"))  # 资源开发服务平台: part of a name
            continue
        if len(word) < 2 or word[-1] not in "省市县区各":
            tokens.append(_Token(word, start, end, _classify(word, lexicon)))
            continue
        for tail in _LEVEL_TAILS:
            head = word[: -len(tail)]
            if word.endswith(tail) and head in lexicon.verb_actions:
                tokens.append(_Token(head, start, start + len(head), "verb"))
                tokens.append(_Token(tail, start + len(head), end, "word"))
                break
        else:
            tokens.append(_Token(word, start, end, _classify(word, lexicon)))
    return tokens


def _head_end(token: _Token, text: str, lexicon: PlatformLexicon) -> str | None:
    """The head this token ends with, if any (not 互联网, 管网 …)."""
    if text[token.end - 1] not in lexicon.head_last_characters:
        return None
    for head in lexicon.heads:
        if text.endswith(head, 0, token.end) and token.end - len(head) >= 0:
            tail = text[max(0, token.end - 4) : token.end]
            if any(tail.endswith(bad) for bad in lexicon.not_heads):
                return None
            return head
    return None


def _chunks(tokens: list[_Token], text: str, lexicon: PlatformLexicon) -> list[_Chunk]:
    chunks: list[_Chunk] = []
    current: list[_Token] = []
    before: _Token | None = None
    in_quote = False
    generic = False
    verb: _Token | None = None

    def close(delimiter: _Token | None) -> None:
        nonlocal current, before
        if any(t.kind in ("word", "quote") for t in current):
            chunks.append(_Chunk(current, before, generic, verb))
        current, before = [], delimiter

    for token in tokens:
        if token.kind == "quote":
            opening = token.text in "“‘「『" or (token.text in "\"'" and not in_quote)
            if opening and current and _head_end(current[-1], text, lexicon):
                close(token)  # an appositive quote after a complete name: 政务内网“两张网”
            in_quote = opening
            current.append(token)
            continue
        if in_quote or token.kind == "word":
            current.append(token)
            continue
        if token.kind == "conj" and current and not _head_end(current[-1], text, lexicon):
            current.append(token)  # 协同办公和移动办公平台: one name
            continue
        close(token)
        if token.kind == "quant":
            generic = True
        elif token.kind in ("punct", "verb"):
            generic = False
        if token.kind == "verb" and lexicon.verb_actions[token.text] != "other":
            verb = token
        elif token.kind == "punct" and token.text not in "、":
            verb = None
    close(None)
    return chunks


def _strip_quotes(text: str) -> str:
    return "".join(c for c in text if c not in _QUOTES)


def _is_generic(name: str, lexicon: PlatformLexicon) -> bool:
    """A name that is only generic modifiers and a head (省级平台, 政务网站) names nothing."""
    head = min((h for h in lexicon.heads if name.endswith(h)), key=len, default="")
    last_conjunct = re.split("[和与及]", name)[-1]
    if name in lexicon.generic_names or last_conjunct in lexicon.generic_names:
        return True
    rest = name[: len(name) - len(head)] if name.endswith(head) else name
    changed = True
    while rest and changed:
        changed = False
        for modifier in lexicon.generic_modifiers:
            if rest.startswith(modifier):
                rest, changed = rest[len(modifier) :], True
                break
    return len(rest) == 0 or (len(rest) == 1 and head in ("平台", "系统", "网", "云", "码", "库"))


def _version_end(text: str, end: int, lexicon: PlatformLexicon) -> int:
    following = text[end : end + 6]
    for version in lexicon.versions:
        if following.startswith(version):
            return end + len(version)
    match = re.match(r"[（(][一二三四五六七八九十]期[）)]", following)
    return end + match.end() if match else end


def _action(chunk: _Chunk, after: _Token | None, lexicon: PlatformLexicon) -> str | None:
    """The typed verb nearest before the chunk in its clause, else a typed verb right after it."""
    if chunk.verb is not None:
        return lexicon.verb_actions[chunk.verb.text]
    if after is not None and after.kind == "verb" and lexicon.verb_actions[after.text] != "other":
        return lexicon.verb_actions[after.text]
    return None


def find_platforms(
    text: str, boundaries: list[tuple[int, int]], lexicon: PlatformLexicon | None = None
) -> tuple[list[PlatformMention], list[PlatformLink]]:
    """Platforms named in *text*, given its word *boundaries* (start, end pairs), and links.

    >>> words = [(0, 2), (2, 4), (4, 6), (6, 8), (8, 10), (10, 11), (11, 14), (14, 17)]
    >>> mentions, links = find_platforms("建设统一业务协同平台和闽政通APP", words)
    >>> [(m.name, m.action) for m in mentions]
    [('统一业务协同平台', 'builds'), ('闽政通APP', 'builds')]
    """
    lexicon = lexicon or load_platform_lexicon()
    tokens = _tokens(text, boundaries, lexicon)
    chunks = _chunks(tokens, text, lexicon)
    token_index = {id(t): i for i, t in enumerate(tokens)}
    mentions: list[PlatformMention] = []
    links: list[PlatformLink] = []
    for index, chunk in enumerate(chunks):
        last = next(
            (i for i in range(len(chunk.tokens) - 1, -1, -1) if _head_end(chunk.tokens[i], text, lexicon)), None
        )
        if last is None or chunk.generic:
            continue
        head_token = chunk.tokens[last]
        following = text[head_token.end : head_token.end + 3]
        if any(following.startswith(word) for word in lexicon.following_blacklist):
            continue
        if chunk.before is not None and chunk.before.kind == "deng":
            mentions += _distributed(chunks, index, text, head_token, lexicon)
            continue
        start = chunk.start
        end = _version_end(text, head_token.end, lexicon)
        quoted = _quoted_sequence(text[start : head_token.end])
        after_index = token_index[id(chunk.tokens[-1])] + 1
        after = tokens[after_index] if after_index < len(tokens) else None
        previous = mentions[-1] if mentions and mentions[-1].end <= start else None
        action = _action(chunk, after, lexicon)
        if quoted:
            suffix = text[head_token.end - len(quoted[1]) : end]
            for name in quoted[0]:
                mentions.append(PlatformMention(name + _strip_quotes(suffix), start, end, action))
            continue
        name = _strip_quotes(text[start:end]).strip()
        if not name or name[0].isdigit() or _is_generic(_strip_quotes(text[start : head_token.end]), lexicon):
            continue
        before = chunk.before.text if chunk.before is not None and chunk.before.kind == "verb" else None
        mention = PlatformMention(
            name, start, end, action, quoted=any(t.kind == "quote" for t in chunk.tokens), verb=before
        )
        if (
            previous is not None
            and chunk.before is not None
            and chunk.before.text in ("与", "和", "同")
            and not text[previous.end : chunk.before.start].strip()  # X与Y对接: X right before 与
            and after is not None
            and after.text in lexicon.link_verbs
        ):
            links.append(PlatformLink(len(mentions) - 1, len(mentions), after.text))
            mention.action = mention.action or "connects"
            previous.action = previous.action or "connects"
        mentions.append(mention)
    for mention in mentions:
        mention.labels = _labels(mention.name)
    return mentions, links


def _quoted_sequence(written: str) -> tuple[list[str], str] | None:
    """``“一人一档”“一企一档”对象库`` → (['一人一档', '一企一档'], '对象库')."""
    match = re.fullmatch(r"((?:“[^”]+”){2,})([^“”]+)", written)
    if not match:
        return None
    return re.findall(r"“([^”]+)”", match.group(1)), match.group(2)


def _distributed(
    chunks: list[_Chunk], index: int, text: str, head_token: _Token, lexicon: PlatformLexicon
) -> list[PlatformMention]:
    """``宏观经济治理、投资项目、商品价格等主题数据库``: the category after 等 given to each item.

    Only a list of two or more items that are not themselves bodies or places (研究中心,
    研发机构), and only a category that is not itself generic (高水平创新平台).
    """
    category = _strip_quotes(text[chunks[index].start : head_token.end])
    if category.startswith(lexicon.generic_modifiers):
        return []
    items: list[_Chunk] = []
    position = index - 1
    while position >= 0:
        item = chunks[position]
        if any(_head_end(t, text, lexicon) for t in item.tokens):
            return []  # the items name platforms themselves; the category is generic
        items.insert(0, item)
        if item.before is None or item.before.text != "、":
            break
        position -= 1
    names = [_strip_quotes(text[i.start : i.end]) for i in items]
    if len(items) < 2 or any(name.endswith(lexicon.distribution_blockers) for name in names):
        return []
    return [PlatformMention(_strip_quotes(text[i.start : i.end]) + category, i.start, head_token.end) for i in items]


def _labels(name: str) -> list[str]:
    """The name, and the name without 省/全省 and without a bracketed phase (二期)."""
    labels = [name]
    bare = re.sub(r"[（(][一二三四五六七八九十]期[）)]$", "", name)
    for candidate in (bare, re.sub(r"^(?:全省|省级|省|全市|市)", "", bare)):
        if candidate and candidate not in labels:
            labels.append(candidate)
    return labels


def find_programmes(
    text: str, boundaries: list[tuple[int, int]], lexicon: PlatformLexicon | None = None
) -> list[PlatformMention]:
    """Named programmes (“雪亮工程”, “上云用数赋智”行动, 信创工程): the platform rules with
    programme heads, kept where the name is quoted or follows a verb such as 实施 or 开展
    (so 用地计划 and 建筑工程 are not programmes)."""
    lexicon = (lexicon or load_platform_lexicon()).for_programmes()
    found = find_platforms(text, boundaries, lexicon)[0]
    return [m for m in found if m.quoted or m.verb in lexicon.programme_verbs]
