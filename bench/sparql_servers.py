"""Benchmark: the policykg SPARQL server against the Oxigraph server and rdflib's in-memory store.

One run generates a synthetic graph of about ``--triples`` quads in the project's ontology (one
named graph per document, seeded, with a Zipf-like skew so a few agencies answer for many
initiatives), writes it once as N-Quads and loads the very same file into

* a policykg store folder (``pyoxigraph.Store.bulk_load``), served by ``policykg serve`` as a
  subprocess (``POST /sparql``);
* a separate folder (``oxigraph load``), served by ``oxigraph serve --union-default-graph``
  (``POST /query``), so the same query text sees the union of the named graphs on both;
* rdflib's default in-memory store, ``rdflib.Dataset(default_union=True)``, queried in-process
  with ``.query()`` — the hand-rolled rdflib baseline, with no HTTP at all.

Three queries run on all three, each ``--repeat`` times after one warm-up, the engines taking
turns; the median is reported. The neighbourhood and search queries are the exact text
``graph.explore.Explorer`` sends (captured from it), the aggregate is
``graph.queries.shared_initiatives_query(limit=20)``. A fourth row asks policykg the aggregate's
question at its analysts' endpoint (``/api/analytics/shared-initiatives?limit=20``, which counts
the pairs over one row per initiative) and sets it beside the other two engines' aggregate
timings; its top pairs must be the same. Last, rdflib is timed on two cheaper ways to the
aggregate's question — the pairs without labels, and the rows counted in Python as the /api
does (which must give the aggregate's pairs) — so the ratios can be read against the best a
hand-rolled rdflib endpoint could do.

Both servers are asked by one ``httpx`` client (``application/sparql-query``, SPARQL JSON
results); a timing covers the request and reading the whole body, not decoding the JSON. The
rdflib graph's objects are frozen out of the garbage collector once parsed, so its collections
do not land in the timings. Row counts must agree between the three, or the run fails.

The data has the layout a build writes: each document's facts in its graph, each agency,
platform and place described once in the entities graph (``Minter.entities_graph()``), a
platform's spelling in the document that writes it.

    .venv/bin/python -m bench.sparql_servers [--triples 1000000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import bisect
import collections
import gc
import itertools
import json
import os
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

import httpx
import pyoxigraph as ox
import rdflib
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS, XSD

from bench.servers import free_port, running_server
from graph.analytics import shared_initiatives
from graph.explore import RELATIONS, Explorer
from graph.iris import DEFAULT_BASE, Minter, canonical_platform_name
from graph.queries import PREFIXES, shared_initiatives_query
from graph.remote import values_clause
from graph.store import KnowledgeStore
from graph.terms import OA, PKG

ROOT = Path(__file__).resolve().parent.parent
SEED = 20240611
SEARCH_NEEDLE = "数据"
RESULTS_JSON = "application/sparql-results+json"

# --- the synthetic corpus ------------------------------------------------------------------------

# Jurisdictions in the order of how many plans they publish (a Zipf-like skew picks among them).
JURISDICTIONS: list[tuple[str, str]] = [
    ("350000", "福建省"), ("440000", "广东省"), ("330000", "浙江省"), ("320000", "江苏省"),
    ("370000", "山东省"), ("510000", "四川省"), ("420000", "湖北省"), ("410000", "河南省"),
    ("430000", "湖南省"), ("340000", "安徽省"), ("130000", "河北省"), ("610000", "陕西省"),
    ("360000", "江西省"), ("450000", "广西壮族自治区"), ("530000", "云南省"), ("520000", "贵州省"),
    ("210000", "辽宁省"), ("220000", "吉林省"), ("230000", "黑龙江省"), ("140000", "山西省"),
    ("620000", "甘肃省"), ("150000", "内蒙古自治区"), ("460000", "海南省"), ("640000", "宁夏回族自治区"),
    ("630000", "青海省"), ("650000", "新疆维吾尔自治区"), ("540000", "西藏自治区"),
]  # fmt: skip

# Departments in the order of how often plans name them: (id, name after the province, short forms after 省).
DEPARTMENTS: list[tuple[str, str, tuple[str, ...]]] = [
    ("digital", "数字经济发展领导小组办公室", ("数字办",)),
    ("drc", "发展和改革委员会", ("发改委", "发展改革委")),
    ("data", "大数据管理局", ("大数据局", "数据局")),
    ("miit", "工业和信息化厅", ("工信厅",)),
    ("gov-office", "人民政府办公厅", ("政府办公厅", "政府办")),
    ("finance", "财政厅", ("财政厅",)),
    ("samr", "市场监督管理局", ("市场监管局",)),
    ("public-security", "公安厅", ("公安厅",)),
    ("gov-service", "政务服务数据管理局", ("政务服务数据局", "数管局")),
    ("commerce", "商务厅", ("商务厅",)),
    ("sci-tech", "科学技术厅", ("科技厅",)),
    ("health", "卫生健康委员会", ("卫健委", "卫生健康委")),
    ("edu", "教育厅", ("教育厅",)),
    ("hrss", "人力资源和社会保障厅", ("人社厅",)),
    ("transport", "交通运输厅", ("交通运输厅",)),
    ("natural-resources", "自然资源厅", ("自然资源厅",)),
    ("ecology", "生态环境厅", ("生态环境厅",)),
    ("housing", "住房和城乡建设厅", ("住建厅",)),
    ("agri", "农业农村厅", ("农业农村厅",)),
    ("water", "水利厅", ("水利厅",)),
    ("emergency", "应急管理厅", ("应急厅",)),
    ("civil-affairs", "民政厅", ("民政厅",)),
    ("justice", "司法厅", ("司法厅",)),
    ("culture", "文化和旅游厅", ("文旅厅",)),
    ("medical-security", "医疗保障局", ("医保局",)),
    ("tax", "税务局", ("税务局",)),
    ("statistics", "统计局", ("统计局",)),
    ("audit", "审计厅", ("审计厅",)),
    ("cac", "委网络安全和信息化委员会办公室", ("委网信办", "网信办")),
    ("secrecy", "国家保密局", ("保密局",)),
    ("archives", "档案局", ("档案局",)),
    ("grain", "粮食和物资储备局", ("粮储局",)),
    ("forestry", "林业局", ("林业局",)),
    ("sports", "体育局", ("体育局",)),
    ("energy", "能源局", ("能源局",)),
    ("comms", "通信管理局", ("通信管理局",)),
    ("post", "邮政管理局", ("邮政管理局",)),
    ("meteorology", "气象局", ("气象局",)),
    ("telecom", "电信公司", ("电信",)),
    ("power", "电力公司", ("电力公司",)),
]

PLATFORM_TOPICS = [
    "一体化政务服务", "公共数据共享", "互联网+监管", "社会信用信息", "应急指挥", "医疗保障信息", "生态环境监测",
    "智慧交通", "不动产登记", "企业开办", "投资项目在线审批监管", "公共资源交易", "电子证照", "统一身份认证",
    "政务云", "城市大脑", "工业互联网标识解析", "教育资源公共服务", "全民健康信息", "数字乡村", "智慧水利",
    "自然资源三维立体时空数据库", "市场主体信用", "网上中介服务超市", "政务数据汇聚", "12345政务服务便民热线",
]  # fmt: skip
PLATFORM_KINDS = ["平台", "系统", "中心", "APP", "一张网", "数据库"]
WORK = [
    "加快推进", "深化", "全面推行", "持续优化", "大力推进", "统筹推进", "加强", "完善", "积极探索", "推动",
]  # fmt: skip
OBJECTS = [
    "数字政府建设", "数据资源汇聚共享", "政务服务标准化规范化便利化", "营商环境", "新型基础设施建设",
    "数字经济核心产业", "公共数据开放", "网络安全保障", "电子政务外网", "“一网通办”", "“一网统管”",
    "工业互联网发展", "智慧城市建设", "数据要素市场化配置改革", "跨省通办", "基层治理数字化",
    "信用体系建设", "5G网络建设", "政务服务“好差评”制度", "数字乡村发展",
]  # fmt: skip
TOPICS = ["数字政府建设", "数字经济发展", "政务服务改革", "大数据发展", "营商环境优化", "新型智慧城市"]
DEADLINES = ["2024年底前", "2025年6月底前", "持续推进", "2025年", "年底前"]
NUMERALS = "一二三四五六七八九十"
ACTIONS = [PKG.builds, PKG.upgrades, PKG.promotes, PKG.connects, PKG.reliesOn]


def _numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 25 → 二十五."""
    if n <= 10:
        return NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else NUMERALS[tens - 1]) + "十" + (NUMERALS[ones - 1] if ones else "")


