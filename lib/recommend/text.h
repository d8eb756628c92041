// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The recommender's words in en/it/fr: message templates with {name}
// placeholders, numbers, counts and money formatted for the language. Pure
// functions over static tables; thread-safe.

#ifndef CHATCART_RECOMMEND_TEXT_H_
#define CHATCART_RECOMMEND_TEXT_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"
#include "chatcart/money.h"
#include "text/language.h"

namespace chatcart::recommend {

// The one language type (text/language.h).
using Lang = text::Language;

// text::ParseLanguage as a status: "en", "it", "fr", also with a region
// ("it-IT", "fr_CH"); INVALID_ARGUMENT naming the locale otherwise.
absl::StatusOr<Lang> ParseLang(std::string_view locale);

enum class Msg : int {
  // conditions
  kPriceLe,
  kPriceLt,
  kPriceGe,
  kPriceGt,
  kPriceEq,
  kPriceNe,
  kNumLe,
  kNumLt,
  kNumGe,
  kNumGt,
  kNumEq,
  kNumNe,
  kBrandEq,
  kBrandNe,
  kCategoryEq,
  kCategoryNe,
  kIdEq,
  kIdNe,
  kAge,
  kOr,
  kAnd,
  kRatingLabel,
  // explanations
  kNothing,
  kNoneInCatalog,
  kWith,
  kWithout,
  kProposalOne,
  kProposalMany,
  kProposalOr,
  kEmptyCatalog,
  kOnlyOne,
  kNoAlternative,
  kNoCheaper,
  kOtherApproachHint,
  // reasons
  kWithinBudget,
  kAtBudget,
  kNearTarget,
  kAgeRange,
  kAgeFrom,
  kValue,
  kValueLowest,
  kValueHighest,
  kNamedValue,
  kRatingCount,
  kRatingOnly,
  kBestOfPicks,
  kTradeOff,
  kCheaperAlt,
  kOtherBrandAlt,
  kOtherApproachAlt,
  kMerchant,
  kSimilar,
  kCheaperThan,
  kInsteadOf,
  kPriceLabel,
  kBrandLabel,
  kCategoryLabel,
  kSimilarityLabel,
  kMerchantLabel,
  kNoneAvailable,
  kAllShown,
  kInStock,
  kStockLabel,
  kSuggestCheaper,
  kSuggestDearer,
  kSuggestOtherBrand,
  kSuggestMore,
  kSuggestLess,
  kAboveTarget,
  kBelowTarget,
  kTradeOffTarget,
  kValueLowestKnown,
  kValueHighestKnown,
  kLadderBest,
  kLadderBetter,
  kLadderGood,
  kLadderTop,
  kLadderDearest,
  kLadderMiddle,
  kLadderLowest,
  kPriceRank,
  kQuestion,
  kOptionUnder,
  kOptionBetween,
  kOptionOver,
  kUnknown,
};

using Args = std::initializer_list<std::pair<std::string_view, std::string_view>>;

// The template for `msg` in `lang` with every {name} replaced by its value.
std::string Render(Lang lang, Msg msg, Args args = {});

// Italian "da"/"a" with the plural article a number takes: ("da", 5) ->
// "dai", ("da", 8) -> "dagli", ("a", 11) -> "agli", ("da", 1) -> "dall'".
std::string ItalianPreposition(std::string_view preposition, double n);

// 4.6 -> "4.6" (en) / "4,6" (it, fr); at most two decimals, no trailing zeros.
std::string FormatNumber(double value, Lang lang);
// 1540 -> "1,540" (en), "1.540" (it), "1 540" (fr, narrow no-break space).
std::string FormatCount(int64_t n, Lang lang);
// Money for people: ICU's currency format for the language ("350,00 €").
std::string FormatMoney(const Money& money, Lang lang);

}  // namespace chatcart::recommend

#endif  // CHATCART_RECOMMEND_TEXT_H_
