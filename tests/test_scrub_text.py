"""The text families of pipeline.scrub: street addresses (addresses.py),
names after cue words (names.py), dates of birth and ages (birth.py), and the
audit flagger (sensitive.py). The corpus test runs every family at once; here
each family is checked on its own: exact output (the cue word and the
district are kept), what is deliberately kept, idempotency, speed."""

import time
from pathlib import Path

import pytest
import yaml

from pipeline.scrub import addresses, birth, fold, names, placeholder, scrub_text
from pipeline.scrub.families import ORDER
from pipeline.scrub.sensitive import KINDS, flags

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "corpus"
TEXT_FAMILIES = [*birth.FAMILIES, *addresses.FAMILIES, *names.FAMILIES]

ADDRESS = placeholder("address")
NAME = placeholder("name")
BIRTH = placeholder("birth")
AGE = placeholder("age")


def scrub(text, families=TEXT_FAMILIES):
    return scrub_text(text, families)[0]


def only(name):
    return [family for family in TEXT_FAMILIES if family.name == name]


def unchanged(text, families=TEXT_FAMILIES):
    return scrub_text(text, families) == (fold(text), {})


# -- address ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("徐州市泉山区湖北路18号3栋2单元501室", "徐州市泉山区{A}"),
        ("住在民主南路8号", "住在{A}"),
        ("泉润花园3栋2单元501", "{A}"),
        ("金山小区12号楼3单元201室", "{A}"),
        ("彭城街道青年社区5幢", "彭城街道{A}"),
        ("铜山区大学路101号院", "铜山区{A}"),
        ("我家住在新沂市矿务局宿舍23号楼2单元402室，欢迎上门", "我家住在新沂市{A}，欢迎上门"),
        ("徐州市铜山区凤凰城35号楼3单元602室", "徐州市铜山区{A}"),
        ("徐州市铜山区柳泉镇张庄村3组12号", "徐州市铜山区柳泉镇{A}"),
        ("徐州经济技术开发区滨湖花园39号楼1单元101室", "徐州经济技术开发区{A}"),
        ("我们小区23号楼2单元402室漏水", "我们{A}漏水"),
        ("我平时上下班都要经过湖北路18号附近", "我平时上下班都要经过{A}附近"),
        ("和平花园3-2-501", "{A}"),
        ("汉府家园二期3栋2单元502室", "{A}"),
        ("金山小区三号楼二单元", "{A}"),
        ("（邳州市青年路41号3栋1单元701室）", "（邳州市{A}）"),
        ("住址：徐州市泉山区建国西路２７２号２７栋３单元５０２室", "住址：徐州市泉山区{A}"),
        ("工作人员已到丰县永安小区37号楼1单元201与建议人当面沟通", "工作人员已到丰县{A}与建议人当面沟通"),
    ],
)
def test_address(text, expected):
    assert scrub(text, only("address")) == expected.format(A=ADDRESS)


@pytest.mark.parametrize(
    "text",
    [
        "湖北路上的公交站台设置在路口附近",
        "在汉王路上",
        "这3个小区都没有充电桩",
        "社区协助事项从148项减至61项",
        "地铁1号线和3号线换乘要走很远",
        "根据徐委办〔2024〕17号文件要求",
        "有问题可以拨打12345热线反映",
        "3月5日上午，社区组织了议事会",
        "全市已完成120栋楼加装电梯",  # a count: no named compound before, no unit or room after
        "老旧小区12栋楼需要改造",  # 老旧小区 is not a compound's name
        "小区共有6栋楼、240户居民",
        "每栋楼2个单元",
        "2号楼到5号楼之间的通道",
        "这条路3号开始封闭施工",  # 这条路 is no road's name: 3号 is a date
        "道路12号起封闭",
        "人民广场3号出口附近",
        "全村3组的村民",
        "彭城七里",
        "2024年3月5号湖北路",
    ],
)
def test_address_kept(text):
    assert unchanged(text, only("address"))


