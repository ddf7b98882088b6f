"""Quantities stage: values, units, counted nouns, approximators, ranges, and what is not
a quantity. Sentences are written for these tests."""
import pytest

from sitrep.knowledge.units import long_name, numeral_value, spelled_value
from sitrep.model import Article, Document
from sitrep.stages import quantities


@pytest.fixture(scope="module")
def run(kb):
    def _run(text):
        doc = Document(article=Article(id="t", text=text))
        doc.nlp = kb.nlp(text)
        quantities.run(doc, kb)
        for q in doc.quantities:
            assert text[q.span[0]:q.span[1]] == q.text
            if q.counted_span is not None:
                assert text[q.counted_span[0]:q.counted_span[1]] == q.counted
        return doc.quantities
    return _run


def one(found, value):
    hits = [q for q in found if q.value == pytest.approx(value)]
    assert len(hits) == 1, f"expected one quantity of {value}, got {found}"
    return hits[0]


def test_thousands_separator_and_counted_noun(run):
    q = one(run("The army massed 15,000 soldiers near the border."), 15000)
    assert q.text == "15,000"
    assert q.counted == "soldiers"
    assert q.unit is None and q.approx is None


def test_barrels_of_oil_daily_is_a_rate(run):
    q = one(run("Venezuela pumped 900,000 barrels of oil daily last year."), 900000)
    assert q.unit == "barrel/day"
    assert q.counted == "barrels of oil"
    assert long_name(q.unit) == "barrel per day"


def test_bpd_abbreviation(run):
    q = one(run("Output fell to 700,000 bpd in March."), 700000)
    assert q.unit == "barrel/day"


def test_over_approximator(run):
    q = one(run("Over 100 people were detained."), 100)
    assert q.approx == "over"
    assert q.counted == "people"
    assert q.text == "Over 100"


@pytest.mark.parametrize("phrase,code", [
    ("more than 40 ships", "over"), ("at least 12 boats", "at_least"), ("nearly 300 families", "nearly"),
    ("about 50 trucks", "about"), ("around 60 tanks", "about"), ("up to 90 drones", "up_to"),
    ("some 200 fighters", "about"), ("almost 70 villages", "nearly"), ("roughly 80 aircraft", "about"),
    ("fewer than 30 journalists", "under"),
])
def test_approximators(run, phrase, code):
    found = run(f"Officials said {phrase} were involved.")
    assert len(found) == 1
    assert found[0].approx == code
    assert found[0].text.lower().startswith(phrase.split()[0])


def test_percentages(run):
    found = run("Inflation reached 0.8% in May, 8 percent in June and eight per cent in July.")
    values = sorted(q.value for q in found)
    assert values == [0.8, 8.0, 8.0]
    assert all(q.unit == "percent" for q in found)


def test_money_with_scale(run):
    q = one(run("The loan is worth $1.5 billion."), 1.5e9)
    assert q.unit == "USD"
    assert q.text == "$1.5 billion"
    assert one(run("They pledged €3bn."), 3e9).unit == "EUR"
    assert one(run("It cost £20m to build."), 2e7).unit == "GBP"
    assert one(run("They paid 2 billion dollars for it."), 2e9).unit == "USD"
    assert one(run("A meal costs 450,000 bolivars now."), 450000).unit == "VES"
    assert one(run("The price was US$ 58.24 per barrel."), 58.24).unit == "USD/barrel"


def test_ranges(run):
    q = one(run("Between 10 and 15 boats were seen."), 10)
    assert q.value_high == 15 and q.counted == "boats"
    q = one(run("Witnesses counted 10-15 vehicles."), 10)
    assert q.value_high == 15
    q = one(run("The convoy stretched 10 to 15 km."), 10)
    assert q.value_high == 15 and q.unit == "km"
    q = one(run("Fees range from 1 per cent to 1.5 per cent."), 1)
    assert q.value_high == 1.5 and q.unit == "percent"
    q = one(run("Estimates run from four to five thousand people."), 4000)
    assert q.value_high == 5000


def test_change_by_to_is_not_a_range(run):
    found = run("The deficit increased by $43.6 billion to $419.2 billion.")
    assert sorted(q.value for q in found) == [43.6e9, 419.2e9]
    assert all(q.value_high is None for q in found)


