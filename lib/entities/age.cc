// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/age.h"

#include <algorithm>
#include <optional>

namespace chatcart::entities {
namespace {

using text::Language;

constexpr int64_t kMaxAge = 120;

void AddEnglish(LexiconBuilder* lx) {
  lx->AddRoles({"year", "years", "yr", "yrs"}, kAgeYears);
  lx->AddRoles({"year old", "years old", "year-old", "years-old", "yr old", "yrs old", "yr-old",
                "y o", "y/o", "y.o", "year olds", "year-olds"},
               kAgeYears | kAgeOld);
  lx->AddRoles({"month", "months"}, kAgeMonths);
  lx->AddRoles({"month old", "months old", "month-old", "months-old"}, kAgeMonths | kAgeOld);
  lx->AddRoles({"old"}, kAgeOld);
  lx->AddRoles({"yo"}, kAgeYears | kAgeOld);
  lx->AddRoles({"is", "s", "was", "will be"}, kAgeIs);
  lx->AddRoles({"aged", "age", "ages", "turning", "turns", "turned"}, kAgeCue);
  lx->AddRoles({"son",      "daughter",   "kid",     "kids",   "child",    "children",
                "boy",      "girl",       "nephew",  "niece",  "grandson", "granddaughter",
                "toddler",  "baby",       "brother", "sister", "teen",     "teenager",
                "grandkid", "grandchild", "he",      "she",    "who"},
               kAgePerson);
  lx->AddRoles({"warranty", "guarantee", "subscription", "contract",  "plan",  "for",
                "in",       "within",    "after",        "over",      "last",  "past",
                "every",    "per",       "since",        "ago",       "lasts", "lasted",
                "battery",  "license",   "licence",      "membership"},
               kAgeBlock);
}

void AddItalian(LexiconBuilder* lx) {
  lx->AddRoles({"anni", "anno"}, kAgeYears);
  lx->AddRoles({"mesi", "mese"}, kAgeMonths);
  lx->AddRoles({"età", "compie", "compirà", "compiuto", "compiuti", "fa"}, kAgeCue);
  lx->AddRoles({"ha", "che ha", "avrà", "compie"}, kAgeHas);
  lx->AddRoles(
      {"bambino",  "bambina",  "bambini",    "bambine",   "figlio",    "figlia",    "figli",
       "nipote",   "nipotino", "nipotina",   "ragazzo",   "ragazza",   "ragazzi",   "bimbo",
       "bimba",    "bimbi",    "maschio",    "femmina",   "fratello",  "sorella",   "neonato",
       "neonata",  "piccolo",  "piccola",    "ragazzino", "ragazzina", "ragazzini", "bambinetto",
       "bimbetto", "bimbetta", "adolescente"},
      kAgePerson);
  lx->AddRoles({"garanzia", "abbonamento", "contratto", "da", "per", "tra", "fra", "entro", "dopo",
                "ogni", "durata", "ultimi", "scorsi", "batteria", "licenza", "dura"},
               kAgeBlock);
}

void AddFrench(LexiconBuilder* lx) {
  lx->AddRoles({"ans", "an"}, kAgeYears);
  lx->AddRoles({"mois"}, kAgeMonths);
  lx->AddRoles({"âge", "âgé de", "âgée de", "âgés de", "âgées de", "fête", "fêtera"}, kAgeCue);
  lx->AddRoles({"a", "qui a", "aura", "ses", "fête"}, kAgeHas);
  lx->AddRoles({"enfant", "enfants", "fils", "fille", "garçon", "neveu", "nièce", "petit-fils",
                "petite-fille", "bébé", "frère", "soeur", "sœur", "ado", "petit", "petite"},
               kAgePerson);
  lx->AddRoles(
      {"garantie", "abonnement", "contrat", "depuis", "pendant", "dans", "en", "après", "tous",
       "chaque", "durée", "derniers", "batterie", "licence", "dure", "pour", "il y a"},
      kAgeBlock);
}

bool AnyBefore(const Scan& scan, int i, int window, uint64_t role) {
  for (int k = std::max(0, i - window); k < i; ++k) {
    if (scan.units[static_cast<size_t>(k)].Has(role)) return true;
  }
  return false;
}

// The index of the nearest unit before i (within `window`) with `role`, or -1.
int NearestBefore(const Scan& scan, int i, int window, uint64_t role) {
  for (int k = i - 1; k >= std::max(0, i - window); --k) {
    if (scan.units[static_cast<size_t>(k)].Has(role)) return k;
  }
  return -1;
}

// Whether unit i ends a clause: the text's end, a symbol, or a word that
// starts the next one ("and", "next", "soon").
bool EndsClause(const Scan& scan, int i) {
  const Unit* u = scan.at(i);
  if (u == nullptr || u->kind == text::TokenKind::kSymbol) return true;
  // Punctuation between the number and the next word: "my son is 12, budget 50".
  if (const Unit* before = scan.at(i - 1); before != nullptr && before->end <= u->begin) {
    const std::string_view gap = scan.text.substr(before->end, u->begin - before->end);
    if (gap.find_first_of(",;:.!?") != std::string_view::npos) return true;
  }
  for (std::string_view w : {"and", "but", "next", "soon", "now", "today", "tomorrow", "so", "in",
                             "on", "this", "e", "ma", "et", "mais"}) {
    if (u->text == w) return true;
  }
  return false;
}

void Emit(const Scan& scan, uint32_t begin, uint32_t end, int64_t years, double confidence,
          int priority, std::vector<Candidate>* out) {
  if (years < 0 || years > kMaxAge) return;
  Candidate& c = out->emplace_back();
  c.type = EntityType::kAge;
  c.begin = begin;
  c.end = end;
  c.number = years;
  c.confidence = confidence;
  c.priority = priority;
}

// "6 e 9 anni", "8 and 11 year olds": the number said before the age's, joined
// by "and"/"or", is an age too.
void EmitFirstOfPair(const Scan& scan, int i, double confidence, int priority,
                     std::vector<Candidate>* out) {
  const Unit* joiner = scan.at(i - 1);
  const Unit* first = scan.at(i - 2);
  const Unit& u = scan.units[static_cast<size_t>(i)];
  if (joiner == nullptr || first == nullptr || joiner->phrase) return;
  if (joiner->text != "and" && joiner->text != "e" && joiner->text != "et" &&
      joiner->text != "or" && joiner->text != "o" && joiner->text != "ou") {
    return;
  }
  if (!first->PlainNumber() || first->number_words != u.number_words) return;
  if (std::optional<int64_t> other = first->number.Integer()) {
    Emit(scan, first->begin, first->end, *other, confidence, priority, out);
  }
}

}  // namespace

void AddAgeWords(Language language, LexiconBuilder* lexicon) {
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

void FindAges(const Scan& scan, std::vector<Candidate>* out) {
  const int n = static_cast<int>(scan.units.size());
  for (int i = 0; i < n; ++i) {
    const Unit& u = scan.units[static_cast<size_t>(i)];
    if (!u.has_number || u.pronoun || u.article || u.prefix != Affix::kNone) continue;
    std::optional<int64_t> value = u.number.Integer();
    if (!value.has_value()) continue;
    if (u.suffix == Affix::kAgeYears) {  // "6yo"
      Emit(scan, u.begin, u.end, *value, 0.95, kPriorityAge, out);
      continue;
    }
    if (u.suffix != Affix::kNone) continue;
    const Unit* prev = scan.at(i - 1);
    int j = i + 1;
    if (scan.at(j) != nullptr && scan.at(j)->IsDash()) ++j;  // "10-year-old"
    const Unit* unit = scan.at(j);
    if (unit == nullptr || !unit->Has(kAgeYears | kAgeMonths)) {
      // "aged 7", "turning 5", "età 6": a cue and a bare number.
      if (prev != nullptr && prev->Has(kAgeCue)) {
        Emit(scan, prev->begin, u.end, *value, 0.85, kPriorityAge, out);
      } else if (prev != nullptr && prev->Has(kAgeIs) && AnyBefore(scan, i - 1, 3, kAgePerson) &&
                 EndsClause(scan, i + 1)) {
        // "my daughter is 7", "my son's 6": a child, "is", a number that ends the clause.
        Emit(scan, u.begin, u.end, *value, 0.8, kPriorityAge, out);
      }
      continue;
    }
    const bool months = unit->Has(kAgeMonths);
    const int64_t years = months ? *value / 12 : *value;
    uint32_t end = unit->end;
    bool old = unit->Has(kAgeOld);
    if (!old && scan.Has(j + 1, kAgeOld)) {
      old = true;
      end = scan.at(j + 1)->end;
    }
    if (old) {
      Emit(scan, u.begin, end, years, months ? 0.85 : 0.95, kPriorityAge, out);
      if (!months) EmitFirstOfPair(scan, i, 0.95, kPriorityAge, out);
      continue;
    }
    // The nearer of a child noun and a duration word decides: "for a
    // toddler, 18 months" is an age, "garanzia di 2 anni" a duration.
    const int cue = NearestBefore(scan, i, 4, kAgePerson | kAgeBlock);
    // Italian and French "per 6 anni", "pour 7 ans" right before the number
    // say whom it is for ("giochi per 6 anni"), unless a duration word comes
    // before them ("garanzia valida per 2 anni").
    const bool for_whom = cue >= 0 && cue == i - 1 && scan.language != Language::kEnglish &&
                          (prev->text == "per" || prev->text == "pour") &&
                          NearestBefore(scan, i - 1, 4, kAgeBlock) < 0;
    if (cue >= 0 && !for_whom && !scan.units[static_cast<size_t>(cue)].Has(kAgePerson)) continue;
    if (const Unit* after = scan.at(j + 1);
        after != nullptr && (after->text == "ago" || after->text == "fa")) {
      continue;  // "3 years ago", "3 anni fa"
    }
    const bool has = prev != nullptr && prev->Has(kAgeHas | kAgeCue);
    const bool person = cue >= 0;
    if (!has && !person && scan.language == Language::kEnglish) continue;
    const double confidence = has || person ? 0.9 : 0.7;
    const int priority = has || person ? kPriorityAge : kPriorityWeakAge;
    Emit(scan, u.begin, end, years, confidence, priority, out);
    if (!months) EmitFirstOfPair(scan, i, confidence, priority, out);
  }
}

}  // namespace chatcart::entities
