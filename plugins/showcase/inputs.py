"""What a build reads besides the data records: where they are, and the digests that key it.

``code_digest``: the plugin's code, the schema, the editions' catalogues and the vocabulary (what a data file's check
depends on besides its bytes). ``base_salt``: that, plus the theme, the hand-written content and
the plain settings: what every output depends on besides its own inputs. Both are read by
the generator and, before any generator exists, by the stamp check (``buildstamp.py``).
"""

from __future__ import annotations

from pathlib import Path

from .fingerprint import Fingerprints, digest_files, digest_text
from .shared import PROJECT, SCHEMA_FOLDER

DEFAULT_DATA = "data/public"
# The data folder's record folders, beside stats.yaml: what data.load_showcase reads and buildstamp hashes.
DATA_SUBFOLDERS = ("proposals", "stories", "commendations", "sessions")
DEFAULT_VOCABULARY = "config/vocabulary.yaml"
PLUGIN_FOLDER = Path(__file__).resolve().parent
CATALOGUE_FOLDER = PROJECT / "i18n"  # the editions' interface catalogues (editions.py)


def setting_path(settings: dict, name: str, default: str) -> Path:
    """A path setting; a relative one is taken from the current directory."""
    value = settings.get(name) or default
    if not isinstance(value, str):
        raise TypeError(f"设置 {name} 应为路径字符串，实为 {value!r}")
    return Path(value).expanduser().resolve()


def data_folder(settings: dict) -> Path:
    return setting_path(settings, "SHOWCASE_DATA", DEFAULT_DATA)


def vocabulary_path(settings: dict) -> Path:
    return setting_path(settings, "SHOWCASE_VOCABULARY", DEFAULT_VOCABULARY)


def _tree(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file() and "__pycache__" not in path.parts]


def settings_digest(settings: dict) -> str:
    """The plain settings (strings, numbers, lists, dicts of them); objects are left out."""
    fingerprints = Fingerprints()
    parts = []
    for name in sorted(settings):
        try:
            parts.append(f"{name}={fingerprints.of(settings[name])}")
        except TypeError:
            continue
    return digest_text(*parts)


def code_digest(settings: dict) -> str:
    files = [*_tree(PLUGIN_FOLDER), *_tree(SCHEMA_FOLDER), *_tree(CATALOGUE_FOLDER), vocabulary_path(settings)]
    return digest_files(files, PLUGIN_FOLDER.parent.parent)


def base_salt(settings: dict, code: str) -> str:
    theme = Path(settings["THEME"])
    content = Path(settings["PATH"])
    return digest_text(
        code,
        digest_files(_tree(theme), theme),
        digest_files(_tree(content), content) if content.is_dir() else "",
        settings_digest(settings),
    )
