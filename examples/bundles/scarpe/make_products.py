#!/usr/bin/env python3
"""Writes products.jsonl for the scarpe bundle: one JSON row per variant.

Every model (name) comes in colours and sizes; each colour x size is one row
with its own id ("corsa-black-42"), its stock and the model's price. The
mapping (products.mapping.textproto) groups rows by name and tells variants
apart by colour and size. Run from this directory: python3 make_products.py
"""
import json

WOMEN = [str(s) for s in range(36, 42)]      # 36..41
MEN = [str(s) for s in range(40, 47)]        # 40..46
UNISEX = [str(s) for s in range(37, 46)]     # 37..45
CLOTHES = ["S", "M", "L", "XL"]
ONE = ["unica"]

# id, name, brand, category path, style, gender, price, colours, sizes,
# material, extra attributes, description
MODELS = [
    # Sneakers
    ("corsa", "Sneaker Corsa", "Passo", ["Scarpe", "Sneakers"], "sneakers", "unisex", "89.00",
     ["black", "white", "blue"], UNISEX, "mesh", {"weight_g": 290},
     "Sneaker leggera in rete traspirante con suola in gomma, per tutti i giorni."),
    ("corsa-lite", "Sneaker Corsa Lite", "Passo", ["Scarpe", "Sneakers"], "sneakers", "women", "69.00",
     ["white", "pink"], WOMEN, "mesh", {"weight_g": 210},
     "La Corsa più leggera, pensata per il piede femminile."),
    ("strada", "Sneaker Strada Retro", "Riva", ["Scarpe", "Sneakers"], "sneakers", "men", "109.00",
     ["white", "green"], MEN, "leather", {"weight_g": 420},
     "Sneaker anni '80 in pelle con inserti scamosciati."),
    ("nuvola", "Scarpa da corsa Nuvola", "Vento", ["Scarpe", "Sneakers"], "sneakers", "unisex", "119.00",
     ["black", "grey", "blue"], UNISEX, "mesh", {"weight_g": 250},
     "Running ammortizzata per allenamenti fino alla mezza maratona."),
    ("tela", "Sneaker in tela Classica", "Riva", ["Scarpe", "Sneakers"], "sneakers", "unisex", "49.00",
     ["white", "red", "blue"], UNISEX, "canvas", {"weight_g": 340},
     "La tela di sempre, bassa, con punta in gomma."),
    ("tela-alta", "Sneaker in tela Alta", "Riva", ["Scarpe", "Sneakers"], "sneakers", "unisex", "55.00",
     ["black", "white"], UNISEX, "canvas", {"weight_g": 380},
     "Modello alto alla caviglia, in tela robusta."),
    ("campo", "Sneaker Campo in pelle", "Passo", ["Scarpe", "Sneakers"], "sneakers", "men", "79.00",
     ["white", "black"], MEN, "leather", {"weight_g": 400},
     "Sneaker minimal in pelle liscia, suola cucita."),
    ("vela", "Sneaker Vela", "Vento", ["Scarpe", "Sneakers"], "sneakers", "women", "99.00",
     ["white", "beige"], WOMEN, "leather", {"weight_g": 300},
     "Sneaker da donna con platform di 3 cm."),
    ("scatto", "Scarpa da corsa Scatto", "Vento", ["Scarpe", "Sneakers"], "sneakers", "men", "139.00",
     ["black", "orange"], MEN, "mesh", {"weight_g": 230},
     "Running reattiva con piastra, per chi corre veloce."),
    ("pista", "Slip-on Pista", "Passo", ["Scarpe", "Sneakers"], "sneakers", "unisex", "59.00",
     ["blue", "grey"], UNISEX, "canvas", {"weight_g": 260},
     "Senza lacci, si infila in un attimo."),
    ("ghiaia", "Scarpa trail Ghiaia", "Dolomia", ["Scarpe", "Sneakers"], "sneakers", "unisex", "129.00",
     ["grey", "green"], UNISEX, "mesh", {"weight_g": 310, "waterproof": True},
     "Trail running con membrana impermeabile e suola scolpita."),
    # Boots
    ("anfibio", "Anfibio Brenta", "Brenta", ["Scarpe", "Stivali"], "boots", "unisex", "149.00",
     ["black"], UNISEX, "leather", {"weight_g": 780, "waterproof": True},
     "Anfibio a 8 occhielli in pelle ingrassata, suola carrarmato."),
    ("chelsea-lago", "Chelsea Lago", "Brenta", ["Scarpe", "Stivali"], "boots", "women", "139.00",
     ["black", "brown"], WOMEN, "suede", {"weight_g": 520},
     "Stivaletto Chelsea in camoscio con elastici laterali."),
    ("chelsea-citta", "Chelsea Città", "Brenta", ["Scarpe", "Stivali"], "boots", "men", "145.00",
     ["brown", "black"], MEN, "leather", {"weight_g": 640},
     "Chelsea da uomo in pelle, suola in cuoio e gomma."),
    ("cortina", "Stivale alto Cortina", "Brenta", ["Scarpe", "Stivali"], "boots", "women", "199.00",
     ["black", "brown"], WOMEN, "leather", {"weight_g": 900, "heel_cm": 4},
     "Stivale al ginocchio in pelle, tacco di 4 cm."),
    ("bosco", "Polacchino Bosco", "Dolomia", ["Scarpe", "Stivali"], "boots", "men", "129.00",
     ["brown"], MEN, "suede", {"weight_g": 700},
     "Polacchino in scamosciato con fodera calda."),
    ("vetta", "Scarpone da trekking Vetta", "Dolomia", ["Scarpe", "Stivali"], "boots", "unisex", "159.00",
     ["brown", "grey"], UNISEX, "leather", {"weight_g": 850, "waterproof": True},
     "Scarpone da escursione impermeabile, suola Vibram."),
    ("neve", "Doposci Neve", "Dolomia", ["Scarpe", "Stivali"], "boots", "unisex", "119.00",
     ["black", "white"], UNISEX, "nylon", {"weight_g": 950, "waterproof": True},
     "Doposci imbottito, caldo fino a -20 gradi."),
    ("tronchetto", "Tronchetto con tacco Ortica", "Ortica", ["Scarpe", "Stivali"], "boots", "women", "119.00",
     ["black", "beige"], WOMEN, "suede", {"weight_g": 560, "heel_cm": 7},
     "Tronchetto in camoscio, tacco largo di 7 cm."),
    # Loafers and classic shoes
    ("venezia", "Mocassino Venezia", "Brenta", ["Scarpe", "Mocassini e classiche"], "loafers", "men", "129.00",
     ["brown", "black"], MEN, "leather", {"weight_g": 480},
     "Mocassino in pelle con nappine, cucito a mano."),
    ("nappa", "Mocassino Nappa", "Ortica", ["Scarpe", "Mocassini e classiche"], "loafers", "women", "115.00",
     ["black", "red", "beige"], WOMEN, "leather", {"weight_g": 380},
     "Mocassino morbido in nappa, da portare anche senza calze."),
    ("milano", "Stringata Oxford Milano", "Brenta", ["Scarpe", "Mocassini e classiche"], "formal", "men", "159.00",
     ["black", "brown"], MEN, "leather", {"weight_g": 560},
     "Oxford in vitello con suola in cuoio, per cerimonie e ufficio."),
    ("torino", "Derby Torino", "Brenta", ["Scarpe", "Mocassini e classiche"], "formal", "men", "149.00",
     ["brown"], MEN, "leather", {"weight_g": 580},
     "Derby in pelle spazzolata, pianta comoda."),
    ("luna", "Ballerina Luna", "Ortica", ["Scarpe", "Mocassini e classiche"], "flats", "women", "59.00",
     ["black", "pink", "beige"], WOMEN, "leather", {"weight_g": 220},
     "Ballerina morbida con fiocco, pieghevole."),
    ("serata", "Décolleté Serata", "Ortica", ["Scarpe", "Mocassini e classiche"], "heels", "women", "99.00",
     ["black", "red"], WOMEN, "leather", {"weight_g": 300, "heel_cm": 9},
     "Décolleté a punta con tacco a spillo di 9 cm."),
    # Sandals
    ("spiaggia", "Sandalo Spiaggia", "Riva", ["Scarpe", "Sandali"], "sandals", "unisex", "29.00",
     ["black", "blue"], UNISEX, "rubber", {"weight_g": 180, "waterproof": True},
     "Sandalo in gomma per mare e piscina."),
    ("capri", "Sandalo Capri", "Ortica", ["Scarpe", "Sandali"], "sandals", "women", "79.00",
     ["beige", "brown"], WOMEN, "leather", {"weight_g": 200},
     "Sandalo gioiello in cuoio, fatto a mano."),
    ("onda", "Infradito Onda", "Riva", ["Scarpe", "Sandali"], "sandals", "unisex", "19.00",
     ["black", "blue", "yellow"], UNISEX, "rubber", {"weight_g": 120, "waterproof": True},
     "Infradito in gomma morbida."),
    ("sentiero", "Sandalo da trekking Sentiero", "Dolomia", ["Scarpe", "Sandali"], "sandals", "unisex", "69.00",
     ["grey", "black"], UNISEX, "nylon", {"weight_g": 340, "waterproof": True},
     "Sandalo sportivo con cinghie regolabili e suola grippante."),
    ("zeppa", "Zeppa Estate", "Ortica", ["Scarpe", "Sandali"], "sandals", "women", "89.00",
     ["beige", "white"], WOMEN, "canvas", {"weight_g": 410, "heel_cm": 8},
     "Sandalo con zeppa in corda di 8 cm."),
    ("ciabatta", "Ciabatta Mare", "Riva", ["Scarpe", "Sandali"], "sandals", "unisex", "25.00",
     ["white", "black"], UNISEX, "rubber", {"weight_g": 160, "waterproof": True},
     "Ciabatta a fascia con plantare anatomico."),
    # Clothes
    ("felpa", "Felpa con cappuccio Base", "Passo", ["Abbigliamento", "Felpe"], "hoodie", "unisex", "49.00",
     ["grey", "black", "blue"], CLOTHES, "cotton", {},
     "Felpa in cotone garzato con tasca a marsupio."),
    ("giacca-vento", "Giacca antivento Raffica", "Dolomia", ["Abbigliamento", "Giacche"], "jacket", "unisex", "119.00",
     ["yellow", "blue"], CLOTHES, "nylon", {"waterproof": True},
     "Giacca impermeabile e traspirante, si chiude nella sua tasca."),
    ("tshirt", "T-shirt in cotone bio", "Riva", ["Abbigliamento", "T-shirt"], "tshirt", "unisex", "19.00",
     ["white", "black", "green"], CLOTHES, "cotton", {},
     "T-shirt girocollo in cotone biologico."),
    ("piumino", "Piumino leggero Soffio", "Dolomia", ["Abbigliamento", "Giacche"], "down_jacket", "unisex", "149.00",
     ["black", "blue", "red"], CLOTHES, "nylon", {},
     "Piumino da 250 grammi, si ripiega in un sacchetto."),
    ("calzini", "Calzini sportivi, 3 paia", "Passo", ["Abbigliamento", "Calzini"], "socks", "unisex", "12.00",
     ["white", "black"], ["S", "M", "L"], "cotton", {},
     "Tre paia di calzini in spugna; S 35-38, M 39-42, L 43-46."),
    ("cappellino", "Cappellino Passo", "Passo", ["Abbigliamento", "Accessori"], "cap", "unisex", "19.00",
     ["black", "blue"], ONE, "cotton", {},
     "Cappellino con visiera, regolabile."),
    # Care
    ("spray", "Spray impermeabilizzante", "Brenta", ["Accessori", "Cura delle scarpe"], "care", "unisex", "12.00",
     [None], [None], None, {},
     "Protegge pelle, camoscio e tela da acqua e macchie. 200 ml."),
    ("lacci", "Lacci di ricambio", "Passo", ["Accessori", "Cura delle scarpe"], "care", "unisex", "5.00",
     ["black", "white"], [None], "cotton", {},
     "Due lacci piatti da 120 cm."),
]