def test_address_numbers_go_when_the_place_cannot_be_told():
    # more than 12 characters since the last function character: the road's
    # name stays, every number after it goes
    text = "去年夏天楼道漏水特别严重湖北路18号3栋，到现在也没修"
    assert scrub(text, only("address")) == f"去年夏天楼道漏水特别严重湖北路{ADDRESS}，到现在也没修"
    text = "我们那栋楼老旧失修漏水严重23号楼2单元402室最厉害"
    assert scrub(text, only("address")) == f"我们那栋楼老旧失修漏水严重{ADDRESS}最厉害"


def test_address_keeps_district_and_town():
    scrubbed = scrub("我家在丰县凤城镇张庄村3组12号，村口的桥年久失修", only("address"))
    assert scrubbed == f"我家在丰县凤城镇{ADDRESS}，村口的桥年久失修"


def test_address_district_list_comes_from_vocabulary():
    vocabulary = yaml.safe_load((ROOT / "config" / "vocabulary.yaml").read_text(encoding="utf-8"))
    names = [item["name"] if isinstance(item, dict) else item for item in vocabulary["districts"]]
    assert set(addresses.districts()) == set(names)
    for district in names:
        assert scrub(f"{district}湖北路18号", only("address")) == f"{district}{ADDRESS}"


# -- name ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我叫王建国，今年刚退休", "我叫{N}，今年刚退休"),
        ("邻居张金凤和我一起提出这条建议", "邻居{N}和我一起提出这条建议"),
        ("邻居康东和我一起提出这条建议", "邻居{N}和我一起提出这条建议"),
        ("我是杨桂花，住在附近", "我是{N}，住在附近"),
        ("本人任建国，家住湖北路", "本人{N}，家住湖北路"),
        ("建议人：刘志强，电话见附件", "建议人：{N}，电话见附件"),
        ("联系人：欧阳娜娜", "联系人：{N}"),
        ("签名：司马光明", "签名：{N}"),
        ("姓名：胡晓东 性别：男", "姓名：{N} 性别：男"),
        ("同事赵海涛也反映过", "同事{N}也反映过"),
        ("我老伴王桂兰今年70岁", "我老伴{N}今年70岁"),
        ("业主郑文华反映电梯经常停", "业主{N}反映电梯经常停"),
        ("之前刘斌也提过类似的意见", "之前{N}也提过类似的意见"),
        ("同楼的尹梅也多次反映过这个问题", "同楼的{N}也多次反映过这个问题"),
        ("办理结果已告知谢涛本人。", "办理结果已告知{N}本人。"),
        ("与建议人任建国当面沟通", "与建议人{N}当面沟通"),
        ("杨桂花：关于增设公交站台的建议", "{N}：关于增设公交站台的建议"),
        ("<b>紧急</b>康瑜：近期在运河路一带", "<b>紧急</b>{N}：近期在运河路一带"),
        ("关于增加路灯的建议（曹志刚 【手机号已隐去】）", "关于增加路灯的建议（{N} 【手机号已隐去】）"),
        ("我叫赖春生，在快递网点上班", "我叫{N}，在快递网点上班"),
        # surname + title: after a cue, or standing alone; the title goes too
        ("联系人李女士，请尽快回电", "联系人{N}，请尽快回电"),
        ("是王师傅帮我们修好了路灯", "是{N}帮我们修好了路灯"),
        ("刘阿姨每天在小区门口指挥交通", "{N}每天在小区门口指挥交通"),
        ("这件事多亏了社区的陈老师", "这件事多亏了社区的{N}"),
        ("王建国先生多次来信反映", "{N}多次来信反映"),
        ("隔壁的王大爷经常帮忙", "隔壁的{N}经常帮忙"),
        ("对门张三丰家装修", "对门{N}家装修"),
    ],
)
def test_name(text, expected):
    assert scrub(text, only("name")) == expected.format(N=NAME)


