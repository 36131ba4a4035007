"""Platforms, actions, links and programmes, through the real pipeline (pkuseg and jieba's tags).

Every sentence here was written for these tests, naming platforms of provinces the finder's
rules were not written from; the corpus sentences are kept for evaluation (``policykg eval``).
"""

from __future__ import annotations

import pytest

from extract.pipeline import extract_text
from extract.text import matching_text


def platforms(nlp, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(matching_text(text))
    return [(s.id_, None if s.label_ == "mentions" else s.label_) for s in doc.spans["platforms"]]


def platform_names(nlp, text: str) -> list[str]:
    """The names of the platforms the pipeline finds in *text*, in order."""
    return [name for name, _ in platforms(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推动更多高频事项接入“浙里办”APP。", [("浙里办APP", "promotes")]),
        ("依托“随申办”移动端，推广“随申码”应用。", [("随申办移动端", "relies_on"), ("随申码", "promotes")]),
        ("全面推广“蒙速办”，提升“赣服通”服务能力。", [("蒙速办", "promotes"), ("赣服通", "upgrades")]),
        ("持续做强“辽事通”平台。", [("辽事通平台", None)]),
        ("引导经营主体使用电子营业执照系统办理登记。", [("电子营业执照系统", "relies_on")]),
        ("升级省一体化政务服务平台和“皖事通”APP。", [("省一体化政务服务平台", "upgrades"), ("皖事通APP", "upgrades")]),
        ("建设全市一体化数据中台和“城市大脑”。", [("全市一体化数据中台", "builds"), ("城市大脑", "builds")]),
        ("优化省电子证照库。", [("省电子证照库", "upgrades")]),
        ("上线政务服务平台3.0。", [("政务服务平台3.0", "builds")]),
        ("建设“12345”政务服务便民热线知识库。", [("12345政务服务便民热线知识库", "builds")]),
        ("建成全县人口数据仓，汇聚各部门数据。", [("全县人口数据仓", "builds")]),
        ("升级县政府门户网站群。", [("县政府门户网站群", "upgrades")]),  # a cluster of websites
        ("建成宁海政务云中心一期。", [("宁海政务云中心", "builds")]),  # a cloud's centre
        ("推进县社会治理平台建设工作。", [("县社会治理平台", "builds")]),  # work on it, no body
    ],
)
def test_named_platforms(nlp, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert platforms(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("印发“豫事办”建设规范。", ["豫事办"]),
        ("积极开展好市县电子政务外网改造。", ["市县电子政务外网"]),  # 好 glued to the levels after it
        ("按照《宁夏加快推进政务数据共享平台建设方案》要求开展工作。", ["政务数据共享平台"]),  # a place acts
        ("构建智慧城市应用支撑平台。", ["智慧城市应用支撑平台"]),  # guard: 城市 is no place's name
        ("县级数据上连国家数据共享交换平台。", ["国家数据共享交换平台"]),  # 连 (tagged a name) before a level
        ("认真落实好省市数据共享平台对接。", ["省市数据共享平台"]),  # 好 before the levels
        ("扩大全市电子政务外网覆盖范围。", ["全市电子政务外网"]),
        ("进一步完善湘易办超级移动端。", ["湘易办超级移动端"]),
        ("启动市公共资源交易平台升级。", ["市公共资源交易平台"]),
        ("加强和规范县政府门户网站管理。", ["县政府门户网站"]),
        ("建设重点人群健康管理系统。", ["重点人群健康管理系统"]),  # 重点 before a noun is no adverb
        ("重点建设市级数据共享交换平台。", ["市级数据共享交换平台"]),  # before a verb it is one
        ("三、做好智慧党建平台维护。", ["智慧党建平台"]),  # 三、 marks an item, it parts no list
        ("及时清理智慧停车管理系统冗余数据。", ["智慧停车管理系统"]),  # 及时 is an adverb
        ("三是智慧党建平台上线运行。", ["智慧党建平台"]),  # 三是 counts a point, names no system
        ("智慧党建平台建设座谈会召开。", ["智慧党建平台"]),  # 智慧 opens a name, it is no predicate
        ("升级我县社会救助信息系统。", ["社会救助信息系统"]),  # 我县 says whose it is, as the writer sees it
        ("本省医保公共服务平台上线。", ["医保公共服务平台"]),
        ("推广我市“智慧停车”APP。", ["智慧停车APP"]),
        ("全面升级赢商通移动端门户。", ["赢商通移动端门户"]),  # a verb of one character (赢) glues on only as an action
        ("资源中心主要包含人口基础信息库。", ["人口基础信息库"]),  # 包含 opens a list: the name starts after it
        ("推动审批事项全部纳入公共资源交易平台。", ["公共资源交易平台"]),  # 纳入 brings onto a platform
        ("建立健全公共数据开放平台。", ["公共数据开放平台"]),  # 健全 upgrades, as 完善 does
        ("充分利用现有电子政务内网。", ["电子政务内网"]),  # 现有 says which one is meant, no part of the name
        ("各类审批事项统一在此平台上受理。", []),  # 此 points back at a system named before: no name
        # 各 and 全部 before a predicate glued to the level (接入县) are its subject's
        ("各乡镇卫生院全部接入县全民健康信息平台。", ["县全民健康信息平台"]),
        ("依托12345热线平台受理诉求。", ["12345热线平台"]),  # a service line's number opens the name
        ("年内上线2.0版不动产登记平台。", ["2.0版不动产登记平台"]),  # so does a version's (版 names, it counts nothing)
        # after a 、 that ends a predicate of its own (no name before it), a verb opens the next predicate
        ("健全数据标准体系、编制电子证照平台接入规范。", ["电子证照平台"]),
        ("据介绍，这是全市首家街道级网上服务平台。", ["街道级网上服务平台"]),  # 这是 a verb, 首家 the first
        ("建成首批县级应急指挥平台。", ["县级应急指挥平台"]),
        ("建成全国首个省级政务云平台。", ["省级政务云平台"]),  # 首|个, segmented apart, is the first too
        # a building's hall before 和 ends its phrase: the system after it is named alone
        ("县级以上人民政府应当推进政务服务大厅和一体化在线政务服务平台建设。", ["一体化在线政务服务平台"]),
        ("推进网上办事大厅和政务服务APP建设。", ["网上办事大厅", "政务服务APP"]),
        # an office's online counterpart is a system; the office itself is a body
        ("纳税人可以通过电子税务局办理涉税事项。", ["电子税务局"]),
        ("纳税人可以到省税务局办理涉税事项。", []),
        ("每日将申报数据传递到省社会保险信息系统。", ["省社会保险信息系统"]),  # 到: where the data go, then the name
        ("整合交通流量数据用于智慧交通平台分析。", ["智慧交通平台"]),  # 用于: its object, then the name
        ('鼓励各部门应用接入“金宁办"，实现掌上办理。', ["金宁办"]),  # a straight quote closes a curly one
        ("县数据中心负责运维县智慧城管平台。", ["县智慧城管平台"]),  # 运维, a verb jieba lacks, glued to the level
        ("全面推广“豫事办”和河南政务服务网。", ["豫事办", "河南政务服务网"]),  # a quoted brand, 和, a place's name
        # a programme's head alone before a verbal noun modifies what follows (工程|建设项目…)
        ("全面应用市工程建设项目审批管理系统。", ["市工程建设项目审批管理系统"]),
        ("全面应用安徽省工程建设项目审批管理系统。", ["安徽省工程建设项目审批管理系统"]),  # a place's name
        # verbs between a place and a head say what the system does, the place whose it is
        ("数据通过黔东南州共享交换平台统一提供。", ["黔东南州共享交换平台"]),
        ("湘西州加快建设政务服务平台。", ["政务服务平台"]),  # guard: a place acting on an object
        # where to (至, 到) is a noun phrase: a verb opening it modifies the name
        ("将处罚信息上传至注册税务师行业管理平台。", ["注册税务师行业管理平台"]),
        ("将线索推送至县综合执法平台。", ["县综合执法平台"]),  # guard
        # 上联 (linked up to) is a verb, no place (in jieba's dictionary a couplet's line)
        ("建设上联国家人口基础信息库的市人口信息平台。", ["国家人口基础信息库", "市人口信息平台"]),
        # an adjective jieba's model glues to a head of one character makes no name (除不宜|网办事项外)
        ("除不宜网办事项外，全部接入县政务服务网。", ["县政务服务网"]),
        # a head jieba cuts in two (数据|中|台) is no locative that breaks a name
        ("建设医保数据中台，汇聚医保数据。", ["医保数据中台"]),
    ],
)
def test_a_name_never_starts_with_the_verb_before_it(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("推进“健康码”“场所码”互认。", ["健康码", "场所码"]),
        ("推动“鄂汇办”和“鄂汇码”融合。", ["鄂汇办", "鄂汇码"]),
        ("推广“江苏通”“四川通”。", ["江苏通", "四川通"]),  # a place's name before 通 (四川 opens with a numeral)
        ("实施“企企通”工程，推广“企企通”APP。", ["企企通APP"]),  # a quoted brand before 工程 names a programme
        ("建设城市运行管理和应急指挥平台。", ["城市运行管理和应急指挥平台"]),
        ("建成危险废物全程监控与服务平台。", ["危险废物全程监控与服务平台"]),  # a verbal noun before 与
        # a list joined by 、 before the run: each item takes the head
        ("完成云管、网管和安管平台调试。", ["云管平台", "网管平台", "安管平台"]),
        ("建设人口、法人和信用信息数据库。", ["人口数据库", "法人数据库", "信用信息数据库"]),
        ("建设人口基础数据库、自然资源和空间地理基础数据库。", ["人口基础数据库", "自然资源和空间地理基础数据库"]),
        ("建设省、市和县级平台。", []),  # the levels one system spans
        ("建设人口、法人、空间地理等基础数据库。", ["人口基础数据库", "法人基础数据库", "空间地理基础数据库"]),
        # a store of data holds data on bodies too; a platform of another kind is hosted by them
        ("完善人口、企业、地理等公共基础数据库。", ["人口公共基础数据库", "企业公共基础数据库", "地理公共基础数据库"]),
        ("支持企业、高校等创新平台建设。", []),
        ("推广“一网通办”“一网统管”移动端。", ["一网通办移动端", "一网统管移动端"]),
        ("做好地籍调查工作和不动产登记数据库的更新。", ["不动产登记数据库"]),
        ("落实“放管服”改革和市“智慧医保”系统上线。", ["市智慧医保系统"]),  # a level after 和 opens a name
        ("通过市政府门户网站、政务微博等信息公开平台发布。", ["市政府门户网站"]),  # a class over other kinds
        ("依托人口基础数据库、法人等基础数据库开展比对。", ["人口基础数据库", "法人基础数据库"]),
        # a 和 between two 、 joins two words of one item
        (
            "整合户籍、社保、医保和公积金、不动产等主题数据库。",
            ["户籍主题数据库", "社保主题数据库", "医保和公积金主题数据库", "不动产主题数据库"],
        ),
        # the first item starts after the name and the predicate before it
        (
            "依托省政务云平台汇聚人口、法人、证照等基础数据库。",
            ["省政务云平台", "人口基础数据库", "法人基础数据库", "证照基础数据库"],
        ),
        ("运用大数据、云计算等新技术建设宁海城市大脑。", ["宁海城市大脑"]),  # what follows 等 names no system
        ("借助渣土车辆监管平台等信息化手段开展巡查。", ["渣土车辆监管平台"]),  # means: a system may be one
        # a programme's verb before a list sharing a head is its predicate, no part of its first item
        ("加快推进户籍、社保和医保平台对接。", ["户籍平台", "社保平台", "医保平台"]),
        ("依托县政务服务平台“甬易办”移动端办理。", ["县政务服务平台", "甬易办移动端"]),  # a quoted name in apposition
        # an action after 等 (接入) makes the list the subjects of a task, no names' shared category
        (
            "建设全市视频共享平台（下称“视频云”），公安、交通等部门视频资源统一接入视频云。",
            ["全市视频共享平台", "视频云"],
        ),
    ],
)
def test_coordination(nlp, text: str, names: list[str]) -> None:
    """Two heads are two names; a head shared by a list after 等 or by quoted items goes to
    each, and so does a list joined by 、 before ``B和C平台``; ``A和B平台`` alone stays one name,
    as the guidelines' gold writes it, unless A is work (调查工作和X数据库) or B opens with a level
    (A和市X系统)."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    "text",
    [
        "聚焦大平台共建、大数据共享。",
        "培育一批工业互联网平台，发展平台经济。",
        "加快建设一批数据中心和算力中心。",
        "完善政府网站集约化建设，推进业务系统整合。",
        "建成20个以上省级创新平台。",
        "推动各类主体上云上平台。",
        "实现群众办事“一次都不跑”。",
        "实施“数字江西”建设，打造“智慧南昌”品牌。",
        "做到“登一网，通全城”。",  # a slogan the name opens, its quotation closing past the head
        "推行“进一库，全省查”。",
        "为各乡镇提供可靠的网络和平台支撑。",  # kinds coordinated with a bare head
        "统筹推进机房和数据中心建设。",
        "打造“一屏一码一网”服务模式。",  # a slogan counting the parts of a system
        "推广“码”上服务，实现“证”“码”同用。",  # a head alone, quoted
        "推进跨层级跨系统协同办理。",  # the head is what a relation crosses
        "推进政务云网一体化建设。",  # the head modifies the word after it
        "整合县政府所有业务系统。",  # all the systems of a kind
        "成立县社会治理平台建设工作领导小组。",  # a body whose name holds its task
        "使整个网站群内容相互支撑。",  # the whole of a kind
    ],
)
def test_kinds_and_slogans_are_not_platforms(nlp, text: str) -> None:
    assert platforms(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("推动区级网上政务大厅与各业务系统对接。", ["区级网上政务大厅"]),
        ("建成全市线上服务大厅。", ["全市线上服务大厅"]),
        ("改造区政务服务大厅，增设自助终端。", []),
        ("网上预约，服务大厅现场办理。", []),
        ("在县便民服务中心设立企业开办综合窗口。", []),
        ("争创全省改革的示范窗口。", []),
        ("在政务服务网开设“跨省通办”网上窗口。", ["政务服务网", "跨省通办网上窗口"]),
        ("推进远程虚拟窗口建设。", ["远程虚拟窗口"]),
        ("推动跨境贸易“单一窗口”功能向口岸物流延伸。", ["单一窗口"]),
    ],
)
def test_a_hall_or_a_window_is_a_platform_only_online(nlp, text: str, names: list[str]) -> None:
    """大厅 and 窗口 end a platform's name where a word before them in the phrase says it is
    online (a single window of trade is an electronic system); a service hall alone is a
    building, a window a counter in one, or a showcase."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("升级“园区服务舱”、“蓉易办”。", ["园区服务舱", "蓉易办"]),
        ("推广“蓉易办”和“惠企直通车”。", ["蓉易办", "惠企直通车"]),
        ("推行“一网通办”“蓉易办”。", ["蓉易办"]),  # guard: a slogan beside a name is no name
        ("开通“蓉易办”“96345”热线。", ["蓉易办"]),  # guard: a number is no name
        ("推广“社会和云”。", ["社会和云"]),  # guard: a quoted name may join a bare head
        ("建成网上审批和电子监察系统。", ["网上审批和电子监察系统"]),  # guard: a head with modifiers names one
    ],
)
def test_a_quoted_phrase_listed_beside_a_quoted_name_is_a_name(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


def test_platform_links(nlp) -> None:
    doc = nlp(matching_text("推动市不动产登记系统与市公积金管理系统对接。"))
    spans = doc.spans["platforms"]
    assert [s.id_ for s in spans] == ["市不动产登记系统", "市公积金管理系统"]
    assert spans.attrs["links"] == [[0, 1, "对接"]]
    assert {s.label_ for s in spans} == {"connects"}


def test_a_link_needs_its_first_platform_right_before_the_conjunction(nlp) -> None:
    doc = nlp(matching_text("建设全市统一身份认证平台，实现一次认证。\n推动各区自建业务系统与市数据共享交换平台对接。"))
    assert [s.id_ for s in doc.spans["platforms"]] == ["全市统一身份认证平台", "市数据共享交换平台"]
    assert doc.spans["platforms"].attrs["links"] == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("各乡镇的社会救助申请系统已全部投入使用。", ["社会救助申请系统"]),
        ("支持各高校的科研仪器共享系统互联。", ["科研仪器共享系统"]),
        ("推动各乡镇自建审批系统整合。", []),  # guard: 各 right before the name counts the systems
    ],
)
def test_each_owner_before_a_relative_s_de_counts_the_owners_not_the_systems(nlp, text: str, names: list[str]) -> None:
    """各X的Y系统: 各 counts the owners in a clause that modifies the name, which names a system
    of each of them; right before the name (各区自建业务系统) it counts the systems, a kind."""
    assert platform_names(nlp, text) == names