# Variants that are sold out (stock 0), so conversations meet them.
SOLD_OUT = {
    ("corsa", "blue", "39"), ("corsa", "black", "44"), ("anfibio", "black", "38"),
    ("chelsea-lago", "black", "37"), ("nuvola", "grey", "42"), ("felpa", "black", "M"),
    ("venezia", "brown", "43"), ("tela", "red", "40"), ("capri", "beige", "38"),
}


def stock_for(model, colour, size, n):
    if (model, colour, size) in SOLD_OUT:
        return 0
    return 2 + (n * 7) % 9   # 2..10, deterministic


def main():
    rows = []
    n = 0
    for (mid, name, brand, cats, style, gender, price, colours, sizes, material, extra,
         desc) in MODELS:
        for colour in colours:
            for size in sizes:
                n += 1
                parts = [mid] + [p for p in (colour, size) if p and p != "unica"]
                # Unisex models are for women and for men alike.
                attrs = {"model": mid, "style": style,
                         "gender": ["women", "men"] if gender == "unisex" else [gender]}
                if colour:
                    attrs["colour"] = colour
                if size:
                    attrs["size"] = size
                if material:
                    attrs["material"] = material
                attrs.update(extra)
                rows.append({
                    "id": "-".join(parts), "name": name, "brand": brand, "price": price,
                    "currency": "EUR", "categories": cats,
                    "stock": stock_for(mid, colour, size, n), "description": desc,
                    "attributes": attrs,
                })
    with open("products.jsonl", "w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(MODELS)} models, {len(rows)} rows")


if __name__ == "__main__":
    main()
