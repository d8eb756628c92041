# Writes first_messages2.jsonl: a second fresh set of shoppers' first
# messages with no locale hint (WhatsApp, SMS), mostly keywords, and the
# language each is in (issue #16). Written and labelled by hand after the
# language-identification fixes that followed first_messages.jsonl, before
# language identification ran on it: its first run is the figure #16 counts
# (bench/README.md, Understanding). One {"text", "lang"} a line.
import json

ROWS = [
    ("zaino scuola bambina rosa", "it"),
    ("regalo bimbo 4 anni sotto 30", "it"),
    ("auricolari bluetooth economici", "it"),
    ("portatile gaming 16 pollici", "it"),
    ("stampante fotografica samsung galaxy", "it"),
    ("giochi da tavolo famiglia", "it"),
    ("microscopio per ragazzi", "it"),
    ("cerco monopattino 3 ruote", "it"),
    ("buongiorno, avete peluche volpe?", "it"),
    ("tablet bambini con custodia max 120", "it"),
    ("carta fotografica lucida 10x15", "it"),
    ("cuffie antirumore nere", "it"),
    ("spedizione gratuita?", "it"),
    ("robot solare montaggio", "it"),
    ("puzzle 1000 pezzi paesaggio", "it"),
    ("cartable fille rose", "fr"),
    ("cadeau garçon 4 ans moins de 30", "fr"),
    ("écouteurs sans fil pas chers", "fr"),
    ("ordinateur gamer 16 pouces", "fr"),
    ("imprimante photo pour samsung galaxy", "fr"),
    ("jeux de société famille", "fr"),
    ("microscope enfant", "fr"),
    ("trottinette 3 roues", "fr"),
    ("bonjour vous avez le renard en peluche ?", "fr"),
    ("tablette enfant avec coque max 120", "fr"),
    ("papier photo brillant 10x15", "fr"),
    ("casque réduction de bruit noir", "fr"),
    ("livraison gratuite ?", "fr"),
    ("robot solaire à monter", "fr"),
    ("puzzle 1000 pièces paysage", "fr"),
    ("school backpack girl pink", "en"),
    ("gift boy 4 years under 30", "en"),
    ("cheap wireless earbuds", "en"),
    ("gaming laptop 16 inch", "en"),
    ("photo printer for samsung galaxy", "en"),
    ("family board games", "en"),
    ("microscope for kids", "en"),
    ("3 wheel scooter", "en"),
    ("hi do you have the fox plush?", "en"),
    ("kids tablet with case max 120", "en"),
    ("glossy photo paper 10x15", "en"),
    ("noise cancelling headphones black", "en"),
    ("free shipping?", "en"),
    ("solar robot kit", "en"),
    ("1000 piece landscape puzzle", "en"),
]

with open("first_messages2.jsonl", "w", encoding="utf-8") as f:
    for text, lang in ROWS:
        f.write(json.dumps({"text": text, "lang": lang}, ensure_ascii=False) + "\n")
