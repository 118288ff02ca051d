"""The formats Urdu, Sindhi and Pashto share (each language's formats.py takes them all)."""

# Day, month name, year, as Pakistani papers and forms write it ("5 دسمبر 2026"); the month name comes
# from the catalog (config/formats/django_strings.py). Times on the 24-hour clock, as every page shows.
# Input formats are not set: forms keep the project's (ISO first, which <input type="date"> sends).
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
