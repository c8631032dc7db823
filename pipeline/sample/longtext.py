"""Long unbroken strings in a few published rows, the way people paste them: a
long URL, a base64 blob, a 60-digit serial number, a long Latin word or
hashtag. On a 320 px phone each must wrap instead of pushing the page
sideways (tests/browser/test_layout.py sees them on the home page, the list,
the proposal, the story and the changes page).

Applied after the seeded generation and without drawing from its Random, so
every other row, id and value stays as it was. The 60-digit number looks like
a card number to the anonymiser, which may remove it (that is right); the URL,
the blob and the words survive to the page."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable

LONG_URL = (
    "https://www.xz.gov.cn/zgxz/zwgk/zcwj/szfwj/art/2024/art_b1f4c2e8a7d9403c8e6f5a2b9c7d1e3f.html"
    "?source=weixin&share_from=timeline&utm_campaign=renminjianyi_zhengji_huodong"
    "&utm_medium=social&sessionid=AbCdEfGhIjKlMnOpQrStUvWxYzQwErTy"
)
BASE64_BLOB = base64.b64encode(hashlib.sha512(b"xuzhou-sample").digest() * 2).decode("ascii")
LONG_NUMBER = str(int(hashlib.sha256(b"xuzhou-sample").hexdigest(), 16))[:60]
LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis"
# A title holds at most 200 characters (validate.py): the URL as far as its first parameter.
TITLE_URL = LONG_URL.split("&")[0]
HASHTAG = "#XuzhouHanCultureNightTourCityWalkCheckInSpotRecommendation"
FILE_NAME = "Xuzhou_Gulou_District_Road_Repair_Photos_Final_Version.jpg"

# One dict of edits per target row: column -> format of the new text ("{}" is the old text).
EDITS = (
    {"title": "{}（详见 " + TITLE_URL + "）"},
    {"title": "{}" + HASHTAG, "body": "{}\n附图编码：" + BASE64_BLOB + "\n工单流水号：" + LONG_NUMBER},
    {"title": "{}（附件 " + FILE_NAME + "）"},
    {"body": "{}\n我查到的资料：" + LONG_URL, "outcome": "{}政策原文见" + LONG_URL + "。"},
    {"title": "{}：" + LONG_WORD, "outcome": "{}相关术语：" + LONG_WORD + "。"},
)


def plant(rows: list[dict], published: Callable[[dict], bool], also: list[dict]) -> list[dict]:
    """Edit, in place and one entry of EDITS each, the two newest published rows
    (first on the home page and the list), the published row with the first id
    (first on /changes/) and the published rows of `also` (e.g. a story's);
    returns the rows edited."""
    shown = [row for row in rows if published(row)]
    if not shown:
        return []
    newest = sorted(shown, key=lambda r: (r["received_on"], r["case_id"]), reverse=True)
    targets = newest[:2] + [min(shown, key=lambda r: r["case_id"])] + [row for row in also if published(row)]
    targets = list({row["case_id"]: row for row in targets}.values())
    for row, edits in zip(targets, EDITS, strict=False):
        for column, template in edits.items():
            if row[column]:
                row[column] = template.format(row[column])
    return targets[: len(EDITS)]
