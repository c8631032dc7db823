"""The theme's interface strings and the text of the three editions (issue #14).

Templates mark every interface string for translation with Jinja's i18n extension
(newstyle gettext): ``{{ _("首页") }}``, ``{{ _("共 %(n)s 条", n=count) }}`` or
``{% trans %}…{% endtrans %}``. The message id is the Simplified text itself, so the
Simplified edition needs no catalogue; the English one reads ``i18n/en/*.po``.

Filters for data values (all three are the identity in the Simplified edition):

- ``{{ value | term }}``: a term of the controlled vocabulary (district, topic, decision…),
  in the edition's language;
- ``{{ name | unit }}``: a unit typed by staff (lead and co-units): the vocabulary's English
  when it is a listed unit, else as ``original``;
- ``{{ text | original }}``: citizens' or staff's free text, never machine-translated: in the
  English edition it is wrapped in ``<span lang="zh-Hans">``;
- ``{{ record | localized("title") }}``: the staff-supplied English (``title_en``) in the
  English edition when there is one, else the original as ``original`` gives it.

For a block of original text, put ``{{ ORIGINAL }}`` in the element's start tag: it is
`` lang="zh-Hans"`` in the English edition and empty otherwise.
"""

from __future__ import annotations

import re

from jinja2 import pass_context
from markupsafe import Markup, escape


@pass_context
def term(context, value):
    edition = context.get("edition")
    return value if edition is None or value is None else edition.term(value)


@pass_context
def unit(context, value):
    """A unit's name as staff typed it (a proposal's lead and co-units): in English, the
    vocabulary's English when it is a listed unit, else the original (never a guess)."""
    edition = context.get("edition")
    if edition is None or not edition.english or value is None:
        return value
    known = edition.known_term(value)
    return known if known is not None else original(context, value)


@pass_context
def original(context, value):
    edition = context.get("edition")
    if edition is None or not edition.english or value is None:
        return value
    return Markup('<span lang="zh-Hans">{}</span>').format(value)


@pass_context
def localized(context, record, field: str):
    edition = context.get("edition")
    if edition is not None and edition.english:
        english = getattr(record, f"{field}_en", None)
        if english:
            return mark_chinese(english)
    return original(context, getattr(record, field))


_CHINESE_RUN = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]+")


def mark_chinese(text):
    """English text that quotes Chinese (a data value in the dictionary's English, 、): each
    Chinese run marked ``lang="zh-Hans"``, the rest escaped as any text."""
    escaped = str(escape(text))
    if not _CHINESE_RUN.search(escaped):
        return text
    return Markup(_CHINESE_RUN.sub(lambda m: f'<span lang="zh-Hans">{m.group()}</span>', escaped))


def install(env, settings: dict) -> None:
    """Interface strings through gettext, the filters above, and the editions (every page
    shows the others: hreflang, the language switch). A page rendered without an ``edition``
    of its own (Pelican's hand-written pages) is in the original one."""
    from .editions import editions

    env.add_extension("jinja2.ext.i18n")
    env.install_null_translations(newstyle=True)  # the Simplified edition: the message ids themselves
    env.filters.update(term=term, unit=unit, original=original, localized=localized)
    listed = editions(settings)
    env.globals.update(EDITIONS=listed, edition=listed[0], ORIGINAL=Markup(""))