def test_programmes(nlp) -> None:
    doc = nlp(matching_text("深入实施“宽带乡村”工程。启动数字乡村示范工程。合理安排年度用地计划和土建工程。"))
    assert [s.id_ for s in doc.spans["programmes"]] == ["宽带乡村工程", "数字乡村示范工程"]


def test_tags_are_jieba_tags_and_only_where_a_head_may_be(nlp) -> None:
    """Sentences without a head character are not tagged; heads are tagged nhp / nhq."""
    doc = nlp(matching_text("加强组织领导。推进全市大数据平台建设。"))
    tags = {t.text: t.tag_ for t in doc}
    assert tags["加强"] == "" and tags["领导"] == ""
    assert tags["推进"] == "v" and tags["平台"] == "nhp" and tags["。"] == "wj"


def test_ascii_symbols_are_no_part_of_a_name(nlp) -> None:
    """``--`` (a page title's separator) is a symbol, not a number that starts a name."""
    doc = nlp(matching_text("政务网--全省公共数据开放平台上线。"))
    assert {t.text: t.tag_ for t in doc}["--"] == "x"
    assert platform_names(nlp, "政务网--全省公共数据开放平台上线。")[-1] == "全省公共数据开放平台"


def test_agencies_and_places_in_text(nlp) -> None:
    doc = nlp(matching_text("推动福州、莆田建设平台经济示范区，商务部给予支持。"))
    assert [(s.text, s.id_) for s in doc.spans["places"]] == [("福州", "350100"), ("莆田", "350300")]
    assert [s.text for s in doc.spans["agencies"]] == ["商务部"]


@pytest.mark.parametrize(
    "text",
    [
        "建成交通、水利等多个专题库。",
        "逐步建设若干个行业数据库。",
        "全省已建成大型数据中心12个。",
        "运用5G、物联网、区块链等新技术。",
        "运用物联网、区块链等技术手段。",  # technologies, also as means
        "落实“系统之外无数据”原则。",
        "推进“一中心”统筹调度。",
        "完成其他非涉密专网整合。",
        "满足视频、数据一网承载需求。",
        "适配鸿蒙、安卓等移动端操作系统。",
    ],
)
def test_what_a_number_counts_or_a_list_names_is_a_kind(nlp, text: str) -> None:
    """A quantity before or after a head counts a kind (多个, 若干个, 12个; not a count of levels), so does a
    determiner (其他); the category after 等 tells what the items are (技术), or only modifies
    what follows (移动端操作系统); a quoted rule or a numbered slogan names nothing."""
    assert platforms(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("先行建设1个市级信用信息共享平台。", ["市级信用信息共享平台"]),
        ("依托“赣服通”“赣政通”两大平台办理。", ["赣服通", "赣政通"]),
        ("将更多事项接入“冀时办”“冀政通”平台。", ["冀时办", "冀政通"]),
        ("整合工程质量监督系统、从业人员实名管理系统。", ["工程质量监督系统", "从业人员实名管理系统"]),
        ("市政务云计算中心投入使用。", ["市政务云计算中心"]),
        ("建成三维数字社区管理系统、地理信息系统。", ["三维数字社区管理系统", "地理信息系统"]),
        ("建设两套数据系统。", []),  # guard: a numeral and a measure word count
        ("建成由12个子系统组成的宁海县政务服务平台。", ["宁海县政务服务平台"]),  # it counts the clause's systems
        ("整合两个主题数据库和人口综合信息库。", ["人口综合信息库"]),  # it counts the name before 和
        ("推广“蓉易享”“码上查”“民情快递”等政务服务平台。", ["蓉易享", "码上查", "民情快递"]),  # 等 closes the list
        ("推广“码上查”“民情快递”等便民应用。", []),  # guard: what closes the list is no platform
        # a count of apps, maybe of those being built, names each (and 和 joins two quoted items)
        ("介绍“数智防汛”和“余杭云碳”两款重点应用。", ["数智防汛", "余杭云碳"]),
        ("阐述“多维联动治水”“浙里护苗”两款在建应用。", ["多维联动治水", "浙里护苗"]),
        ("建设“皖南数云”云网一体化基础设施。", ["皖南数云"]),  # 云网 modifies 一体化, the brand stands alone
        ('全市推广"甬易办""甬企通"两个平台。', ["甬易办", "甬企通"]),  # straight quotes, paired
        ('依托"甬易办"受理申请。', ["甬易办"]),
    ],
)
def test_counts_brands_and_heads_across_words(nlp, text: str, names: list[str]) -> None:
    """A quantity of one names its system; quoted brands counted by a quantity, or sharing a
    bare head, are the names; a verb that starts an item of a list modifies it; a head written
    across two words is one head; a number word whose rest is a verb (三维) counts nothing."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("完善自然资源和地质灾害监测数据库。", ["自然资源和地质灾害监测数据库"]),
        ("印发数据共享实施方案和政务数据目录系统建设指南。", ["政务数据目录系统"]),
        ("开展“桂政通”功能优化，推行“马上办”服务。", ["桂政通"]),
        ("推进全市医保信息系统迁移上云。", ["全市医保信息系统"]),
        ("覆盖省市县乡四级的一体化政务服务平台全面建成。", ["一体化政务服务平台"]),
        ("推动高频事项进驻“甘快办”小程序。", ["甘快办小程序"]),
    ],
)
def test_names_that_words_around_them_do_not_change(nlp, text: str, names: list[str]) -> None:
    """A noun the segmenter cut in two keeps its tag (自然|资源); a document's name before 和
    ends a phrase; a quoted three-character brand ends in 办 or 通 after no common word (not
    马上办); 上云 is a verb and its object; levels are no count; 进驻 is a predicate."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("闽东网6月20日讯（记者 林明）近日，某市发布方案。", []),
        ("据省卫健委网站消息，省卫健委印发规划。", []),
        ("依据省政务服务平台数据统计。", ["省政务服务平台"]),  # guard: 依据, not 据
        ("建设政务服务网，6月20日上线。", ["政务服务网"]),  # guard: a date, no dateline
        ("闽东日报闽东网宁德新闻讯 近日，某市发布方案。", []),  # a dateline without a date
        ("5月，市委宣传部文明网刊发《某县：数据赋能》一文。", []),  # a medium publishing a report
        ("推进通讯网络建设，建成市政务通讯网。", ["市政务通讯网"]),  # guard: 讯 inside a word
    ],
)
def test_a_source_of_news_is_no_platform(nlp, text: str, names: list[str]) -> None:
    """A name cited as a source (据X网站) or as a news dateline (X网6月20日讯) names no system."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("首页\n江城发布微博\n江城新闻客户端\n\n江城人民政府办公厅关于做好政务公开的通知", []),
        ("律查网 —— 江城法规信息查询网\n各区政府：现将方案印发给你们。", []),
        ("  “江城通”APP  \n推进政务服务事项进驻。", []),
        ("1.江城政务服务网\n推进政务服务事项进驻。", ["江城政务服务网"]),  # guard: a numbered heading
        ("| 江城政务服务网 | 省数据局 |", ["江城政务服务网"]),  # guard: a table's row
        ("建成江城政务服务网。\n江城政务服务网\n", ["江城政务服务网"]),  # guard: the sentence's name stays
        ("江城市数据共享交换平台。\n近年来，江城推进数据共享。", ["江城市数据共享交换平台"]),  # a caption's sentence
    ],
)
def test_a_name_alone_on_its_line_is_page_furniture(nlp, text: str, names: list[str]) -> None:
    """A copied web page's site names and channel lists, each alone on its line or beside
    separators only, name no system the plan speaks of; a name with its number, in a table's
    row or in a sentence does."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize("bar", ["丨", "|", "｜"])