def _iri(term: str) -> str:
    return f"<{term}>"


def _string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def _zh(text: str) -> str:
    return _string(text) + "@zh"


def _typed(value: object, datatype: str) -> str:
    return f'"{value}"^^<{datatype}>'


class _Zipf:
    """Draws from *items* with weight 1/rank**exponent."""

    def __init__(self, items: list[Any], exponent: float) -> None:
        self.items = items
        self.cumulative = list(itertools.accumulate(1.0 / (rank**exponent) for rank in range(1, len(items) + 1)))

    def draw(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect_left(self.cumulative, rng.random() * self.cumulative[-1])]


@dataclass
class Corpus:
    """What the generator wrote: counts, and the busiest agency to walk from."""

    path: Path
    quads: int = 0
    triples: int = 0
    documents: int = 0
    initiatives: int = 0
    tasks: int = 0
    responsibilities: int = 0
    agencies: int = 0
    platforms: int = 0
    busiest: str = ""
    busiest_label: str = ""
    busiest_activities: int = 0
    busiest_documents: int = 0  # documents that name the busiest agency
    seconds: float = 0.0


@dataclass
class _Document:
    """One document's quads (and the entity descriptions it is the first to need), and the
    agencies and platforms it names."""

    graph: str
    entities: str
    lines: dict[str, None] = field(default_factory=dict)  # a graph is a set: a repeated quad is kept once
    agencies: set[tuple[str, str]] = field(default_factory=set)
    platforms: set[tuple[str, str]] = field(default_factory=set)

    def add(self, s: str, p: str, o: str) -> None:
        self.lines[f"{s} {p} {o} {self.graph} .\n"] = None

    def describe(self, s: str, p: str, o: str) -> None:
        self.lines[f"{s} {p} {o} {self.entities} .\n"] = None