@pytest.mark.parametrize(
    "text",
    [
        "我是一名教师，长期关注教育问题",
        "我是市民，也是一名志愿者",
        "我是外卖骑手，每天在路上跑",
        "我是做直播带货的",
        "我是徐州人，在外地工作多年",
        "我是铜山区的一名市民",
        "我是高中生，",
        "我是初中生，",
        "我是房东，",
        "我是程序员，",
        "我是管理员，",
        "我是江苏人，",
        "我是单亲妈妈，",
        "本人认为这个问题应该引起重视",
        "本人于上周反映过",
        "本人身份证号已提供",
        "邻居们都很支持这条建议",
        "邻居家装修噪音大",
        "同事关系很好",
        "业主方面意见很大",
        "业主群里讨论过多次",
        "业主车辆乱停",
        "我父亲有高血压和糖尿病",
        "我母亲常年卧床",
        "保安师傅很负责",  # a title after an ordinary word
        "宿管阿姨很负责",
        "我女儿的班主任很负责",
        "我们向老师反映过好几次",  # 向 = "to"
        "对于老师的辛苦大家都看在眼里",
        "小李和小王都是志愿者",  # surname-only nicknames are kept
        "老张家门口的路灯坏了",
        "车站、景区、商场等人员密集场所",
        "已向建议人解释说明",
        "获奖人只有在本人同意署名时才会显示姓名",
        "周边居民也反映过",
        "游客也反映过",
        "马上就要到汛期了",
        "楼下的车总是乱停",  # 楼下的, 隔壁: a thing usually follows
        "隔壁包子铺油烟很大",
        "楼下的井盖丢了",
        "我母亲于上个月住院",
    ],
)
def test_name_kept(text):
    assert unchanged(text, only("name"))


def test_name_cue_word_is_kept():
    for cue in ("我叫", "邻居", "建议人：", "联系人", "我爱人", "同楼的"):
        scrubbed = scrub(f"{cue}王建国，", only("name"))
        assert scrubbed == f"{cue}{NAME}，"


def test_surnames_file():
    compound, single = names.surnames()
    assert len(single) >= 300 and len(set(single)) == len(single)
    assert {"欧阳", "司马", "诸葛", "上官"} <= set(compound)
    assert {"王", "李", "张", "刘", "陈", "赖", "洪"} <= set(single)
    assert not {"和", "都", "那", "明", "全"} & set(single)  # function words, left out on purpose


# -- birth and age ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("出生于1985年3月12日", "出生于{B}"),
        ("1985年3月出生", "{B}出生"),
        ("生于1990年", "生于{B}"),
        ("生日是5月6日", "生日是{B}"),
        ("出生日期：1988-07-09", "出生日期：{B}"),
        ("出生年月：1979.11", "出生年月：{B}"),
        ("出生日期19880709", "出生日期{B}"),
        ("我是85年出生的", "我是{B}出生的"),
        ("老人一九四二年生，无儿无女", "老人{B}生，无儿无女"),
        ("出生日期：１９９２年１０月３日", "出生日期：{B}"),
    ],
)
def test_birth(text, expected):
    assert scrub(text, only("birth")) == expected.format(B=BIRTH)


@pytest.mark.parametrize(
    "text",
    [
        "2024年",
        "这个小区建于1990年",
        "事故发生于2024年3月5日",
        "事故发生日期：2024年3月5日",
        "2024年生产总值",
        "2024年生效",
        "2020年以后出生的孩子",
        "出生于徐州，",
        "新出生人口2024年减少",
        "今天是我生日",
    ],
)
def test_birth_kept(text):
    assert unchanged(text, only("birth"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今年68岁", "今年{A}"),
        ("我今年45岁了", "我今年{A}了"),
        ("我今年72了", "我今年{A}了"),
        ("年龄：52", "年龄：{A}"),
        ("年纪：63岁", "年纪：{A}"),
        ("现年70岁", "现年{A}"),
        ("85岁的老母亲", "{A}的老母亲"),
        ("我母亲今年已经八十二岁，腿脚不便", "我母亲今年已经{A}，腿脚不便"),
        ("他已经70多岁了", "他已经{A}了"),
        ("孩子才3岁", "孩子才{A}"),
        ("本人45周岁，下岗多年", "本人{A}，下岗多年"),
        ("楼下住着一位92岁的独居老人", "楼下住着一位{A}的独居老人"),
    ],
)
def test_age(text, expected):
    assert scrub(text, only("age")) == expected.format(A=AGE)


