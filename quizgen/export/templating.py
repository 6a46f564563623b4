"""Templates for the exporters: one search rule for every one of them, and one way to report a broken template.

Every template file is looked up, in order, in ``DIR/<exporter>/name`` and ``DIR/name`` of the
teacher's ``--templates DIR``, then in the bundled ``templates/<exporter>/name``, as pelican's theme
loader does: a teacher may replace one file (just the stylesheet) and keep the rest. The bundled
files are found through :mod:`importlib.resources`, in a wheel and an editable install alike.

A template that is missing, broken or not UTF-8 is the user's to fix, so it is reported as one
:class:`~quizgen.errors.QuizgenError` line naming the template and where it was looked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path

import jinja2

from quizgen.errors import QuizgenError

__all__ = ["bundled_templates", "read_template", "render_template", "template_environment", "template_search"]


def bundled_templates() -> Path:
    """The folder of templates that ships with quizgen (``templates/`` at the top of the source tree)."""
    folder = resources.files("quizgen").joinpath("templates")
    if not folder.is_dir():
        raise QuizgenError("the bundled templates folder is missing; reinstall quizgen")
    return Path(str(folder))


def template_search(exporter: str, templates: Path | None) -> list[Path]:
    """The folders an exporter's template files are looked up in, first match wins."""
    user = [templates / exporter, templates] if templates is not None else []
    return [*user, bundled_templates() / exporter]


def template_environment(exporter: str, templates: Path | None, *, trim: bool = False) -> jinja2.Environment:
    """A jinja2 environment loading ``exporter``'s templates along :func:`template_search`.

    Everything is autoescaped, an undefined variable is an error, and a template's
    final newline is kept. ``trim`` drops the newline after a block tag and the
    indentation before it, for templates laid out as readable markup.
    """
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_search(exporter, templates)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=trim,
        lstrip_blocks=trim,
        keep_trailing_newline=True,
    )


def read_template(exporter: str, name: str, templates: Path | None) -> str:
    """The text of the template file ``name`` found along :func:`template_search` (for files jinja2 does not render)."""
    search = template_search(exporter, templates)
    for folder in search:
        path = folder / name
        if path.is_file():
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                raise QuizgenError(f"cannot read {exporter} template {path}: {error}") from None
    raise QuizgenError(f"{exporter} template {name} not found in {', '.join(map(str, search))}")


def render_template(
    environment: jinja2.Environment, name: str, context: Mapping[str, object], what: str = "template"
) -> str:
    """The template ``name`` rendered with ``context``; a template problem as one :class:`QuizgenError` line.

    ``what`` is how the messages call a template (e.g. ``"player template"``).
    """
    where = _search_path(environment)
    try:
        return environment.get_template(name).render(dict(context))
    except jinja2.TemplateNotFound as error:
        raise QuizgenError(f"{what} {error.name} not found in {where}") from None
    except jinja2.TemplateSyntaxError as error:
        raise QuizgenError(f"{error.filename or name}, line {error.lineno}: {error.message}") from None
    except jinja2.TemplateError as error:
        raise QuizgenError(f"{what} {name} in {where}: {error.message}") from None
    except UnicodeDecodeError:
        raise QuizgenError(f"a {what} in {where} is not UTF-8 text") from None


def _search_path(environment: jinja2.Environment) -> str:
    """The folders ``environment`` loads templates from, as a message names them."""
    loader = environment.loader
    if isinstance(loader, jinja2.FileSystemLoader):
        return ", ".join(loader.searchpath)
    return "the templates"