class Generator:
    """Writes a synthetic policykg dataset: seeded, so every run writes the same bytes."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        self.mint = Minter()
        self.jurisdictions = _Zipf(JURISDICTIONS, 0.9)
        self.departments = _Zipf(DEPARTMENTS, 1.1)
        platforms = [(topic, kind) for topic in PLATFORM_TOPICS for kind in PLATFORM_KINDS]
        random.Random(seed + 1).shuffle(platforms)
        self.platforms = _Zipf(platforms, 0.8)
        self.activities: collections.Counter[str] = collections.Counter()  # agency → initiatives and tasks
        self.labels: dict[str, str] = {}
        self.named: collections.Counter[str] = collections.Counter()  # agency → documents naming it
        self.entities = _iri(self.mint.entities_graph())
        self.seen_agencies: set[str] = set()
        self.seen_platforms: set[str] = set()
        self.seen_places: set[str] = set()
        self.described_platforms: set[str] = set()
        self.p = {
            "type": _iri(RDF.type),
            "title": _iri(DCTERMS.title),
            "isPartOf": _iri(DCTERMS.isPartOf),
            "derived": _iri(PROV.wasDerivedFrom),
            "value": _iri(PROV.value),
            "agent": _iri(PROV.agent),
            "role": _iri(PROV.hadRole),
            "association": _iri(PROV.qualifiedAssociation),
            "pref": _iri(SKOS.prefLabel),
            "alt": _iri(SKOS.altLabel),
            "start": _iri(OA.start),
            "end": _iri(OA.end),
        }

    def write(self, path: Path, target: int) -> Corpus:
        started = time.perf_counter()
        corpus = Corpus(path)
        distinct: set[int] = set()
        with path.open("w", encoding="utf-8") as out:
            index = 0
            while corpus.quads < target:
                document = self.document(index, corpus)
                out.writelines(document.lines)
                corpus.quads += len(document.lines)
                distinct.update(hash(line[: line.rindex(" <")]) for line in document.lines)
                corpus.documents += 1
                index += 1
        corpus.triples = len(distinct)
        corpus.agencies, corpus.platforms = len(self.seen_agencies), len(self.seen_platforms)
        busiest, corpus.busiest_activities = self.activities.most_common(1)[0]
        corpus.busiest, corpus.busiest_label = busiest[1:-1], self.labels[busiest]
        corpus.busiest_documents = self.named[busiest]
        corpus.seconds = time.perf_counter() - started
        return corpus

    def span(self, doc: _Document, stem: str, document: str, start: int, end: int, text: str | None = None) -> str:
        node = _iri(self.mint.span(stem, start, end))
        doc.add(node, self.p["type"], _iri(PKG.TextSpan))
        doc.add(node, _iri(PKG.inDocument), document)
        doc.add(node, self.p["start"], _typed(start, XSD.integer))
        doc.add(node, self.p["end"], _typed(end, XSD.integer))
        if text:
            doc.add(node, self.p["value"], _string(text))
        return node

    def document(self, index: int, corpus: Corpus) -> _Document:
        rng, p = self.rng, self.p
        code, province = self.jurisdictions.draw(rng)
        year = 2019 + index % 6
        stem = f"{code}-{year}-{index:05d}"
        doc = _Document(_iri(self.mint.graph(stem)), self.entities)
        document = _iri(self.mint.document(stem))
        place = _iri(self.mint.place(code))
        topic = rng.choice(TOPICS)
        title = f"{province}{year}年{topic}工作要点"
        doc.add(document, p["type"], _iri(PKG.PolicyDocument))
        doc.add(document, p["title"], _zh(title))
        doc.add(document, _iri(PKG.fileName), _string(f"{stem}.docx"))
        doc.add(document, _iri(PKG.jurisdiction), place)
        if place not in self.seen_places:
            self.seen_places.add(place)
            doc.describe(place, p["type"], _iri(PKG.Place))
            doc.describe(place, _iri(PKG.divisionCode), _string(code))
            doc.describe(place, _iri(PKG.level), _string("province"))
            doc.describe(place, p["pref"], _zh(province))
        cursor = len(title) + 40
        sections = rng.randint(3, 7)
        section_nodes: list[str] = []
        for number in range(1, sections + 1):
            section_nodes.append(self.initiative(doc, stem, document, document, f"{_numeral(number)}、", cursor))
            cursor += 30
            corpus.initiatives += 1
            for item in range(1, rng.randint(3, 8) + 1):
                initiative = self.initiative(doc, stem, document, section_nodes[-1], f"（{_numeral(item)}）", cursor)
                corpus.initiatives += 1
                cursor += 40
                for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
                    cursor = self.task(doc, stem, document, code, province, initiative, cursor, corpus)
        for agency, name in sorted(doc.agencies):
            self.named[agency] += 1
            if agency not in self.seen_agencies:
                self.describe_agency(doc, province, place, agency, name)
        for platform, name in sorted(doc.platforms):
            if platform not in self.described_platforms:
                self.described_platforms.add(platform)
                doc.describe(platform, p["type"], _iri(PKG.Platform))
                doc.describe(platform, p["pref"], _zh(canonical_platform_name(name)))
                doc.describe(platform, _iri(PKG.jurisdiction), place)
            doc.add(platform, p["alt"], _zh("省" + name))  # the spelling this document writes
        return doc

    def initiative(self, doc: _Document, stem: str, document: str, parent: str, marker: str, cursor: int) -> str:
        rng, p = self.rng, self.p
        title = rng.choice(WORK) + rng.choice(OBJECTS)
        node = _iri(self.mint.initiative(stem, f"{marker}\x1f{title}\x1f{cursor}"))
        doc.add(node, p["type"], _iri(PKG.Initiative))
        doc.add(node, _iri(PKG.marker), _string(marker))
        doc.add(node, p["title"], _zh(title))
        doc.add(node, p["derived"], document)
        doc.add(node, _iri(PKG.source), self.span(doc, stem, document, cursor, cursor + len(marker) + len(title)))
        doc.add(node, p["isPartOf"], parent)
        return node

    def task(
        self,
        doc: _Document,
        stem: str,
        document: str,
        code: str,
        province: str,
        initiative: str,
        cursor: int,
        corpus: Corpus,
    ) -> int:
        rng, p = self.rng, self.p
        length = rng.randint(60, 400)
        node = _iri(self.mint.task(stem, f"{initiative}\x1f{cursor}"))
        corpus.tasks += 1
        doc.add(node, p["type"], _iri(PKG.Task))
        doc.add(node, _iri(PKG.initiative), initiative)
        doc.add(node, p["derived"], document)
        doc.add(node, _iri(PKG.source), self.span(doc, stem, document, cursor, cursor + length))
        if rng.random() < 0.3:
            doc.add(node, _iri(PKG.deadline), _zh(rng.choice(DEADLINES)))
        cursor += length + 6
        units: dict[str, tuple[str, str]] = {}  # agency → (department name, role)
        while len(units) < rng.choice((1, 2, 2, 3, 3, 4, 5, 6)):
            slug, name, _short = self.departments.draw(rng)
            units.setdefault(slug, (name, "lead" if not units else "support"))
        if len(units) > 1 and rng.random() < 0.25:  # 责任单位 without a lead: every unit just responsible
            units = {slug: (name, "responsible") for slug, (name, _role) in units.items()}
        for slug, (name, role) in units.items():
            agency = _iri(self.mint.agency(f"{code}/{slug}"))
            doc.agencies.add((agency, name))
            written = f"省{name}"
            self.responsibility(doc, stem, document, node, initiative, agency, role, cursor, written)
            corpus.responsibilities += 1
            cursor += len(written) + 1
        if rng.random() < 0.35:
            topic, kind = self.platforms.draw(rng)
            name = topic + kind
            platform = _iri(self.mint.platform(code, name))
            doc.platforms.add((platform, name))
            self.seen_platforms.add(platform)
            doc.add(node, _iri(rng.choice(ACTIONS)), platform)
        return cursor + 4

    def responsibility(
        self,
        doc: _Document,
        stem: str,
        document: str,
        task: str,
        initiative: str,
        agency: str,
        role: str,
        cursor: int,
        written: str,
    ) -> None:
        p = self.p
        node = _iri(self.mint.responsibility(rdflib.URIRef(task[1:-1]), rdflib.URIRef(agency[1:-1]), role))
        roles = {"lead": PKG.LeadRole, "support": PKG.SupportingRole, "responsible": PKG.ResponsibleRole}
        doc.add(node, p["type"], _iri(PKG.Responsibility))
        doc.add(node, p["agent"], agency)
        doc.add(node, p["role"], _iri(roles[role]))
        doc.add(node, _iri(PKG.source), self.span(doc, stem, document, cursor, cursor + len(written), written))
        doc.add(node, _iri(PKG.declared), _typed("false", XSD.boolean))
        doc.add(node, p["derived"], document)
        doc.add(task, p["association"], node)
        shortcut = {"lead": PKG.leads, "support": PKG.supports}.get(role)
        for activity in (task, initiative):
            doc.add(agency, _iri(PKG.responsibleFor), activity)
            if shortcut is not None:
                doc.add(agency, _iri(shortcut), activity)
        self.activities[agency] += 1

    def describe_agency(self, doc: _Document, province: str, place: str, agency: str, name: str) -> None:
        """The agency as the gazetteer knows it, described once in the entities graph."""
        p = self.p
        slug = agency[1:-1].rsplit("/", 1)[-1]
        shorts = next(s for d, _n, s in DEPARTMENTS if d == slug)
        label = province + name
        self.labels[agency] = label
        self.seen_agencies.add(agency)
        doc.describe(agency, p["type"], _iri(PKG.Agency))
        doc.describe(agency, p["pref"], _zh(label))
        for alias in dict.fromkeys(("省" + name, *("省" + s for s in shorts), province[:2] + shorts[0])):
            if alias != label:
                doc.describe(agency, p["alt"], _zh(alias))
        doc.describe(agency, _iri(PKG.jurisdiction), place)
        doc.describe(agency, _iri(PKG.resolved), _typed("true", XSD.boolean))
        doc.describe(agency, _iri(PKG.collective), _typed("false", XSD.boolean))
        doc.describe(agency, _iri(PKG.agencyType), _string("government"))


# --- the queries ---------------------------------------------------------------------------------


class _Capture:
    """Stands in for the store under an Explorer: records the query text, answers nothing."""

    def __init__(self) -> None:
        self.queries: list[str] = []
        self.oxigraph = self

    def query(self, sparql: str, **_options: Any) -> list[Any]:
        self.queries.append(sparql)
        return []

    def select(self, sparql: str, /, **bindings: Any) -> list[Any]:
        """The query as any server can take it: the bound values as a VALUES block opening its
        WHERE clause, so they are bound before any FILTER reads them, as substitution binds them."""
        if bindings:
            head, where, body = sparql.partition("WHERE {")
            sparql = f"{head}{where} {values_clause(bindings)}{body}"
        self.queries.append(sparql)
        return []


def explorer_query(ask: Callable[[Explorer], object]) -> str:
    """The SPARQL text Explorer sends for *ask*, exactly."""
    capture = _Capture()
    ask(Explorer(cast(KnowledgeStore, capture), DEFAULT_BASE))
    (query,) = capture.queries
    return query


@dataclass
class Query:
    name: str
    text: str
    key: Callable[[dict[str, str]], tuple[str, ...]]  # what identifies a row, to compare the answers
    api_path: str | None = None  # policykg answers at this analysts' endpoint instead of /sparql


def build_queries(busiest: str) -> list[Query]:
    neighbourhood = explorer_query(lambda e: e._edges([busiest], list(RELATIONS.values())))
    search = explorer_query(lambda e: e.search(SEARCH_NEEDLE, limit=20))
    return [
        Query("neighbourhood (Explorer._edges)", neighbourhood, lambda r: (r["s"], r["p"], r["o"])),
        Query(
            "shared initiatives (limit 20)", shared_initiatives_query(limit=20), lambda r: (r["a"], r["b"], r["shared"])
        ),
        Query(
            "shared initiatives, policykg by /api",
            shared_initiatives_query(limit=20),
            lambda r: (r["a"], r["b"], r["shared"]),
            api_path="/api/analytics/shared-initiatives?limit=20",
        ),
        Query(f"search {SEARCH_NEEDLE!r} (Explorer.search)", search, lambda r: (r["e"],)),
    ]


# --- the three engines ---------------------------------------------------------------------------


def _oxigraph_cli() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise SystemExit("the oxigraph CLI is not installed (pip package 'oxigraph')")
    return found


def _json_value(term: dict[str, str]) -> str:
    return term["value"]


def _body(response: httpx.Response, who: str) -> bytes:
    """The whole body of a 200 answer; any other status ends the run, naming *who* answered."""
    body = response.read()
    if response.status_code != 200:
        raise SystemExit(f"{who}: HTTP {response.status_code}: {body[:2000]!r}")
    return body


class HttpEngine:
    def __init__(self, name: str, client: httpx.Client, url: str) -> None:
        self.name, self.client, self.url = name, client, url

    def run(self, query: str) -> bytes:
        response = self.client.post(
            self.url,
            content=query.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query", "Accept": RESULTS_JSON},
        )
        return _body(response, self.name)

    @staticmethod
    def rows(answer: bytes) -> list[dict[str, str]]:
        bindings = json.loads(answer)["results"]["bindings"]
        return [{k: _json_value(v) for k, v in row.items()} for row in bindings]


class ApiEngine:
    """The policykg analysts' endpoint for shared initiatives, its pairs read as SPARQL rows."""

    name = "policykg"

    def __init__(self, client: httpx.Client, url: str, path: str) -> None:
        self.client, self.url = client, url + path

    def run(self, _query: str) -> bytes:
        return _body(self.client.get(self.url), f"policykg {self.url}")

    @staticmethod
    def rows(answer: bytes) -> list[dict[str, str]]:
        return [
            {"a": DEFAULT_BASE + pair["a"]["id"], "b": DEFAULT_BASE + pair["b"]["id"], "shared": str(pair["shared"])}
            for pair in json.loads(answer)
        ]


