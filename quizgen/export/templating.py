"""Jinja2 for the exporters that render HTML templates: one environment recipe, one way to report a broken template.

Templates come from a teacher's ``--templates`` folder as well as the bundled
``templates/``, so a template that is missing, broken or not UTF-8 is the
user's to fix: :func:`render_template` reports it as one :class:`QuizgenError`
line naming the template and where it was looked for.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import jinja2

from quizgen.errors import QuizgenError

__all__ = ["render_template", "template_environment"]


def template_environment(search: Sequence[Path], *, trim: bool = False) -> jinja2.Environment:
    """An environment loading templates from the first folder of ``search`` that has them.

    Everything is autoescaped, an undefined variable is an error, and a template's
    final newline is kept. ``trim`` drops the newline after a block tag and the
    indentation before it, for templates laid out as readable markup.
    """
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=trim,
        lstrip_blocks=trim,
        keep_trailing_newline=True,
    )


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
