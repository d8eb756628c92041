// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// One extraction in progress: the text, its tokens, the units (tokens with
// phrases joined and numbers read), and the candidate entities each
// recognizer proposes. Recognizers read a Scan and append Candidates;
// resolve.h keeps the best non-overlapping ones.
//
// A Scan belongs to one call on one thread.

#ifndef CHATCART_ENTITIES_SCAN_H_
#define CHATCART_ENTITIES_SCAN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chatcart/entities.h"
#include "chatcart/money.h"
#include "entities/decimal.h"
#include "entities/lexicon.h"
#include "text/language.h"
#include "text/tokenize.h"

namespace chatcart {
class Catalog;
}  // namespace chatcart

namespace chatcart::entities {

enum class EntityType : uint8_t {
  kMoney,
  kNumber,
  kQuantity,
  kOrdinal,
  kAge,
  kColour,
  kSize,
  kCompatibility,
  kCategory,
  kBrand,
  kProduct,
  kModel,
};

// "money", "number", ... as Entity::type spells them.
std::string_view EntityTypeName(EntityType type);

// What letters glued to a number mean ("1.5k", "6yo", "2nd", "x2", "eu42").
enum class Affix : uint8_t {
  kNone,
  kThousands,   // 1.5k
  kAgeYears,    // 6yo, 6y, 6yrs, 6enne
  kOrdinal,     // 2nd, 3rd, 1er, 2e, 2ème
  kTimes,       // 2x, x2
  kAround,      // 300ish
  kCurrency,    // 20eur, rs500 (affix_info is the currency word)
  kSizeSystem,  // eu42, us9 (affix_info is the system)
  kSizeLetter,  // 2xl, 3xl
  kWaist,       // w32
  kLength,      // l30
  kCompat,      // iphone15, ps5 (affix_info is the platform)
  kByNumber,    // 32x30 (`second` holds 30)
  kCents,       // 43c, 99ct
};

struct Unit {
  uint32_t begin = 0;  // byte span in the text
  uint32_t end = 0;
  uint32_t first_token = 0;  // the tokens [first_token, last_token)
  uint32_t last_token = 0;
  const WordInfo* info = nullptr;       // nullptr: unknown word, or a merged number
  const LexiconEntry* entry = nullptr;  // the first token's entry, or nullptr
  std::string_view text;                // the folded token (first token of a phrase)
  text::TokenKind kind = text::TokenKind::kWord;
  bool phrase = false;  // several tokens

  // Numbers (numbers.cc).
  bool has_number = false;
  bool number_words = false;  // spelled out ("twenty-five")
  bool article = false;       // "a", "un", "une": 1 only in "a dozen"
  bool pronoun = false;       // "one" in "the red one": no number
  bool designation = false;   // a model number or a year, no count: "RTX 4070", "covid-19",
                              // "the 2024 model" (not_amounts.cc)
  Decimal number;
  Affix prefix = Affix::kNone;
  Affix suffix = Affix::kNone;
  const WordInfo* affix_info = nullptr;
  Decimal second;  // kByNumber

  bool Has(uint64_t role) const { return info != nullptr && info->Has(role); }
  bool IsSymbol(std::string_view s) const { return kind == text::TokenKind::kSymbol && text == s; }
  bool IsDash() const { return IsSymbol("-"); }
  // A number with no letters glued to it.
  bool PlainNumber() const {
    return has_number && !pronoun && prefix == Affix::kNone && suffix == Affix::kNone;
  }
};

struct Candidate {
  EntityType type = EntityType::kNumber;
  uint32_t begin = 0;
  uint32_t end = 0;
  int priority = 0;  // higher wins an overlap (see kPriority*)
  double confidence = 0;
  BudgetKind kind = BudgetKind::kExact;  // money
  std::optional<Money> min, max;         // money
  bool currency_stated = false;          // money
  int64_t number = 0;                    // number, quantity, ordinal, age; model: products
  std::string value;                     // colour, size, compatibility, category, brand, product,
                                         // model; number: the exact decimal
  std::vector<std::string> values;       // a list's values (lists.h); empty: just `value`
  bool either = false;                   // a list joined by "or"
  bool negated = false;                  // "not red" (lists.h)
  bool pair = false;                     // quantity: "a pair", "un paio", "une paire"
};

// Who wins when two candidates overlap: the higher priority, then the longer
// span, then the earlier one.
inline constexpr int kPriorityMoney = 90;    // with a currency or "k"
inline constexpr int kPriorityAge = 85;      // with "year old", "anni", "yo"
inline constexpr int kPriorityProduct = 82;  // a catalog name beats a platform in it
inline constexpr int kPriorityModel = 81;
inline constexpr int kPriorityCompat = 80;
inline constexpr int kPrioritySize = 76;
inline constexpr int kPriorityBrand = 74;
inline constexpr int kPriorityOrdinal = 70;
inline constexpr int kPriorityColour = 68;
inline constexpr int kPriorityCategory = 62;
inline constexpr int kPriorityBudget = 60;  // a budget cue without a currency
inline constexpr int kPriorityQuantity = 50;
inline constexpr int kPriorityWeakAge = 45;  // "6 anni" with no other cue
inline constexpr int kPriorityNumber = 10;

// What the extractor was built with, as the recognizers need it.
class CatalogNames;

struct ScanConfig {
  std::string store_currency;   // ISO 4217
  std::string dollar_currency;  // what "$" and "dollars" mean: the store's if a dollar, else USD
  const CatalogNames* catalog = nullptr;  // nullptr: no brands or products
};

struct Scan {
  std::string_view text;  // the (possibly cut) input
  text::Language language = text::Language::kEnglish;
  const Lexicon* lexicon = nullptr;
  const ScanConfig* config = nullptr;
  std::vector<text::Token> tokens;
  std::vector<Unit> units;
  mutable std::vector<uint32_t> lemmas;  // scratch for category matching
  mutable std::vector<uint8_t> usable;   // scratch for product names
  mutable std::vector<uint8_t> generic;

  // The unit at `i`, or nullptr out of range.
  const Unit* at(int i) const {
    return i >= 0 && i < static_cast<int>(units.size()) ? &units[static_cast<size_t>(i)] : nullptr;
  }
  bool Has(int i, uint64_t role) const {
    const Unit* u = at(i);
    return u != nullptr && u->Has(role);
  }
  // The original bytes of unit `u`.
  std::string_view Original(const Unit& u) const { return text.substr(u.begin, u.end - u.begin); }
  // Whether the byte before `pos` is `c` (0 at the start).
  bool CharBefore(uint32_t pos, char c) const { return pos > 0 && text[pos - 1] == c; }
  bool CharAt(uint32_t pos, char c) const { return pos < text.size() && text[pos] == c; }
};

// Joins tokens into units, longest phrase first, left to right.
void Segment(Scan* scan);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_SCAN_H_