class RdflibEngine:
    name = "rdflib"

    def __init__(self, dataset: rdflib.Dataset) -> None:
        self.dataset = dataset

    def run(self, query: str) -> list[Any]:
        return list(self.dataset.query(query))

    @staticmethod
    def rows(answer: list[Any]) -> list[dict[str, str]]:
        return [{str(k): str(v) for k, v in row.asdict().items()} for row in answer]


@dataclass
class Timing:
    median_ms: float
    rows: list[dict[str, str]]


Engine = HttpEngine | ApiEngine | RdflibEngine


def _time_interleaved(runs: dict[str, tuple[Engine, str]], repeat: int) -> dict[str, Timing]:
    """Each engine's median over *repeat* runs of its query, after one warm-up each; the runs take
    turns (one of each engine, then again), so a slow spell of the machine falls on all of them."""
    first: dict[str, Any] = {name: engine.run(query) for name, (engine, query) in runs.items()}
    times: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, (engine, query) in runs.items():
            started = time.perf_counter()
            engine.run(query)
            times[name].append(time.perf_counter() - started)
    return {
        name: Timing(statistics.median(times[name]) * 1000, engine.rows(first[name]))
        for name, (engine, _query) in runs.items()
    }


# The aggregate's question asked of rdflib two cheaper ways, so the ratios above can be read
# against the best a hand-rolled rdflib endpoint could do, not only against one query text.
RDFLIB_PAIRS_ONLY = (
    PREFIXES
    + """SELECT ?a ?b (COUNT(*) AS ?shared) WHERE {
  ?a pkg:responsibleFor ?i . ?b pkg:responsibleFor ?i . ?i a pkg:Initiative . FILTER (!sameTerm(?a, ?b))
} GROUP BY ?a ?b ORDER BY DESC(?shared) LIMIT 40"""
)
RDFLIB_ROWS = PREFIXES + "SELECT ?i ?a WHERE { ?a pkg:responsibleFor ?i . ?i a pkg:Initiative }"


