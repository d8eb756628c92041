#!/usr/bin/env python3
# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""Writes products.jsonl for the Brûlerie des Quais example store.

One row per variant: coffees by weight x grind, teas by weight, the moka pot
by capacity. Run from this directory: python3 make_products.py
"""
import json

GRINDS = ["beans", "espresso", "filter"]

# model, name, price 250 g, price 1 kg, origin, roast, intensity, notes,
# methods, organic, description, aliases (en, it)
COFFEES = [
    ("ethiopie", "Éthiopie Yirgacheffe", "11.90", "39.00", "ethiopia", "light", 2,
     ["floral", "fruity"], ["filter", "french_press"], True,
     "Café de hauts plateaux lavé, notes de jasmin et d'agrumes ; torréfaction claire, pour le filtre.",
     ["Ethiopia Yirgacheffe coffee", "caffè Etiopia Yirgacheffe"]),
    ("colombie", "Colombie Huila", "9.90", "32.00", "colombia", "medium", 3,
     ["caramel", "nutty"], ["espresso", "filter", "french_press", "moka"], False,
     "Doux et rond, caramel et noisette ; va avec toutes les méthodes.",
     ["Colombia Huila coffee", "caffè Colombia Huila"]),
    ("bresil", "Brésil Cerrado", "8.50", "27.00", "brazil", "medium", 4,
     ["chocolate", "nutty"], ["espresso", "moka"], False,
     "Corsé et peu acide, chocolat noir et cacahuète ; idéal en espresso et à la moka.",
     ["Brazil Cerrado coffee", "caffè Brasile Cerrado"]),
    ("guatemala", "Guatemala Antigua", "10.50", "35.00", "guatemala", "medium", 3,
     ["chocolate", "spicy"], ["espresso", "filter"], True,
     "Cacao et épices douces, cultivé sur sol volcanique.",
     ["Guatemala Antigua coffee", "caffè Guatemala Antigua"]),
    ("maison", "Mélange Espresso Maison", "7.90", "24.00", "blend", "dark", 5,
     ["chocolate", "caramel"], ["espresso", "moka"], False,
     "Notre assemblage Brésil-Inde, torréfaction foncée, crème épaisse.",
     ["house espresso blend", "miscela espresso della casa"]),
]

TEAS = [
    ("sencha", "Sencha Japon", "8.90", "19.90", "green", True, False,
     "Thé vert japonais, herbacé et iodé ; infuser 2 min à 70 °C.",
     ["Japanese sencha green tea", "tè verde Sencha giapponese"]),
    ("earlgrey", "Earl Grey Bergamote", "6.90", "14.90", "black", True, False,
     "Thé noir de Ceylan à la bergamote ; infuser 4 min à 95 °C.",
     ["Earl Grey black tea", "tè nero Earl Grey"]),
    ("menthe", "Thé vert à la menthe", "5.90", "12.90", "green", True, True,
     "Gunpowder de Chine et menthe nanah ; infuser 3 min à 80 °C.",
     ["mint green tea", "tè verde alla menta"]),
    ("rooibos", "Rooibos Vanille", "6.50", "13.90", "herbal", False, False,
     "Infusion sud-africaine sans théine, vanille douce ; infuser 5 min à 95 °C.",
     ["vanilla rooibos", "rooibos alla vaniglia"]),
    ("camomille", "Camomille bio", "5.50", "11.90", "herbal", False, True,
     "Fleurs de camomille entières, pour le soir ; infuser 5 min à 95 °C.",
     ["organic chamomile", "camomilla bio"]),
]

SOLD_OUT = {"ethiopie-1kg-beans", "decafe-250g-espresso", "sencha-250g"}
LOW = {"guatemala-1kg-filter": 2, "rooibos-100g": 3}


def row(id_, name, price, cats, stock, desc, attrs, aliases):
    return {"id": id_, "name": name, "brand": "Brûlerie des Quais", "price": price,
            "currency": "EUR", "categories": cats, "stock": stock,
            "description": desc, "attributes": attrs, "aliases": aliases}


def stock_of(id_, default):
    if id_ in SOLD_OUT:
        return 0
    return LOW.get(id_, default)


def main():
    rows = []
    for (model, name, p250, p1k, origin, roast, intensity, notes, methods, organic,
         desc, aliases) in COFFEES:
        for weight, price in (("250g", p250), ("1kg", p1k)):
            for grind in GRINDS:
                id_ = f"{model}-{weight}-{grind}"
                rows.append(row(id_, name, price, ["Café"], stock_of(id_, 12), desc, {
                    "model": model, "weight": weight, "grind": grind, "origin": origin,
                    "roast": roast, "intensity": intensity, "notes": notes,
                    "methods": methods, "organic": organic, "decaf": False,
                    "caffeine": True}, aliases))
    for grind in GRINDS:  # the decaf comes in 250 g only
        id_ = f"decafe-250g-{grind}"
        rows.append(row(id_, "Décaféiné Mexique", "9.50", ["Café"], stock_of(id_, 8),
                        "Décaféiné à l'eau (procédé Swiss Water), chocolat au lait ; pour le soir.",
                        {"model": "decafe", "weight": "250g", "grind": grind,
                         "origin": "mexico", "roast": "medium", "intensity": 2,
                         "notes": ["chocolate"],
                         "methods": ["espresso", "filter", "french_press", "moka"],
                         "organic": True, "decaf": True, "caffeine": False},
                        ["decaf coffee Mexico", "caffè decaffeinato Messico"]))
    for (model, name, p100, p250, kind, caffeine, organic, desc, aliases) in TEAS:
        for weight, price in (("100g", p100), ("250g", p250)):
            id_ = f"{model}-{weight}"
            rows.append(row(id_, name, price, ["Thé"], stock_of(id_, 15), desc, {
                "model": model, "weight": weight, "tea_type": kind, "caffeine": caffeine,
                "organic": organic, "decaf": not caffeine}, aliases))
    for cups, price in (("3", "29.00"), ("6", "39.00")):
        rows.append(row(f"moka-{cups}", "Cafetière italienne Alba", price, ["Matériel"], 6,
                        "Cafetière moka en aluminium, tous feux sauf induction.",
                        {"model": "moka", "capacity": f"{cups} tasses", "methods": ["moka"]},
                        ["Alba moka pot", "moka Alba"]))
    gear = [
        ("piston", "Cafetière à piston Clara 1 L", "34.00", 9,
         "Verre borosilicate et inox, 8 tasses.", ["french_press"],
         ["Clara French press", "caffettiera a pistone Clara"]),
        ("granito", "Moulin manuel Granito", "49.00", 7,
         "Meules coniques en céramique, 18 réglages, de l'espresso au piston.",
         ["espresso", "filter", "french_press", "moka"],
         ["Granito hand grinder", "macinacaffè manuale Granito"]),
        ("presto", "Moulin électrique Presto", "89.00", 4,
         "Meules plates en acier, 40 réglages, 150 W.",
         ["espresso", "filter", "french_press", "moka"],
         ["Presto electric grinder", "macinacaffè elettrico Presto"]),
        ("bouilloire", "Bouilloire col de cygne Héron", "69.00", 5,
         "1 L, température réglable de 40 à 100 °C, pour le filtre et le thé.",
         ["filter", "tea"], ["Héron gooseneck kettle", "bollitore a collo di cigno Héron"]),
        ("dripper", "Dripper V60 céramique", "24.00", 11,
         "Filtre conique pour 1 à 4 tasses.", ["filter"],
         ["V60 dripper", "dripper V60 in ceramica"]),
        ("filtres", "Filtres papier V60, 100 pièces", "6.50", 30,
         "Filtres blanchis à l'oxygène pour le dripper V60.", ["filter"],
         ["V60 paper filters", "filtri di carta V60"]),
        ("infuseur", "Infuseur à thé inox", "7.90", 25,
         "Boule à thé à maille fine, pour une tasse.", ["tea"],
         ["stainless tea infuser", "infusore per tè in acciaio"]),
        ("tasses", "Tasses espresso Nido, lot de 2", "18.00", 8,
         "Porcelaine épaisse, 80 ml.", ["espresso"],
         ["Nido espresso cups", "tazzine da espresso Nido"]),
    ]
    for model, name, price, stock, desc, methods, aliases in gear:
        rows.append(row(model, name, price, ["Matériel"], stock, desc,
                        {"model": model, "methods": methods}, aliases))
    rows.append(row("coffret-cafe", "Coffret découverte 3 cafés", "29.00", ["Coffrets"], 10,
                    "Éthiopie, Colombie et Brésil, 3 x 250 g en grains, dans une boîte kraft.",
                    {"model": "coffret-cafe"}, ["coffee discovery box", "cofanetto scoperta caffè"]))
    rows.append(row("coffret-the", "Coffret thés du monde", "24.00", ["Coffrets"], 10,
                    "Quatre thés de 50 g : Sencha, Earl Grey, menthe et rooibos.",
                    {"model": "coffret-the"}, ["world teas gift box", "cofanetto tè del mondo"]))
    with open("products.jsonl", "w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} rows")


if __name__ == "__main__":
    main()
