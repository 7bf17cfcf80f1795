"""How to cite the book: ``CITATION.cff`` (the one place its title, authors and version are written) rendered
as a sentence and as a BibTeX entry, with the date the verdicts were computed and, when ``_config.yml`` names
one, the repository."""

from __future__ import annotations

import html

import yaml

from .. import l10n, paths, provenance


def cff() -> dict:
    """CITATION.cff as a dict (recorded as an input of the page that reads it)."""
    path = paths.root() / "CITATION.cff"
    provenance.note_file(path)
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def repository() -> str:
    """The repository ``_config.yml`` names (``repository.url``), or '' when it names none."""
    path = paths.root() / "_config.yml"
    provenance.note_file(path)
    config = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return str((config.get("repository") or {}).get("url") or "")


def sentence(built: str) -> str:
    """The citation as one sentence."""
    meta = cff()
    authors = ", ".join(
        a.get("name") or f"{a.get('family-names', '')} {a.get('given-names', '')}".strip() for a in meta["authors"]
    )
    where = repository()
    return f"{authors} ({built[:4]}). {meta['title']}. Version {meta['version']}, verdicts computed on {built}." + (
        f" {where}" if where else ""
    )


def bibtex(built: str) -> str:
    """The citation as a BibTeX entry."""
    meta = cff()
    authors = " and ".join("{" + a["name"] + "}" for a in meta["authors"] if a.get("name"))
    fields = {
        "author": authors,
        "title": "{" + meta["title"] + "}",
        "year": built[:4],
        "version": meta["version"],
        "note": f"Verdicts computed on {built}",
    }
    if repository():
        fields["url"] = repository()
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
    return f"@software{{nqpf_replication_{meta['version'].replace('.', '_')},\n{body}\n}}"


def block(built: str, lang: str = "en") -> str:
    """The citation as HTML: the sentence, then the BibTeX entry (both selectable text)."""
    return (
        f'<div class="nqpf-cite"><p>{html.escape(l10n.text(sentence(built), lang))}</p>'
        f'<pre class="nqpf-bibtex"><code>{html.escape(bibtex(built))}</code></pre></div>'
    )
