"""The mkdocs-macros adapter (`module_name: macros`): registers the playbook's macros and locks down page rendering.

The macros themselves live in `macros/registry.py`; loading, checking, views
and rendering are plain modules that import nothing from MkDocs.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from .links import Linker
from .load import load_cached
from .offline import is_offline_build
from .pagemacros import PageSandbox, page_environment
from .pagemacros import render_page
from .registry import MACROS, PageContext, page_macros
from .siteconfig import read_site_config

# mkdocs-macros 1.5 compiles force_render_paths with pathspec's 'gitwildmatch' style, which pathspec 1.x deprecates;
# MkDocs then prints the warning with a stack on every build and preview. The patterns mean the same in the newer
# 'gitignore' style (macros/siteconfig.py reads them so), so the warning says nothing an editor can act on.
warnings.filterwarnings("ignore", message=r"GitWildMatchPattern .* is deprecated", category=DeprecationWarning)


def define_env(env) -> None:
    """Register every macro of the registry, each bound to the page being rendered."""
    data_dir = Path(env.conf["config_file_path"]).parent / "data"
    loaded = {}
    docs = Path(env.conf["docs_dir"])

    def context() -> PageContext:
        """The model (loaded once per build) and a linker for the page being rendered."""
        if "playbook" not in loaded:
            loaded["playbook"] = load_cached(data_dir)
            # Hand-written pages only: the links that depend on a page's existence point at those.
            loaded["pages"] = frozenset(p.relative_to(docs).as_posix() for p in docs.rglob("*.md") if not p.is_symlink())
        return PageContext(loaded["playbook"], Linker(env.page.file.src_uri, env.conf["use_directory_urls"]), is_offline_build(env.conf), loaded["pages"])

    for name, function in page_macros(context).items():
        env.macro(function, name)


def on_pre_page_macros(env) -> None:
    """Render the page's macro calls as every engine does (macros/prerender.py), then leave mkdocs-macros nothing to do."""
    env.page.meta.pop("render_macros", None)  # front matter cannot switch macros on
    # mkdocs-macros builds an unsandboxed Environment after define_env; swap it once, keeping only our macros callable.
    if not isinstance(env.env, PageSandbox):
        env._env = page_environment(env.env, {name: env.macros[name] for name in MACROS})
    site = read_site_config(Path(env.conf["config_file_path"]))
    if site.runs_macros(env.page.file.src_uri):
        env.markdown = render_page(env.markdown, {name: env.macros[name] for name in MACROS})
    env.page.meta["render_macros"] = False  # mkdocs-macros returns a page marked so as it is: rendered above, or plain