@pytest.mark.parametrize(
    "text",
    [
        "建成30年的小区",
        "已有20年历史",
        "60岁以上老人免费乘车",  # a threshold, not a person
        "80岁以上老人每月发放高龄补贴",
        "七十岁以上的老人",
        "满18周岁可申请",  # a rule
        "年满60周岁的老人可以办理",
        "年龄在60岁以上的",
        "年龄超过60岁的",
        "3岁以下婴幼儿",
        "6岁至12岁的儿童",
        "今年3月",
        "今年已经有20年了",
        "今年148项事项",
        "今年是2024年",
    ],
)
def test_age_kept(text):
    assert unchanged(text, only("age"))


# -- all text families together -----------------------------------------------------


def test_one_record_all_families():
    text = "我叫王建国，今年68岁，家住泉山区湖北路18号3栋2单元501室，邻居张金凤和我一起反映。"
    expected = f"我叫{NAME}，今年{AGE}，家住泉山区{ADDRESS}，邻居{NAME}和我一起反映。"
    assert scrub_text(text, ORDER) == (expected, {"age": 1, "address": 1, "name": 2})


def recall_texts():
    return [entry["text"] for entry in yaml.safe_load((CORPUS / "recall_text.yaml").read_text(encoding="utf-8"))]


@pytest.mark.parametrize("text", recall_texts())
def test_idempotent(text):
    once = scrub(text)
    assert scrub_text(once, TEXT_FAMILIES) == (once, {})


@pytest.mark.parametrize("family", ["name", "address", "birth", "age", "mobile", "employer"])
def test_placeholders_match_nothing(family):
    mark = placeholder(family)
    for text in (mark, f"姓名：{mark}", f"邻居{mark}和我", f"年龄：{mark}", f"出生日期：{mark}", f"住在{mark}3栋"):
        assert unchanged(text)


def test_full_width_input():
    assert scrub("住在民主南路８号", only("address")) == f"住在{ADDRESS}"
    assert scrub("我今年６８岁了", only("age")) == f"我今年{AGE}了"


def test_corpus_sizes():
    recall = yaml.safe_load((CORPUS / "recall_text.yaml").read_text(encoding="utf-8"))
    precision = yaml.safe_load((CORPUS / "precision_text.yaml").read_text(encoding="utf-8"))
    assert len(recall) >= 60 and len(precision) >= 40
    assert {entry["family"] for entry in recall} == {"address", "name", "birth", "age"}


# -- sensitive.flags ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我今年68岁了", ["age"]),
        ("七旬老人", ["age"]),
        ("我是80后", ["age"]),
        ("我父亲有高血压和糖尿病", ["health", "relative"]),
        ("他瘫痪在床多年，每周透析三次", ["health"]),
        ("我在徐州恒通医疗器械有限公司工作", ["workplace"]),
        ("我孩子在星光实验小学上学", ["workplace", "relative"]),
        ("徐州市第1人民医院", ["workplace"]),
        ("段庄社区卫生服务中心", ["workplace"]),
        ("我女儿在上学", ["relative"]),
        ("老伴身体不好", ["relative"]),
        ("我母亲85岁，患癌症住院", ["age", "health", "relative"]),
        ("60岁以上老人免费乘车", []),
        ("满18周岁可申请", []),
        ("社区医院药品不全", []),
        ("每个月都要去大医院排队", []),
        ("物业公司不作为", []),
        ("一家科技公司", []),
        ("生产厂家", []),
        ("孩子要上大学", []),  # 孩子 alone: any child
        ("市残联", []),
        ("社区协助事项从148项减至61项", []),
        ("", []),
    ],
)
def test_flags(text, expected):
    assert flags(text) == expected


def test_flags_codes_are_stable():
    assert KINDS == ("age", "health", "workplace", "relative")
    assert flags("我女儿住院了，我今年70岁，在徐州百川科技有限公司上过班") == list(KINDS)


# -- speed --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "hostile",
    [
        "路" * 10000,
        "1" * 10000,
        "王" * 10000,
        "小区" * 5000,
        "湖北路18号" * 2000,
        "3栋" * 5000,
        "我是" * 5000,
        "岁" * 10000,
        "邻居" + "张" * 10000,
        "年龄：" * 3000,
        "出生于" * 3000,
        "公司" * 5000,
    ],
)
def test_no_catastrophic_backtracking(hostile):
    start = time.perf_counter()
    scrub(hostile)
    flags(hostile)
    assert time.perf_counter() - start < 1.0
