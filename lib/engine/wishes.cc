// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/wishes.h"

#include <algorithm>
#include <map>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/strings.h"
#include "converse/acts.h"
#include "engine/glossary.h"

namespace chatcart::engine {
namespace {

// Whether plain word `said` names plain word `word` of a value or label:
// the same word, or (both of four letters or more) SameWord.
bool Names(std::string_view said, std::string_view word) {
  if (said == word) return true;
  return said.size() >= 4 && word.size() >= 4 && SameWord(said, word);
}

// The shopper's words and the glossary's words of the same meaning.
struct Said {
  std::vector<std::string> words;     // plain, as said
  std::vector<std::string> meanings;  // words (3+ letters) and their glossary kin
  // Bit c % 64 set for each first byte c of `words` and of `meanings`: a
  // word starting otherwise is none of them (Names needs a common start).
  uint64_t word_starts = 0;
  uint64_t meaning_starts = 0;

  static uint64_t Bit(std::string_view w) { return w.empty() ? 0 : uint64_t{1} << (w[0] % 64); }

  bool NamesWord(std::string_view word) const {
    if ((meaning_starts & Bit(word)) == 0) return false;
    for (const std::string& m : meanings) {
      if (Names(m, word)) return true;
    }
    return false;
  }
  // A label of one word: a word said (three letters or more, numbers aside)
  // or its kin; of several: every one of its words said, as said.
  bool NamesLabel(const std::vector<std::string>& label) const {
    if (label.empty()) return false;
    if (label.size() == 1) return NamesWord(label.front());
    for (const std::string& l : label) {
      if ((word_starts & Bit(l)) == 0) return false;
      bool found = false;
      for (const std::string& w : words) found = found || Names(w, l);
      if (!found) return false;
    }
    return true;
  }
};

Said SaidOf(const std::vector<std::string>& words) {
  Said said;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    said.words.push_back(w);
    said.word_starts |= Said::Bit(w);
    if (w.size() < 3 || std::all_of(w.begin(), w.end(), absl::ascii_isdigit)) continue;
    said.meanings.push_back(w);
    for (std::string_view kin : SameMeaning(w)) said.meanings.emplace_back(kin);
  }
  for (const std::string& m : said.meanings) said.meaning_starts |= Said::Bit(m);
  return said;
}

// Whether `said` names yes/no attribute `id` by its name or a whole label
// ("decaf"; "bio"; not "café" for "Sans caféine").
bool NamesYesNo(const Said& said, const CatalogWords& words_of, AttributeId id) {
  for (const std::vector<std::string>& name : words_of.YesNoNames(id)) {
    if (said.NamesLabel(name)) return true;
  }
  return false;
}

// "Bio si possible", "preferably", "magari": wishes, not conditions.
bool SaysIfPossible(const std::vector<std::string>& plain) {
  for (size_t i = 0; i < plain.size(); ++i) {
    const std::string& w = plain[i];
    if (w == "preferably" || w == "ideally" || w == "possibilmente" || w == "magari" ||
        w == "idealmente" || w == "idealement" || w == "preferibilmente" || w == "preference") {
      return true;
    }
    if (i + 1 < plain.size() && (w == "if" || w == "si" || w == "se") &&
        (plain[i + 1] == "possible" || plain[i + 1] == "possibile")) {
      return true;
    }
  }
  return false;
}

// Units as shoppers write them, by the catalog's unit (folded).
struct UnitWords {
  std::string_view unit;
  std::string_view words;  // space-separated, plain
};
constexpr UnitWords kUnitWords[] = {
    {"gb", "gb giga gigas gigabyte gigabytes go gigaoctets"},
    {"tb", "tb tera terabyte terabytes to"},
    {"h", "h hr hrs hour hours ora ore heure heures"},
    {"mah", "mah"},
    {"in", "in inch inches pollici pouces"},
};

// The catalog unit (folded) plain word `word` writes, or empty.
std::string_view UnitOf(std::string_view word) {
  for (const UnitWords& u : kUnitWords) {
    for (absl::string_view w :
         absl::StrSplit(absl::string_view(u.words.data(), u.words.size()), ' ')) {
      if (w == absl::string_view(word.data(), word.size())) return u.unit;
    }
  }
  return {};
}

// "At least", "almeno", "au moins" before a number: >=; "max", "under",
// "fino a": <=; nothing said: >= (16 GB of memory is at least 16).
std::string_view ComparisonBefore(const std::vector<std::string>& plain, size_t at) {
  static constexpr std::string_view kAtMost[] = {"max",   "massimo", "maximum", "most",  "under",
                                                 "below", "fino",    "jusqu",   "moins", "meno",
                                                 "sotto", "less",    "upto"};
  static constexpr std::string_view kAtLeast[] = {"least",  "almeno", "minimum", "min",
                                                  "minimo", "plus",   "piu",     "oltre",
                                                  "more",   "over",   "sopra",   "moins"};
  for (size_t back = 1; back <= 3 && back <= at; ++back) {
    const std::string& w = plain[at - back];
    // "au moins" is at least; "moins de" at most.
    if (w == "moins" && at - back > 0 && plain[at - back - 1] == "au") return ">=";
    for (std::string_view m : kAtMost) {
      if (w == m) return "<=";
    }
    for (std::string_view m : kAtLeast) {
      if (w == m) return ">=";
    }
  }
  return ">=";
}

// "Almeno 16 giga di ram", "12 h d'autonomie", "512gb storage": a number
// with the unit or the name of a number attribute beside it. Ages and
// prices are the slots' (units "years", money); an attribute named by
// neither is left out, as is a unit two attributes share with no name said.
void AddNumberWishes(const CatalogWords& words_of, const std::vector<std::string>& plain,
                     std::vector<std::string>* wishes) {
  const Catalog& catalog = words_of.catalog();
  for (size_t i = 0; i < plain.size(); ++i) {
    const std::string& w = plain[i];
    size_t digits = 0;
    while (digits < w.size() && absl::ascii_isdigit(static_cast<unsigned char>(w[digits]))) {
      ++digits;
    }
    if (digits == 0 || digits > 6) continue;
    std::string_view unit = digits < w.size() ? UnitOf(std::string_view(w).substr(digits)) : "";
    if (digits < w.size() && unit.empty()) continue;  // "5x7", "3kg" of another kind
    size_t after = i + 1;
    if (unit.empty() && after < plain.size()) {
      unit = UnitOf(plain[after]);
      if (!unit.empty()) ++after;
    }
    // Attribute words after the number ("16 giga di ram", "12 h
    // d'autonomie") or just before it ("ram 16gb").
    std::vector<std::string> around;
    for (size_t j = i >= 1 ? i - 1 : 0; j < std::min(plain.size(), after + 3); ++j) {
      if (j != i) around.push_back(plain[j]);
    }
    std::optional<AttributeId> chosen;
    for (const Asked& asked : AskedAbout(words_of, around)) {
      if (asked.kind != Asked::kAttribute) continue;
      const AttributeInfo& info = catalog.attributes()[asked.attribute];
      if (info.type != AttributeType::kNumber) continue;
      if (!unit.empty() && absl::AsciiStrToLower(info.unit) != unit &&
          !(unit == "tb" && absl::AsciiStrToLower(info.unit) == "gb")) {
        continue;
      }
      chosen = info.id;
      break;
    }
    if (!chosen.has_value() && !unit.empty()) {
      int with_unit = 0;
      for (const AttributeInfo& info : catalog.attributes()) {
        if (info.type == AttributeType::kNumber && absl::AsciiStrToLower(info.unit) == unit) {
          ++with_unit;
          chosen = info.id;
        }
      }
      if (with_unit != 1) chosen.reset();
    }
    if (!chosen.has_value()) continue;
    const AttributeInfo& info = catalog.attributes()[*chosen];
    if (info.unit == "years" || info.unit == "cents") continue;
    std::string clause =
        absl::StrCat(info.name, ToAbsl(ComparisonBefore(plain, i)), w.substr(0, digits));
    if (!unit.empty()) absl::StrAppend(&clause, " ", unit == "tb" ? "TB" : info.unit);
    wishes->push_back(std::move(clause));
  }
}

}  // namespace

