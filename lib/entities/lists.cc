// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/lists.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace chatcart::entities {
namespace {

using text::Language;

bool OneOf(std::string_view s, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// A word joining two values of a list; *either when it says "or".
bool Joiner(const Unit& u, Language language, bool* either) {
  if (u.phrase) return false;
  if (u.kind == text::TokenKind::kSymbol) return u.text == "&";
  switch (language) {
    case Language::kEnglish:
      if (OneOf(u.text, {"or", "nor"})) return *either = true;
      return u.text == "and";
    case Language::kItalian:
      if (OneOf(u.text, {"o", "oppure", "od", "né"})) return *either = true;
      return u.text == "e" || u.text == "ed";
    case Language::kFrench:
      if (OneOf(u.text, {"ou", "ni"})) return *either = true;
      return u.text == "et";
  }
  return false;
}

// Articles and prepositions that may follow a joiner or a negation:
// "or the Pixio", "e un iPad", "ou en violet", "not in pink", "pas de rouge".
bool Filler(const Unit& u, Language language) {
  if (u.phrase || u.kind != text::TokenKind::kWord) return false;
  switch (language) {
    case Language::kEnglish:
      return OneOf(u.text, {"a", "an", "the", "in", "maybe", "even", "also", "any", "for"});
    case Language::kItalian:
      return OneOf(u.text, {"un", "una", "uno", "il", "lo", "la", "l", "i", "gli", "le", "in",
                            "di", "del", "della", "dei", "delle", "anche", "magari", "per"});
    case Language::kFrench:
      return OneOf(u.text, {"un", "une", "le", "la", "l", "les", "des", "du", "de", "d", "en",
                            "aussi", "même", "peut", "être", "pour"});
  }
  return false;
}

// A negation right before a value: "not", "non", "pas", "sauf"... `prev`
// is the unit before it ("anything but": "but" only after "anything").
bool Negation(const Unit& u, const Unit* prev, Language language) {
  if (u.phrase || u.kind != text::TokenKind::kWord) return false;
  switch (language) {
    case Language::kEnglish:
      if (u.text == "but") {
        return prev != nullptr && OneOf(prev->text, {"anything", "everything", "all", "any"});
      }
      return OneOf(u.text, {"not", "no", "except", "excluding", "never", "nothing", "neither", "nor"});
    case Language::kItalian:
      return OneOf(u.text, {"non", "nn", "niente", "tranne", "eccetto", "escluso", "esclusa",
                            "no", "nessun", "nessuna", "nemmeno", "neanche", "mai", "né"});
    case Language::kFrench:
      return OneOf(u.text, {"pas", "sauf", "non", "excepté", "aucun", "aucune", "jamais", "ni"});
  }
  return false;
}

// Whether text[a, b) holds only spaces, and `punctuation` when allowed.
bool OnlySpaces(std::string_view text, uint32_t a, uint32_t b, std::string_view allowed) {
  if (a > b) return false;
  for (uint32_t k = a; k < b; ++k) {
    const char c = text[k];
    if (c == ' ' || c == '\t' || allowed.find(c) != std::string_view::npos) continue;
    // No-break spaces and the typographic apostrophe.
    if (static_cast<unsigned char>(c) >= 0x80) {
      const std::string_view rest = text.substr(k, 3);
      if (rest.substr(0, 2) == "\xC2\xA0") {
        ++k;
        continue;
      }
      if (rest == "\xE2\x80\x99" || rest == "\xE2\x80\xAF") {
        k += 2;
        continue;
      }
    }
    return false;
  }
  return true;
}

// The index of the unit starting at byte `begin`, or -1.
int UnitAt(const Scan& scan, uint32_t begin) {
  auto it = std::lower_bound(scan.units.begin(), scan.units.end(), begin,
                             [](const Unit& u, uint32_t b) { return u.begin < b; });
  if (it == scan.units.end() || it->begin != begin) return -1;
  return static_cast<int>(it - scan.units.begin());
}

bool Negatable(EntityType type) {
  return ListType(type) || type == EntityType::kProduct || type == EntityType::kModel;
}

// Marks `c` negated when a negation comes right before it, after `floor`
// (the end of the entity before).
void MarkNegation(const Scan& scan, uint32_t floor, Candidate* c) {
  const int first = UnitAt(scan, c->begin);
  if (first < 0) return;
  int k = first - 1;
  // At most two articles or prepositions between: "not in the red", "pas de".
  for (int fillers = 0; fillers < 2 && k >= 0 && Filler(scan.units[k], scan.language); ++fillers) {
    if (!OnlySpaces(scan.text, scan.units[k].end, scan.units[k + 1].begin, "'`")) return;
    --k;
  }
  if (k < 0) return;
  const Unit& neg = scan.units[k];
  if (!OnlySpaces(scan.text, neg.end, scan.units[k + 1].begin, "'`")) return;
  if (neg.begin < floor || !Negation(neg, scan.at(k - 1), scan.language)) return;
  c->negated = true;
  c->begin = neg.begin;
}

// Whether `b` continues the list ending with `a`: only joiners, articles,
// commas, '/' between; *either when an "or" is among them.
bool Continues(const Scan& scan, const Candidate& a, const Candidate& b, bool* either) {
  if (a.type != b.type || a.negated != b.negated || b.begin < a.end) return false;
  const int first = UnitAt(scan, b.begin);
  if (first < 0) return false;
  int k = first - 1;
  bool joined = false;
  uint32_t at = b.begin;
  // Walk back over the units between a and b.
  while (k >= 0 && scan.units[k].begin >= a.end) {
    const Unit& u = scan.units[k];
    bool or_word = false;
    if (Joiner(u, scan.language, &or_word)) {
      joined = true;
      *either = *either || or_word;
    } else if (!Filler(u, scan.language) && !u.IsDash()) {
      return false;
    }
    if (!OnlySpaces(scan.text, u.end, at, ",/'`")) return false;
    at = u.begin;
    --k;
  }
  if (!OnlySpaces(scan.text, a.end, at, ",/")) return false;
  const std::string_view gap = scan.text.substr(a.end, at - a.end);
  if (gap.find_first_of(",/") != std::string_view::npos) joined = true;
  // "ni rouge ni orange", "neither red nor orange": the second value's
  // negation is its joiner.
  bool or_word = false;
  if (b.negated && Joiner(scan.units[static_cast<size_t>(first)], scan.language, &or_word)) {
    joined = true;
  }
  return joined;
}

}  // namespace

bool ListType(EntityType type) {
  return type == EntityType::kColour || type == EntityType::kSize || type == EntityType::kBrand ||
         type == EntityType::kCategory || type == EntityType::kCompatibility;
}

void MarkNegationsAndJoinLists(const Scan& scan, std::vector<Candidate>* candidates) {
  std::vector<Candidate>& c = *candidates;
  for (size_t i = 0; i < c.size(); ++i) {
    if (!Negatable(c[i].type)) continue;
    MarkNegation(scan, i > 0 ? c[i - 1].end : 0, &c[i]);
  }
  size_t out = 0;
  for (size_t i = 0; i < c.size(); ++i) {
    // "due giocattoli e una cover": counted items are lines of their own.
    const bool counted = out >= 2 && c[out - 2].type == EntityType::kQuantity &&
                         c[out - 1].type == EntityType::kCategory;
    if (out > 0 && ListType(c[i].type) && !counted) {
      Candidate& list = c[out - 1];
      bool either = false;
      if (Continues(scan, list, c[i], &either)) {
        if (list.values.empty()) list.values.push_back(list.value);
        auto add = [&list](const std::string& v) {
          if (std::find(list.values.begin(), list.values.end(), v) == list.values.end()) {
            list.values.push_back(v);
          }
        };
        if (c[i].values.empty()) add(c[i].value);
        for (const std::string& v : c[i].values) add(v);
        list.either = list.either || either;
        list.end = c[i].end;
        list.confidence = std::min(list.confidence, c[i].confidence);
        list.value.clear();
        for (const std::string& v : list.values) {
          if (!list.value.empty()) list.value += ',';
          list.value += v;
        }
        continue;
      }
    }
    if (out != i) c[out] = std::move(c[i]);
    ++out;
  }
  c.resize(out);
}

}  // namespace chatcart::entities
