"""The watch-files folder setting: read from the file (it must exist), and
where to look when it is not set (~/Downloads if there is one, else home)."""

from __future__ import annotations

from pathlib import Path

from tui.core.common.fields import Fields


def default_watch_folder(home: Path) -> Path:
    """~/Downloads if there is one, else the home folder."""
    downloads = home / "Downloads"
    return downloads if downloads.is_dir() else home


def watch_folder(chosen: Path | None, home: Path) -> Path:
    """The folder the runner set, with ~ meaning `home`; else the default."""
    if chosen is None:
        return default_watch_folder(home)
    if chosen.parts[:1] == ("~",):
        return home.joinpath(*chosen.parts[1:])
    return chosen.expanduser()


def read_folder(fields: Fields, key: str) -> Path | None:
    """A folder that exists, written as a full path or from ~; empty: None."""
    value = fields.table.get(key, "")
    if isinstance(value, str) and not value.strip():
        return None
    text = fields.text(key)
    folder = Path(text).expanduser()
    if not folder.is_absolute():
        raise fields.error(key, f"must be a full path like ~/Downloads, got '{text}'")
    try:
        exists, is_folder = folder.exists(), folder.is_dir()
    except OSError as error:
        raise fields.error(key, f"the folder '{text}' cannot be reached ({error.strerror or error})") from None
    if not exists:
        raise fields.error(key, f"the folder '{text}' does not exist")
    if not is_folder:
        raise fields.error(key, f"'{text}' is a file, not a folder")
    return Path(text)
