// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/quantity.h"

#include <algorithm>
#include <optional>

namespace chatcart::entities {
namespace {

using text::Language;

void AddOrdinal(LexiconBuilder* lx, std::initializer_list<std::string_view> words, int32_t n) {
  for (std::string_view w : words) {
    lx->Add(w, [n](WordInfo& info) {
      info.roles |= kOrdinal;
      info.ordinal = n;
    });
  }
}

void AddEnglish(LexiconBuilder* lx) {
  AddOrdinal(lx, {"first"}, 1);
  AddOrdinal(lx, {"second"}, 2);
  AddOrdinal(lx, {"third"}, 3);
  AddOrdinal(lx, {"fourth"}, 4);
  AddOrdinal(lx, {"fifth"}, 5);
  AddOrdinal(lx, {"sixth"}, 6);
  AddOrdinal(lx, {"seventh"}, 7);
  AddOrdinal(lx, {"eighth"}, 8);
  AddOrdinal(lx, {"ninth"}, 9);
  AddOrdinal(lx, {"tenth"}, 10);
  AddOrdinal(lx, {"last"}, -1);
  AddOrdinal(lx, {"second to last", "second-to-last", "second last", "penultimate", "last but one"},
             -2);
  lx->AddRoles({"one", "ones", "option", "item", "product", "model", "choice", "link", "result",
                "printer", "pick"},
               kOrdinalNoun);
  lx->AddRoles({"number", "no", "option", "item", "choice", "nr"}, kOrdinalNumberCue);
  lx->AddRoles({"question", "questions", "try", "chance", "go"}, kTimeNoun);
  lx->AddRoles({"time",  "times",  "week",    "month",  "year",   "day",     "night", "minute",
                "hour",  "moment", "weekend", "summer", "winter", "season",  "hand",  "thought",
                "name",  "place",  "aid",     "class",  "half",   "quarter", "floor", "impression",
                "thing", "things", "step",    "sight",  "date"},
               kTimeNoun);
  lx->AddRoles({"take", "want", "need", "buy", "add", "order", "get", "give me", "make it", "like",
                "send me", "grab", "purchase", "put", "i'll take", "i'd like"},
               kQuantityVerb);
  lx->AddRoles({"of those", "of them", "of these", "of it", "of that", "of the", "of this"},
               kQuantityAfter);
  lx->AddRoles({"pieces", "piece", "pcs", "units", "unit", "items", "packs", "pack", "boxes", "box",
                "copies", "pairs", "sets", "bottles", "bags"},
               kQuantityNoun);
  lx->AddRoles({"quantity", "qty", "x", "another"}, kQuantityCue);
  lx->AddRoles({"more", "extra"}, kMore);
}

void AddItalian(LexiconBuilder* lx) {
  AddOrdinal(lx, {"primo", "prima", "primi", "prime"}, 1);
  AddOrdinal(lx, {"secondo", "seconda", "secondi", "seconde"}, 2);
  AddOrdinal(lx, {"terzo", "terza", "terzi", "terze"}, 3);
  AddOrdinal(lx, {"quarto", "quarta", "quarti", "quarte"}, 4);
  AddOrdinal(lx, {"quinto", "quinta", "quinti", "quinte"}, 5);
  AddOrdinal(lx, {"sesto", "sesta"}, 6);
  AddOrdinal(lx, {"settimo", "settima"}, 7);
  AddOrdinal(lx, {"ottavo", "ottava"}, 8);
  AddOrdinal(lx, {"nono", "nona"}, 9);
  AddOrdinal(lx, {"decimo", "decima"}, 10);
  AddOrdinal(lx, {"ultimo", "ultima", "ultimi", "ultime"}, -1);
  AddOrdinal(lx, {"penultimo", "penultima"}, -2);
  lx->AddRoles({"uno", "una", "opzione", "prodotto", "modello", "scelta", "articolo", "risultato",
                "stampante", "link"},
               kOrdinalNoun);
  lx->AddRoles({"numero", "n", "opzione", "nr", "num"}, kOrdinalNumberCue);
  lx->AddRoles({"volta",  "volte",  "settimana", "mese",   "anno",    "giorno",   "notte",
                "minuto", "ora",    "momento",   "estate", "inverno", "stagione", "me",
                "te",     "lui",    "lei",       "noi",    "voi",     "loro",     "mano",
                "nome",   "classe", "cosa",      "piano",  "vista",   "soccorso"},
               kTimeNoun);
  lx->AddRoles(
      {"prendo",    "prenderei", "prendi",     "prendine",   "voglio", "vorrei",    "compro",
       "comprerei", "aggiungi",  "aggiungere", "aggiungine", "metti",  "mettine",   "dammi",
       "dammene",   "ordino",    "ordinare",   "servono",    "serve",  "prendiamo", "compriamo"},
      kQuantityVerb);
  lx->AddRoles({"di quelli", "di quelle", "di questi", "di queste", "di loro"}, kQuantityAfter);
  lx->AddRoles({"pezzi", "pezzo", "unità", "confezioni", "confezione", "copie", "scatole", "paia",
                "bottiglie", "set"},
               kQuantityNoun);
  lx->AddRoles({"quantità", "qta", "x"}, kQuantityCue);
  lx->AddRoles({"in più", "altri", "altre"}, kMore);
}

void AddFrench(LexiconBuilder* lx) {
  AddOrdinal(lx, {"premier", "première", "premiers", "premières", "1re"}, 1);
  AddOrdinal(lx, {"deuxième", "second", "seconde", "deuxieme"}, 2);
  AddOrdinal(lx, {"troisième"}, 3);
  AddOrdinal(lx, {"quatrième"}, 4);
  AddOrdinal(lx, {"cinquième"}, 5);
  AddOrdinal(lx, {"sixième"}, 6);
  AddOrdinal(lx, {"septième"}, 7);
  AddOrdinal(lx, {"huitième"}, 8);
  AddOrdinal(lx, {"neuvième"}, 9);
  AddOrdinal(lx, {"dixième"}, 10);
  AddOrdinal(lx, {"dernier", "dernière", "derniers", "dernières"}, -1);
  AddOrdinal(lx, {"avant-dernier", "avant-dernière", "avant dernier", "avant dernière"}, -2);
  lx->AddRoles({"celui", "celle", "option", "produit", "modèle", "choix", "article", "résultat",
                "imprimante", "lien"},
               kOrdinalNoun);
  lx->AddRoles({"numéro", "n", "option", "no", "num"}, kOrdinalNumberCue);
  lx->AddRoles({"fois",  "semaine", "mois", "année", "an",      "jour",  "nuit", "minute",
                "heure", "moment",  "été",  "hiver", "saison",  "main",  "nom",  "classe",
                "chose", "étage",   "vue",  "abord", "secours", "prénom"},
               kTimeNoun);
  lx->AddRoles({"prends",   "prendrai",  "prendre",  "prenez",    "veux",    "voudrais", "achète",
                "acheter",  "achèterai", "ajoute",   "ajouter",   "ajoutez", "mets",     "mettez",
                "donne",    "donnez",    "commande", "commander", "faut",    "prenons",  "rajoute",
                "rajoutez", "rajouter",  "remets",   "remettez",  "ajoutes", "rajoutes", "prends-en"},
               kQuantityVerb);
  lx->AddRoles({"de ceux-ci", "de ceux-là", "de celles-ci", "de celles-là", "de ceux", "de celles",
                "de ces"},
               kQuantityAfter);
  lx->AddRoles({"pièces", "pièce", "unités", "unité", "exemplaires", "exemplaire", "paquets",
                "boîtes", "lots", "paires", "bouteilles"},
               kQuantityNoun);
  lx->AddRoles({"quantité", "qté", "x"}, kQuantityCue);
  lx->AddRoles({"de plus", "en plus", "autres"}, kMore);
}

bool IsQuantityFiller(const Unit& u) {
  static constexpr std::string_view kFillers[] = {
      "me", "us", "just", "only", "solo", "soltanto", "seulement", "juste", "ne", "en", "m", "j"};
  if (u.kind != text::TokenKind::kWord || u.phrase) return false;
  for (std::string_view f : kFillers) {
    if (u.text == f) return true;
  }
  return false;
}

// "no", "n", "nr": cues only as "no. 2", "n° 2", "nr. 2".
bool IsAbbreviation(const Unit& u) { return u.text == "no" || u.text == "n" || u.text == "nr"; }

bool AbbreviationMarked(const Scan& scan, const Unit& u) {
  return scan.CharAt(u.end, '.') || scan.text.substr(u.end, 2) == "\xC2\xB0" ||
         scan.text.substr(u.end, 2) == "\xC2\xBA";
}

}  // namespace

void AddQuantityWords(Language language, LexiconBuilder* lexicon) {
  switch (language) {
    case Language::kEnglish:
      AddEnglish(lexicon);
      break;
    case Language::kItalian:
      AddItalian(lexicon);
      break;
    case Language::kFrench:
      AddFrench(lexicon);
      break;
  }
}

namespace {

// Units of weight, volume and length written after a number.
bool IsMeasureUnit(std::string_view w) {
  static constexpr std::string_view kUnits[] = {
      "g",      "gr",     "grs",    "gram",     "grams",    "gramme",   "grammes", "grammo",
      "grammi", "kg",     "kgs",    "kilo",     "kilos",    "chilo",    "chili",   "mg",
      "ml",     "cl",     "l",      "litre",    "litres",   "liter",    "liters",  "litro",
      "litri",  "cm",     "mm",     "oz",       "lb",       "lbs",      "kilogram", "kilograms"};
  return std::find(std::begin(kUnits), std::end(kUnits), w) != std::end(kUnits);
}

}  // namespace

void FindQuantities(const Scan& scan, std::vector<Candidate>* out) {
  const int n = static_cast<int>(scan.units.size());
  for (int i = 0; i < n; ++i) {
    const Unit& u = scan.units[static_cast<size_t>(i)];
    if (!u.has_number || u.pronoun || u.designation) continue;
    const bool times = u.prefix == Affix::kTimes || u.suffix == Affix::kTimes;
    if (!times && !(u.prefix == Affix::kNone && u.suffix == Affix::kNone)) continue;
    std::optional<int64_t> v = u.number.Integer();
    if (!v.has_value() || *v <= 0 || *v > 100000) continue;
    const Unit* next = scan.at(i + 1);
    const Unit* prev = scan.at(i - 1);
    // "en 250 g", "1 kg", "500 ml": a measure of the item, no count.
    if (!times && next != nullptr && !next->phrase && IsMeasureUnit(next->text)) continue;
    // "order 3" is a count, "my order 48213" (a determiner first) a noun's number.
    bool verb = prev != nullptr && prev->Has(kQuantityVerb) && !scan.Has(i - 2, kDeterminer);
    if (!verb && prev != nullptr && IsQuantityFiller(*prev)) {
      // "prends-en deux", "ajoutez-en une": the verb, a dash, the clitic.
      const int v = scan.at(i - 2) != nullptr && scan.at(i - 2)->IsDash() ? i - 3 : i - 2;
      verb = scan.Has(v, kQuantityVerb);
    }
    bool after = next != nullptr && next->Has(kQuantityAfter | kQuantityNoun | kMore);
    // "one more question", "un'altra volta": more of a time, no item.
    if (after && next->Has(kMore) && scan.Has(i + 2, kTimeNoun)) after = false;
    // "un puzzle da 1000 pezzi", "de 500 pièces", "a 60 piece set": pieces
    // after a preposition or an article describe an item; they count nothing.
    if (after && next->Has(kQuantityNoun) && !next->Has(kQuantityAfter | kMore) &&
        prev != nullptr &&
        (prev->Has(kDeterminer) || prev->article || prev->text == "da" || prev->text == "di" ||
         prev->text == "de" || prev->text == "d" || prev->text == "with" || prev->text == "of")) {
      after = false;
    }
    bool cue = prev != nullptr && prev->Has(kQuantityCue);
    // "just one please", "only two", "solo due", "juste deux".
    if (!cue && prev != nullptr && !prev->phrase &&
        (prev->text == "just" || prev->text == "only" || prev->text == "solo" ||
         prev->text == "soltanto" || prev->text == "juste" || prev->text == "seulement") &&
        (next == nullptr || next->kind != text::TokenKind::kWord || next->text == "please" ||
         next->text == "grazie" || next->text == "merci")) {
      cue = true;
    }
    if (!cue && prev != nullptr && scan.Has(i - 2, kQuantityCue) && !scan.at(i - 2)->phrase &&
        scan.at(i - 2)->text != "x") {
      // "quantity to 4", "quantità a 3", "quantité à 2".
      for (std::string_view w : {"to", "is", "of", "a", "à", "di", "de"})
        cue = cue || prev->text == w;
    }
    // "2 printers", "3 red phone cases": a number before a store category word.
    bool category = false;
    for (int k = i + 1; k < std::min(n, i + 4) && !category; ++k) {
      const Unit& w = scan.units[static_cast<size_t>(k)];
      if (w.entry != nullptr && w.entry->lemma != 0 && !w.phrase) {
        category = true;
      } else if (k == i + 1 && u.number_words &&
                 (w.text == "of" || w.text == "di" || w.text == "de" || w.text == "d")) {
        // "une douzaine de coques", "a dozen of the printers".
      } else if (!w.Has(kColour | kColourModPrefix | kSizeLetter | kSizeWord)) {
        break;
      }
    }
    // "order 77120": a verb alone makes no count of a long number with no item
    // after it; it names an order.
    if (verb && !(times || after || cue || category) && *v >= 1000 && !u.number_words &&
        (next == nullptr || next->kind == text::TokenKind::kSymbol)) {
      verb = false;
    }
    bool ok = times || after || cue || verb || category;
    if (u.article) {
      // "j'en prends une", "ne voglio una": an article alone after a verb.
      ok = verb && (next == nullptr || next->Has(kQuantityAfter | kMore));
    }
    if (!ok) continue;
    Candidate& c = out->emplace_back();
    c.type = EntityType::kQuantity;
    c.begin = u.begin;
    c.end = u.end;
    if (cue && prev->text == "x" && !prev->phrase) c.begin = prev->begin;
    c.priority = kPriorityQuantity;
    c.confidence = (times || after || cue) ? 0.9 : 0.8;
    c.number = *v;
    c.pair = u.Has(kPairWord);
  }
}

void FindOrdinals(const Scan& scan, std::vector<Candidate>* out) {
  const int n = static_cast<int>(scan.units.size());
  for (int i = 0; i < n; ++i) {
    const Unit& u = scan.units[static_cast<size_t>(i)];
    const Unit* prev = scan.at(i - 1);
    const Unit* next = scan.at(i + 1);
    if (u.has_number && u.suffix == Affix::kOrdinal && u.prefix == Affix::kNone) {
      std::optional<int64_t> v = u.number.Integer();
      if (!v.has_value() || *v <= 0 || *v > 1000) continue;
      if (next != nullptr && next->Has(kTimeNoun) && scan.language == text::Language::kItalian) {
        continue;  // "la 2a volta"
      }
      Candidate& c = out->emplace_back();
      c.type = EntityType::kOrdinal;
      c.begin = u.begin;
      c.end = u.end;
      if (next != nullptr && next->Has(kOrdinalNoun)) c.end = next->end;  // "3rd one"
      c.priority = kPriorityOrdinal;
      c.confidence = 0.95;
      c.number = *v;
      continue;
    }
    if (u.Has(kOrdinal)) {
      if (next != nullptr && next->Has(kTimeNoun)) continue;
      // "the second", not "a second".
      const bool det = prev != nullptr && prev->Has(kDeterminer) && !prev->article;
      const bool noun = next != nullptr && next->Has(kOrdinalNoun);
      if (!det && !noun) continue;
      Candidate& c = out->emplace_back();
      c.type = EntityType::kOrdinal;
      c.begin = u.begin;
      c.end = noun ? next->end : u.end;
      c.priority = kPriorityOrdinal;
      c.confidence = det && noun ? 0.95 : 0.9;
      c.number = u.info->ordinal;
      continue;
    }
    if (u.Has(kOrdinalNumberCue) && next != nullptr && next->PlainNumber() && !next->article &&
        !next->number_words && (!IsAbbreviation(u) || AbbreviationMarked(scan, u))) {
      std::optional<int64_t> v = next->number.Integer();
      const int64_t max = scan.language == text::Language::kItalian && u.text == "numero" ? 10 : 50;
      if (!v.has_value() || *v <= 0 || *v > max) continue;
      Candidate& c = out->emplace_back();
      c.type = EntityType::kOrdinal;
      c.begin = u.begin;
      c.end = next->end;
      c.priority = kPriorityOrdinal;
      c.confidence = 0.85;
      c.number = *v;
    }
  }
}

}  // namespace chatcart::entities
