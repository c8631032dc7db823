"""Load a published YAML file from libyaml's events, without PyYAML's node graph.

``yaml.load(text, Loader=CSafeLoader)`` has libyaml parse the text, then builds
a graph of Python node objects, resolves every scalar's tag through a chain of
method calls, and constructs the data from the nodes with generators: most of
its time is that Python machinery, not parsing. The published files are plain
documents (mappings, lists and scalars, no anchors or tags), so here the data
is built straight from the parser's events, resolving plain scalars with the
same implicit resolvers and scalar constructors as ``SafeLoader``.

Anything else — an alias, an explicit tag, a merge key, a second
document, a syntax error, an unhashable key — is handed to the standard
loader, which gives the same data or raises its usual error. Without libyaml
the standard (pure-Python) loader does everything. tests/test_yamlload.py
checks that both give the same data.
"""

from __future__ import annotations

import yaml
from yaml import events
from yaml.nodes import ScalarNode

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    CParser = None

_RESOLVERS = yaml.SafeLoader.yaml_implicit_resolvers  # first character → [(tag, regexp)]
_ANY_START = _RESOLVERS.get(None, [])
_CONSTRUCTORS = yaml.SafeLoader.yaml_constructors
_CONSTRUCTOR = yaml.SafeLoader("")  # SafeConstructor's scalar methods need an instance, not a stream
_NO_KEY = object()  # a mapping waiting for its next key


class _Unusual(Exception):
    """The document needs the standard loader."""


def load(text: str) -> object:
    """The data of one YAML document, as ``yaml.load(text, Loader=CSafeLoader)`` gives it."""
    if CParser is not None:
        try:
            return _from_events(text)
        except Exception:  # anything unusual: the standard loader decides
            pass
    return yaml.load(text, Loader=LOADER)


def _plain(value: str) -> object:
    """A plain (unquoted) scalar: typed as SafeLoader's implicit resolvers type it."""
    for tag, pattern in _RESOLVERS.get(value[:1], []) + _ANY_START:
        if pattern.match(value):
            construct = _CONSTRUCTORS.get(tag)
            if construct is None:  # the merge key "<<"
                raise _Unusual
            return construct(_CONSTRUCTOR, ScalarNode(tag, value))
    return value


def _untagged(event) -> None:
    if event.tag is not None:  # an explicit tag (an alias, the other unusual case, is its own event)
        raise _Unusual


def _from_events(text: str) -> object:
    parser = CParser(text)
    try:
        next_event = parser.get_event
        if type(next_event()) is not events.StreamStartEvent or type(next_event()) is not events.DocumentStartEvent:
            raise _Unusual
        root: list = []
        containers: list = [root]  # the open lists and mappings, innermost last
        keys: list = [None]  # per open container: for a mapping, the key read and not yet given a value

        def add(value: object) -> None:
            container = containers[-1]
            if type(container) is list:
                container.append(value)
            elif keys[-1] is _NO_KEY:
                keys[-1] = value
            else:
                container[keys[-1]] = value  # an unhashable key raises: the standard loader reports it
                keys[-1] = _NO_KEY

        while True:
            event = next_event()
            kind = type(event)
            if kind is events.ScalarEvent:
                _untagged(event)
                add(_plain(event.value) if event.implicit[0] else event.value)
            elif kind is events.MappingStartEvent or kind is events.SequenceStartEvent:
                _untagged(event)
                container = {} if kind is events.MappingStartEvent else []
                add(container)
                containers.append(container)
                keys.append(_NO_KEY)
            elif kind is events.MappingEndEvent or kind is events.SequenceEndEvent:
                containers.pop()
                keys.pop()
            elif kind is events.DocumentEndEvent:
                break
            else:
                raise _Unusual
        if type(next_event()) is not events.StreamEndEvent:
            raise _Unusual  # a second document: the standard loader refuses it
        return root[0]
    finally:
        parser.dispose()