def test_number_words(run):
    assert one(run("Fifteen thousand troops crossed."), 15000).counted == "troops"
    q = one(run("A dozen vessels were spotted."), 12)
    assert q.counted == "vessels"
    assert one(run("They lost twenty-five tanks."), 25).counted == "tanks"


def test_vague_multiples(run):
    q = one(run("Hundreds of people fled the town."), 100)
    assert q.value_high == 1000 and q.approx == "vague" and q.counted == "people"
    q = one(run("Tens of thousands of refugees crossed."), 10000)
    assert q.value_high == 100000


@pytest.mark.parametrize("text, value", [
    ("One-fifth of the budget went to repairs.", 0.2),  # singular parts: no plural word anchors them
    ("The mayor won one tenth of the vote.", 0.1),
    ("Two-thirds of the wells ran dry.", 2 / 3),
    ("Only one in five clinics reopened.", 0.2),
])
def test_spelled_fractions(run, text, value):
    q = one(run(text), value)
    assert q.unit == "fraction"


def test_units(run):
    assert one(run("The ship was 12 nautical miles offshore."), 12).unit == "nautical mile"
    assert one(run("Winds of 120 mph hit the coast."), 120).unit == "mile/hour"
    assert one(run("It sailed at 14 knots."), 14).unit == "knot"
    assert one(run("They seized 3 tons of cocaine."), 3).unit == "t"
    assert one(run("Police found 25 kg of explosives."), 25).unit == "kg"
    assert one(run("Temperatures hit 45 degrees Celsius."), 45).unit == "celsius"
    assert one(run("The front moved 30 miles."), 30).unit == "mile"
    assert one(run("A 10km exclusion zone."), 10).unit == "km"


def test_ages(run):
    q = one(run("A 50-year-old man was arrested."), 50)
    assert q.unit == "year of age"


@pytest.mark.parametrize("text", [
    "The talks began in 2013.",
    "The ceasefire started on January 3.",
    "Congress debated the 22nd Amendment.",
    "They met at 12:12 in the lobby.",
    "The clause is in Section 427 of the law.",
    "Call 555-123-4567 for details.",
    "The report was dated 3/4/2020.",
    "He finished 2nd in the race.",
    "The S&P 500 and the iPhone 11 were mentioned.",
    "The 1988 horror film was remade.",
])
def test_not_quantities(run, text):
    assert run(text) == []


def test_year_with_plural_noun_is_a_count(run):
    assert one(run("About 2000 people marched."), 2000).counted == "people"


def test_empty_and_no_numbers(run):
    assert run("") == []
    assert run("No figures were given by anyone.") == []
    assert quantities.extract("", None) == []


def test_odd_unicode(run):
    q = one(run("Prices rose by 12\u00a0500 rubles."), 12500)
    assert q.unit == "RUB"
    q = one(run("Temperatures fell to \u22123 degrees overnight."), -3)
    assert q.unit == "degree"
    q = one(run("The road is \u00bd mile long."), 0.5)
    assert q.unit == "mile"
    assert one(run("It weighed 2\u00bd tons."), 2.5).unit == "t"


def test_all_caps_and_long_sentence(run):
    found = run("OVER 100 PEOPLE WERE KILLED AND 15,000 SOLDIERS MOVED IN.")
    assert {q.value for q in found} >= {100, 15000}
    long_text = " and ".join(f"{i + 1} trucks" for i in range(400)) + "."
    found = run(long_text)
    assert len(found) == 400


def test_without_spacy_doc_values_still_found():
    found = quantities.extract("Over 100 people and $1.5 billion.", None)
    assert [q.value for q in found] == [100, 1.5e9]
    assert found[0].counted is None


def test_number_parsers():
    assert numeral_value("15,000") == 15000
    assert numeral_value("\u22123.5") == -3.5
    assert numeral_value("2\u00bd") == 2.5
    assert spelled_value("two hundred and fifty") == 250
    assert spelled_value("fifteen thousand") == 15000
    assert spelled_value("a dozen") == 12


def test_unit_shared_across_or(run):
    found = run("A meal costs eight or nine euros.")
    assert [(q.value, q.unit) for q in found] == [(8, "EUR"), (9, "EUR")]


def test_million_abbreviation_and_metres(run):
    assert one(run("Some 5m people were displaced."), 5e6).counted == "people"
    assert one(run("A 37m (121ft) wall collapsed."), 37).unit == "m"
