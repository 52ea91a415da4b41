"""Guided lessons: a YAML file of steps a teacher plays in the app, checked and rendered
as a handout headless (``circlelab lesson check | list | render``).

``model`` is the file format, ``load`` reads and cross-checks a file, ``play`` runs its
steps on the engine, ``timing`` estimates the class time it takes and ``handout`` writes
the printable page.
"""