def test_a_bar_between_a_column_s_name_and_a_headline_ends_no_name(nlp, bar: str) -> None:
    """Web pages write 丨 (a vertical stroke) as they write |, between a column's name and a
    headline: the name after it is the headline's own."""
    text = f"要闻{bar}江城政务服务平台移动端建设方案\n一、推进江城政务服务平台移动端建设。"
    assert platform_names(nlp, text) == ["江城政务服务平台移动端"] * 2


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("依托政府信息公开平台发布信息。", ["政府信息公开平台"]),
        ("推进政务服务全面接入平台。", []),
        ("推进政务服务全面接入省政务服务平台。", ["省政务服务平台"]),
    ],
)
def test_an_adverb_before_nouns_may_stand_in_a_name_not_before_a_verb(nlp, text: str, names: list[str]) -> None:
    """An adverb the dictionary tags ad modifies the nouns after it as an adjective would (信息公开
    平台); with a verb after it, the two are a predicate and the name starts after them."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("完善安徽政务服务网涡阳分厅功能。", ["安徽政务服务网涡阳分厅"]),
        ("建设政务云揭阳节点。", ["政务云揭阳节点"]),
        ("升级浙江政务服务网金华分厅。", ["浙江政务服务网金华分厅"]),  # 金华: a city the gazetteer knows
        ("推进“湘易办”沅江专区建设。", ["湘易办沅江专区"]),
        ("依托省政务服务平台，福州节点同步上线。", ["省政务服务平台"]),  # guard: another clause
    ],
)
def test_a_platform_part_for_one_place_is_one_name(nlp, text: str, names: list[str]) -> None:
    """A platform, a place's name and a branch word (分厅, 节点, 专区) written together name the
    platform's part for that place."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("实现相关部门监管信息平台数据归集。", []),
        ("推进有关单位业务系统与市平台对接。", []),
        ("实现与职能部门系统互联互通。", []),
        ("各单位建成本部门行政规范性文件库。", []),
        ("建设部门间数据共享交换平台。", ["数据共享交换平台"]),
        ("建设跨部门协同办公平台。", ["跨部门协同办公平台"]),
        ("完善用人单位基础信息库。", ["用人单位基础信息库"]),
    ],
)
def test_systems_of_bodies_in_general_are_kinds(nlp, text: str, names: list[str]) -> None:
    """A collective marker of the note grammar (相关, 有关) before a name, or departments in
    general as its owner (职能部门系统), make a kind; between or across departments (部门间,
    跨部门) and units as what a database holds (用人单位) do not."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("推动存量业务系统迁移整合。", []),
        ("完善厦门市平台功能。", []),
        ("升级不动产登记信息系统。", ["不动产登记信息系统"]),
        ("推动全县非涉密非敏感政务信息系统迁移上云。", []),
        ("推进甘肃省政务信息系统整合共享。", []),
        ("建设甘肃省政务服务平台。", ["甘肃省政务服务平台"]),
        ("所有新建非涉密应用系统一律上云。", []),
        ("建设非税收入管理系统和非紧急救助服务平台。", ["非税收入管理系统", "非紧急救助服务平台"]),
        ("扩容全县城域网和接入网。", []),  # kinds of network
        ("建设水利行业骨干网。", ["水利行业骨干网"]),  # one network: its modifier is no level
    ],
)
def test_a_kind_of_system_with_a_place_or_a_quality_is_no_name(nlp, text: str, names: list[str]) -> None:
    """A kind's name with levels, a place's name, a word of two characters or negated attributes
    before it (甘肃省, 非涉密: the non-classified ones) names no system; 非 inside a word (非税) negates nothing,
    and a negated attribute before another head is part of a name."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("在六大领域建设了公共资源交易平台、投资在线审批平台。", ["公共资源交易平台", "投资在线审批平台"]),
        ("基本建成城市大脑，加快建设城市云脑。", ["城市大脑", "城市云脑"]),
        ("支持以“一码”查询业务数据。", []),
        ("开发全省12345便民服务平台APP。", ["全省12345便民服务平台APP"]),
    ],
)
def test_what_a_number_stands_for(nlp, text: str, names: list[str]) -> None:
    """A number before an action counts something else; a city's brain is a name, not a kind;
    a numbered slogan is no name; a service number (12345) is part of a name."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a short form the text defines names the same system later, a level before it included
        (
            "第一条 为统一管理全省不动产登记信息平台（以下简称“登记平台”），制定本办法。市级登记平台与登记平台对接。",
            ["全省不动产登记信息平台", "市级登记平台", "登记平台"],
        ),
        ("第三条 社会信用信息系统的运行维护，由省发展改革委负责。", ["社会信用信息系统"]),  # an article's marker
    ],
)
def test_short_forms_and_the_articles_of_rules(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("医保结算系统是国家的医疗费用结算报销平台。", ["医保结算系统"]),  # what the system is, no second system
        (  # a name inside the description is a system of its own
            "本办法所称城市运行平台，是指按照省一体化政务云平台规范建设的平台。",
            ["城市运行平台", "省一体化政务云平台"],
        ),
        (  # so is the one that owns the system described
            "宁海县城市运行管理平台是市城市大脑平台的县级分平台。",
            ["宁海县城市运行管理平台", "市城市大脑平台"],
        ),
        ("县政府办公室是宁海县城市运行管理平台的主办单位。", ["宁海县城市运行管理平台"]),  # or the body described
        ("督促市直部门审核市级数据共享交换平台目录。", ["市级数据共享交换平台"]),  # a level after a verb starts it
        ("督促各部门审核市级数据共享交换平台目录。", ["市级数据共享交换平台"]),  # 各 counts the subject
        (  # and a level starts each of a run of objects
            "协调各部门推进全市政务服务平台和全市“好差评”系统建设。",
            ["全市政务服务平台", "全市好差评系统"],
        ),
        ("各区建设的业务系统和数据平台要统一接入。", []),  # 各 counts both systems of a run
        ("用好黔政通平台。", ["黔政通平台"]),  # the complement of a predicate jieba tags a preposition
        ("上线公文流转、视频会商、电子档案等“八大系统”。", []),  # a counted category after 等 names kinds
        ("接入能耗在线监测省级系统。", ["能耗在线监测省级系统"]),  # a level right before the head modifies it
    ],
)
def test_a_copula_describes_and_a_level_after_a_verb_starts_a_name(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("区卫健部门要做好系统迁移工作。", []),  # a modal verb: what follows is the predicate
        ("市场监管部门应对接企业信用信息公示平台。", ["企业信用信息公示平台"]),  # the name starts after the modal
        ("通过多种渠道宣传贵州政务服务网。", ["贵州政务服务网"]),  # a place after a verb starts the name
        ("有关数据接入国家数据共享交换平台。", ["国家数据共享交换平台"]),  # 国家 is a level
        ("依托湖南政务服务网办理。", ["湖南政务服务网"]),  # guard: a place after a predicate was a start already
    ],
)
def test_modal_verbs_and_places_after_a_verb(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("加快“安商通”“优企办”建设。", ["安商通", "优企办"]),  # three characters ending in a brand's final
        ("全面推行“马上办”“网上办”。", []),  # guard: a common word before the final makes a slogan
    ],
)
def test_quoted_brands_of_three_characters(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("市民可通过榕城1号APP预约办理。", ["榕城1号APP"]),  # a number with 号 labels, it counts nothing
        ("建设3个数据平台。", []),  # guard: a number with a measure counts a kind
        ("打造“一中心五张网”框架。", []),  # a bare head after a number and its measure: a numbered slogan
        ("形成“一中台三张网”格局。", []),
    ],
)
def test_a_numbered_label_stays_in_a_name(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


def test_strengthening_a_system_upgrades_it(nlp) -> None:
    text = "切实加强不动产登记信息系统运行保障。"
    assert platforms(nlp, text) == [("不动产登记信息系统", "upgrades")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("上线跨省异地就医结算系统。", ["跨省异地就医结算系统"]),  # 跨|省: the dictionary's 跨省
        ("完善跨部门数据共享交换平台。", ["跨部门数据共享交换平台"]),
        ("推进数据归集子系统建设。", ["数据归集子系统"]),  # 归|集子系统: the dictionary's 归集
        ("调研组了解区政务服务平台建设。", ["区政务服务平台"]),  # 了|解区: the dictionary's 了解, then a level
    ],
)
def test_a_verb_the_segmenter_cut_from_its_noun_keeps_the_noun(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


def test_a_platform_in_the_task_a_note_spans_is_kept(nlp) -> None:
    """A note that runs over its lead's task to the partners (由X牵头负责升级A，Y配合) still lets
    the platform in that task be found; its units are no mentions."""
    from extract import extract_text

    text = "3．由市数据局牵头负责升级省政务服务平台，市财政局配合做好资金保障。"
    extraction = extract_text(text, jurisdiction="320500", nlp=nlp)
    assert [[u.name for u in n.units] for n in extraction.notes] == [["市数据局", "市财政局"]]
    assert [(m.kind, m.name) for m in extraction.mentions] == [("platform", "省政务服务平台")]


def test_the_systems_a_title_names_are_the_documents(nlp) -> None:
    """A title names what the document is about (…“X通”平台运行管理办法): its platform is a mention
    of no item."""
    from extract import extract_text

    text = (
        "（此件公开发布）\n淮海市“淮事通”平台运行管理办法\n"
        "第一条 为规范淮海市“淮事通”平台运行管理办法的实施，建设市公共数据共享平台。\n"
    )
    extraction = extract_text(text, jurisdiction="320800", nlp=nlp)
    assert extraction.metadata.title == "淮海市“淮事通”平台运行管理办法"
    platforms = [(m.item, m.name) for m in extraction.mentions if m.kind == "platform"]
    assert (None, "淮海市淮事通平台") in platforms
    assert ("第一条", "市公共数据共享平台") in platforms


def test_an_item_naming_a_system_and_its_short_form_lists_it_once(nlp) -> None:
    """A short form the text defines (以下简称“在线平台”) stands for the name: in the item that
    names the system in full it is the same system, listed once; in a later item it is listed as
    written. A level before it (市级在线平台) names a system of its own."""
    from extract import extract_text

    text = (
        "第一条 为加强淮海市投资项目在线审批监管平台（以下简称“在线平台”）管理，确保在线平台稳定运行，制定本办法。\n"
        "第二条 各部门通过在线平台办理审批，市级在线平台与在线平台对接。\n"
    )
    extraction = extract_text(text, jurisdiction="320800", nlp=nlp)
    assert [(m.item, m.name) for m in extraction.mentions if m.kind == "platform"] == [
        ("第一条", "淮海市投资项目在线审批监管平台"),
        ("第二条", "在线平台"),
        ("第二条", "市级在线平台"),
        ("第二条", "在线平台"),
    ]
    # the bracket may say more after the short form
    text = "第一条 上线淮海市不动产登记信息平台（以下简称“登记平台”，网址：djpt.example.cn），推广使用登记平台。\n"
    extraction = extract_text(text, jurisdiction="320800", nlp=nlp)
    assert [m.name for m in extraction.mentions if m.kind == "platform"] == ["淮海市不动产登记信息平台"]


def test_a_web_page_s_chrome_names_no_platform(nlp) -> None:
    """A page's navigation path and the site a report comes from are the page's, not the plan's;
    a source named inside the text (数据来源：X) is the plan's."""
    from extract import extract_text

    text = (
        "淮海政务网 > 地方动态 > 正文\n来源：智慧淮海网\n"
        "据淮海发布网消息，淮海市建成城市运行管理平台，其数据来源：市公共数据共享平台。\n"
    )
    extraction = extract_text(text, jurisdiction="320800", nlp=nlp)
    assert [m.name for m in extraction.mentions if m.kind == "platform"] == ["城市运行管理平台", "市公共数据共享平台"]
    # a path that ends in its separator, and the author's line
    text = (
        "您的位置: 首页 » 淮海法规网 » 法律法规 »\n时间:2024-07-12 作者:淮海资料网\n"
        "第一条 为加强淮海市政务服务平台管理，制定本办法。\n"
    )
    extraction = extract_text(text, jurisdiction="320800", nlp=nlp)
    assert [m.name for m in extraction.mentions if m.kind == "platform"] == ["淮海市政务服务平台"]


