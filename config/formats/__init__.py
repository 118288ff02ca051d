"""Date and number formats for the languages Django does not ship formats for (FORMAT_MODULE_PATH).

Django has no formats for ur, sd or ps, so their pages used the English "N j, Y" ("دسمبر 5, 2026").
The month and weekday names themselves are msgids of Django's own catalog, which has no Sindhi or
Pashto: `django_strings.py` repeats them so that our catalogs carry them (see its docstring)."""
