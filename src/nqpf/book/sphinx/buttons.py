"""Header buttons that lead somewhere: the repository, issue and launch (Binder) buttons appear only when
``_config.yml`` names a real repository (``repository.url``); with none, they are switched off instead of
pointing at a placeholder. One setting turns them all on."""

from __future__ import annotations

from sphinx.util import logging

logger = logging.getLogger(__name__)


def _buttons_follow_the_repository(app, config):
    # _config.yml keeps use_repository_button off (Jupyter Book refuses it without a URL) and this turns the
    # buttons on exactly when repository.url names a repository
    options = dict(config.html_theme_options or {})
    url = str(options.get("repository_url") or "").strip()
    if url:
        options.update(use_repository_button=True, use_issues_button=True)
    else:
        for key in ("use_repository_button", "use_issues_button", "use_edit_page_button", "use_source_button"):
            options[key] = False
        options["launch_buttons"] = {}
        options.pop("repository_url", None)
        logger.info("[nqpf] no repository named in _config.yml: repository, issue and launch buttons are off")
    config.html_theme_options = options


def setup(app):
    app.connect("config-inited", _buttons_follow_the_repository)
