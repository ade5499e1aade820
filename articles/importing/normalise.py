"""
Step 2, clean text: entities, zero-width marks, pinyin readings after characters, traditional to simplified, a
converter's doubled punctuation, and how to tell mojibake.
"""

import html
import re

from core.textutil import to_simplified

from .patterns import CJK, PINYIN, ZERO_WIDTH


def normalise(text):
    text = ZERO_WIDTH.sub("", html.unescape(text)).replace("\xa0", " ")
    text = to_simplified(PINYIN.sub("", text))
    # A broken converter's doubled punctuation between Chinese characters: ',,' and ',、'.
    return re.sub(rf"(?<=[{CJK}])(?:,,|，，)(?=[{CJK}“])", "，", re.sub(rf"(?<=[{CJK}]),、", "、", text))


def is_mojibake(text):
    """What a wrong decoding leaves: replacement characters or runs of Latin-1 letters in Chinese text."""
    return text.count("\ufffd") >= 2 or len(re.findall("[\u00c0-\u00ff]", text)) >= max(3, len(text) // 4)