std::vector<std::string> WishesIn(const CatalogWords& words_of,
                                  const dialogue::Understanding& understanding) {
  const Catalog& catalog = words_of.catalog();
  std::vector<std::string> wishes;
  // What is not wanted, and the words it was said with.
  std::vector<std::string> unwanted;
  for (const converse::Act& act : understanding.acts) {
    if (act.kind != converse::ActKind::kExclude || act.arg.empty()) continue;
    for (std::string& w : PlainWordsOf(act.arg)) unwanted.push_back(std::move(w));
    const Said said = SaidOf(PlainWordsOf(act.arg));
    bool done = false;
    for (const AttributeInfo& info : catalog.attributes()) {
      if (info.type != AttributeType::kBool || !NamesYesNo(said, words_of, info.id)) continue;
      wishes.push_back(absl::StrCat(info.name, "=false"));
      done = true;
      break;
    }
    if (done) continue;
    if (std::optional<std::string> clause = ExclusionFor(catalog, act.arg, {})) {
      wishes.push_back(*std::move(clause));
    }
  }
  // A colour said with a negation ("pas noire", "not in black"): that
  // colour left out.
  for (const dialogue::Entity& e : understanding.entities) {
    if (e.type != "not_colour") continue;
    for (std::string& w : PlainWordsOf(e.text)) unwanted.push_back(std::move(w));
    for (absl::string_view colour : absl::StrSplit(e.value.text, ',', absl::SkipEmpty())) {
      if (std::optional<std::string> clause = ExclusionFor(catalog, ToStd(colour), {})) {
        wishes.push_back(*std::move(clause));
      }
    }
  }
  std::vector<std::string> plain;
  for (const std::string& w : understanding.words) {
    std::string p = PlainWord(w);
    if (std::find(unwanted.begin(), unwanted.end(), p) == unwanted.end()) {
      plain.push_back(std::move(p));
    }
  }
  const Said said = SaidOf(plain);
  if (said.words.empty()) return wishes;
  for (const AttributeInfo& info : catalog.attributes()) {
    if (info.type == AttributeType::kBool && NamesYesNo(said, words_of, info.id)) {
      wishes.push_back(absl::StrCat(info.name, "=true"));
    }
  }
  // Values named, joined per attribute ("colour=white|black").
  std::vector<std::string> values;
  AttributeId current = 0;
  auto flush = [&] {
    if (values.empty()) return;
    wishes.push_back(absl::StrCat(catalog.attributes()[current].name, "=",
                                  absl::StrJoin(values, "|")));
    values.clear();
  };
  // Only the values a word said may name, by their keys (NameKey), in the
  // order of value_names().
  std::vector<std::string_view> keys;
  for (const std::vector<std::string>* list : {&said.words, &said.meanings}) {
    for (const std::string& w : *list) {
      const std::string_view key = NameKey(w);
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(key);
    }
  }
  std::vector<uint32_t> candidates;
  for (std::string_view key : keys) {
    for (uint32_t k : words_of.ValuesKeyed(key)) candidates.push_back(k);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (uint32_t k : candidates) {
    const CatalogWords::ValueNames& v = words_of.value_names()[k];
    if (v.attribute != current) {
      flush();
      current = v.attribute;
    }
    for (const std::vector<std::string>& name : v.names) {
      if (!said.NamesLabel(name)) continue;
      values.push_back(v.value);
      break;
    }
  }
  flush();
  AddNumberWishes(words_of, plain, &wishes);
  for (const std::string& brand : catalog.brands()) {
    const std::vector<std::string> words = PlainWordsOf(brand);
    if (words.size() == 1 && words.front().size() >= 4 && said.NamesLabel(words)) {
      wishes.push_back(absl::StrCat("brand=", brand));
    }
  }
  if (wishes.size() > kMaxWishes) wishes.resize(kMaxWishes);
  if (SaysIfPossible(plain)) {
    for (std::string& w : wishes) w.insert(0, kSoftWish);
  }
  return wishes;
}

std::string WishField(const std::string& clause) {
  const size_t from = clause.starts_with(kSoftWish) ? kSoftWish.size() : 0;
  const size_t op = clause.find_first_of("!=<>", from);
  return clause.substr(from, op - from);
}

std::vector<std::string> MergeWishes(std::vector<std::string> wishes,
                                     const std::vector<std::string>& more) {
  for (const std::string& clause : more) {
    const std::string field = WishField(clause);
    std::erase_if(wishes, [&](const std::string& w) { return WishField(w) == field; });
  }
  wishes.insert(wishes.end(), more.begin(), more.end());
  if (wishes.size() > kMaxWishes) wishes.erase(wishes.begin(), wishes.end() - kMaxWishes);
  return wishes;
}

}  // namespace chatcart::engine
