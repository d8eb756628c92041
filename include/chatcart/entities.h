// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Commerce entities in what a shopper types, in English, Italian and French:
// money and budgets, numbers (digits or words) and quantities, ordinals,
// ages, colours, sizes, device compatibility, and (from a lexicon, usually
// the catalog's) categories, brands and products. Each entity has its byte
// span in the text, a normalized value and a confidence.
//
//   EntityExtractorOptions options;
//   options.currency = "EUR";  // the store's; amounts without a currency use it
//   auto extractor = EntityExtractor::Create(options);
//   std::vector<Entity> e = (*extractor)->Extract("got anything for my 6yo under 40 quid?", "en");
//   // e[0]: age, "6yo", number 6, detail "years"
//   // e[1]: money, "under 40 quid", kind kUnder, amount_minor 4000, currency "GBP"
//
// What is recognised (see entity_test.cc for the tables of cases):
//   money      "$300", "300 bucks", "40 quid", "1.5k" (with a budget cue), "19,99 €",
//              "between 250 and 700 dollars", "from 20 to 30 euros", "200-300€",
//              "sotto i 50 euro", "tra 100 e 200 euro", "entre 200 et 300 €",
//              "moins de 20 euros", "around $50", "300ish", "50 max"; currency
//              symbols, ISO codes and names; a bare number after an
//              under/over/between/around cue is a budget in the store's currency
//              when the text speaks of money (budget, spend, price, cost...)
//   number     "42", "1,500", "two", "twenty-one", "a dozen", "tre", "ventitré",
//              "centocinquanta", "vingt et un", "quatre-vingt-dix"
//   quantity   a number with a quantity cue: "two of those", "3 pairs", "x2",
//              "add 2", "una dozzina", "deux paires"
//   ordinal    "the first one", "2nd", "la seconda", "le deuxième", "the last"
//              (number -1)
//   age        "my 6 year old", "6yo", "6-year-old", "aged 6", "18 months old",
//              "ha 6 anni", "di 6 anni", "a 6 ans", "8 mois"
//   colour     "red", "navy blue", "rosso/rossa/rosse", "bleu marine" (value: the
//              English name)
//   size       "XL", "size M", "EU 42", "US 9.5", "taglia 42", "pointure 38",
//              "32x30", "W32 L30"
//   compatibility  a device after a cue: "for an iPhone 5", "works with
//              Android", "compatible avec mon Samsung Galaxy S21", "per il mio
//              iPad" (value: platform id "iphone", detail: model "5")
//   category, brand, product  lexicon phrases, matched on stems (plurals,
//              gender) and, for words of five letters or more, within one
//              edit ("canora" for "Canora", "photozen" for "PhotoZen")
// Numbers taken by money, ages, sizes or devices are not reported again as
// numbers. Entities never overlap; they come in text order.
//
// Thread safety: an EntityExtractor is immutable; it is safe for concurrent
// access from multiple threads without any external synchronization.

#ifndef CHATCART_ENTITIES_H_
#define CHATCART_ENTITIES_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace chatcart {

// Values are persisted (traces): never renumber.
enum class EntityType : int {
  kMoney = 0,
  kNumber = 1,
  kQuantity = 2,
  kOrdinal = 3,
  kAge = 4,
  kColour = 5,
  kSize = 6,
  kCompatibility = 7,
  kCategory = 8,
  kBrand = 9,
  kProduct = 10,
};

// "money", "number", "quantity", "ordinal", "age", "colour", "size",
// "compatibility", "category", "brand", "product".
std::string_view EntityTypeName(EntityType type);

enum class MoneyKind : int {
  kExact = 0,
  kUnder = 1,
  kOver = 2,
  kBetween = 3,
  kAround = 4,
};

// "exact", "under", "over", "between", "around".
std::string_view MoneyKindName(MoneyKind kind);

struct MoneyValue {
  MoneyKind kind = MoneyKind::kExact;
  // The amount, for every kind but kBetween, in minor units of `currency`.
  int64_t amount_minor = 0;
  // The range, for kBetween (min <= max).
  int64_t min_minor = 0;
  int64_t max_minor = 0;
  std::string currency;  // ISO 4217
  // The text named the currency (else it is the store's).
  bool currency_stated = false;
};

struct Entity {
  EntityType type = EntityType::kNumber;
  size_t start = 0;  // byte offsets in the text given to Extract()
  size_t end = 0;
  double confidence = 0;  // in (0, 1]
  // kMoney.
  MoneyValue money;
  // kNumber, kQuantity, kOrdinal (1-based; -1 for "last"), kAge (in `detail`
  // units).
  double number = 0;
  // kColour: English colour name ("red"); kSize: "M", "XL", "42", "9.5",
  // "32x30"; kCompatibility: platform id ("iphone", "android", "ipad",
  // "mac", "windows", "windows_phone", "playstation", ...); kCategory,
  // kBrand, kProduct: the lexicon entry's value.
  std::string value;
  // kAge: "years" or "months"; kSize: "letter", "eu", "us", "uk",
  // "waist_length" or "" (unknown system); kCompatibility: the model
  // ("15 pro", "s21"), possibly "".
  std::string detail;
};

// A phrase that names a category, brand or product (usually from the
// catalog's lexicon).
struct LexiconEntry {
  EntityType type = EntityType::kProduct;  // kCategory, kBrand or kProduct
  std::string phrase;                      // as people write it ("PhotoZen 6")
  std::string value;                       // what the entity carries (an id, a name)
  std::string language;                    // "en", "it", "fr"; empty: every language
};

struct EntityExtractorOptions {
  // The store's currency (ISO 4217): amounts without a stated currency use
  // it, and "$" or "dollars" mean it when it is a dollar. Default: "USD".
  std::string currency = "USD";
  std::vector<LexiconEntry> lexicon;
  // Lexicon words of five letters or more also match within one edit.
  // Default: true.
  bool fuzzy = true;
  // Text beyond this many code points is ignored. Default: 2,000.
  size_t max_text_chars = 2000;
};

class EntityExtractor {
 public:
  // INVALID_ARGUMENT for an unknown currency, a lexicon entry with an empty
  // phrase or a type other than category, brand or product (naming the
  // entry's index).
  static absl::StatusOr<std::shared_ptr<const EntityExtractor>> Create(
      const EntityExtractorOptions& options);

  EntityExtractor(const EntityExtractor&) = delete;
  EntityExtractor& operator=(const EntityExtractor&) = delete;
  ~EntityExtractor();

  // The entities of `text` in `language` ("en", "it", "fr"; anything else is
  // English), in text order. Never fails: bad input gives fewer entities.
  std::vector<Entity> Extract(std::string_view text, std::string_view language) const;
  // Same, into *out (cleared first), reusing its storage.
  void Extract(std::string_view text, std::string_view language, std::vector<Entity>* out) const;

  const EntityExtractorOptions& options() const;

 private:
  struct Rep;
  explicit EntityExtractor(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace chatcart

#endif  // CHATCART_ENTITIES_H_