def test_a_body_the_gazetteer_knows_is_no_platform(nlp) -> None:
    """A data centre is a facility (市政务云数据中心) or, written as a standard body, the body
    (县大数据中心 beside 县政务服务中心): there the body's reading wins."""
    from extract import extract_text

    text = "县政务服务中心、县大数据中心联合运行县政务云数据中心，共同维护县公共数据平台。\n"
    extraction = extract_text(text, jurisdiction="341122", nlp=nlp)
    assert [m.name for m in extraction.mentions if m.kind == "platform"] == ["县政务云数据中心", "县公共数据平台"]
    assert "县大数据中心" in [text[m.start : m.end] for m in extraction.mentions if m.kind == "agency"]


def test_a_reports_byline_and_a_sites_greeting_name_no_platform(nlp) -> None:
    """The site a reporter writes for ((淮海日报·淮海网记者 王芳)) and the site a page welcomes its
    reader to are the page's, not the plan's."""
    from extract import extract_text

    text = "欢迎访问淮海市数据资源管理局网站！\n（淮海日报·淮海网记者 王芳）近日，淮海市政务云平台完成扩容。\n"
    extraction = extract_text(text, jurisdiction="320800", nlp=nlp)
    assert [m.name for m in extraction.mentions if m.kind == "platform"] == ["淮海市政务云平台"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("市数据局负责归集子系统的运行维护。", ["归集子系统"]),  # 数据局 is the subject, 负责 its verb
        ("县委宣传部牵头升级融媒体中心系统。", ["融媒体中心系统"]),
        ("推广企业登记业务操作系统。", ["企业登记业务操作系统"]),  # 企业 is no body's name here
        ("升级跨省通办审批系统。", ["跨省通办审批系统"]),  # nor is 通办
        ("（二）区数管局统筹系统建设。", []),  # a level glued to a word the dictionary lacks (区数|管局): a body
    ],
)
def test_a_body_and_its_verb_are_no_part_of_a_name(nlp, text: str, names: list[str]) -> None:
    """A body's name before a verb is the clause's subject; the name starts after the verb (and a
    name the segmenter started one character into a dictionary word, 归|集子系统, at that word)."""
    assert platform_names(nlp, text) == names


def test_a_level_and_a_head_alone_stand_for_the_one_name_found_with_them(nlp) -> None:
    doc = nlp(matching_text("推动与国家政务服务平台对接。实现省平台与国家平台数据互通。"))
    assert [(s.text, s.id_) for s in doc.spans["platforms"]] == [
        ("国家政务服务平台", "国家政务服务平台"),
        ("国家平台", "国家政务服务平台"),
    ]
    doc = nlp(matching_text("建设省数据共享平台和省公共支付平台。省平台年内上线。"))
    assert [s.id_ for s in doc.spans["platforms"]] == ["省数据共享平台", "省公共支付平台"]  # which 省平台 is not said


def test_a_name_without_its_level_stands_for_the_one_name_found_with_it(nlp) -> None:
    """A later mention of a system without its level (县不动产登记平台 … 接入不动产登记平台) is the
    system named before; not where a noun modifies it (行业|…), nor before the name was given,
    nor for the country's (全国一体化政务服务平台 … 一体化政务服务平台 is a province's too)."""
    text = "（一）建成县不动产登记平台。（二）各乡镇接入不动产登记平台。（三）完善林业不动产登记平台。"
    doc = nlp(matching_text(text))
    assert sorted((s.start_char, s.text, s.id_) for s in doc.spans["platforms"]) == [
        (5, "县不动产登记平台", "县不动产登记平台"),
        (22, "不动产登记平台", "县不动产登记平台"),
        (35, "林业不动产登记平台", "林业不动产登记平台"),
    ]
    doc = nlp(matching_text("接入全国一体化在线监管平台。推动部门接入一体化在线监管平台。"))
    assert [s.id_ for s in doc.spans["platforms"]] == ["全国一体化在线监管平台"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("发挥市数据共享平台作为全市数据交换总枢纽的作用。", ["市数据共享平台"]),
        ("形成以“浙里办”平台为总枢纽的服务体系。", ["浙里办平台"]),
    ],
)
def test_what_a_system_serves_as_describes_it(nlp, text: str, names: list[str]) -> None:
    """``X作为Y``, ``以X为Y``: Y says what X is, it names no system of its own."""
    assert platform_names(nlp, text) == names


