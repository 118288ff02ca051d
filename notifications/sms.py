"""SMS length: how many segments a text costs (GSM 03.38 for Latin text, UCS-2 for Urdu/Sindhi/Pashto).

A text that uses only the GSM-7 alphabet fits 160 characters in one SMS and 153 per segment when it
is split; anything else (any Arabic-script letter) is sent as UCS-2: 70 in one, 67 per segment.
"""

from dataclasses import dataclass

GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# Characters of the extension table take two septets (escape + character).
GSM7_EXTENDED = set("^{}\\[~]|€\f")

GSM7 = "GSM-7"
UCS2 = "UCS-2"


@dataclass(frozen=True)
class SmsLength:
    encoding: str
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int

    @property
    def per_segment(self) -> int:
        if self.encoding == GSM7:
            return 160 if self.segments <= 1 else 153
        return 70 if self.segments <= 1 else 67


def sms_length(text: str) -> SmsLength:
    if all(char in GSM7_BASIC or char in GSM7_EXTENDED for char in text):
        units = sum(2 if char in GSM7_EXTENDED else 1 for char in text)
        single, multi, encoding = 160, 153, GSM7
    else:
        units = len(text.encode("utf-16-le")) // 2  # an emoji is two code units
        single, multi, encoding = 70, 67, UCS2
    if units == 0:
        segments = 0
    elif units <= single:
        segments = 1
    else:
        segments = -(-units // multi)
    return SmsLength(encoding=encoding, units=units, segments=segments)
