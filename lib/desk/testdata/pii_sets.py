# Writes the redaction evaluation sets of lib/desk/testdata from the lines
# below: run it in this directory (python3 pii_sets.py). The output has the
# shape of ../shared/data/pii/dev.jsonl: {"text", "spans": [{"type", "value",
# "start", "end"}]}, offsets in characters (Python string indices).
#
# A line marks personal data as {kind:value}: kind is card, iban, email or
# phone. In a card, "?" is replaced by the Luhn check digit; in an IBAN, "??"
# by the mod-97 check digits, so the lines stay readable and every value is
# valid. Everything else in a line is text; numbers outside braces are not
# personal data of these four kinds (prices, dates, order numbers, codes).
#
# The sets were written and labelled before the redactor first ran on them.
import json
import re
import sys

TYPES = {"card": "CREDIT_CARD", "iban": "IBAN_CODE", "email": "EMAIL_ADDRESS",
         "phone": "PHONE_NUMBER"}


def luhn_digit(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def fill_card(value):
    if "?" not in value:
        return value
    digits = re.sub(r"\D", "", value.replace("?", ""))
    return value.replace("?", luhn_digit(digits))


def fill_iban(value):
    if "??" not in value:
        return value
    compact = re.sub(r"\s", "", value).upper()
    rearranged = compact[4:] + compact[:2] + "00"
    number = "".join(str(int(c, 36)) for c in rearranged)
    check = 98 - int(number) % 97
    return value.replace("??", f"{check:02d}", 1)


def parse(line):
    text = ""
    spans = []
    pos = 0
    for m in re.finditer(r"\{(card|iban|email|phone):([^}]*)\}", line):
        text += line[pos:m.start()]
        kind, value = m.group(1), m.group(2)
        if kind == "card":
            value = fill_card(value)
        elif kind == "iban":
            value = fill_iban(value)
        start = len(text)
        text += value
        spans.append({"type": TYPES[kind], "value": value, "start": start, "end": len(text)})
        pos = m.end()
    text += line[pos:]
    return {"text": text, "spans": spans}


def write(name, lines):
    with open(f"{name}.jsonl", "w", encoding="utf-8") as f:
        for line in lines:
            line = line.strip()
            if line:
                f.write(json.dumps(parse(line), ensure_ascii=False) + "\n")


IT = r"""
Il mio numero è {phone:333 123 4567}, chiamatemi dopo le 18:30
Potete richiamarmi al {phone:3471234567}? Grazie
Cellulare: {phone:+39 348 765 4321}
Il fisso dell'ufficio è {phone:06 1234 5678}, chiedete di Marco
tel. {phone:02-87654321} oppure mail {email:ordini@giocattolimilano.it}
Scrivetemi a {email:giulia.bianchi85@gmail.com} per la fattura
Il mio indirizzo email è {email:mario_rossi@libero.it}.
Mi contatti su WhatsApp al {phone:+39 320 9876543}
Dall'estero chiamate lo {phone:0039 055 234 5678}
Numero di telefono {phone:011/5612345}
Sono raggiungibile al {phone:340.112.2334} tutto il giorno
Pago con la carta {card:4970 1012 3456 789?}, scadenza 09/27
Il numero della carta è {card:5105105105105100}
carta di credito {card:4532-0151-1283-036?}
Ecco la mia Visa {card:4111 1111 1111 1111} e il CVV ve lo dico a voce
Per il rimborso usate l'IBAN {iban:IT?? X054 2811 1010 0000 0123 456}
IBAN: {iban:IT??A0300203280000400162854}
Bonifico sul conto {iban:IT?? Q 03069 09606 100000063221} intestato a Rossi
potete accreditare su {iban:it??x0542811101000000123456} grazie
Il prezzo è 1.299,00 € con spedizione inclusa
Ho pagato 49,90 euro il 12/05/2024
L'ordine n. 4567891234 non è ancora arrivato
Il mio ordine 100234 è in ritardo, CAP 00184 Roma
Partita IVA 01234567890, ragione sociale Giocattoli Srl
Codice fiscale RSSMRA80A01H501U
Consegna prevista tra il 3 e il 5 giugno, entro le 18
Vorrei 3 confezioni da 1000 pezzi
Il codice sconto è ESTATE2024
Il tracking è 1Z999AA10123456784
La stampante Lumo CP-400 costa 129 euro
Codice EAN 8001234567890 sulla scatola
Seguiteci su Instagram @giocattolimilano
scrivetemi pure a {email:anna.verdi@pec.azienda.it} oppure al {phone:335 6677889}
Mio marito risponde al {phone:328 11 22 333}
Preferisco essere chiamata sul fisso {phone:0461 234567}
ho cambiato numero, il nuovo è {phone:3921234567}
Per info {email:info@negozio-giocattoli.com}
la pratica numero 2024/0012345 è aperta
Ordine effettuato il 2024-05-12 alle 10.30
Numero verde {phone:800 123 456}
ecco il mio recapito: {phone:+393381234567}
Pagamento con Mastercard {card:5555 5555 5555 4444}, grazie
la carta finisce con 1234
Fattura n. 2024/345 del 15.03.2024
L'articolo 12345678 è esaurito?
Ho 2 figli di 6 e 9 anni
Il volo AZ 1234 arriva alle 14:05
Dal numero {phone:349 555 0101} non risponde nessuno
Mandate la conferma a {email:l.ferrari@studio-ferrari.it} e in copia a {email:segreteria@studio-ferrari.it}
Il mio IBAN è {iban:IT??  X 05428 11101 000000123456}
costo totale 2 450 euro
telefono ufficio {phone:(+39) 045 800 1234}
""".strip().splitlines()

FR = r"""
Mon numéro est le {phone:06 12 34 56 78}, rappelez-moi après 18h
Vous pouvez me joindre au {phone:07.88.12.34.56}
Portable : {phone:+33 6 45 78 12 90}
Appelez le {phone:01 42 68 53 00} pour le service client
tél. {phone:0612345678}
Depuis l'étranger : {phone:+33 (0)1 23 45 67 89}
Mon adresse mail est {email:claire.dupont@orange.fr}.
Écrivez-moi à {email:j.martin75@gmail.com} pour la facture
Contact : {email:service.client@jouets-paris.fr}
Mon fixe : {phone:04-91-55-23-10}
Je paie avec la carte {card:4970 1012 3456 789?}, expiration 11/26
Numéro de carte {card:4012 8888 8888 1881}
ma CB {card:5132-8400-1234-567?}
Voici ma carte American Express {card:3782 822463 10005}
Pour le remboursement, mon IBAN est {iban:FR?? 3000 6000 0112 3456 7890 189}
IBAN : {iban:FR??30004000031234567890143}
virement sur {iban:fr?? 2004 1010 0505 0001 3M02 606}
Le prix est de 1 299,00 € livraison comprise
J'ai payé 49,90 euros le 12/05/2024
Ma commande n° 4567891234 n'est pas arrivée
Commande 100234 en retard, code postal 75011 Paris
Mon SIRET est 73282932000074
Livraison prévue entre le 3 et le 5 juin, avant 18h
Je voudrais 3 boîtes de 1000 pièces
Le code promo est ETE2024
Le numéro de suivi est 6A12345678901
L'imprimante Lumo CP-400 coûte 129 euros
Code EAN 3012345678907 sur la boîte
Retrouvez-nous sur Instagram @jouetsparis
écrivez-moi à {email:marie.leroy@laposte.net} ou au {phone:06 98 76 54 32}
Mon mari répond au {phone:07 60 11 22 33}
appelez-moi sur le fixe au {phone:02 40 12 34 56}
j'ai changé de numéro, le nouveau c'est le {phone:0645123456}
Pour info : {email:contact@boutique-jouets.com}
le dossier numéro 2024-0012345 est ouvert
Commande passée le 2024-05-12 à 10h30
Numéro vert {phone:0 800 123 456}
voici mes coordonnées : {phone:+33645781290}
Paiement par Mastercard {card:5555 5555 5555 4444}, merci
la carte se termine par 1234
Facture n° 2024/345 du 15.03.2024
L'article 12345678 est épuisé ?
J'ai 2 enfants de 6 et 9 ans
Le vol AF 1234 arrive à 14h05
Personne ne répond au {phone:06 55 50 10 10}
Envoyez la confirmation à {email:p.bernard@cabinet-bernard.fr} et en copie à {email:secretariat@cabinet-bernard.fr}
Mon IBAN : {iban:FR??20041010050500013M02606}
coût total 2 450 euros
téléphone du bureau {phone:0033 4 91 55 23 10}
mon numéro de TVA est FR40303265045
""".strip().splitlines()


FRESH = r"""
en|Hi, it's Dana. You can text me on {phone:(312) 555-0147} after work
en|Please use my other card, {card:5425 2334 3010 990?}, the first one was declined
en|My email changed to {email:dana.whitfield@protonmail.com}
en|Call the office at {phone:+44 20 7946 0958} and ask for accounts
en|order #88213 shipped on 2024-03-02, tracking 9400111899561234567890
en|I paid $1,249.99 with the visa ending 4421
en|ref 7734-2219-05 is my return number
en|reach me at {phone:415.555.0199} or {email:dana.w@work-mail.io}
en|card no. {card:6011 1111 1111 1117} exp 04/28 cvv 123
en|my UK mobile is {phone:07700 900456}
en|room 1204, building 7, floor 12
en|the serial number is 1234567890123 on the back
en|wire it to {iban:GB?? NWBK 6016 1331 9268 19}
en|we're open 9:00-17:30, call {phone:1-800-555-0175}
en|I'm 34 and my zip is 94107
en|amex {card:3714 496353 98431}
it|Salve, mi richiami al {phone:339 876 5432} per favore
it|ho pagato con la carta {card:4539 1488 0343 646?} ieri sera
it|La mia nuova email: {email:francesca.conti@tiscali.it}
it|numero fisso {phone:055 2345678}, ufficio di Firenze
it|Il rimborso va sull'IBAN {iban:IT?? B 03069 12345 100000001234}
it|Ordine 2024-00456 del 3/4/2024, totale 89,90 €
it|ho chiamato il {phone:+39 02 3456 7890} ma nessuno risponde
it|Il mio CAP è 20121, via Dante 14
it|mandatemi un sms al {phone:3287654321}
it|pago con postepay {card:4023 6009 1234 567?}
it|scrivi a {email:assistenza@bottega-artigiana.it} oppure chiama il {phone:06-98765432}
it|codice articolo 8012345678901, taglia 42
it|sono disponibile dalle 9.30 alle 13.00
it|Il numero della pratica è 1234567
fr|Bonjour, mon portable : {phone:06 71 23 45 89}
fr|Vous pouvez m'écrire à {email:lucie.moreau@free.fr}
fr|J'ai payé avec ma carte {card:4974 0123 4567 890?}
fr|mon RIB : {iban:FR?? 1027 8060 6100 0102 0480 163}
fr|Commande n° 2024-78945 du 12.05.2024
fr|Appelez-moi au {phone:+33 7 81 23 45 67} demain matin
fr|le numéro de suivi est 8N12345678901
fr|mon fixe c'est le {phone:01.45.67.89.10}
fr|j'habite au 12 rue de la Paix, 75002 Paris
fr|prix total 1 499,00 € TTC
fr|envoyez un mail à {email:support@maboutique.fr}, merci
fr|mon numéro de TVA intracommunautaire est FR83404833048
fr|Joignable au {phone:0033 6 12 98 76 54}
fr|le colis pèse 2,5 kg et mesure 30 x 20 x 10 cm
"""


def write_tagged(name, lines):
    """Lines "lang|text" into name.jsonl with a "language" field."""
    with open(f"{name}.jsonl", "w", encoding="utf-8") as f:
        for line in lines:
            line = line.strip()
            if not line:
                continue
            lang, text = line.split("|", 1)
            row = parse(text)
            row["language"] = lang
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    write("pii_it", IT)
    write("pii_fr", FR)
    # Written after the fixes the dev, it and fr sets pointed to, labelled
    # before the redactor ran on it: the figure that counts.
    write_tagged("pii_fresh", FRESH.strip().splitlines())
    sys.exit(0)
