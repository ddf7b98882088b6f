"""Cheap, offline language identification for the English-only gate.

Two signals, both linear in the text and bounded by a sample:
  * script: the share of letters in Cyrillic, Arabic, Han, kana, Hangul, ... decides
    non-Latin languages outright;
  * function words: for Latin-script text, the share of tokens that are among the
    ~60 most frequent function words of each language. Running English prose scores
    0.3-0.5 on the English list and rarely above 0.08 on any other; a Spanish or French
    article is the mirror image. Case is ignored, so all-caps wire copy counts as English.
Words that are also English ("a", "in", "to", "do") are kept off the other lists; words
shared among other languages ("de", "la") may sit on several, since the gate only needs
English versus the rest and the name of the language is a courtesy.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

SAMPLE_CHARS = 12_000

LANGUAGE_NAMES = {
    "en": "English", "es": "Spanish", "fr": "French", "de": "German", "pt": "Portuguese",
    "it": "Italian", "nl": "Dutch", "id": "Indonesian", "tr": "Turkish", "pl": "Polish",
    "sv": "Swedish", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic", "fa": "Persian",
    "he": "Hebrew", "el": "Greek", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
    "hi": "Hindi", "th": "Thai", "bg": "Bulgarian",
}

_FUNCTION_WORDS = {
    "en": """the of and to in is that for it was on with as he be at by this had not are but
        from or have an they which you were her she there been his their has would will
        its we who also said after than into about more when them can could these over
        only other those while being between did does should our says because""",
    "es": """el los las del que por con una para es al lo como más pero sus le ya fue este
        ha sí porque esta entre cuando muy sin sobre también me hasta hay donde quien
        desde todo nos durante todos uno les ni contra otros ese eso ante ellos esto
        antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada
        muchos cual poco ella estar estas algunas algo nosotros según dijo la de y en un se""",
    "fr": """le les des du que qui dans pour pas sur au avec ce il une par plus ne se sont
        elle ont été aux mais ou son sa ses était leur cette nous comme tout aussi ces
        fait être deux même entre après sans très peut dont bien encore avait lui avant
        où ils selon déjà depuis chez alors sous contre tous la de et en un est""",
    "de": """der die und den von zu das mit sich des auf für ist im dem nicht ein eine als
        auch es an er hat aus bei sind noch nach wird einer um am sie wie über einen so
        zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei werden
        ihre kann gegen vom schon wenn wir ich""",
    "pt": """os das dos não uma para com por mais na no ao pelo pela foi ser são seu sua
        também mas ou há isso ele ela já quando muito nos sobre entre está depois
        sem mesmo aos até seus quem nas pelos essa esse num nem suas meu às minha têm
        numa pelas havia seja qual será eles elas você de e o que em um da do""",
    "it": """il della che di per non una sono delle dei nel alla anche del gli ha più ma
        come dal degli sul questo essere nella lo tra ci hanno stato ed perché questa
        loro quando cui dalla già fatto sua suo molto nelle alle dopo ancora tutti
        sempre negli viene quello di la le un si da è""",
    "nl": """het een van en dat niet zijn op te voor met ook aan er maar om bij nog uit wordt
        naar dan dit deze heeft werd als wel kan worden hun tot door zou geen meer
        hebben zij je ze ik was""",
    "id": """yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena
        tersebut bisa ada mereka lebih kata telah sudah saat oleh atau seperti bahwa
        kami kita menjadi hanya dapat""",
    "tr": """ve bir bu için ile çok daha olarak ama gibi olan kadar sonra değil ancak
        her şey göre ise veya""",
    "pl": """się nie jest że w z jak ale tak za od są przez może jego już lub tylko być
        było także oraz który która które""",
    "sv": """och att det som en är på av för med till den har inte om ett var jag han men
        sig från vid så kan hade eller när skulle""",
}

_WORDS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

#: (language or script name, compiled character class)
_SCRIPTS = (
    ("ko", re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")),
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("zh", re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("el", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
)
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")

#: share of tokens on the English list above which Latin-script text is English
ENGLISH_MIN_SHARE = 0.12
#: another language must reach this share, and beat English by this factor, to reject
OTHER_MIN_SHARE = 0.10
OTHER_OVER_ENGLISH = 1.5
#: fewer tokens than this and the function-word signal is noise
MIN_TOKENS = 12


@dataclass
class LanguageGuess:
    code: Optional[str]  # ISO 639-1, None when undecided
    confident: bool
    scores: dict[str, float]
    n_tokens: int

    @property
    def name(self) -> str:
        return LANGUAGE_NAMES.get(self.code or "", self.code or "an unknown language")

    @property
    def is_english(self) -> bool:
        return self.code == "en"


def detect(text: str) -> LanguageGuess:
    sample = text[:SAMPLE_CHARS]
    latin = len(_LATIN.findall(sample))
    script_counts = {name: len(rx.findall(sample)) for name, rx in _SCRIPTS}
    non_latin = sum(script_counts.values())
    if non_latin and non_latin > latin:
        # kana marks Japanese even where Han characters dominate
        if script_counts["ja"] and script_counts["ja"] >= 0.05 * non_latin:
            code = "ja"
        else:
            code = max(script_counts, key=script_counts.get)
        if code == "cyrillic":
            code = "uk" if re.search(r"[їєґі]", sample) else "ru"
        elif code == "arabic":
            code = "fa" if re.search(r"[پچژگی]", sample) else "ar"
        return LanguageGuess(code, non_latin >= 20, {}, non_latin)

    tokens = [t.lower() for t in _TOKEN.findall(sample)]
    n = len(tokens)
    if not n:
        return LanguageGuess(None, False, {}, 0)
    scores = {lang: sum(1 for t in tokens if t in words) / n for lang, words in _WORDS.items()}
    english = scores["en"]
    other = max((lang for lang in scores if lang != "en"), key=scores.get)
    confident = n >= MIN_TOKENS
    if english >= ENGLISH_MIN_SHARE and english * OTHER_OVER_ENGLISH >= scores[other]:
        return LanguageGuess("en", confident, scores, n)
    if scores[other] >= OTHER_MIN_SHARE and scores[other] >= english * OTHER_OVER_ENGLISH:
        return LanguageGuess(other, confident, scores, n)
    if english > 0.05 and english >= scores[other]:
        return LanguageGuess("en", False, scores, n)
    return LanguageGuess(None, False, scores, n)
