// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The lexicon of one language: every word and phrase any entity recognizer
// cares about, with what each recognizer knows of it (its roles), so a token
// costs one hash lookup however many recognizers run. Recognizers add their
// words while the extractor is built (LexiconBuilder) and read them while it
// runs (Lexicon::Find; scan.h joins tokens into phrases).
//
// Keys are folded as text::Tokenize folds (lower case, NFKC, apostrophes and
// dashes unified); each word and phrase is also entered without accents, so
// "troisieme" finds "troisième". A phrase is tokenized like the input it is
// matched against ("jusqu'à" -> jusqu, à; "year-old" -> year, -, old).
//
// A Lexicon is immutable once built and safe for concurrent use; a
// LexiconBuilder is used by one thread.

#ifndef CHATCART_ENTITIES_LEXICON_H_
#define CHATCART_ENTITIES_LEXICON_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "text/tokenize.h"

namespace chatcart::entities {

// What a word or phrase is to the recognizers. A bit per role.
enum Role : uint64_t {
  // Numbers (number_words.cc, numbers.cc).
  kNumberWord = 1ull << 0,  // `number` and `number_class` hold its value
  kNumberAnd = 1ull << 1,   // "and", "et", "e" inside a number ("vingt et un")
  kPronounOne = 1ull << 2,  // "one" that may be a pronoun ("the red one")
  kDeterminer = 1ull << 3,  // the, this, il, la, le, les...
  kArticle = 1ull << 4,     // skipped after a budget cue (it: i, gli; fr: les)
  // Money (money.cc).
  kCurrency = 1ull << 5,       // `currency` indexes the currency table
  kBudgetPrefix = 1ull << 6,   // `budget` is the kind: "under", "tra", "environ"
  kBudgetPostfix = 1ull << 7,  // `budget` is the kind: "or less", "max", "o più"
  kRangeJoiner = 1ull << 8,    // and, to, e, a, et, à, - between two amounts
  kThousands = 1ull << 9,      // "k", "grand": times 1000 (and it is money)
  kBudgetLead = 1ull << 10,    // "budget": an amount after it is a budget
  kFiller = 1ull << 11,        // is, of, di, de, è: skipped after a lead
  kMeasureUnit = 1ull << 12,   // kg, cm, gb, %...: the number is no amount
  kMinorUnit = 1ull << 13,     // cents, centesimi, centimes
  // Quantities and ordinals (quantity.cc).
  kOrdinal = 1ull << 14,           // `ordinal` is n (-1 last, -2 second to last)
  kOrdinalNoun = 1ull << 15,       // one, uno, option, item, celui: "the 2nd one"
  kOrdinalNumberCue = 1ull << 16,  // number, option, numero: "option 2"
  kTimeNoun = 1ull << 17,          // time, week, volta, fois: "the last time"
  kQuantityVerb = 1ull << 18,      // take, want, prendo, prends: "take 2"
  kQuantityAfter = 1ull << 19,     // of those, di quelli, de ceux: "2 of those"
  kQuantityNoun = 1ull << 20,      // pieces, pezzi, exemplaires
  kQuantityCue = 1ull << 21,       // qty, quantity, quantità: "qty 3"
  kMore = 1ull << 22,              // more, in più, de plus: "2 more"
  // Age (age.cc).
  kAgeYears = 1ull << 23,   // year(s), anni, ans
  kAgeMonths = 1ull << 24,  // month(s), mesi, mois
  kAgeOld = 1ull << 25,     // "old" or "year old": certainly an age
  kAgeCue = 1ull << 26,     // aged, turning, compie, età, âgé de
  kAgePerson = 1ull << 27,  // son, bambino, enfant: "my son is 6 years"
  kAgeBlock = 1ull << 28,   // warranty, garanzia, for, da, depuis: not an age
  kAgeHas = 1ull << 29,     // ha, a, has: "ha 6 anni"
  // Size (size.cc).
  kSizeCue = 1ull << 30,     // size, taglia, taille, pointure
  kSizeSystem = 1ull << 31,  // eu, us, uk: `value` is "EU"...
  kSizeLetter = 1ull << 32,  // xl, xs, xxl: `value` is "XL"
  kSizeWord = 1ull << 33,    // small, medium, large: `value`, only after a cue
  kShoeWord = 1ull << 34,    // shoes, scarpe, chaussures: makes "US 9" a size
  // Colour (colour.cc).
  kColour = 1ull << 35,           // `value` is the canonical English name
  kColourModPrefix = 1ull << 36,  // light, dark (en): `value` is "light"/"dark"
  kColourModSuffix = 1ull << 37,  // chiaro, scuro, clair, foncé
  // Compatibility (compatibility.cc).
  kCompat = 1ull << 38,            // `value` is the canonical platform
  kCompatCue = 1ull << 39,         // for, works with, per, pour, compatible avec
  kModelSuffix = 1ull << 40,       // pro, max, plus, mini: part of "iPhone 15 Pro"
  kWeakCurrency = 1ull << 41,      // pound, livre, balles: a currency, less surely
  kCueNeedsCurrency = 1ull << 42,  // sui, vers, within: a budget cue only with a currency
  kAgeIs = 1ull << 43,             // is, 's: "my daughter is 7" (after a child noun)
  kBrand = 1ull << 44,             // a catalog brand: `value` is its name as the catalog writes it
  kSizeVerb = 1ull << 45,          // wear, wears: a size cue the span leaves out
  kCompatNeedsCue = 1ull << 46,    // samsung: a platform only after a cue ("per il mio Samsung")
  kMonth = 1ull << 47,             // march, maggio, mars: a number beside it is a date
  kBudgetVerb = 1ull << 48,        // exceed, superare, dépasser: an "over" cue said as a verb
  kLimitLead = 1ull << 49,         // limit, limite, plafond: the amount after it is a maximum
  kPairWord = 1ull << 50,          // "a pair", "un paio", "une paire": one item of a pair
  kDeviceNeedsModel = 1ull << 51,  // pixel, surface, moto: a device only with a model or a cue
  kDeviceMaker = 1ull << 52,       // htc, sony, dell, google: joins the device after it
  kPhoneWord = 1ull << 53,         // phone, telefono, téléphone: "Windows phone"
};

// Number words by how they combine ("twenty" + "five", "deux" + "cents").
enum class NumberClass : uint8_t {
  kNone,
  kUnit,      // 1-9
  kTeen,      // 10-19 (and Italian/French 11-16 words)
  kTens,      // 20, 30 ... 90 (French 60 and 80 take teens: "soixante-dix")
  kHundred,   // times 100
  kThousand,  // times 1000
  kMillion,   // times 1,000,000
  kWhole,     // a value that takes nothing: "dozen", "ventitré", "a couple of"
  kArticle,   // "a", "an", "un", "une": 1 before a multiplier only
};

struct WordInfo {
  uint64_t roles = 0;
  int64_t number = 0;  // kNumberWord
  NumberClass number_class = NumberClass::kNone;
  int8_t budget = -1;     // kBudgetPrefix/Postfix: a BudgetKind value
  int16_t currency = -1;  // kCurrency: index into the currency table (money.h)
  int32_t ordinal = 0;    // kOrdinal
  int32_t value = -1;     // colour, compatibility, size: Lexicon::value()

