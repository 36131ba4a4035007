"""Analytics: who shares initiatives with whom, and what that makes of each agency.

An initiative is shared by two agencies when both answer for it (in any role, or as lead only).
Repeated passages count once: an initiative is an item merged across its repeats (see
:mod:`extract.outline`). :func:`shared_initiatives` is the one place pairs are counted and ranked;
the command line (``policykg shared``, ``summary``, ``analyze``), the API, the notebook and the
benchmarks all call it, over a store's rows (:mod:`graph.facts`) or over extractions.

The rest read :class:`Facts`, plain data a store gives (:func:`graph.facts.read_facts`): the
agency co-responsibility network with its centralities and communities, each agency's lead
load, the agency–platform network, and how agencies and initiatives recur across documents and
years.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from itertools import combinations
from typing import Any

import networkx as nx

from extract.model import Extraction

__all__ = [
    "AgencyProfile",
    "Analysis",
    "Community",
    "Facts",
    "PlatformAction",
    "PlatformReach",
    "RecurringInitiative",
    "SharedPair",
    "agency_platform_network",
    "agency_profiles",
    "analyze",
    "co_responsibility_network",
    "communities",
    "extraction_members",
    "initiative_agencies",
    "platform_reach",
    "recurring_initiatives",
    "shared_counts",
    "shared_initiatives",
    "spread",
]

Labels = Callable[[set[str]], Mapping[str, str]]
"""Given some agencies, the label of each that has one."""


@dataclass(frozen=True)
class SharedPair:
    """Two agencies (``a < b``) and the initiatives both answer for."""

    a: str
    b: str
    a_label: str
    b_label: str
    initiatives: frozenset[str]

    @property
    def shared(self) -> int:
        return len(self.initiatives)


def initiative_agencies(extraction: Extraction, *, lead_only: bool = False) -> dict[int, set[str]]:
    """The agencies responsible for each initiative of one document, by initiative index.

    Notes before the first heading (no initiative) are left out.
    """
    agencies: dict[int, set[str]] = {}
    for task in extraction.tasks:
        if task.initiative is None:
            continue
        for note_index in task.notes:
            for unit in extraction.notes[note_index].units:
                if not lead_only or unit.lead:
                    agencies.setdefault(task.initiative, set()).add(unit.agency)
    return agencies


def extraction_members(extractions: Iterable[Extraction], *, lead_only: bool = False) -> dict[str, set[str]]:
    """Each initiative's agencies over *extractions*, keyed ``document#index``: the input of
    :func:`shared_initiatives` when there is no store.

    >>> from extract import extract_text
    >>> plan = "一、任务\\n（一）建平台。（责任单位：省发改委、数字办）\\n（二）建网络。（责任单位：省数字办、发改委）"
    >>> members = extraction_members([extract_text(plan, "plan.txt", jurisdiction="350000")])
    >>> [p.shared for p in shared_initiatives(members)]
    [2]
    """
    return {
        f"{extraction.document.name}#{index}": agencies
        for extraction in extractions
        for index, agencies in initiative_agencies(extraction, lead_only=lead_only).items()
    }


def shared_counts(members: Iterable[Iterable[str]]) -> Counter[tuple[str, str]]:
    """How many of the groups each pair of members shares; a pair is ordered (``a < b``) and
    counted once per group however often a member is listed in it.

    >>> shared_counts([["drc", "digital", "drc"], ["digital", "drc"], ["drc"]])
    Counter({('digital', 'drc'): 2})
    """
    counts: Counter[tuple[str, str]] = Counter()
    for names in members:
        counts.update(combinations(sorted(set(names)), 2))
    return counts


def _own_names(agencies: set[str]) -> dict[str, str]:
    return {agency: agency for agency in agencies}


def shared_initiatives(
    members: Mapping[str, Iterable[str]],
    *,
    labels: Labels | None = None,
    minimum: int = 1,
    limit: int | None = None,
) -> list[SharedPair]:
    """Agency pairs with the initiatives both answer for, most shared first.

    Parameters
    ----------
    members : mapping
        Each initiative's agencies; an agency listed twice for one initiative counts once.
    labels : callable, optional
        Given a set of agencies, the label of each (:data:`Labels`). A pair with an agency it
        does not label is left out, as a SPARQL join on ``skos:prefLabel`` leaves it out. It is
        asked only about the agencies of the pairs that can still make the answer, so a store
        decodes few labels. Default: each agency is its own label.
    minimum : int, optional
        The least number of shared initiatives a pair must have.
    limit : int, optional
        The most pairs to return; all when None.

    Returns
    -------
    list of SharedPair
        Most shared first; ties ordered by the label of ``a``, then of ``b``.

    Raises
    ------
    ValueError
        For a *minimum* or *limit* under 1, naming it.

    Examples
    --------
    >>> members = {"i1": ["drc", "digital"], "i2": ["digital", "drc", "finance"], "i3": ["finance"]}
    >>> [(p.a, p.b, p.shared) for p in shared_initiatives(members)]
    [('digital', 'drc', 2), ('digital', 'finance', 1), ('drc', 'finance', 1)]
    >>> (top,) = shared_initiatives(members, minimum=2, limit=1)
    >>> sorted(top.initiatives)
    ['i1', 'i2']
    >>> upper = lambda agencies: {a: a.upper() for a in agencies if a != "finance"}
    >>> [(p.a_label, p.b_label) for p in shared_initiatives(members, labels=upper)]
    [('DIGITAL', 'DRC')]
    """
    if minimum < 1:
        raise ValueError(f"minimum must be at least 1, not {minimum!r}")
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be at least 1, not {limit!r}")
    groups = {initiative: set(agencies) for initiative, agencies in members.items()}
    counts = shared_counts(groups.values())
    eligible = sorted((pair for pair, count in counts.items() if count >= minimum), key=lambda pair: -counts[pair])
    name = labels or _own_names
    named: dict[str, str] = {}
    asked: set[str] = set()
    chosen: list[tuple[str, str]] = []
    start = 0
    while start < len(eligible) and (limit is None or len(chosen) < limit):
        end = len(eligible) if limit is None else min(len(eligible), start + limit - len(chosen))
        floor = counts[eligible[end - 1]]
        while end < len(eligible) and counts[eligible[end]] == floor:  # ties at the limit are ordered by label
            end += 1
        batch = eligible[start:end]
        wanted = {agency for pair in batch for agency in pair} - asked
        named.update(name(wanted))
        asked |= wanted
        chosen += [pair for pair in batch if pair[0] in named and pair[1] in named]
        start = end
    ranked = sorted(chosen, key=lambda pair: (-counts[pair], named[pair[0]], named[pair[1]]))[:limit]
    in_ranked = {agency for pair in ranked for agency in pair}
    initiatives_of: dict[str, set[str]] = defaultdict(set)
    for initiative, agencies in groups.items():
        for agency in agencies & in_ranked:
            initiatives_of[agency].add(initiative)
    return [SharedPair(a, b, named[a], named[b], frozenset(initiatives_of[a] & initiatives_of[b])) for a, b in ranked]


# --- over a store's facts ---------------------------------------------------------------------


@dataclass(frozen=True)
class PlatformAction:
    """A task acting on a platform (``builds``, ``upgrades``, … or the untyped ``platformAction``)."""

    task: str
    initiative: str
    platform: str
    action: str


@dataclass(frozen=True)
class Facts:
    """What the analyses read, as plain data keyed by entity id (:func:`graph.facts.read_facts`).

    Attributes
    ----------
    members, leads : mapping
        Each initiative's agencies in any role, and those that lead it.
    documents : mapping
        Each initiative's document.
    years : mapping
        Each document's year (issued, else signed); None when the document gives none.
    labels : mapping
        The name of each agency, initiative, document and platform.
    task_agencies : mapping
        Each task's agencies, for the platforms its actions reach.
    actions : tuple of PlatformAction
        Every task's actions on platforms.
    """

    members: Mapping[str, frozenset[str]]
    leads: Mapping[str, frozenset[str]] = field(default_factory=dict)
    documents: Mapping[str, str] = field(default_factory=dict)
    years: Mapping[str, int | None] = field(default_factory=dict)
    labels: Mapping[str, str] = field(default_factory=dict)
    task_agencies: Mapping[str, frozenset[str]] = field(default_factory=dict)
    actions: tuple[PlatformAction, ...] = ()

    def label(self, entity: str) -> str:
        return self.labels.get(entity, entity)

    def names(self, entities: Collection[str]) -> dict[str, str]:
        """The label of each of *entities*, its id where it has none (:data:`Labels`)."""
        return {entity: self.label(entity) for entity in entities}

    @property
    def agencies(self) -> set[str]:
        return {agency for agencies in self.members.values() for agency in agencies}


def spread(facts: Facts, initiatives: Iterable[str]) -> tuple[int, tuple[int, ...]]:
    """How many documents *initiatives* come from, and the years of those documents.

    >>> facts = Facts({}, documents={"i1": "d1", "i2": "d2", "i3": "d2"}, years={"d1": 2021, "d2": None})
    >>> spread(facts, ["i1", "i2", "i3"])
    (2, (2021,))
    """
    documents = {facts.documents[i] for i in initiatives if i in facts.documents}
    years = {facts.years.get(document) for document in documents}
    return len(documents), tuple(sorted(year for year in years if year is not None))


def co_responsibility_network(facts: Facts) -> nx.Graph:
    """Agencies joined by the initiatives they share (:func:`shared_initiatives`, any role).

    Parameters
    ----------
    facts : Facts
        Who answers for what.

    Returns
    -------
    networkx.Graph
        Every agency that answers for an initiative, with its ``label`` and ``type``
        ("agency"); an edge's ``weight`` is the number of initiatives the two share.

    Examples
    --------
    >>> facts = Facts({"i1": frozenset({"drc", "digital"}), "i2": frozenset({"digital", "drc", "finance"})})
    >>> network = co_responsibility_network(facts)
    >>> sorted(network.edges(data="weight"))
    [('digital', 'drc', 2), ('digital', 'finance', 1), ('drc', 'finance', 1)]
    """
    network = nx.Graph()
    for agency in sorted(facts.agencies):
        network.add_node(agency, label=facts.label(agency), type="agency")
    for pair in shared_initiatives(facts.members, labels=facts.names):
        network.add_edge(pair.a, pair.b, weight=pair.shared)
    return network


def _distance(_u: str, _v: str, edge: dict[str, int]) -> float:
    """Agencies that share more are closer: shortest paths run through the strongest ties."""
    return 1 / edge["weight"]


def communities(network: nx.Graph) -> list[list[str]]:
    """Groups of agencies that share more within than across (Louvain on the shared counts,
    seeded so every run finds the same), largest first, each ordered by its members' weighted
    degree.

    >>> network = nx.Graph([("a", "b", {"weight": 3}), ("c", "d", {"weight": 1}), ("b", "c", {"weight": 1})])
    >>> nx.set_node_attributes(network, {n: n for n in network}, "label")
    >>> communities(network)
    [['b', 'a'], ['c', 'd']]
    """
    found = nx.community.louvain_communities(network, weight="weight", seed=0)
    strength = dict(network.degree(weight="weight"))
    ordered = [sorted(group, key=lambda a: (-strength[a], network.nodes[a]["label"], a)) for group in found]
    return sorted(ordered, key=lambda group: (-len(group), network.nodes[group[0]]["label"]))


@dataclass(frozen=True)
class AgencyProfile:
    """One agency in the co-responsibility network: its ties, its place in the network, its load."""

    id: str
    label: str
    degree: int  # agencies it shares an initiative with
    weighted_degree: int  # initiatives shared, summed over those agencies
    betweenness: float  # share of shortest paths between other agencies through it (normalised)
    community: int  # index into communities(), largest first
    lead_load: int  # initiatives it leads
    initiatives: int  # initiatives it answers for, in any role
    documents: int  # documents it answers in
    years: tuple[int, ...]  # the years of those documents


def agency_profiles(facts: Facts, network: nx.Graph | None = None) -> list[AgencyProfile]:
    """Every agency's profile, the most connected first (weighted degree, then betweenness, then label).

    Parameters
    ----------
    facts : Facts
        Who answers for what, leads, documents and years.
    network : networkx.Graph, optional
        :func:`co_responsibility_network` of *facts*, when it is at hand already.

    Returns
    -------
    list of AgencyProfile

    Examples
    --------
    >>> facts = Facts(
    ...     {"i1": frozenset({"drc", "digital"}), "i2": frozenset({"digital", "finance"})},
    ...     leads={"i1": frozenset({"drc"})},
    ...     documents={"i1": "d1", "i2": "d2"},
    ...     years={"d1": 2021, "d2": 2022},
    ... )
    >>> top = agency_profiles(facts)[0]
    >>> top.id, top.degree, top.weighted_degree, top.betweenness, top.initiatives, top.years
    ('digital', 2, 2, 1.0, 2, (2021, 2022))
    >>> [(p.id, p.lead_load) for p in agency_profiles(facts)[1:]]
    [('drc', 1), ('finance', 0)]
    """
    network = co_responsibility_network(facts) if network is None else network
    betweenness = nx.betweenness_centrality(network, weight=_distance)
    community_of = {agency: index for index, group in enumerate(communities(network)) for agency in group}
    answered: dict[str, set[str]] = defaultdict(set)
    for initiative, agencies in facts.members.items():
        for agency in agencies:
            answered[agency].add(initiative)
    led = Counter(agency for agencies in facts.leads.values() for agency in agencies)
    profiles = []
    for agency in network:
        documents, years = spread(facts, answered[agency])
        profiles.append(
            AgencyProfile(
                id=agency,
                label=network.nodes[agency]["label"],
                degree=network.degree(agency),
                weighted_degree=network.degree(agency, weight="weight"),
                betweenness=betweenness[agency],
                community=community_of[agency],
                lead_load=led[agency],
                initiatives=len(answered[agency]),
                documents=documents,
                years=years,
            )
        )
    return sorted(profiles, key=lambda p: (-p.weighted_degree, -p.betweenness, p.label, p.id))


def agency_platform_network(facts: Facts) -> nx.Graph:
    """Agencies joined to the platforms their tasks act on.

    Parameters
    ----------
    facts : Facts
        Each task's agencies and actions on platforms.

    Returns
    -------
    networkx.Graph
        Bipartite: agencies (``bipartite=0``, ``type`` "agency") and platforms (``bipartite=1``,
        ``type`` "platform"), each with its ``label``; an edge's ``weight`` is the number of
        tasks, its ``actions`` the actions on the platform, comma-separated.

    Examples
    --------
    >>> facts = Facts(
    ...     {},
    ...     task_agencies={"t1": frozenset({"drc"}), "t2": frozenset({"drc", "digital"})},
    ...     actions=(PlatformAction("t1", "i1", "app", "builds"), PlatformAction("t2", "i2", "app", "upgrades")),
    ... )
    >>> network = agency_platform_network(facts)
    >>> sorted((agency, tie["weight"], tie["actions"]) for agency, tie in network["app"].items())
    [('digital', 1, 'upgrades'), ('drc', 2, 'builds,upgrades')]
    """
    tasks: dict[tuple[str, str], set[str]] = defaultdict(set)
    actions: dict[tuple[str, str], set[str]] = defaultdict(set)
    for use in facts.actions:
        for agency in facts.task_agencies.get(use.task, ()):
            tasks[(agency, use.platform)].add(use.task)
            actions[(agency, use.platform)].add(use.action)
    network = nx.Graph()
    for agency, platform in sorted(tasks):
        network.add_node(agency, label=facts.label(agency), type="agency", bipartite=0)
        network.add_node(platform, label=facts.label(platform), type="platform", bipartite=1)
        key = (agency, platform)
        network.add_edge(agency, platform, weight=len(tasks[key]), actions=",".join(sorted(actions[key])))
    return network


@dataclass(frozen=True)
class PlatformReach:
    """A platform with the agencies whose tasks act on it."""

    id: str
    label: str
    agencies: int
    tasks: int
    actions: tuple[str, ...]


def platform_reach(facts: Facts) -> list[PlatformReach]:
    """The platforms most agencies act on first (then most tasks, then label).

    >>> facts = Facts(
    ...     {},
    ...     task_agencies={"t1": frozenset({"drc"}), "t2": frozenset({"drc", "digital"})},
    ...     actions=(PlatformAction("t1", "i1", "app", "builds"), PlatformAction("t2", "i2", "app", "upgrades")),
    ... )
    >>> platform_reach(facts)
    [PlatformReach(id='app', label='app', agencies=2, tasks=2, actions=('builds', 'upgrades'))]
    """
    tasks: dict[str, set[str]] = defaultdict(set)
    actions: dict[str, set[str]] = defaultdict(set)
    agencies: dict[str, set[str]] = defaultdict(set)
    for use in facts.actions:
        tasks[use.platform].add(use.task)
        actions[use.platform].add(use.action)
        agencies[use.platform] |= facts.task_agencies.get(use.task, frozenset())
    reach = [
        PlatformReach(p, facts.label(p), len(agencies[p]), len(tasks[p]), tuple(sorted(actions[p]))) for p in tasks
    ]
    return sorted(reach, key=lambda r: (-r.agencies, -r.tasks, r.label, r.id))


@dataclass(frozen=True)
class RecurringInitiative:
    """An initiative title that comes back in several documents."""

    title: str
    ids: tuple[str, ...]  # of the initiatives
    documents: int
    years: tuple[int, ...]


def recurring_initiatives(facts: Facts, *, minimum_documents: int = 2) -> list[RecurringInitiative]:
    """Initiatives whose title (white space aside) comes back in at least *minimum_documents*
    documents, the most widespread first.

    >>> facts = Facts(
    ...     {},
    ...     documents={"i1": "d1", "i2": "d2", "i3": "d2"},
    ...     years={"d1": 2021, "d2": 2022},
    ...     labels={"i1": "建设数字政府", "i2": "建设 数字政府", "i3": "发展数字经济"},
    ... )
    >>> recurring_initiatives(facts)
    [RecurringInitiative(title='建设数字政府', ids=('i1', 'i2'), documents=2, years=(2021, 2022))]
    """
    by_title: dict[str, list[str]] = defaultdict(list)
    for initiative in sorted(facts.documents):
        if initiative in facts.labels:
            by_title["".join(facts.labels[initiative].split())].append(initiative)
    recurring = []
    for title, initiatives in by_title.items():
        documents, years = spread(facts, initiatives)
        if documents >= minimum_documents:
            recurring.append(RecurringInitiative(title, tuple(initiatives), documents, years))
    return sorted(recurring, key=lambda r: (-r.documents, -len(r.ids), r.title))


@dataclass(frozen=True)
class Community:
    """A community of the co-responsibility network and its most connected members."""

    index: int
    size: int
    members: tuple[str, ...]  # labels, most connected first


@dataclass(frozen=True)
class Analysis:
    """Everything ``policykg analyze`` reports, each list cut to its *top* entries."""

    agencies: int  # in the co-responsibility network
    ties: int  # its edges: pairs of agencies sharing an initiative
    agency_profiles: list[AgencyProfile]
    pairs: list[SharedPair]
    pair_spread: list[tuple[int, tuple[int, ...]]]  # documents and years of each pair's shared initiatives
    communities: list[Community]
    platforms: list[PlatformReach]
    initiatives: list[RecurringInitiative]

    def sections(self) -> dict[str, list[dict[str, Any]]]:
        """Each part as rows of plain values (lists for the tuples), for JSON, CSV and tables."""
        return {
            "agencies": [_plain(asdict(profile)) for profile in self.agency_profiles],
            "pairs": [
                {
                    "a": pair.a,
                    "a_label": pair.a_label,
                    "b": pair.b,
                    "b_label": pair.b_label,
                    "shared": pair.shared,
                    "documents": documents,
                    "years": list(years),
                }
                for pair, (documents, years) in zip(self.pairs, self.pair_spread, strict=True)
            ],
            "communities": [_plain(asdict(community)) for community in self.communities],
            "platforms": [_plain(asdict(platform)) for platform in self.platforms],
            "initiatives": [_plain(asdict(initiative)) for initiative in self.initiatives],
        }


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {key: list(value) if isinstance(value, tuple) else value for key, value in row.items()}


def analyze(facts: Facts, *, top: int | None = None) -> Analysis:
    """The co-responsibility network, the agencies ranked, the pairs sharing most, the
    communities, the platforms most agencies act on and the recurring initiatives.

    >>> facts = Facts({"i1": frozenset({"drc", "digital"}), "i2": frozenset({"digital", "finance"})})
    >>> found = analyze(facts, top=1)
    >>> found.agencies, found.ties, [p.id for p in found.agency_profiles], found.communities[0].members
    (3, 2, ['digital'], ('digital',))
    >>> found.sections()["pairs"]
    [{'a': 'digital', 'a_label': 'digital', 'b': 'drc', 'b_label': 'drc', 'shared': 1, 'documents': 0, 'years': []}]
    """
    network = co_responsibility_network(facts)
    groups = communities(network)
    pairs = shared_initiatives(facts.members, labels=facts.names, limit=top)
    return Analysis(
        agencies=network.number_of_nodes(),
        ties=network.number_of_edges(),
        agency_profiles=agency_profiles(facts, network)[:top],
        pairs=pairs,
        pair_spread=[spread(facts, pair.initiatives) for pair in pairs],
        communities=[
            Community(index, len(group), tuple(facts.label(a) for a in group[:top]))
            for index, group in enumerate(groups[:top])
        ],
        platforms=platform_reach(facts)[:top],
        initiatives=recurring_initiatives(facts)[:top],
    )
