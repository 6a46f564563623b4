"""quizgen: turn study texts into quizzes, worksheets and flashcards, offline.

The pipeline runs one way: :func:`read_document` -> :func:`build_quiz` ->
an exporter from :func:`get_exporter`. Every stage speaks :mod:`quizgen.model`.
"""

__version__ = "0.1.0"
