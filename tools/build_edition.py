"""Build one more edition of the book (``python tools/build_edition.py PROJECT zh_CN``), from the same sources and
the same executions as the English one: Jupyter Book's own Sphinx entry point with the language, its catalogues
(``locale/``), its own doctrees, and the English build's execution cache, so that nothing executes again.

The edition goes into ``_build/html/<folder>`` (``zh`` for Chinese) of the English site. ``make book`` runs this
through ``tools/build_book.py``, which fails the build when it fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

TITLES = {"zh_CN": "金融支持新质生产力：一项可复现的核查"}
FOLDERS = {"zh_CN": "zh"}


def main(argv: list[str]) -> int:
    from jupyter_book.sphinx import build_sphinx

    from nqpf.book.sphinx.i18n import ZH_PRIORITY

    project, language = Path(argv[0]).resolve(), argv[1]
    single = "--singlehtml" in argv[2:]  # the single page the PDF is printed from
    build = project / "_build"
    result = build_sphinx(
        project,
        build / f"singlehtml-{language}" if single else build / "html" / FOLDERS[language],
        noconfig=True,
        path_config=str(project / "_config.yml"),
        confoverrides={
            "language": language,
            "html_title": TITLES[language],
            "nb_execution_cache_path": str(build / ".jupyter_cache"),
            "nitpicky": True,
            # each output's Chinese HTML first (nqpf.l10n.Bilingual)
            "nb_mime_priority_overrides": ZH_PRIORITY,
            # myst-nb's own words on the page
            "nb_code_prompt_show": "显示代码",
            "nb_code_prompt_hide": "隐藏代码",
            # what `jupyter-book build` passes for a book with a _toc.yml
            "external_toc_path": (project / "_toc.yml").as_posix(),
            "latex_individualpages": False,
        },
        doctreedir=build / f".doctrees-{language}",
        builder="singlehtml" if single else "html",
        warningiserror=True,
        keep_going=True,
    )
    return 0 if result == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
