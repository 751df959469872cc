"""What the checks need from mkdocs.yml, read without MkDocs: the Markdown extensions and which pages run macros."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pathspec
import yaml

# MkDocs always adds these to the configured extensions (mkdocs.config.defaults: markdown_extensions).
ALWAYS_ON = ("toc", "tables", "fenced_code")


class _Lenient(yaml.SafeLoader):
    """mkdocs.yml's own tags read as nothing (!ENV, other !!python/...), but for the heading slugifier, which decides ids."""


def _python_apply(loader: _Lenient, suffix: str, node: yaml.Node):
    """The one Python call mkdocs.yml may make here, pymdownx's slugify with its options; any other tag reads as nothing."""
    if suffix != "pymdownx.slugs.slugify" or not isinstance(node, yaml.MappingNode):
        return None
    from pymdownx.slugs import slugify

    return slugify(**loader.construct_mapping(node, deep=True).get("kwds", {}))


_Lenient.add_multi_constructor("!", lambda loader, suffix, node: None)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/object/apply:", _python_apply)
_Lenient.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class SiteConfig:
    """The parts of mkdocs.yml that decide what a hand-written page turns into."""

    extensions: tuple[str, ...] = ALWAYS_ON
    extension_configs: dict = field(default_factory=dict)
    macro_pages: tuple[str, ...] = ()
    docs_dir: str = "docs"
    nav: tuple[tuple[str, str], ...] = ()  # (title or '', src_uri) of every page in the navigation, in reading order

    @cached_property
    def _macro_spec(self) -> pathspec.PathSpec:
        """The allowlist compiled once."""
        return pathspec.PathSpec.from_lines("gitignore", self.macro_pages)

    def runs_macros(self, src_uri: str) -> bool:
        """Whether the page's macro calls are rendered (mkdocs.yml: plugins > macros > force_render_paths)."""
        return self._macro_spec.match_file(src_uri)


_CACHE: dict[tuple, SiteConfig] = {}


def read_site_config(path: Path) -> SiteConfig:
    """The Markdown extensions (with their options) and the macro pages of mkdocs.yml, read once while the file is unchanged."""
    path = Path(path).resolve()
    key = (path, path.stat().st_mtime_ns)
    if key not in _CACHE:
        _CACHE[key] = _read(path)
    return _CACHE[key]


def _load(path: Path) -> dict:
    """A config file with the file it INHERITs merged under it, as MkDocs merges them (mappings deeply, the rest replaced)."""
    config = yaml.load(path.read_text("utf-8"), Loader=_Lenient) or {}
    parent = config.pop("INHERIT", None)
    return _merge(_load(path.parent / parent), config) if parent else config


def _merge(base: dict, override: dict) -> dict:
    """`override` laid over `base`."""
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged


def _read(path: Path) -> SiteConfig:
    """mkdocs.yml's parts the checks need, read with the lenient loader."""
    config = _load(path)
    extensions, options = list(ALWAYS_ON), {}
    for entry in config.get("markdown_extensions") or []:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        if name not in extensions:
            extensions.append(name)
        if settings:
            options[name] = {key: value for key, value in settings.items() if value is not None}
    macro_pages: tuple[str, ...] = ()
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("macros"), dict):
            macro_pages = tuple(line.strip() for line in plugin["macros"].get("force_render_paths", "").splitlines() if line.strip())
    return SiteConfig(tuple(extensions), options, macro_pages, config.get("docs_dir", "docs"), tuple(_flatten(config.get("nav") or [])))


def _flatten(items: list) -> list[tuple[str, str]]:
    """mkdocs.yml's nav as (title, page) pairs in order; a page without its own title gets ''."""
    pages = []
    for item in items:
        if isinstance(item, str):
            pages.append(("", item))
        elif isinstance(item, dict):
            for title, value in item.items():
                pages += _flatten(value) if isinstance(value, list) else [(title, value)] if isinstance(value, str) else []
    return pages
