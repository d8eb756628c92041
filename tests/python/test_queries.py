# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""The engine's components asked directly: classify, entities, recommend and
the catalog, as tables of inputs and expected outputs (RE2's re2_test.py)."""

import pickle

import pytest

import chatcart

M = chatcart.Money.parse

# (text, language hint, intent, source, language understood)
CLASSIFY = [
    ("show my cart", None, "show_cart", "pattern", "en"),
    ("I want to talk to a person", None, "human", "pattern", "en"),
    ("voglio parlare con una persona", None, "human", "pattern", "it"),
    ("je veux parler à quelqu'un", None, "human", "pattern", "fr"),
    ("checkout", None, "checkout", "pattern", "en"),
    ("yes", "en", "yes", "classifier", "en"),
    ("I need a gift for my 6 year old", None, "find_gift", None, "en"),
]


@pytest.mark.parametrize("text,language,intent,source,understood", CLASSIFY)
def test_classify(engine, text, language, intent, source, understood):
    r = engine.classify(text, language)
    assert isinstance(r, chatcart.IntentResult)
    assert (r.intent, r.language, r.out_of_scope) == (intent, understood, False)
    if source is not None:
        assert r.source == source
    assert 0 < r.confidence <= 1


def test_classify_out_of_scope_and_bad_text(engine):
    for text, source in [("", "none"), ("🙂🙂", "none"), ("日本語のテキスト", None)]:
        r = engine.classify(text)
        assert r.out_of_scope and r.intent == "oos"
        if source is not None:
            assert r.source == source


# (text, language, [(type, text, value)])
ENTITIES = [
    ("two of those for my 6yo", "en", [("quantity", "two", 2), ("age", "6yo", 6)]),
    ("the second one", None, [("ordinal", "second one", 2)]),
    ("le troisième", "fr", [("ordinal", "troisième", 3)]),
    ("a red one in size M", None, [("colour", "red", "red"), ("size", "size M", "M")]),
    ("for an iPhone 5", None, [("compatibility", "iPhone 5", "iphone")]),
    ("anything from Brickville?", None, [("brand", "Brickville", "Brickville")]),
    ("is the Lumo CP-400 any good?", None, [("product", "Lumo CP-400", "pr-cp400")]),
    ("any photozen printers?", "en", [("model", "photozen", "PhotoZen")]),
    ("", None, []),
]


@pytest.mark.parametrize("text,language,expected", ENTITIES)
def test_entities(engine, text, language, expected):
    found = engine.entities(text, language)
    assert [(e.type, e.text, e.value) for e in found] == expected
    for e in found:
        assert text.encode()[e.start:e.end].decode() == e.text
        assert (e.products is not None) == (e.type == "model")
        if e.type == "model":
            assert e.products == 2  # the demo's two PhotoZen printers


# (text, language, kind, min, max)
BUDGETS = [
    ("between 20 and 30 euros", "en", "between", M("20", "EUR"), M("30", "EUR")),
    ("sotto i 50 euro", "it", "under", None, M("50", "EUR")),
    ("under $40", "en", "under", None, M("40", "USD")),
]


def test_entity_shapes(engine):
    [e] = engine.entities("nere o blu", "it")
    assert (e.type, e.value, e.values, e.either, e.negated) == (
        "colour", "black,blue", ["black", "blue"], True, False)
    [e] = engine.entities("not red", "en")
    assert (e.value, e.negated, e.text) == ("red", True, "not red")
    [e] = engine.entities("1/2", "en")
    assert (e.type, e.value, e.decimal) == ("number", 0, "0.5")
    [e] = engine.entities("nn piu di 200 euro", "it")
    assert (e.kind, e.max) == ("under", M("200", "EUR"))


@pytest.mark.parametrize("text,language,kind,low,high", BUDGETS)
def test_money_entities(engine, text, language, kind, low, high):
    [e] = engine.entities(text, language)
    assert (e.type, e.kind, e.min, e.max) == ("money", kind, low, high)


# (name, recommend kwargs, first pick ids or None, matches)
RECOMMEND = [
    ("printers_cheap_to_run",
     dict(where="category=Photo Printers", budget="300", prefer="cheap_to_run", top=2,
          contains_all={"compatible_with": ["iphone"]}),
     ["pr-tank3", "pr-cp400"], 4),
    ("toys_for_six_between",
     dict(where=["category=Toys"], age=6, budget=("10", "20"), top=3),
     ["toy-dough", "toy-fox", "toy-beads"], 3),
    ("budget_as_money",
     dict(where="category=Photo Printers", budget=M("300", "EUR"), prefer="cheap_to_run",
          top=2, contains_all={"compatible_with": ["iphone"]}),
     ["pr-tank3", "pr-cp400"], 4),
    ("nothing_fits", dict(where="category=Photo Printers", budget="50"), [], 0),
]


@pytest.mark.parametrize("name,kwargs,picks,matches", RECOMMEND, ids=[r[0] for r in RECOMMEND])
def test_recommend(engine, name, kwargs, picks, matches):
    rec = engine.recommend(**kwargs)
    assert isinstance(rec, chatcart.Recommendation)
    assert [p.id for p in rec.picks] == picks
    assert rec.matches == matches
    for p in rec.picks:
        assert p.reasons and all(r.text for r in p.reasons)
        assert 0 <= p.score <= 1
        assert abs(sum(t.contribution for t in p.breakdown) - p.score) < 1e-6
    if not picks:
        assert rec.explanation and rec.relaxations and rec.alternative == -1
    assert pickle.loads(pickle.dumps(rec)) == rec


def test_recommend_in_italian(engine):
    rec = engine.recommend(where="category=Photo Printers", budget="300", locale="it", top=2)
    assert rec.locale == "it"
    assert any("€" in r.text for r in rec.picks[0].reasons)


def test_recommend_ladder_and_probing_question(engine):
    rec = engine.recommend(where="category=Laptops", budget="1500", ladder="on")
    assert rec.ladder
    assert rec.picks[0].tier == "best"
    assert rec.picks[0].reasons[0].kind == "ladder"
    assert any(r.kind == "spec" for r in rec.picks[0].reasons)
    assert engine.recommend(where="category=Laptops", budget="1500", ladder="off").ladder is False
    rec = engine.recommend(where="category=Laptops", probe_at=3)
    assert rec.question is not None and rec.question.text.startswith("To narrow down the 4")
    assert sum(o.matches for o in rec.question.options) >= 2
    assert all(o.where for o in rec.question.options)
    assert pickle.loads(pickle.dumps(rec)) == rec
    assert engine.recommend(where="category=Laptops").question is None


# (recommend kwargs, exception)
BAD_RECOMMEND = [
    (dict(ladder="sometimes"), ValueError),
    (dict(probe_at=-1), ValueError),
    (dict(prefer="no_such_preference"), chatcart.InvalidArgumentError),
    (dict(budget=M("30", "USD")), chatcart.InvalidArgumentError),
    (dict(top=0), chatcart.InvalidArgumentError),
    (dict(where="no_such_field=1"), chatcart.InvalidArgumentError),
    (dict(reference="no-such-product"), chatcart.InvalidArgumentError),
    (dict(budget=30.5), TypeError),
    (dict(budget="thirty"), chatcart.InvalidArgumentError),
    (dict(budget={"most": "30"}), TypeError),
]


@pytest.mark.parametrize("kwargs,error", BAD_RECOMMEND)
def test_recommend_bad_input(engine, kwargs, error):
    with pytest.raises(error):
        engine.recommend(**kwargs)


# (text, first match id)
FIND = [
    ("lumo", "pr-cp400"),
    ("brickvile farm", "toy-farm"),  # a typo
    ("Titan 16", "lap-titan16"),
]


@pytest.mark.parametrize("text,first", FIND)
def test_catalog_find(engine, text, first):
    matches = engine.catalog.find(text, limit=3)
    assert matches[0].product.id == first
    assert 0 < matches[0].score <= 1
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


# (constraints, ids)
QUERY = [
    (["category=Laptops"], ["lap-nimbus13", "lap-aero14", "lap-aero15", "lap-titan16"]),
    (["category=Laptops", "price<=600 EUR"], ["lap-nimbus13", "lap-aero14"]),
    (["category=Laptops", "price>5000 EUR"], []),
]


@pytest.mark.parametrize("where,ids", QUERY)
def test_catalog_query(engine, where, ids):
    catalog = engine.catalog
    assert [p.id for p in catalog.query(*where)] == ids
    assert [p.id for p in catalog.query(where)] == ids
    assert catalog.count(*where) == len(ids)
    assert [p.id for p in catalog.query(*where, limit=1)] == ids[:1]


def test_catalog_product(engine):
    p = engine.catalog.product("toy-farm")
    assert (p.name, p.brand, p.price) == ("Brickville Junior Farm", "Brickville",
                                           M("24.99", "EUR"))
    assert p.category == "Toys > Building"
    assert engine.catalog["toy-farm"] == p
    with pytest.raises(chatcart.NotFoundError):
        engine.catalog.product("no-such-product")
    with pytest.raises(LookupError):  # NotFoundError is a LookupError too
        engine.catalog["no-such-product"]
    with pytest.raises(chatcart.InvalidArgumentError):
        engine.catalog.query("price<=lots")


def test_issue22_entity_text_from_ill_formed_bytes_reads_as_replacement(engine):
    # The text given as bytes may be ill-formed; an entity's text is its span
    # as typed, and the ill-formed byte reads as U+FFFD in a Python str.
    [e] = engine.entities(b"under 40\xff euros", "en")
    assert (e.type, e.start, e.end) == ("money", 0, 15)
    assert e.text == "under 40\ufffd euros"