  bool Has(uint64_t role) const { return (roles & role) != 0; }
};

// A phrase beyond its first token.
struct Phrase {
  std::vector<std::string> rest;  // tokens after the first
  WordInfo info;
};

struct LexiconEntry {
  bool is_word = false;  // `word` applies to the token alone
  WordInfo word;
  std::vector<Phrase> phrases;  // longest first
  uint32_t lemma = 0;           // category vocabulary word (category.h); 0: none
};

class Lexicon {
 public:
  // The entry of a folded token, or nullptr.
  const LexiconEntry* Find(std::string_view token) const;
  // The canonical string for WordInfo::value.
  const std::string& value(int32_t id) const { return values_[static_cast<size_t>(id)]; }
  size_t size() const { return map_.size(); }
  // Calls `fn` with every folded word that starts an entry.
  template <typename Fn>
  void ForEachWord(Fn fn) const {
    for (const auto& [word, entry] : map_) fn(std::string_view(word));
  }

 private:
  friend class LexiconBuilder;
  absl::flat_hash_map<std::string, LexiconEntry> map_;
  std::vector<std::string> values_;
};

class LexiconBuilder {
 public:
  LexiconBuilder();

  // Applies `edit` to the info of `phrase` (one word or several; folded and
  // tokenized here, and entered with and without accents). Roles accumulate:
  // several recognizers may describe one word.
  void Add(std::string_view phrase, const std::function<void(WordInfo&)>& edit);
  // Shorthand: adds `roles`.
  void AddRoles(std::string_view phrase, uint64_t roles);
  // Several phrases with the same roles.
  void AddRoles(std::initializer_list<std::string_view> phrases, uint64_t roles);

  // Interns a canonical string; the id goes in WordInfo::value.
  int32_t Value(std::string_view canonical);

  // Marks the folded single token `word` as the category-vocabulary word
  // `lemma` (not tokenized; no accent variant). An existing lemma is kept.
  void SetLemma(std::string_view word, uint32_t lemma);
  // The lemma of `word`, or 0.
  uint32_t Lemma(std::string_view word) const;

  std::unique_ptr<Lexicon> Build();

 private:
  void AddTokens(const std::vector<std::string>& tokens,
                 const std::function<void(WordInfo&)>& edit);

  std::unique_ptr<Lexicon> lexicon_;
  absl::flat_hash_map<std::string, int32_t> value_ids_;
};

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_LEXICON_H_