def test_a_preposition_glued_to_a_level_is_no_part_of_a_name(nlp) -> None:
    """jieba reads 以区 as one word; the name opens with the level (区政务服务平台)."""
    names = platform_names(nlp, "建成以区政务服务平台为总门户的服务体系。")
    assert names == ["区政务服务平台"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("9月5日上午，同安召开县城市运行管理平台建设推进会。", ["县城市运行管理平台"]),
        ("昨天上午，长乐召开区数据共享平台建设推进会。", ["区数据共享平台"]),
        ("推动乡镇接入县融媒体中心平台。", ["县融媒体中心平台"]),
    ],
)
def test_a_level_after_a_verb_starts_the_name(nlp, text: str, names: list[str]) -> None:
    """A verb then a level of one character (召开|县, and 接入县, which jieba writes as one word):
    the verb is the clause's predicate, the name opens with the level."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("本细则所称政务外网，是指全市统一的非涉密网络。", ["政务外网"]),
        ("前款所列数据共享平台应当开放接口。", ["数据共享平台"]),
        ("本办法所述门户网站是指区政府门户网站。", []),  # 所述, one word of the segmenter; 门户网站 of no one
    ],
)
def test_a_nominalised_verb_before_a_name_is_no_part_of_it(nlp, text: str, names: list[str]) -> None:
    """所 with a verb (所称, 所列, 所述) says which of its kind is meant; the name starts after the verb."""
    assert platform_names(nlp, text) == names


def test_the_complement_of_a_one_character_verb_is_no_part_of_a_name(nlp) -> None:
    """做优 (make better): jieba tags 优 a noun, but after a verb of one character a word of one
    character completes the predicate, unless it is a level or a body (建|省…, 完善|部…)."""
    assert platform_names(nlp, "着力做优政务数据共享平台。") == ["政务数据共享平台"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("县电视台台长林明介绍新版县政务服务网。", ["新版县政务服务网"]),
        ("宣传部副部长刘洋介绍县融媒体平台。", ["县融媒体平台"]),
        ("开通12345市长热线平台。", ["12345市长热线平台"]),  # a title, and no verb after it
    ],
)
def test_a_person_and_what_they_do_are_no_part_of_a_name(nlp, text: str, names: list[str]) -> None:
    """News of a plan: a person's title, their name and a verb (台长林明介绍) before a system's
    name are not written into it."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 外网|通道: the head stands alone in the text's words, though 网通 is a word of its own
        ("扩容全市电子政务外网通道带宽。", ["全市电子政务外网"]),
        ("建设政务网络安全防护体系。", []),  # 网络: the head's character opens the next word
        ("推行政务服务网上办理。", []),  # 网上: so does 网上, online
    ],
)
def test_a_one_character_head_ends_a_name_where_the_texts_words_end(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


def test_jing_before_a_system_is_a_preposition(nlp) -> None:
    """经 opens what a plan says was done through or after something (经市政府同意, 经平台核验):
    the system after it is named without it."""
    assert platform_names(nlp, "申报材料经省政务服务平台核验后办结。") == ["省政务服务平台"]
    assert platform_names(nlp, "经系统比对后自动推送。") == []  # 系统 alone: no name


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("建设省级科技创新平台。", []),
        ("搭建区域开放交流平台。", []),
        ("搭建区域开放交流平台和公共数据交流平台。", ["公共数据交流平台"]),  # 数据 says it is digital
        ("升级企业招商数据库。", ["企业招商数据库"]),  # a database all the same
        ("改造老城区雨污排水系统。", []),  # physical works
        ("改造老旧小区供电系统，完善城市排涝系统。", []),  # utilities
        ("建设智能供电系统。", ["智能供电系统"]),  # guard: a word of its name says it is digital
        ("建设城市智能交通系统。", ["城市智能交通系统"]),  # 智能 says it is digital
        # industry's platforms (parks), and an offline category shared by a list after 等
        ("推动省级以上产业平台扩容提质。", []),
        ("建设工业互联网产业平台。", ["工业互联网产业平台"]),  # 网 says it is digital
        ("办好进博会、服贸会等重大展会招商平台。", []),
    ],
)
def test_a_platform_for_an_offline_purpose_is_no_system(nlp, text: str, names: list[str]) -> None:
    """A platform as a vehicle of cooperation or innovation (科技创新平台) or a system of physical
    works (排水系统) names no digital system, unless a word of its name says it is one."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("推进全县通信基础设施和公共平台建设。", []),  # a noun phrase and a kind: things, no system
        ("建设市民卡和社会保障卡管理系统。", ["市民卡和社会保障卡管理系统"]),  # the last conjunct no kind
        ("建设法人身份认证和授权平台。", ["法人身份认证和授权平台"]),  # what one system does
    ],
)
def test_a_noun_phrase_joined_to_a_kind_names_no_system(nlp, text: str, names: list[str]) -> None:
    """A name whose last conjunct after 和 is a kind (公共平台) coordinates things; after a verb the
    joiner joins what one system does (认证和授权)."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("建设预约挂号服务平台。", ["预约挂号服务平台"]),
        ("升级急救指挥调度系统。", ["急救指挥调度系统"]),
        ("建设覆盖全省公共资源交易平台。", ["全省公共资源交易平台"]),  # 覆盖: a predicate before a level
        ("加快推进平台建设。", []),  # 推进 is the action
    ],
)
def test_a_verb_after_the_action_says_what_the_system_does(nlp, text: str, names: list[str]) -> None:
    """A verb right after the action verb, with more words before the head (会诊, 指挥), opens the
    name; a verb before a level is a predicate whose object the name is."""
    assert platform_names(nlp, text) == names


def test_an_acronym_in_brackets_is_part_of_the_name(nlp) -> None:
    """A name may hold its English acronym in brackets before the head (城市信息模型（CIM）平台)."""
    assert platform_names(nlp, "推进城市信息模型（CIM）平台建设。") == ["城市信息模型（CIM）平台"]


def test_the_channel_a_system_is_reached_through_is_no_part_of_its_name(nlp) -> None:
    """电脑端 and PC端 before a name say how it is reached; 移动端, a head, may name the system."""
    assert platform_names(nlp, "群众可通过电脑端淮海网上办事大厅申报。") == ["淮海网上办事大厅"]
    assert platform_names(nlp, "完善政务服务移动端。") == ["政务服务移动端"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("本季度省政府门户网站更新信息56条。", ["省政府门户网站"]),
        ("通报2023年第二季度全省政务服务平台运行情况。", ["全省政务服务平台"]),
        ("做好2019年度市政务云平台运维工作。", ["市政务云平台"]),
        ("推广企业年度报告公示系统。", ["企业年度报告公示系统"]),  # inside a name, a period stays
    ],
)
def test_a_period_before_a_name_is_no_part_of_it(nlp, text: str, names: list[str]) -> None:
    """A noun of a period first in a run (本季度, 2019年度) says when; inside a name it stays."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("各地要扎实推进全省一体化政务服务平台建设。", ["全省一体化政务服务平台"]),
        ("要常态化落实政务外网安全管理。", ["政务外网"]),
        ("全力推动“赣服通”迭代升级。", ["赣服通"]),
        ("加快启动法人单位信息库。", ["法人单位信息库"]),  # 启动 tagged a verbal noun, in a chain of verbs
    ],
)
def test_a_programme_verb_after_a_noun_is_a_predicate(nlp, text: str, names: list[str]) -> None:
    """A verb that carries out a programme (推进, 落实, 推动, 启动) is never part of a system's name,
    even after a noun (常态化|落实) or tagged a verbal noun after a verb (加快|启动): the name starts
    after it."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("为企业群众提供政务服务移动端。", ["政务服务移动端"]),
        ("运维单位做好区政务云平台安全防护。", ["区政务云平台"]),
        ("年内全面实现省电子证照库共享。", ["省电子证照库"]),
        # an action of one character with its result (建|强, 建|好) is a predicate too
        ("支持高校建强智慧校园管理系统。", ["智慧校园管理系统"]),
        # dummy verbs: their object names the action they carry out
        ("值班人员进行系统巡检。", []),
        ("运维团队给予平台技术支持。", []),
        ("管理员加以系统防护。", []),
    ],
)
def test_a_verb_saying_a_task_is_done_is_a_predicate(nlp, text: str, names: list[str]) -> None:
    """A verb that says a task is done or given (提供, 做好, 实现), or a dummy verb that carries
    out the action its object names (进行, 加以, 给予), is never part of a system's name, even
    after a noun: the name starts after it."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("各部门向区政府公众信息网报送信息。", ["区政府公众信息网"]),
        ("建设全县法人信息库。", ["全县法人信息库"]),
        ("加强信息网络安全管理。", []),
        ("发展移动互联网。", []),
    ],
)
def test_a_common_word_of_a_digital_word_and_a_head_ends_a_name(nlp, text: str, names: list[str]) -> None:
    """信息网 and 信息库 are common words, but their rest is a digital word: they end a name as the
    head does; 互联网 and 网络 do not."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("加强省政府系统电子政务建设。", []),
        ("全省税务系统上线运行。", []),
        ("升级全市公安交通管理系统。", ["全市公安交通管理系统"]),
        ("推广市政府系统网站集约化平台。", ["市政府系统网站集约化平台"]),
    ],
)
def test_a_sector_of_the_administration_is_no_system(nlp, text: str, names: list[str]) -> None:
    """系统 right after a body or a department's field, with only levels before, is a sector of the
    administration (全省政府系统: the government); with a system's own words between, or as a
    modifier of another head, it is part of a name."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("加快5G政务专网建设。", ["5G政务专网"]),
        ("建成2个政务服务平台。", []),
    ],
)
def test_a_technology_s_number_may_open_a_name(nlp, text: str, names: list[str]) -> None:
    """A number with Latin letters (5G) names a technology and may open a name; a count may not."""
    assert platform_names(nlp, text) == names


def test_a_verbal_noun_glued_to_a_level_opens_no_name(nlp) -> None:
    """jieba glues 统一 to the level after it (建设|统一市|…): the name starts at the level; 统一 first
    in a name before other words stays (统一身份认证平台)."""
    assert platform_names(nlp, "建设统一市政务云平台。") == ["市政务云平台"]
    assert platform_names(nlp, "推进统一身份认证平台建设。") == ["统一身份认证平台"]


def test_a_verb_of_one_character_glued_to_a_level_opens_no_name(nlp) -> None:
    """jieba glues 即 to the level after it (网站即区|政府门户网站): the name starts at the level."""
    assert platform_names(nlp, "本区部门网站即区政府门户网站。") == ["区政府门户网站"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("“增值税发票查验平台”助力税务网站获奖。", ["增值税发票查验平台", "税务网站"]),
        ("推广“全国增值税发票查验平台”。", ["全国增值税发票查验平台"]),
        ("开展省直政务信息系统“迁移上云”工作。", []),
        ("坚持“平台之外无系统”。", []),
    ],
)
def test_a_quoted_name_may_say_what_its_system_does(nlp, text: str, names: list[str]) -> None:
    """A verb before a quoted name's head says what the system does (查验); a verb that predicates
    (无, 上云) makes the quotation a slogan; 助力 is a verb, never part of a name."""
    assert platform_names(nlp, text) == names


def test_a_deictic_s_level_glued_to_a_name_is_no_part_of_it(nlp) -> None:
    """我|市政府…: jieba glues the level 我 points at to the next word; the level is the writer's,
    the name starts after it, as for 我市|一体化政务服务平台."""
    assert platform_names(nlp, "完善我市政府系统网站统一监管平台。") == ["政府系统网站统一监管平台"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("县信息中心负责中俄双语经贸合作信息网的建设。", ["中俄双语经贸合作信息网"]),
        ("县信息中心负责电子政务外网建设。", ["电子政务外网"]),
        ("纳入省招商引资调度系统。", ["省招商引资调度系统"]),
        ("推动业务应用上云。", []),
    ],
)
def test_a_body_of_several_words_and_a_bilateral_abbreviation(nlp, text: str, names: list[str]) -> None:
    """A body written in several words with its level (县|信息|中心) is the subject of the verb
    after it; 中 after a verb and before an abbreviation (中|俄) opens the object, no locative."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("建成全市统一的人口库、法人库、电子证照库。", ["人口库", "法人库", "电子证照库"]),
        ("加强人口数据库建设。", []),  # alone, one frequent word before the head: a kind
        ("建设政府网站、部门网站。", []),  # kinds beside kinds
    ],
)
def test_a_kind_listed_beside_names_of_its_head_is_a_name(nlp, text: str, names: list[str]) -> None:
    """A phrase that alone is a kind (人口数据库) names a system where a list gives it beside names
    of the same head (法人库): the list names systems one by one. (人口库, one word of the
    dictionary, names its store alone too: :func:`test_stores_adverbs_and_codes`.)"""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("第二条 江西政务服务网规划建设等工作，适用本办法。", ["江西政务服务网"]),
        ("负责统筹协调、监督指导“赣服通”平台规划设计。", ["赣服通平台"]),
    ],
)
def test_the_planning_of_a_system_names_it(nlp, text: str, names: list[str]) -> None:
    """规划 after a name is the system's planning (规划建设, 规划设计), not a compound that makes the
    head a modifier; 指导 is a verb, its object the name after it."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("完善全省的“一张审批网”。", ["一张审批网"]),
        ("构建全省“一张网”。", []),
        ("打造政务“一朵云”。", []),
    ],
)
def test_a_quotation_counting_one_named_system_names_it(nlp, text: str, names: list[str]) -> None:
    """A quotation that counts one system with words of its own before the head (“一张审批网”)
    names it; one that counts the head alone (“一张网”) is a slogan."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("第十九条 市政府门户网站是市政府在互联网上的统一平台。", ["市政府门户网站"]),
        ("第二十一条 网站运行维护工作由市数据局负责。", []),
        ("第二条 市政府门户网站由市政府办公厅主办。", ["市政府门户网站"]),
    ],
)
def test_an_article_s_measure_is_no_part_of_a_name(nlp, text: str, names: list[str]) -> None:
    """The measure after an ordinal of any length (第十九|条) ends the article's number, as after
    第二|条: no name opens with it."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("城口县政府网、沙坪坝区政府网得分突破120分。", ["城口县政府网", "沙坪坝区政府网"]),
        ("建设城口县人民政府网。", ["城口县人民政府网"]),
        # a common noun after a place: the place's government websites, a kind
        ("印发湖南省政府网站管理办法。", []),
        ("加强全市政府网管理。", []),
        # an autonomous region's level word is a level: written with the place's name it is the place's
        ("登录内蒙古自治区人民政府网查询。", ["内蒙古自治区人民政府网"]),
        ("登录自治区政府网站查询。", []),
        ("要求自治区政府系统各单位加强管理。", []),  # the government's sector, as 全市政府系统 is
        ("建设自治区政务服务平台。", ["自治区政务服务平台"]),
    ],
)
def test_a_named_place_s_government_site_is_a_name(nlp, text: str, names: list[str]) -> None:
    """A place named by its name and its government before 网 name one site (城口县|政府|网);
    before 网站, a common noun, they say whose websites are meant; 全市 names no one place."""
    assert platform_names(nlp, text) == names


def test_a_copula_used_as_a_verb_is_no_part_of_a_name(nlp) -> None:
    """是 is the clause's verb (实用性|是|网站的生命): no name holds it, and 网站 alone is a kind."""
    assert platform_names(nlp, "实用性是网站的生命。") == []
    assert platform_names(nlp, "区政府门户网站是区政府的网上窗口。") == ["区政府门户网站"]


