// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/money_direction.h"

#include <algorithm>
#include <string_view>

namespace chatcart::entities {
namespace {

using text::Language;

bool OneOf(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

bool Word(const Unit* u) { return u != nullptr && !u->phrase && u->kind == text::TokenKind::kWord; }

// Whether text[a, b) holds only spaces (an apostrophe too when `apostrophe`).
bool OnlySpaces(std::string_view text, uint32_t a, uint32_t b, bool apostrophe) {
  if (a > b) return false;
  for (uint32_t k = a; k < b; ++k) {
    const char c = text[k];
    if (c == ' ' || c == '\t' || (apostrophe && (c == '\'' || c == '`'))) continue;
    if (apostrophe && text.substr(k, 3) == "\xE2\x80\x99") {
      k += 2;
      continue;
    }
    return false;
  }
  return true;
}

// English contractions split at the apostrophe: "don" "t", "can" "t".
bool NegativeContraction(const Scan& scan, int i) {
  const Unit* t = scan.at(i);
  const Unit* verb = scan.at(i - 1);
  if (!Word(t) || t->text != "t" || !Word(verb)) return false;
  return OneOf(verb->text, {"don", "doesn", "didn", "won", "can", "couldn", "shouldn", "wouldn",
                            "mustn", "isn", "aren", "wasn", "weren", "haven", "hasn", "ain",
                            "needn", "shan"});
}

// A word that negates the clause it starts.
bool ClauseNegation(const Scan& scan, int i) {
  const Unit* u = scan.at(i);
  if (!Word(u)) return false;
  switch (scan.language) {
    case Language::kEnglish:
      return NegativeContraction(scan, i) ||
             OneOf(u->text, {"not", "never", "dont", "cant", "wont", "cannot", "didnt", "doesnt",
                             "shouldnt", "mustnt", "wouldnt", "couldnt", "isnt", "without"});
    case Language::kItalian:
      return OneOf(u->text, {"non", "nn", "mai", "senza"});
    case Language::kFrench:
      return OneOf(u->text, {"ne", "n", "pas", "jamais", "sans"});
  }
  return false;
}

// "don't mind", "don't care", "non importa", "peu importe": the negation
// is about something else.
bool NegatesSomethingElse(const Scan& scan, int negation) {
  const Unit* next = scan.at(negation + 1);
  if (!Word(next)) return false;
  return OneOf(next->text, {"mind", "care", "matter", "importa", "frega", "importe", "dérange"});
}

}  // namespace

BudgetKind Reversed(BudgetKind kind) {
  switch (kind) {
    case BudgetKind::kUnder:
      return BudgetKind::kOver;
    case BudgetKind::kOver:
      return BudgetKind::kUnder;
    default:
      return kind;
  }
}

bool NegationRightBefore(const Scan& scan, int cue) {
  const Unit* u = scan.at(cue - 1);
  const Unit* c = scan.at(cue);
  if (!Word(u) || c == nullptr || !OnlySpaces(scan.text, u->end, c->begin, false)) return false;
  switch (scan.language) {
    case Language::kEnglish:
      return OneOf(u->text, {"not", "no", "never", "nothing"});
    case Language::kItalian:
      return OneOf(u->text, {"non", "nn", "no", "mai", "niente", "nulla"});
    case Language::kFrench:
      return OneOf(u->text, {"pas", "non", "jamais", "rien"});
  }
  return false;
}

bool NegationEarlier(const Scan& scan, int at) {
  for (int k = at - 1; k >= 0 && k >= at - 8; --k) {
    const Unit& u = scan.units[static_cast<size_t>(k)];
    const Unit& after = scan.units[static_cast<size_t>(k + 1)];
    // A clause ends at sentence punctuation, a comma, or "but".
    const std::string_view gap = scan.text.substr(u.end, after.begin - u.end);
    if (gap.find_first_of(".,;:!?") != std::string_view::npos) return false;
    if (Word(&u) && OneOf(u.text, {"but", "ma", "però", "mais"})) return false;
    if (u.Has(kBudgetPrefix | kCurrency) || u.has_number) return false;  // another amount's
    if (ClauseNegation(scan, k)) return !NegatesSomethingElse(scan, k);
  }
  return false;
}

bool RejectedAfter(const Scan& scan, int last) {
  int j = last;
  const Unit* u = scan.at(j);
  if (u == nullptr) return false;
  // At most a comma before: "plus de 300 €, non".
  const Unit* before = scan.at(j - 1);
  if (before == nullptr) return false;
  const std::string_view gap = scan.text.substr(before->end, u->begin - before->end);
  if (gap.find_first_not_of(" ,") != std::string_view::npos) return false;
  auto text = [&](int k) -> std::string_view {
    const Unit* w = scan.at(k);
    return Word(w) ? w->text : std::string_view();
  };
  // The answer "no" alone ends the message or the clause.
  auto ends = [&](int k) {
    const Unit* w = scan.at(k);
    const Unit* next = scan.at(k + 1);
    if (next == nullptr) return true;
    const std::string_view g = scan.text.substr(w->end, next->begin - w->end);
    return g.find_first_of(".,;!?") != std::string_view::npos;
  };
  switch (scan.language) {
    case Language::kEnglish:
      if (OneOf(text(j), {"is", "s", "would", "will", "are", "seems"})) ++j;
      if (text(j) == "be") ++j;
      if (text(j) == "out") {
        // "out of the question" ("of the" may be one unit).
        const Unit* of = scan.at(j + 1);
        if (of != nullptr && of->text == "of") {
          const int q = of->phrase ? j + 2 : j + 3;
          if (text(q) == "question") return true;
        }
      }
      return text(j) == "too" &&
             OneOf(text(j + 1), {"much", "expensive", "pricey", "high", "steep", "dear"});
    case Language::kItalian:
      if (text(j) == "no") return ends(j);
      if (OneOf(text(j), {"è", "e", "sono", "mi", "sarebbe", "sarebbero"})) ++j;
      if (OneOf(text(j), {"sembra", "sembrano"})) ++j;
      if (text(j) == "fuori" && text(j + 1) == "discussione") return true;
      return OneOf(text(j), {"troppo", "troppi", "tanti", "eccessivo"});
    case Language::kFrench:
      if (text(j) == "non") return ends(j);
      if (const Unit* c = scan.at(j); c != nullptr && c->text == "c") {
        j += c->phrase ? 1 : (text(j + 1) == "est" ? 2 : 0);  // "c'est", one unit or two
      }
      if (text(j) == "ce") ++j;
      if (OneOf(text(j), {"est", "serait", "sera"})) ++j;
      if (text(j) == "beaucoup") ++j;
      if (text(j) == "hors" && text(j + 1) == "de" && text(j + 2) == "question") return true;
      return text(j) == "trop";
  }
  return false;
}

bool NoMoreAfter(const Scan& scan, int last) {
  const Unit* u = scan.at(last);
  const Unit* before = scan.at(last - 1);
  if (u == nullptr || before == nullptr) return false;
  const std::string_view gap = scan.text.substr(before->end, u->begin - before->end);
  if (gap.find(',') == std::string_view::npos) return false;
  auto text = [&](int k) -> std::string_view {
    const Unit* w = scan.at(k);
    return w != nullptr ? w->text : std::string_view();
  };
  switch (scan.language) {
    case Language::kEnglish:
      return (text(last) == "not" || text(last) == "no") &&
             (text(last + 1) == "more" || text(last + 1) == "higher");
    case Language::kItalian:
      return text(last) == "non" && (text(last + 1) == "di" || text(last + 1) == "un");
    case Language::kFrench:
      return text(last) == "pas" && (text(last + 1) == "plus" || text(last + 1) == "un");
  }
  return false;
}

}  // namespace chatcart::entities
