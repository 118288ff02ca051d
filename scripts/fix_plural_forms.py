"""Give every catalog a complete header.

makemessages leaves placeholders for languages Django does not know (sd, ps): no Plural-Forms (the
catalog compiles but crashes at run time on the first plural), an empty Language and a fuzzy
header. Urdu, Sindhi and Pashto all use two forms: singular for 1, plural otherwise.
"""

import re
import sys
from pathlib import Path

PLURAL_FORMS = r'"Plural-Forms: nplurals=2; plural=(n != 1);\n"'


def fix(path: Path) -> bool:
    language = path.parent.parent.name
    text = path.read_text(encoding="utf-8")
    header, separator, body = text.partition("\n\n")
    fixed = header.replace('#, fuzzy\nmsgid ""', 'msgid ""')
    fixed = fixed.replace(r'"Language: \n"', rf'"Language: {language}\n"')
    fixed = fixed.replace("charset=CHARSET", "charset=UTF-8")
    if "Plural-Forms:" in fixed:
        fixed = re.sub(r'"Plural-Forms: [^"]*"', lambda _: PLURAL_FORMS, fixed, count=1)
    else:
        fixed = fixed.rstrip("\n") + "\n" + PLURAL_FORMS
    if fixed == header:
        return False
    path.write_text(fixed + separator + body, encoding="utf-8")
    return True


if __name__ == "__main__":
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "locale")
    for po in sorted(root.glob("*/LC_MESSAGES/*.po")):
        if fix(po):
            print(f"completed the header of {po}")