def test_a_level_after_an_adverb_opens_a_name(nlp) -> None:
    """After an adverb (将, tagged d) a level with more words after it opens the name (将|省|政务
    信息网), where a word after an adverb is otherwise the predicate (持续|壮大)."""
    assert platform_names(nlp, "将省政务信息网延伸到乡镇。") == ["省政务信息网"]
    assert platform_names(nlp, "进一步完善市政务云平台。") == ["市政务云平台"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("完善区、市、县三级电子政务外网。", ["电子政务外网"]),
        ("完善区、县两级电子政务外网。", ["电子政务外网"]),
        ("推进县、乡两级网站集约化。", []),
        ("建设覆盖省市县三级的政务服务平台。", ["政务服务平台"]),
    ],
)
def test_a_count_of_levels_says_what_one_system_spans(nlp, text: str, names: list[str]) -> None:
    """A count of levels (三级, tagged b, or 两|级) before a name is no part of it and counts no
    kind: the one system spans those levels (三级|电子政务外网); what is left may still be a kind
    (两级|网站)."""
    assert platform_names(nlp, text) == names


def test_a_count_of_rounds_counts_a_kind(nlp) -> None:
    """轮 is a measure (多|轮: several rounds), so what it counts is a kind, no system's name."""
    assert platform_names(nlp, "开展多轮系统测试。") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("建成全省森林火情监测与预警平台。", ["全省森林火情监测与预警平台"]),
        ("完善城市内涝监测与调度系统。", ["城市内涝监测与调度系统"]),
        # 与 as "with": after the predicate, after a thing or a body, or before a verb of linking
        ("全面实现与国家医保信息平台对接。", ["国家医保信息平台"]),
        ("推动社区服务站与市民服务平台融合发展。", ["市民服务平台"]),
        ("推进企业数据共享与市公共数据平台无缝对接。", ["市公共数据平台"]),
        ("推动县级医院与远程医疗平台互联互通。", ["远程医疗平台"]),
        ("推进电子证照库与统一身份认证系统对接。", ["电子证照库", "统一身份认证系统"]),  # guard: two names
    ],
)
def test_a_joiner_tagged_a_preposition_joins_what_one_system_does(nlp, text: str, names: list[str]) -> None:
    """与, which jieba tags a preposition, joins two things one system does inside its name when a
    verb or a verbal noun stands before it (监测|与|预警平台); after a predicate, a thing or a body,
    or before a verb of linking, it means "with" and the name starts after it."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("把区政府网站建设成为权威的信息发布平台、便捷的互动交流平台。", ["区政府网站"]),
        ("要将“皖事通”APP打造成群众身边的综合服务平台。", ["皖事通APP"]),
        ("让市政务服务网成为群众办事的综合服务平台。", ["市政务服务网"]),
        # no disposal marker, or the name after the verb: built, not become
        ("逐步把政务公开专栏办成网上办事大厅。", []),  # the object no system's name, the verb inside the run
        ("要将我县建设成为全省领先的农产品电商平台。", []),
        ("年内建成全市统一的公共资源交易平台。", ["公共资源交易平台"]),
        ("将全面建成全市统一的公共资源交易平台。", ["公共资源交易平台"]),  # 将 says when
        ("将市数据共享平台接入省数据共享平台。", ["市数据共享平台", "省数据共享平台"]),
    ],
)
def test_what_a_system_becomes_is_no_name(nlp, text: str, names: list[str]) -> None:
    """What a subject becomes (X成为Y) or what a disposal marker's object is made into (将X打造成Y,
    把X建设成为Y) describes that one: Y, and each item of a list of such, names no system."""
    assert platform_names(nlp, text) == names


def test_a_name_without_its_place_stands_for_the_fuller_name(nlp) -> None:
    """A name found that is another without the place it opens with (“西宁智慧停车”系统 and
    “智慧停车”系统, 海东市政府门户网站 and 市政府门户网站) is the same system: an item naming both
    lists it once; in another item it is listed as written. A name of the whole country's
    (全国一体化在线政务服务平台) and one without it are two, and a name in a title stands for none."""
    from extract import extract_text

    def listed(text: str) -> list[tuple[str | None, str]]:
        extraction = extract_text(text, jurisdiction="630100", nlp=nlp)
        return [(m.item, m.name) for m in extraction.mentions if m.kind == "platform"]

    text = (
        "一、“西宁智慧停车”系统正式上线，“智慧停车”系统可查询车位。\n"
        "二、海东市政府门户网站改版，市政府门户网站开设专栏。\n"
        "三、推广“智慧停车”系统。\n"
    )
    assert listed(text) == [
        ("一、", "西宁智慧停车系统"),
        ("二、", "海东市政府门户网站"),
        ("三、", "智慧停车系统"),
    ]
    assert listed("一、全国一体化在线政务服务平台与一体化在线政务服务平台对接。\n") == [
        ("一、", "全国一体化在线政务服务平台"),
        ("一、", "一体化在线政务服务平台"),
    ]
    text = "一、按照《海东市电子监察系统管理办法》，完善电子监察系统。\n"
    assert ("一、", "电子监察系统") in listed(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("推行“网上办”“掌上办”“帮代办”“容缺办”等服务方式。", []),
        ("推行“网上办”、“掌上办”、“秒批办”。", []),
        ("推广“皖事通”“皖企通”等政务服务应用。", ["皖事通", "皖企通"]),  # guard: brands beside brands
    ],
)
def test_a_rare_phrase_listed_with_ways_of_service_is_no_brand(nlp, text: str, names: list[str]) -> None:
    """Quoted phrases side by side list one kind: where another of the same final character is a
    common phrase (网上办, 掌上办: ways of service), a rarer one (容缺办) is a way of service too."""
    assert platform_names(nlp, text) == names


def test_a_quoted_brand_a_system_becomes_is_a_name(nlp) -> None:
    """What a system is made into describes it, unless it is a quoted brand: the new system's name
    (将“粤康码”升级为“粤居码”)."""
    assert platform_names(nlp, "将“陇康码”升级为“陇居码”，拓展服务场景。") == ["陇康码", "陇居码"]
    assert platform_names(nlp, "使之成为全区移动政务服务“总门户”。") == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "建成冷链食品追溯、特种设备监管和药品智慧监管平台。",
            ["冷链食品追溯平台", "特种设备监管平台", "药品智慧监管平台"],
        ),
        ("完成云管、数管和用管平台建设。", ["云管平台", "数管平台", "用管平台"]),  # guard: the predicate opens no item
        (
            "建设全区统一的预约挂号、检查结果互认和医疗服务监管平台。",
            ["预约挂号平台", "检查结果互认平台", "医疗服务监管平台"],
        ),
    ],
)
def test_an_item_of_a_list_sharing_a_head_may_end_in_a_verb(nlp, text: str, names: list[str]) -> None:
    """An item of a list sharing a head may end in a verb of what the system does (冷链食品|追溯、
    …和…平台); a predicate before the list (完成) is no part of its first item."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("一、推动人社、医保、民政等部门业务系统互联互通。", []),
        ("二、整合公安、交通等单位视频监控系统。", []),
        ("三、建设人口、法人等基础数据库。", ["人口基础数据库", "法人基础数据库"]),  # the marker is no item
        # places before a level's adjective are examples of that level: its systems in general
        ("四、深化甲区、乙区等区级CIM平台与市级平台协同。", []),
    ],
)
def test_a_category_of_bodies_systems_after_a_list_names_none(nlp, text: str, names: list[str]) -> None:
    """A category after 等 that opens with a body's word (等部门业务系统, 等单位视频监控系统) or a
    level's adjective (等区级CIM平台) names the systems of those bodies or of that level in general,
    no system; an item's marker (三、) before the list is no item of it."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a place of any level of the country (绍兴, a city of the registry) and one letter: the city's app
        ("（三）推广“i绍兴”，完善市政务服务平台。", ["i绍兴", "市政务服务平台"]),
        # a pronoun and 的 before a place: the place's own app; 和 between two quotations parts them
        ("推广“我的宁波”和“甬易办”移动端。", ["我的宁波", "甬易办移动端"]),
        ("开展“我的青春”主题活动，依托市政务服务平台报名。", ["市政务服务平台"]),  # guard: no place
    ],
)
def test_a_quoted_brand_named_after_a_place(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an adverb after a whole name opens a predicate; 将 before its object is no adverb of it
        ("（一）将市民服务网直接接到各部门。", ["市民服务网"]),
        ("（二）把城市管理平台直接链接到指挥中心。", ["城市管理平台"]),
        ("（三）完善政府信息公开平台。", ["政府信息公开平台"]),  # guard: 公开 (tagged an adverb) before a head
    ],
)
def test_an_adverb_after_a_name_opens_its_predicate(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a count after a list of names sums them up; with nothing listed it counts a kind
        ("（一）建成林业资源监测平台、森林防火指挥平台两项平台。", ["林业资源监测平台", "森林防火指挥平台"]),
        ("（二）建成三件重点系统。", []),
        ("（三）全县已建数据中心5个。", []),  # guard: a count after the name, no head after it
    ],
)
def test_a_count_after_listed_names_sums_them_up(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("（一）主动对接水利部业务平台。", ["水利部业务平台"]),  # 主动: an adverb, no name's word
        ("（二）建成区级事项库和证照库。", ["区级事项库", "证照库"]),  # a store named by what it holds
        ("（三）推进基础数据库建设。", []),  # guard: a kind of store, in two words
        ("（四）通过刷脸、动态二维码等方式认证。", []),  # guard: a kind of code
    ],
)
def test_stores_adverbs_and_codes(nlp, text: str, names: list[str]) -> None:
    """A store of one dictionary word names what it holds (事项库), where 基础数据库 is a kind; 主动
    is the adverb before a verb; a 2D code (二维码) is a kind of code, no app."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("（一）建设全市统一的网上中介服务超市。", ["网上中介服务超市"]),
        ("（二）推广省级网上采购商城。", ["省级网上采购商城"]),
        ("（三）在社区新建便民超市和商城。", []),  # guard: shops, no online word before them
        ("（四）推动涉审中介机构入驻县级中介超市。", ["县级中介超市"]),  # the market of intermediaries is online
    ],
)
def test_an_online_market_is_a_platform(nlp, text: str, names: list[str]) -> None:
    """A market or a shop (超市, 商城) names a platform where a word before it says it is online
    (网上中介服务超市), as a hall does (网上办事大厅), or that it is the market of intermediary
    services, online by definition (中介超市); alone it is a shop."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a name jieba tags a person's opens a name at a clause's start (北斗: BeiDou)
        ("（一）完善基础设施。北斗卫星导航系统服务全省交通运输。", ["北斗卫星导航系统"]),
        # a verb jieba tags a person's name is a predicate (拓宽, corrected)
        ("（二）优化服务。拓宽移动端服务范围，推广市政务服务平台。", ["市政务服务平台"]),
    ],
)
def test_a_proper_name_may_open_a_name_at_a_clause_s_start(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a character the segmenter glues to a head in letters goes with the word before it (居民卡)
        ("（一）推广居民卡APP，方便群众办事。", ["居民卡APP"]),
        # a class of systems (…类APP) is no system
        ("（二）整合便民服务类APP。", []),
    ],
)
def test_a_glued_character_and_a_class_of_systems(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # one system written with and without its level, or its level two ways, is named once in its item
        (
            "（一）建设区行政服务统一工作平台。将行政服务统一工作平台与区级电子监察系统、区电子监察系统对接。",
            ["区行政服务统一工作平台", "区级电子监察系统"],
        ),
        # two levels, two systems
        ("（一）升级区网上办事大厅，实现与省级网上办事大厅融合。", ["区网上办事大厅", "省级网上办事大厅"]),
        # under another heading a name is named again as written
        (
            "（一）建设区行政服务统一工作平台。\n（二）推广行政服务统一工作平台。",
            ["区行政服务统一工作平台", "行政服务统一工作平台"],
        ),
    ],
)
def test_a_system_written_with_and_without_its_level_is_one_in_its_item(nlp, text: str, names: list[str]) -> None:
    extraction = extract_text(text, jurisdiction="350128", nlp=nlp)
    assert list(dict.fromkeys(m.name for m in extraction.of_kind("platform"))) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a verb joined by 和 or 及 to the verb before it is a second predicate on the system
        ("（一）县数据局负责建设和管理政务数据共享平台。", ["政务数据共享平台"]),
        ("（二）县数据局负责开发及管理江淮政务数据共享平台。", ["江淮政务数据共享平台"]),
        # however many words the second predicate takes (运行|管理)
        ("（三）县数据局建设和运行管理政务数据共享平台。", ["政务数据共享平台"]),
        # guards: two verbs before a place's name, and two names joined by 和
        ("（四）县卫健委开发及维护闽西医疗服务平台。", ["闽西医疗服务平台"]),
        ("（五）推进政务服务平台和公共信用信息系统建设。", ["政务服务平台", "公共信用信息系统"]),
    ],
)
def test_a_second_predicate_joined_to_the_first_is_no_part_of_the_name(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the second of two names joined opens with a noun whose first part is tagged a verb
        ("（六）建成防汛指挥平台和突发事件信息报送系统。", ["防汛指挥平台", "突发事件信息报送系统"]),
        ("（七）完善数据交换平台和建设项目联审系统。", ["数据交换平台", "建设项目联审系统"]),
        # guard: a verb after a conjunction that joins predicates, not names
        ("（八）县数据局负责建设和管理政务数据共享平台。", ["政务数据共享平台"]),
        # a word in brackets inside a name says more of the word before it, and stays
        ("（一）升级行政许可（备案）业务系统。", ["行政许可（备案）业务系统"]),
        # a place in brackets right before the head: that place's edition of a system
        ("（三）在信用中国（福建）网站公示失信名单。", ["信用中国（福建）网站"]),
        ("（三）配备场地、设备和工具（软件）系统等实训条件。", []),  # guard: no place, and no name
        ("（二）建设职业技能（资格）鉴定管理平台。", ["职业技能（资格）鉴定管理平台"]),
        # guards: a short form defined after a body, and a cited title's brackets
        ("（四）建成市大数据中心（以下简称中心），负责政务云平台运维。", ["市大数据中心", "政务云平台"]),
        ("（五）依托《中国泉州》政府门户网站发布。", ["政府门户网站"]),
        # a verb before the last head says what that system does: one name
        ("（一）申请人通过统一身份认证系统受理平台提交材料。", ["统一身份认证系统受理平台"]),
        ("（二）升级住房公积金外网查询平台。", ["住房公积金外网查询平台"]),
        # guard: an action between two names
        ("（三）依托政务云平台建设数据共享平台。", ["政务云平台", "数据共享平台"]),
        # 更新, which jieba's dictionary tags an adverb, is a verb of the name's modifier
        ("（三）依托全省企业信息更新服务平台开展工作。", ["全省企业信息更新服务平台"]),
        ("（三）建成热线知识更新系统。", ["热线知识更新系统"]),
    ],
)
def test_a_name_keeps_the_words_that_belong_to_it(nlp, text: str, names: list[str]) -> None:
    """Words a cut would drop that are part of the name: a verb opening a noun of the dictionary
    after a conjunction, a word in brackets, a verb saying what the system does, 更新."""
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # verbs of connecting up and down a hierarchy (上联, 下联) are predicates, after 、 too
        (
            "（一）推动县政务数据共享平台上联市政务数据共享平台、下联乡镇便民服务系统。",
            ["县政务数据共享平台", "市政务数据共享平台", "乡镇便民服务系统"],
        ),
        # a verb after a verb, right before a quoted name, is the predicate's
        ("（二）建设运营“智慧皖南”平台，接入高频服务。", ["智慧皖南平台"]),
        # guard: nouns before the quote are the name's
        ("（三）完善政务服务“好差评”系统。", ["政务服务好差评系统"]),
    ],
)
def test_verbs_of_connecting_and_a_second_verb_before_a_quoted_name(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # quoted items a count closes before a word of apps (终端, as 应用) are each a system
        ("（一）迭代升级“蓉通”“蓉办”两个移动终端。", ["蓉通", "蓉办"]),
        ("（二）推动“黔小通”和“黔小办”两款客户端融合。", ["黔小通", "黔小办"]),
        # guard: after 等 such a word names a kind of use, no system
        ("（三）推广“码上查”“民情快递”等便民终端。", []),
    ],
)
def test_quoted_items_counted_as_terminals_or_clients(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 枢纽 names physical works unless a word of the name says it is digital
        ("（一）建设国家物流枢纽和区域航运枢纽，依托省数据总枢纽开展共享。", ["省数据总枢纽"]),
        # 上云 is a verb (moving to the cloud), no name
        ("（二）引导企业有序迁移、上云用云。", []),
        # after 将 and its object the first action is the predicate, not a word of the name
        ("（三）不得将个人隐私数据接入政务数据共享交换平台。", ["政务数据共享交换平台"]),
        ("（四）各地要将业务系统数据接入政务数据共享交换平台。", ["政务数据共享交换平台"]),
        # guard: an action right before the head still names what the system does
        ("（六）建设数据接入平台。", ["数据接入平台"]),
        # utilities' equipment is physical works, before the head or glued to it (配电网)
        (
            "（五）推广屋顶光伏发电系统和地源热泵系统，建设园区配电网，完善能耗在线监测平台。",
            ["能耗在线监测平台"],
        ),
    ],
)
def test_physical_works_the_cloud_verb_and_a_disposed_object(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 导入 (to import into) puts data into a system, as 纳入 and 接入 do: a predicate, no name's word
        ("（二）各部门的存量数据统一导入政务数据资源目录系统。", ["政务数据资源目录系统"]),
        ("（三）企业信息批量导入国家企业信用信息公示系统。", ["国家企业信用信息公示系统"]),
    ],
)
def test_a_verb_of_importing_into_a_system(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


def test_an_item_number_glued_to_its_title_keys_the_systems_below_it(nlp) -> None:
    # a copy on one line glues the first item's number to the title above it (（二）建设重点1.光网。):
    # the systems after it are that item's, and no name runs across the number
    text = "六、推进信息基础设施建设（二）建设重点1.光网。加快建设市电子政务外网。2.基站。建设市级基站管理平台。"
    found = [(m.name, m.item) for m in extract_text(text, jurisdiction="350100", nlp=nlp).of_kind("platform")]
    assert found == [("市电子政务外网", "1."), ("市级基站管理平台", "2.")]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a word that ends in an offline purpose (投|融资 in one word) says it as the purpose alone does
        ("（三）鼓励县城投融资平台参与项目建设，完善项目信息管理平台。", ["项目信息管理平台"]),
        # guard: a digital word in the name keeps it a system
        ("（四）建设全省融资信用服务平台。", ["全省融资信用服务平台"]),
    ],
)
def test_a_word_ending_in_an_offline_purpose(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a quotation, a conjunction, then a name written out with its own head: two systems (the
        # quoted brand, with no head, is left alone)
        ("（四）依托“一网协同”和城市运行综合管理平台，开展隐患排查。", ["城市运行综合管理平台"]),
        # guard: two quotations share the head after the second
        ("（四）推广“浙里办”和“浙政钉”移动端。", ["浙里办", "浙政钉移动端"]),
    ],
)
def test_a_quotation_joined_to_a_name_written_out(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a verb of two characters whose object is a head's character (出库, 入库) heads no name
        ("（二）回收企业应在货物出库后3日内报送入库信息，并接入溯源管理平台。", ["溯源管理平台"]),
        # guard: a noun the tagger takes for a verb (超市) still heads a name
        ("（三）建设网上中介服务超市。", ["网上中介服务超市"]),
    ],
)
def test_a_verb_and_its_object_in_one_word_heads_no_name(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a base joined to a system names two things, the base no system
        ("（二）建设青少年科技实践基地和科技资源共享平台。", ["科技资源共享平台"]),
        # an ecosystem is nature, no system, unless a word of the name says it is digital
        ("（三）保护湿地自然生态系统，建设湿地监测信息平台。", ["湿地监测信息平台"]),
        ("（四）构建开放的数字生态系统。", ["数字生态系统"]),
    ],
)
def test_a_base_and_an_ecosystem_are_no_systems(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a system named right before 机构 is the task of a body, part of that body's name
        ("（六）组建与交易服务相适应的公共服务平台机构，依托市数据共享平台开展工作。", ["市数据共享平台"]),
        # guard: the same system named alone is one
        ("（七）由市数据局建设市公共服务平台。", ["市公共服务平台"]),
    ],
)
def test_a_system_named_in_a_body_s_name_before_its_word(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 各 inside a clause before 的 counts the object of that clause's verb, not the systems
        ("（五）建设覆盖各乡镇的农村电商公共服务系统。", ["农村电商公共服务系统"]),
        # guard: 各 before the systems themselves makes them a kind
        ("（六）整合各乡镇自建业务系统。", []),
    ],
)
def test_each_inside_a_clause_before_a_name_counts_no_system(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 与 inside an item of a list sharing a head joins two things of that item
        (
            "（一）建设人口、自然资源与空间地理、宏观经济等基础数据库。",
            ["人口基础数据库", "自然资源与空间地理基础数据库", "宏观经济基础数据库"],
        ),
        # two predicates joined before the list are no part of its first item
        ("（二）负责建设和管理人口、法人等基础数据库。", ["人口基础数据库", "法人基础数据库"]),
    ],
)
def test_a_list_sharing_a_head_keeps_its_items_whole(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a head alone after 将's object and its verb is the system named before, no new name
        ("（三）建设全市视频监控系统，将重点单位的消防设施接入系统。", ["全市视频监控系统"]),
        # a facility joined to a system is a second thing, no part of its name
        ("（四）同步建设排水设施和水质在线监测系统。", ["水质在线监测系统"]),
        # a branch of a research centre is no system; one of a data centre is
        ("（五）支持企业申报工程研究中心分中心，建设省大数据中心分中心。", ["省大数据中心分中心"]),
        # a conjunction the segmenter glued to the word after it (或者子) opens no name
        ("（六）依托省政务服务平台或者子平台办理。", ["省政务服务平台"]),
        # a verb before a body the gazetteer knows ends the predicate: the name opens with the body
        ("（七）符合条件的企业登录工业和信息化部中小企业服务平台填报数据。", ["工业和信息化部中小企业服务平台"]),
        ("（七）企业重新登录工业和信息化部中小企业服务平台填报。", ["工业和信息化部中小企业服务平台"]),
        # guard: a disposal marker before a body's website, its object
        ("（八）将市行政服务中心网站与市政府门户网站整合。", ["市行政服务中心网站", "市政府门户网站"]),
    ],
)
def test_words_next_to_a_name_that_are_no_part_of_it(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # one system named short and with more before it under one heading takes the short name
        ("（一）完善应急指挥系统。深化全市防汛应急指挥系统功能，定期发布预警信息。", ["应急指挥系统"]),
        # guards: two longer names end the short one, so which one it means is unsaid
        (
            "（二）建设鼓楼区应急指挥系统和台江区应急指挥系统，完善应急指挥系统。",
            ["鼓楼区应急指挥系统", "台江区应急指挥系统", "应急指挥系统"],
        ),
        # under two headings, two mentions as written
        ("（三）完善应急指挥系统。\n（四）推广全市防汛应急指挥系统。", ["应急指挥系统", "全市防汛应急指挥系统"]),
        # two systems linked to each other stay apart
        ("（五）推动城市大脑与全市城市大脑对接。", ["城市大脑", "全市城市大脑"]),
    ],
)
def test_a_system_written_short_and_long_in_one_item_is_one(nlp, text: str, names: list[str]) -> None:
    extraction = extract_text(text, jurisdiction="350100", nlp=nlp)
    assert list(dict.fromkeys(m.name for m in extraction.of_kind("platform"))) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a deictic and its level's area, a word of two characters opening with the level: whose it is
        ("（一）建设本区域政务数据共享平台。", ["政务数据共享平台"]),
        ("（二）加快完善本县域医疗健康信息平台。", ["医疗健康信息平台"]),
        # a deictic and a noun of an area: whose it is too
        ("（六）建立本行政区域不动产登记信息平台。", ["不动产登记信息平台"]),
        ("（七）升级本辖区社会治理综合信息系统。", ["社会治理综合信息系统"]),
        # a verb, then a level of two characters right before the head: the verb's object
        ("（三）围绕共建共享目标统筹全省政务云和电子政务外网建设。", ["全省政务云", "电子政务外网"]),
        # guards: a level after a verbal noun modifies the head; a deictic and its level as before
        ("（四）建设用水监测省级系统。", ["用水监测省级系统"]),
        ("（五）优化我市政务服务网功能。", ["政务服务网"]),
    ],
)
def test_a_deictic_s_area_and_a_level_after_a_verb(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a hub (中枢) names a system where a word of its name says it is digital
        ("（一）统筹建设全市数据共享智能中枢。", ["全市数据共享智能中枢"]),
        # guard: without one it names physical works or a centre of command
        ("（二）打造区域物流中枢和指挥中枢。", []),
    ],
)
def test_a_hub_is_a_system_only_when_digital(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a preposition or conjunction read as one word with a bound morpheme (对子, 和子) opens no name
        ("（一）市大数据局负责平台建设，并对子平台运行情况开展巡检。", []),
        ("（二）县政府主网站和子网站同步改版。", ["县政府主网站"]),
        # guard: a system's own name after the preposition as before
        ("（三）市大数据局对全市政务云运行情况开展巡检。", ["全市政务云"]),
    ],
)
def test_a_word_glued_to_a_bound_morpheme_opens_no_name(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a cited title's first word, a verbal noun, acts in no clause of the plan: part of the name
        ("（一）经营者应填写《防伪追溯系统使用登记表》并报送。", ["防伪追溯系统"]),
        # guard: first in a clause of the plan, a verbal noun is its predicate
        ("（二）防伪追溯系统上线运行。", []),
    ],
)
def test_a_verbal_noun_opening_a_cited_title_is_no_predicate(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 推广, like 开发 and 应用, names what a system does right before its head
        ("支持河北省特色产业产品推广平台建设。", ["河北省特色产业产品推广平台"]),
        ("建设农业技术推广平台。", ["农业技术推广平台"]),
        # guard: at the clause's start it is the predicate
        ("大力推广省电子档案管理系统。", ["省电子档案管理系统"]),
    ],
)
def test_promoting_named_as_a_system_s_activity(nlp, text: str, expected: list[str]) -> None:
    assert platform_names(nlp, text) == expected


@pytest.mark.parametrize(
    ("jurisdiction", "names"),
    [
        ("360100", ["政务云平台", "政务云平台", "省政务云平台"]),  # a city's plan: its own and the province's
        ("360000", ["政务云平台", "政务云平台", "政务云平台"]),  # a province's plan: its own, written twice
    ],
)
def test_a_name_with_a_level_above_the_plan_s_own_is_another_system(nlp, jurisdiction: str, names: list[str]) -> None:
    """Under one heading a name with and without its level is one system, unless the level is of a
    place above the document's: in a city's plan 政务云平台 is the city's, 省政务云平台 the province's."""
    from extract import extract_text

    text = "一、政务云平台\n政务云平台已接入省政务云平台，运行平稳。\n"
    extraction = extract_text(text, jurisdiction=jurisdiction, nlp=nlp)
    assert [m.name for m in extraction.mentions if m.kind == "platform"] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a plain adverb between a noun and a verb names a kind of activity inside the name
        ("生态环境部组织建设全国温室气体自愿减排交易系统。", ["全国温室气体自愿减排交易系统"]),
        ("规范使用全省政府信息依申请公开系统。", ["全省政府信息依申请公开系统"]),
        # guard: a modal, or an adverb before an action, opens the predicate
        ("网上审批和电子监察系统建设领导小组将继续负责网上审批和电子监察系统的建设。", ["网上审批和电子监察系统"]),
        ("推动各部门数据统一汇聚省共享平台。", ["省共享平台"]),
    ],
)
def test_an_adverb_inside_a_name(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a quoted phrase listed beside a quoted idiom is a saying too, though it ends in a head's character
        ("避免政策执行“一刀切”和“层层加码”。", []),
        ("避免“层层加码”、“一刀切”。", []),
        # guard: a brand beside a slogan that is no idiom of the dictionary
        ("推广“一网通办”和“浙里办”。", ["浙里办"]),
    ],
)
def test_a_quoted_phrase_listed_with_a_saying_is_none(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a quoted name that opens with a place's name: its verbs say what the system does
        ("企业使用“河北省仪器设备资源开放共享服务平台”。", ["河北省仪器设备资源开放共享服务平台"]),
        # guard: without a place first, an action in a quotation makes it a slogan
        ("推动“数据共享上云”。", []),
    ],
)
def test_a_quoted_name_opening_with_a_place(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # after 的 a verb that is no action says what the system does
        ("建立全市统一的停车信息管理平台。", ["停车信息管理平台"]),
        # guard: an action after 的 is a noun of the work; a verb and a head alone name a kind
        ("加强安全系统的建设和政务网站的建设。", ["政务网站"]),
        ("它是信用信息的查询平台。", []),
        # the second of two names a conjunction joins may open with a verb that is no action
        ("（四）建立、管理停车场基础数据库和停车信息管理平台；", ["停车场基础数据库", "停车信息管理平台"]),
        # guard: an action after the conjunction opens a predicate
        ("建设省政务服务平台和完善省数据共享平台。", ["省政务服务平台", "省数据共享平台"]),
        # an adverb before a noun inside a name modifies it as an adjective does
        ("经营者应当建设停车场实时动态信息系统。", ["停车场实时动态信息系统"]),
    ],
)
def test_verbs_and_adverbs_that_modify_a_name(nlp, text: str, names: list[str]) -> None:
    assert platform_names(nlp, text) == names
