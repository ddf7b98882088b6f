"""Number words, scales, currencies, units and approximators for the quantities stage.

Everything here is a plain table compiled once per process into regular expressions
(``lexicon()``); the stage only runs those expressions and a few lookups.

Unit names (``Quantity.unit``) are short canonical codes:
  * currencies: ISO 4217 codes ("USD", "EUR", "GBP", "VES" for bolivars ...),
    plus "cent" and "penny" for sub-units;
  * percentages: "percent"; "percentage point"; "basis point"; "point";
  * measures: "km", "m", "mile", "nautical mile", "t" (metric or unspecified ton),
    "kg", "lb", "barrel", "l", "gallon", "degree", "celsius", "fahrenheit", ...;
  * durations: "second" .. "year", "year of age" ("a 50-year-old");
  * a rate is written with a slash: "barrel/day", "USD/month", "mile/hour".
``long_name(code)`` gives the spelled-out English name ("kilometre", "US dollar per
month"), which the NewsQuant scorer compares with that set's normalised units.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from sitrep.knowledge.timex import load_calendar

# -- numbers ----------------------------------------------------------------------------

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
#: multipliers that follow a number ("1.2 million", "$3bn", "fifteen thousand")
SCALE_WORDS = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "crore": 1e7,
}
#: abbreviated scales, case-sensitive where a lower-case letter would be ambiguous
SCALE_ABBREVIATIONS = {
    "bn": 1e9, "bln": 1e9, "billion": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "tn": 1e12,
    "trn": 1e12, "mil": 1e6, "b": 1e9, "k": 1e3, "K": 1e3, "B": 1e9, "M": 1e6,
}
FRACTION_WORDS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125,
                     "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6}
#: "dozens of people" -> (12, 120): NewsQuant's convention for vague plural multiples
VAGUE_MULTIPLES = {
    "dozens": (12, 120), "scores": (20, 200), "hundreds": (100, 1000), "thousands": (1e3, 1e4),
    "tens of thousands": (1e4, 1e5), "hundreds of thousands": (1e5, 1e6),
    "millions": (1e6, 1e7), "tens of millions": (1e7, 1e8), "hundreds of millions": (1e8, 1e9),
    "billions": (1e9, 1e10), "tens of billions": (1e10, 1e11),
}

# -- approximators (before the number) ---------------------------------------------------

#: surface -> approx code; longest match wins
APPROXIMATORS = {
    "over": "over", "more than": "over", "above": "over", "in excess of": "over",
    "upwards of": "over", "exceeding": "over", "greater than": "over", "higher than": "over",
    "well over": "over", "just over": "over", "nearly": "nearly", "almost": "nearly",
    "close to": "nearly", "just under": "nearly", "just shy of": "nearly",
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "approx.": "about", "about some": "about", "~": "about", "c.": "about",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "a minimum of": "at_least", "up to": "up_to", "as many as": "up_to", "as much as": "up_to",
    "as high as": "up_to", "fewer than": "under", "less than": "under", "under": "under",
    "below": "under", "lower than": "under", "at most": "at_most", "no more than": "at_most",
    "a maximum of": "at_most", "not more than": "at_most",
}
#: approx code -> NewsQuant "change" operator
APPROX_CHANGE = {"over": ">", "at_least": ">", "under": "<", "up_to": "<", "at_most": "<",
                 "nearly": "~", "about": "~", "vague": "="}

# -- currencies -------------------------------------------------------------------------

#: symbols / codes written before the number ("$6", "US$ 58.24", "HK$3", "EUR 5")
CURRENCY_PREFIXES = {
    "$": "USD", "$US": "USD", "US$": "USD", "S $": "SGD", "$NZ": "NZD", "$C": "CAD", "US $": "USD", "U.S.$": "USD", "USD": "USD", "USD$": "USD",
    "A$": "AUD", "AU$": "AUD", "AU $": "AUD", "AUD": "AUD", "$A": "AUD",
    "C$": "CAD", "CA$": "CAD", "CAD": "CAD", "HK$": "HKD", "HKD": "HKD",
    "NZ$": "NZD", "NZ $": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD", "R$": "BRL",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY",
    "CN¥": "CNY", "CNY": "CNY", "RMB": "CNY", "₹": "INR", "Rs": "INR", "Rs.": "INR",
    "INR": "INR", "RM": "MYR", "MYR": "MYR", "₽": "RUB", "RUB": "RUB", "₦": "NGN",
    "₺": "TRY", "₩": "KRW", "₪": "ILS", "NIS": "ILS", "CHF": "CHF", "Bs": "VES", "Bs.": "VES",
    "Bs.S": "VES", "Bs.F": "VEF", "ZAR": "ZAR", "₱": "PHP", "₫": "VND",
}
#: currency names written after the number ("2 billion dollars", "15 euros")
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD",
    "american dollars": "USD", "australian dollars": "AUD", "australian dollar": "AUD",
    "canadian dollars": "CAD", "canadian dollar": "CAD", "hong kong dollars": "HKD",
    "new zealand dollars": "NZD", "singapore dollars": "SGD",
    "euro": "EUR", "euros": "EUR", "pounds sterling": "GBP", "pound sterling": "GBP",
    "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "chinese yuan": "CNY", "renminbi": "CNY",
    "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
    "rubles": "RUB", "bolivar": "VES", "bolivars": "VES", "bolívar": "VES", "bolívares": "VES",
    "bolivares": "VES", "peso": "MXN", "pesos": "MXN", "shekel": "ILS", "shekels": "ILS",
    "ringgit": "MYR", "won": "KRW", "lira": "TRY", "liras": "TRY", "lire": "TRY",
    "swiss francs": "CHF", "francs": "CHF", "franc": "CHF", "krone": "DKK", "kroner": "DKK",
    "danish crowns": "DKK", "kronor": "SEK", "krona": "SEK", "rand": "ZAR", "naira": "NGN",
    "dinar": "IQD", "dinars": "IQD", "riyal": "SAR", "riyals": "SAR", "dirham": "AED",
    "dirhams": "AED", "hryvnia": "UAH", "hryvnias": "UAH", "rial": "IRR", "rials": "IRR",
    "afghanis": "AFN", "birr": "ETB", "shillings": "KES", "cedis": "GHS", "lari": "GEL",
    "kuna": "HRK", "bitcoin": "BTC", "bitcoins": "BTC",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "chf": "CHF",
    "aud": "AUD", "cad": "CAD", "rub": "RUB", "inr": "INR", "ves": "VES",
    "cent": "cent", "cents": "cent", "pence": "penny", "penny": "penny", "p": "penny",
    "sen": "sen",
}
CURRENCY_NAMES = {
    "USD": "US dollar", "AUD": "australian dollar", "CAD": "canadian dollar",
    "HKD": "hong kong dollar", "NZD": "new zealand dollar", "SGD": "singapore dollar",
    "BRL": "brazilian real", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen",
    "CNY": "chinese yuan", "INR": "indian rupee", "MYR": "malaysian ringgit",
    "RUB": "russian ruble", "NGN": "nigerian naira", "TRY": "turkish lira",
    "KRW": "south korean won", "ILS": "shekel", "CHF": "swiss franc", "VES": "bolivar",
    "VEF": "bolivar fuerte", "ZAR": "south african rand", "PHP": "philippine peso",
    "VND": "vietnamese dong", "MXN": "peso", "DKK": "danish krone", "SEK": "swedish krona",
    "IQD": "dinar", "SAR": "saudi riyal", "AED": "uae dirham", "UAH": "ukrainian hryvnia",
    "IRR": "iranian rial", "AFN": "afghani", "ETB": "ethiopian birr", "KES": "shilling",
    "GHS": "ghanaian cedi", "GEL": "georgian lari", "HRK": "croatian kuna", "BTC": "bitcoin",
    "cent": "cent", "penny": "penny", "sen": "sen",
}

# -- physical and other units (after the number) -----------------------------------------

#: canonical code -> (long name, case-insensitive word aliases, case-sensitive abbreviations)
UNIT_TABLE: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "percent": ("percentage", ("percent", "per cent", "pct", "per-cent"), ("%", "pc")),
    "percentage point": ("percentage point", ("percentage points", "percentage point",
                                              "percent points"), ("ppt", "pp")),
    "basis point": ("basis point", ("basis points", "basis point"), ("bps", "bp")),
    "point": ("point", ("points", "point"), ("pts",)),
    "km": ("kilometre", ("kilometres", "kilometers", "kilometre", "kilometer"), ("km",)),
    "m": ("metre", ("metres", "meters", "metre", "meter"), ("m",)),
    "cm": ("centimetre", ("centimetres", "centimeters", "centimetre", "centimeter"), ("cm",)),
    "mm": ("millimetre", ("millimetres", "millimeters", "millimetre", "millimeter"), ("mm",)),
    "nm_length": ("nanometre", ("nanometres", "nanometers", "nanometre", "nanometer"), ("nm",)),
    "µm": ("micrometre", ("micrometres", "micrometers", "microns", "micron"), ("μm", "µm")),
    "mile": ("mile", ("miles", "mile"), ("mi",)),
    "nautical mile": ("nautical mile", ("nautical miles", "nautical mile"), ("NM", "nmi")),
    "yard": ("yard", ("yards", "yard"), ("yd", "yds")),
    "foot": ("foot", ("feet", "foot"), ("ft",)),
    "inch": ("inch", ("inches", "inch"), ()),
    "km2": ("square kilometre", ("square kilometres", "square kilometers", "square kilometre",
                                 "square kilometer", "sq km"), ("km2", "km²")),
    "m2": ("square metre", ("square metres", "square meters", "square metre", "square meter",
                            "sq m", "sqm"), ("m2", "m²")),
    "sq mile": ("square mile", ("square miles", "square mile", "sq miles"), ()),
    "sq ft": ("square foot", ("square feet", "square foot", "sq ft"), ()),
    "hectare": ("hectare", ("hectares", "hectare"), ("ha",)),
    "acre": ("acre", ("acres", "acre"), ()),
    "t": ("metric ton", ("tonnes", "tonne", "tons", "ton", "metric tons", "metric tonnes"), ()),
    "kt": ("kiloton", ("kilotons", "kilotonnes", "kiloton"), ()),
    "Gt": ("gigaton", ("gigatonnes", "gigatons", "gigatonne", "gigaton"), ("Gt",)),
    "kg": ("kilogram", ("kilograms", "kilogrammes", "kilogram", "kilos", "kilo"), ("kg", "kgs")),
    "g": ("gram", ("grams", "grammes", "gram"), ("g",)),
    "mg": ("milligram", ("milligrams", "milligram"), ("mg",)),
    "lb": ("pound-mass", ("pounds", "pound"), ("lb", "lbs")),
    "oz": ("ounce", ("ounces", "ounce"), ("oz",)),
    "barrel": ("barrel", ("barrels", "barrel"), ("bbl", "bbls")),
    "l": ("litre", ("litres", "liters", "litre", "liter"), ("l", "L")),
    "ml": ("millilitre", ("millilitres", "milliliters", "millilitre", "milliliter"), ("ml", "mL")),
    "gallon": ("gallon", ("gallons", "gallon"), ("gal",)),
    "m3": ("cubic metre", ("cubic metres", "cubic meters", "cubic metre", "cubic meter"),
           ("m3", "m³")),
    "bcm": ("billion cubic metre", ("billion cubic metres", "billion cubic meters"), ("bcm",)),
    "barrel/day": ("barrel per day", ("barrels per day", "barrels a day", "barrel-a-day",
                                      "barrels-a-day"), ("bpd", "b/d", "bbl/d")),
    "mile/hour": ("mile per hour", ("miles per hour", "miles an hour", "mile per hour", "m.p.h."),
                  ("mph",)),
    "km/hour": ("kilometre per hour", ("kilometres per hour", "kilometers per hour",
                                       "kilometres an hour", "kilometers an hour"),
                ("km/h", "km/hr", "kph", "kmh", "kmph")),
    "m/second": ("metre per second", ("metres per second", "meters per second"), ("m/s",)),
    "knot": ("knot", ("knots", "knot"), ()),
    "mile/gallon": ("mile per gallon", ("miles per gallon",), ("mpg",)),
    "celsius": ("celsius", ("degrees celsius", "degrees centigrade", "degree celsius",
                            "celsius", "centigrade", "degrees c", "degree c"), ("°C", "ºC", "C°")),
    "fahrenheit": ("fahrenheit", ("degrees fahrenheit", "degree fahrenheit", "fahrenheit",
                                  "degrees f", "degree f"), ("°F", "ºF", "degF", "F°")),
    "degree": ("degree", ("degrees", "degree"), ("°", "º")),
    "W": ("watt", ("watts", "watt"), ("W",)),
    "kW": ("kilowatt", ("kilowatts", "kilowatt"), ("kW", "KW")),
    "MW": ("megawatt", ("megawatts", "megawatt"), ("MW",)),
    "GW": ("gigawatt", ("gigawatts", "gigawatt"), ("GW",)),
    "kWh": ("kilowatt hour", ("kilowatt hours", "kilowatt-hours", "kilowatt hour",
                              "kilowatt-hour"), ("kWh", "KWh")),
    "MWh": ("megawatt hour", ("megawatt hours", "megawatt-hours"), ("MWh",)),
    "GWh": ("gigawatt hour", ("gigawatt hours", "gigawatt-hours"), ("GWh",)),
    "TWh": ("terawatt hour", ("terawatt hours", "terawatt-hours"), ("TWh",)),
    "hp": ("horsepower", ("horsepower", "horse power"), ("hp", "HP", "PS")),
    "bhp": ("brake horsepower", ("brake horsepower",), ("bhp",)),
    "Nm": ("newton metre", ("newton metres", "newton meters"), ("Nm",)),
    "lb-ft": ("pound-foot", ("pound-feet", "pound feet", "lb-ft"), ("lb-ft", "lb ft")),
    "rpm": ("revolutions per minute", ("revolutions per minute",), ("rpm", "RPM")),
    "Hz": ("hertz", ("hertz",), ("Hz", "HZ", "hz")),
    "kHz": ("kilohertz", ("kilohertz",), ("kHz", "KHz")),
    "MHz": ("megahertz", ("megahertz",), ("MHz",)),
    "GHz": ("gigahertz", ("gigahertz",), ("GHz", "Ghz")),
    "KB": ("kilobyte", ("kilobytes",), ("KB", "kB")),
    "MB": ("megabyte", ("megabytes",), ("MB",)),
    "GB": ("gigabyte", ("gigabytes",), ("GB",)),
    "TB": ("terabyte", ("terabytes",), ("TB",)),
    "Mbps": ("megabit per second", ("megabits per second",), ("Mbps", "Mb/s")),
    "Gbps": ("gigabit per second", ("gigabits per second",), ("Gbps", "Gb/s")),
    "mAh": ("milliampere-hour", ("milliampere-hours",), ("mAh",)),
    "V": ("volt", ("volts", "volt"), ("V",)),
    "kV": ("kilovolt", ("kilovolts", "kilovolt"), ("kV",)),
    "ppm": ("part per million", ("parts per million",), ("ppm",)),
    "ppb": ("parts-per-billion", ("parts per billion",), ("ppb",)),
    "dB": ("decibel", ("decibels", "decibel"), ("dB",)),
    "GPa": ("gigapascal", ("gigapascals", "gigapascal"), ("GPa",)),
    "MPa": ("megapascal", ("megapascals", "megapascal"), ("MPa",)),
    "ksi": ("kilopound per square inch", (), ("ksi",)),
    "calorie": ("calorie", ("calories", "kilocalories", "calorie"), ("kcal",)),
    "second": ("second", ("seconds", "second", "secs"), ()),
    "minute": ("minute", ("minutes", "minute", "mins"), ("min",)),
    "hour": ("hour", ("hours", "hour", "hrs"), ()),
    "day": ("day", ("days", "day"), ()),
    "week": ("week", ("weeks", "week"), ()),
    "month": ("month", ("months", "month"), ()),
    "year": ("year", ("years", "year"), ()),
    "decade": ("decade", ("decades", "decade"), ()),
    "century": ("century", ("centuries", "century"), ()),
    "year of age": ("year of age", ("years old", "year old", "year-old", "years-old",
                                    "-year-old", "-years-old"), ()),
    "month of age": ("month of age", ("months old", "month-old", "-month-old"), ()),
    "week of age": ("week of age", ("weeks old", "week-old", "-week-old"), ()),
    "day of age": ("day of age", ("days old", "day-old", "-day-old"), ()),
}

#: rate words after a unit or counted noun: "900,000 barrels of oil daily" -> "/day"
RATES = {
    "a day": "day", "per day": "day", "each day": "day", "every day": "day", "daily": "day",
    "a-day": "day", "a week": "week", "per week": "week", "weekly": "week", "each week": "week",
    "a month": "month", "per month": "month", "monthly": "month", "each month": "month",
    "a year": "year", "per year": "year", "annually": "year", "yearly": "year",
    "each year": "year", "per annum": "year", "a-year": "year",
    "an hour": "hour", "per hour": "hour", "a minute": "minute", "per minute": "minute",
    "a second": "second", "per second": "second", "a share": "share", "per share": "share",
    "a barrel": "barrel", "per barrel": "barrel", "a gallon": "gallon", "per gallon": "gallon",
    "per gram": "gram", "a gram": "gram", "per capita": "capita", "per person": "person",
    "a head": "person", "per square foot": "sq ft", "a square foot": "sq ft",
    "per tonne": "t", "a tonne": "t", "per ton": "t", "a ton": "t", "per game": "game",
    "a game": "game", "per mmbtu": "mmBTU",
}

#: units whose noun takes an "of" phrase naming the stuff measured ("barrels of oil")
OF_TAKING_UNITS = {"barrel", "barrel/day", "t", "kt", "kg", "g", "lb", "oz", "l", "gallon",
                   "m3", "bcm", "hectare", "acre", "km2", "sq mile", "m2", "sq ft", "mile",
                   "km", "MW", "GW", "kWh", "MWh", "GWh", "TWh", "Gt", "ml", "USD", "EUR",
                   "GBP", "percent", "ton"}

#: the word before "2010 to 15" that makes the first number a year ("in 2010 to 15 ...")
YEAR_RANGE_PREPOSITIONS = frozenset({"in", "since", "by", "of", "during", "until", "from"})
#: the word before "5 to 10" that makes "to 10" a target, not the end of a range
#: ("rose by 5 to 10 percent")
CHANGE_PREPOSITIONS = frozenset({"by", "to"})
#: range dashes ("10-15", "10–15")
RANGE_DASHES = frozenset({"-", "\u2013", "\u2014"})
#: words after "37m" that make the "m" metres, not million ("a 37m high wall")
METRE_FOLLOWERS = ("long", "high", "tall", "wide", "deep", "away", "above", "below", "sprint",
                   "race", "from")
#: dollar currencies whose amount may still be followed by a unit ("$5 a barrel", "$3 US")
DOLLAR_CURRENCIES = frozenset({"USD", "AUD", "CAD", "HKD", "NZD", "SGD"})

#: month names and abbreviations: a number beside one is a date, not an amount (the
#: calendar table of the times stage, knowledge/data/timex/months.tsv -- one list)
MONTHS = tuple(load_calendar().months)

#: capitalised words before a number that make it a name or label, not an amount
LABEL_WORDS = {
    "section", "article", "row", "route", "highway", "flight", "chapter", "resolution",
    "room", "page", "phase", "level", "title", "no", "no.", "nos", "number", "apollo",
    "windows", "iphone", "galaxy", "model", "game", "round", "stage", "grade", "class",
    "rule", "paragraph", "clause", "item", "line", "platform", "gate", "terminal", "unit",
    "block", "building", "district", "ward", "precinct", "zone", "sector", "area", "exit",
    "interstate", "state road", "channel", "episode", "season", "volume", "vol", "vol.",
    "issue", "version", "act", "bill", "amendment", "covid", "covid-", "mh", "ps", "xbox",
    "boeing", "airbus", "su", "mig", "f", "t", "type", "mark", "mk", "g", "big", "top",
    "week", "day", "tier", "division", "league", "formula", "camp", "fort", "base", "sec.",
    "art.", "para", "p.", "pp.", "fig.", "table", "step", "figure", "lot", "box",
}


def long_name(code: str | None) -> str | None:
    """Spelled-out name of a unit code; rates become "<unit> per <unit>"."""
    if code is None:
        return None
    if "/" in code and code not in UNIT_TABLE:
        base, _, per = code.partition("/")
        return f"{long_name(base)} per {long_name(per)}"
    if code in UNIT_TABLE:
        return UNIT_TABLE[code][0]
    if code in CURRENCY_NAMES:
        return CURRENCY_NAMES[code]
    return code


def _alternation(words, flags_insensitive: bool) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return f"(?i:{body})" if flags_insensitive else f"(?:{body})"


@dataclass(frozen=True)
class Lexicon:
    """Compiled expressions and lookups shared by every call of the stage."""
    unit_alias: dict[str, str]  # lower-cased word alias or exact abbreviation -> code
    currency_prefix: dict[str, str]
    currency_word: dict[str, str]
    approx: dict[str, str]
    rates: dict[str, str]
    quantity_re: re.Pattern
    approx_before_re: re.Pattern
    unit_after_re: re.Pattern
    rate_after_re: re.Pattern
    vague_re: re.Pattern


def _normalise_key(surface: str) -> str:
    return re.sub(r"\s+", " ", surface)


def unit_code(surface: str, lex: "Lexicon") -> str | None:
    """Code of a unit surface matched by ``unit_after_re`` (exact abbreviation first)."""
    key = _normalise_key(surface)
    if key in lex.unit_alias:
        return lex.unit_alias[key]
    low = key.lower()
    if low in lex.currency_word:
        return lex.currency_word[low]
    return lex.unit_alias.get(low)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    unit_alias: dict[str, str] = {}
    words: list[str] = []
    abbreviations: list[str] = []
    for code, (_, aliases, abbrs) in UNIT_TABLE.items():
        canonical = "nm" if code == "nm_length" else code
        for a in aliases:
            unit_alias.setdefault(a.lower(), canonical)
            words.append(a)
        for a in abbrs:
            unit_alias.setdefault(a, canonical)
            abbreviations.append(a)
    currency_words = {k.lower(): v for k, v in CURRENCY_WORDS.items()}
    words.extend(w for w in currency_words if w != "p")
    abbreviations.append("p")

    number_word = _alternation(list(UNITS_WORDS) + list(TENS_WORDS), True) + r"\b"
    scale_word = _alternation(SCALE_WORDS, True) + r"\b"
    # a spelled-out number: "fifteen", "twenty-five", "fifteen thousand", "a dozen",
    # "two hundred and fifty"
    tail = rf"(?:(?:[\s-]+|\s+and\s+)(?:{number_word}|{scale_word}|(?i:dozen))\b)*"
    spelled = (rf"(?:(?:{number_word}){tail}"
               rf"|(?i:an?)\s+(?:{scale_word}|(?i:dozen)){tail})")
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?![\d,.])|\d+)(?:\.\d+)?|\.\d+"
    fractions = "".join(UNICODE_FRACTIONS)
    numeral = (rf"(?:[-−–](?=[\d.]))?(?:(?:{digits})(?:\s?[{fractions}])?|[{fractions}])"
               rf"(?:(?:\s?/\s?)\d+(?![\d.,]))?")
    scale = (rf"(?:(?:\s*{scale_word})+"
             rf"|\s?{_alternation(['bn', 'bln', 'mn', 'mln', 'mil', 'tn', 'trn'], True)}"
             rf"|(?:{_alternation(['m', 'k', 'K', 'B', 'M', 'b'], False)}))(?![\w])")
    prefix_map = dict(CURRENCY_PREFIXES)
    for key, code in CURRENCY_PREFIXES.items():
        if len(key) > 1 and key.endswith("$") and " " not in key:
            prefix_map.setdefault(key[:-1] + " $", code)  # "HK $3.7 billion"
    prefixes = sorted(prefix_map, key=len, reverse=True)
    currency = "|".join(re.escape(p).replace(r"\ ", r"\s?") for p in prefixes)
    number = (rf"(?:(?P<cur>{currency})\s?)?"
              rf"(?P<num>{numeral}|{spelled}|(?i:half))"
              rf"(?P<scale>{scale})?")
    number2 = (rf"(?:(?P<cur2>{currency})\s?)?"
               rf"(?P<num2>{numeral}|{spelled})(?P<scale2>{scale})?")
    range_sep = r"(?:[-–—]|\s[-–—]\s|\s+(?i:to|and|through|or\s+so\s+to)\s+)"
    quantity = (rf"(?:(?<=minus-)|(?<=sub-)|(?<![\w$€£¥.,/:#@-])(?<![\w]-))(?:(?P<between>(?i:between|from)\s+))?{number}"
                rf"(?:(?P<sep>{range_sep}){number2})?(?![:\d]|[.,]\d|-\d)")

    approx_body = _alternation(APPROXIMATORS, True)
    approx_before = re.compile(rf"(?:^|(?<=[\s(\"'“]))(?P<approx>{approx_body})\s*$")
    unit_words = _alternation(words, True)
    unit_abbr = _alternation(abbreviations, False)
    unit_after = re.compile(rf"(?P<sp>[\s-]?)(?P<unit>{unit_words}|{unit_abbr})(?![\w²³])")
    rate_after = re.compile(rf"\s*(?P<rate>{_alternation(RATES, True)})(?![\w])"
                            r"(?!\s+(?:earlier|ago|before|later|previously|prior)\b)")
    vague_re = re.compile(
        rf"(?<![\w])(?P<vague>{_alternation(VAGUE_MULTIPLES, True)})\s+of\b")
    return Lexicon(
        unit_alias=unit_alias,
        currency_prefix={_normalise_key(k): v for k, v in prefix_map.items()},
        currency_word=currency_words,
        approx={k.lower(): v for k, v in APPROXIMATORS.items()},
        rates={k.lower(): v for k, v in RATES.items()},
        quantity_re=re.compile(quantity),
        approx_before_re=approx_before,
        unit_after_re=unit_after,
        rate_after_re=rate_after,
        vague_re=vague_re,
    )


def spelled_value(words: str) -> float | None:
    """Value of a spelled-out number: "fifteen thousand" -> 15000, "a dozen" -> 12."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if not tokens:
        return None
    if tokens[0] in ("a", "an"):
        tokens[0] = "one"
    total, current, seen = 0.0, 0.0, False
    for t in tokens:
        if t in UNITS_WORDS:
            current += UNITS_WORDS[t]
        elif t in TENS_WORDS:
            current += TENS_WORDS[t]
        elif t == "dozen":
            current = (current or 1) * 12
        elif t == "half":
            current += 0.5
        elif t == "hundred":
            current = (current or 1) * 100
        elif t in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[t]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def numeral_value(text: str) -> float | None:
    """Value of a written numeral: "15,000", "−3.5", "2½", "1/2", "12 500"."""
    t = text.replace("−", "-").replace("–", "-").replace(",", "")
    t = t.replace("\u00a0", "").replace("\u202f", "").replace("\u2009", "").replace(" ", "")
    sign = -1.0 if t.startswith("-") else 1.0
    t = t.lstrip("-")
    frac = 0.0
    if t and t[-1] in UNICODE_FRACTIONS:
        frac = UNICODE_FRACTIONS[t[-1]]
        t = t[:-1]
    if "/" in t:
        num, _, den = t.partition("/")
        try:
            return sign * float(num) / float(den) if float(den) else None
        except ValueError:
            return None
    try:
        base = float(t) if t else 0.0
    except ValueError:
        return None
    return sign * (base + frac)