def rdflib_counted_in_python(dataset: rdflib.Dataset) -> list[tuple[str, str, int, str, str]]:
    """Top-20 pairs as policykg's /api counts them (one row per initiative and agency, pairs
    counted by :func:`graph.analytics.shared_initiatives`), on rdflib: rows, counts, labels."""
    members: dict[str, set[str]] = collections.defaultdict(set)
    for row in dataset.query(RDFLIB_ROWS):
        members[str(row[0])].add(str(row[1]))  # type: ignore[index]

    def labels(agencies: set[str]) -> dict[str, str]:
        return {a: str(dataset.value(rdflib.URIRef(a), SKOS.prefLabel)) for a in agencies}

    pairs = shared_initiatives(members, labels=labels, limit=20)
    return [(pair.a, pair.b, pair.shared, pair.a_label, pair.b_label) for pair in pairs]


def _time_call(call: Callable[[], object], repeat: int) -> float:
    call()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _run(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{shlex.join(command)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return time.perf_counter() - started


def _width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, *, left: bool) -> str:
    fill = " " * (width - _width(text))
    return text + fill if left else fill + text


def _print_table(lines: list[list[str]], out: IO[str]) -> None:
    widths = [max(_width(line[i]) for line in lines) for i in range(len(lines[0]))]
    for number, line in enumerate(lines):
        cells = [_pad(cell, w, left=i == 0) for i, (cell, w) in enumerate(zip(line, widths, strict=True))]
        print("  ".join(cells), file=out)
        if number == 0:
            print("  ".join("-" * w for w in widths), file=out)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="about how many quads to generate")
    parser.add_argument("--repeat", type=int, default=7, help="timed runs of each query, after one warm-up")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    out = sys.stdout
    command = shlex.join([sys.executable, "-m", "bench.sparql_servers", *sys.argv[1:]])
    oxigraph = _oxigraph_cli()

    with ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="policykg-bench-")))
        data = work / "data.nq"
        corpus = Generator(args.seed).write(data, args.triples)
        print(
            f"generated {corpus.quads:,} quads ({corpus.triples:,} distinct triples, "
            f"{data.stat().st_size / 1e6:.0f} MB of N-Quads) in {corpus.seconds:.1f} s: {corpus.documents} documents, "
            f"{corpus.initiatives:,} initiatives, {corpus.tasks:,} tasks, "
            f"{corpus.responsibilities:,} responsibilities, {corpus.agencies} agencies, {corpus.platforms} platforms",
            file=out,
            flush=True,
        )
        print(
            f"busiest agency: {corpus.busiest_label} <{corpus.busiest}> "
            f"({corpus.busiest_activities:,} responsibilities in {corpus.busiest_documents} documents)",
            file=out,
            flush=True,
        )

        policykg_dir, oxigraph_dir = work / "policykg-store", work / "oxigraph-store"
        started = time.perf_counter()
        store = ox.Store(str(policykg_dir))
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_QUADS)
        store.flush()
        policykg_quads = len(store)
        del store
        gc.collect()  # releases the RocksDB lock before the server opens the folder
        policykg_load = time.perf_counter() - started
        oxigraph_load = _run([oxigraph, "load", "--location", str(oxigraph_dir), "--file", str(data)])
        print(
            f"loaded: policykg store (pyoxigraph bulk_load) {policykg_load:.1f} s, {policykg_quads:,} quads; "
            f"oxigraph load {oxigraph_load:.1f} s",
            file=out,
            flush=True,
        )

        started = time.perf_counter()
        dataset = rdflib.Dataset(default_union=True)
        dataset.parse(str(data), format="nquads")
        rdflib_load = time.perf_counter() - started
        # The parsed graph is millions of objects in this process: without freezing them every cyclic
        # collection walks them all, and that would land in whichever timing it happens to interrupt.
        gc.collect()
        gc.freeze()
        print(f"loaded: rdflib Dataset (in memory) {rdflib_load:.1f} s", file=out, flush=True)

        policykg_port, oxigraph_port = free_port(), free_port()
        env = {**os.environ, "POLICYKG_QUERY_TIMEOUT": "120", "POLICYKG_MAX_RESULT_BYTES": str(1 << 30)}
        policykg_base = f"http://127.0.0.1:{policykg_port}"
        policykg_url = policykg_base + "/sparql"
        oxigraph_url = f"http://127.0.0.1:{oxigraph_port}/query"
        policykg_up = stack.enter_context(
            running_server(
                "policykg serve",
                [
                    sys.executable,
                    "-m",
                    "graph.cli",
                    "serve",
                    "--store",
                    str(policykg_dir),
                    "--port",
                    str(policykg_port),
                ],
                policykg_url,
                work / "policykg.log",
                env,
            )
        )
        oxigraph_up = stack.enter_context(
            running_server(
                "oxigraph serve",
                [
                    oxigraph,
                    "serve",
                    "--location",
                    str(oxigraph_dir),
                    "--bind",
                    f"127.0.0.1:{oxigraph_port}",
                    "--union-default-graph",
                    "--timeout-s",
                    "120",
                ],
                oxigraph_url,
                work / "oxigraph.log",
            )
        )
        print(f"servers up: policykg {policykg_up:.1f} s, oxigraph {oxigraph_up:.1f} s", file=out, flush=True)
        client = stack.enter_context(httpx.Client(timeout=httpx.Timeout(600.0)))
        engines: list[Engine] = [
            HttpEngine("policykg", client, policykg_url),
            HttpEngine("oxigraph", client, oxigraph_url),
            RdflibEngine(dataset),
        ]

        table = [["query", "policykg ms", "oxigraph ms", "rdflib ms", "policykg/oxigraph", "rdflib/policykg", "rows"]]
        problems: list[str] = []
        notes: list[str] = []
        measured: dict[tuple[str, str], Timing] = {}  # the same text on the same engine is timed once
        timings_by_query: dict[str, dict[str, Timing]] = {}
        for query in build_queries(corpus.busiest):
            runs: dict[str, tuple[Engine, str]] = {}
            for engine in engines:
                if query.api_path and engine.name == "policykg":
                    runs[engine.name] = (ApiEngine(client, policykg_base, query.api_path), query.text)
                elif (engine.name, query.text) not in measured:
                    runs[engine.name] = (engine, query.text)
            fresh = _time_interleaved(runs, args.repeat)
            timings = {e.name: fresh[e.name] if e.name in fresh else measured[(e.name, query.text)] for e in engines}
            measured.update({(name, query.text): timing for name, timing in fresh.items() if not query.api_path})
            timings_by_query[query.name] = timings
            for name, timing in timings.items():
                print(f"  {query.name}: {name} {timing.median_ms:.1f} ms", file=out, flush=True)
            counts = {name: len(t.rows) for name, t in timings.items()}
            if len(set(counts.values())) != 1:
                problems.append(f"{query.name}: row counts differ: {counts}")
            keys = {name: collections.Counter(query.key(r) for r in t.rows) for name, t in timings.items()}
            if keys["policykg"] != keys["oxigraph"] or keys["policykg"] != keys["rdflib"]:
                notes.append(f"{query.name}: same row count but not the same rows (ties at the LIMIT?)")
            p, o, r = (timings[n].median_ms for n in ("policykg", "oxigraph", "rdflib"))
            table.append(
                [
                    query.name,
                    f"{p:.1f}",
                    f"{o:.1f}",
                    f"{r:.1f}",
                    f"{p / o:.2f}x",
                    f"{r / p:.1f}x",
                    "/".join(str(counts[n]) for n in ("policykg", "oxigraph", "rdflib")),
                ]
            )

        print(file=out)
        print(f"command: {command}", file=out)
        print(
            f"data: {corpus.quads:,} quads in {corpus.documents} named graphs ({corpus.triples:,} distinct triples), "
            f"seed {args.seed}; median of {args.repeat} runs after one warm-up",
            file=out,
        )
        print(
            f"load: generate {corpus.seconds:.1f} s | policykg bulk_load {policykg_load:.1f} s | "
            f"oxigraph load {oxigraph_load:.1f} s | rdflib parse {rdflib_load:.1f} s",
            file=out,
        )
        print(
            "policykg: `policykg serve` (FastAPI/uvicorn), POST /sparql, except the '/api' row: GET "
            "/api/analytics/shared-initiatives?limit=20 (the same pairs, with the first 20 initiatives of each); "
            "oxigraph: "
            "`oxigraph serve --union-default-graph`, POST /query; both over HTTP with one httpx client "
            "(request + full body). The oxigraph and rdflib cells of the '/api' row are their aggregate timings.",
            file=out,
        )
        print(
            "rdflib: rdflib.Dataset(default_union=True) in memory, Dataset.query() in-process, no HTTP — "
            "the hand-rolled rdflib baseline.",
            file=out,
        )
        print(file=out)
        _print_table(table, out)
        print(file=out)
        print(
            "aims (reported, not asserted): policykg/oxigraph <= 1.5x; rdflib/policykg >= 30x on the aggregate",
            file=out,
        )
        aggregate = timings_by_query["shared initiatives (limit 20)"]
        api = timings_by_query["shared initiatives, policykg by /api"]["policykg"].median_ms
        pairs_only = _time_call(lambda: list(dataset.query(RDFLIB_PAIRS_ONLY)), args.repeat)
        in_python = _time_call(lambda: rdflib_counted_in_python(dataset), args.repeat)
        expected = [(r["a"], r["b"], int(r["shared"])) for r in aggregate["rdflib"].rows]
        if [(a, b, n) for a, b, n, _, _ in rdflib_counted_in_python(dataset)] != expected:
            problems.append("rdflib counted in Python: not the aggregate's pairs")
        print(file=out)
        print("the aggregate's question asked of rdflib more cheaply (context for the ratios above):", file=out)
        _print_table(
            [
                ["rdflib variant", "rdflib ms", "/ policykg SPARQL", "/ policykg /api"],
                *[
                    [name, f"{ms:.1f}", f"{ms / aggregate['policykg'].median_ms:.1f}x", f"{ms / api:.1f}x"]
                    for name, ms in (
                        ("pairs only: no labels, sameTerm, LIMIT 40", pairs_only),
                        ("rows (?i ?a) + pairs counted in Python, labels", in_python),
                    )
                ],
            ],
            out,
        )
        for note in notes:
            print(f"note: {note}", file=out)
        if problems:
            raise SystemExit("\n".join(["RESULTS DIFFER:", *problems]))


if __name__ == "__main__":
    main()
