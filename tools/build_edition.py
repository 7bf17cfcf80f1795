"""Build one edition of the book: ``python tools/build_edition.py PROJECT en`` (the English site, ``_build/html``) or
``PROJECT zh_CN`` (the Chinese one, ``_build/html/zh``), with ``--singlehtml`` for the single page a PDF is printed
from. Both go through Jupyter Book's own Sphinx entry point with the strict flags of ``jupyter-book build -W -n
--keep-going`` and the same execution cache, so the second edition executes nothing again; the Chinese one adds
its language, its catalogues (``locale/``) and its own doctrees.

``make book`` runs this through ``tools/build_book.py``, which fails the build when it fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

TITLES = {"zh_CN": "金融支持新质生产力：一项可复现的核查"}
FOLDERS = {"en": "", "zh_CN": "zh"}


def skip_iri_checker() -> None:
    """Keep jsonschema from importing ``rfc3987_syntax`` (JupyterLab's dependencies install it): it compiles 38
    grammars at import, 2.2 s in every process that reads a notebook, for an ``iri`` format check that notebook
    validation never uses. jsonschema imports it inside ``suppress(ImportError)``, so without it that one check
    is simply absent."""
    sys.modules.setdefault("rfc3987_syntax", None)


def main(argv: list[str]) -> int:
    skip_iri_checker()
    from jupyter_book.sphinx import build_sphinx

    from nqpf.book.sphinx.i18n import ZH_PRIORITY

    project, language = Path(argv[0]).resolve(), argv[1]
    single = "--singlehtml" in argv[2:]
    build = project / "_build"
    overrides = {
        "nb_execution_cache_path": str(build / ".jupyter_cache"),
        "nitpicky": True,
        # what `jupyter-book build` passes for a book with a _toc.yml
        "external_toc_path": (project / "_toc.yml").as_posix(),
        "latex_individualpages": False,
    }
    if language != "en":
        overrides |= {
            "language": language,
            "html_title": TITLES[language],
            # each output's Chinese HTML first (nqpf.l10n.Bilingual)
            "nb_mime_priority_overrides": ZH_PRIORITY,
            # myst-nb's own words on the page
            "nb_code_prompt_show": "显示代码",
            "nb_code_prompt_hide": "隐藏代码",
        }
    suffix = "" if language == "en" else f"-{language}"
    if single:
        out = build / f"singlehtml{suffix}"
    else:
        out = build / "html" / FOLDERS[language] if FOLDERS[language] else build / "html"
    result = build_sphinx(
        project,
        out,
        noconfig=True,
        path_config=str(project / "_config.yml"),
        confoverrides=overrides,
        doctreedir=build / f".doctrees{suffix}",
        builder="singlehtml" if single else "html",
        warningiserror=True,
        keep_going=True,
    )
    if isinstance(result, BaseException):  # a page that raised while Sphinx executed it: say which, and why
        import traceback

        print("".join(traceback.format_exception(result)), file=sys.stderr)
        return 1
    return 0 if result == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
