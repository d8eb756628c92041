// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// EntityExtractor: builds one lexicon (and category table) per language from
// every recognizer's words, then runs the recognizers over each text and
// resolves their overlaps.

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/entities.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "entities/age.h"
#include "entities/catalog_names.h"
#include "entities/category.h"
#include "entities/colour.h"
#include "entities/compatibility.h"
#include "entities/lexicon.h"
#include "entities/lists.h"
#include "entities/money.h"
#include "entities/not_amounts.h"
#include "entities/numbers.h"
#include "entities/quantity.h"
#include "entities/resolve.h"
#include "entities/scan.h"
#include "entities/size.h"
#include "text/language.h"
#include "text/tokenize.h"
#include "text/utf8.h"

namespace chatcart {
namespace {

using entities::Candidate;
using entities::Scan;
using text::Language;

struct LanguageTables {
  Language language = Language::kEnglish;
  std::unique_ptr<entities::Lexicon> lexicon;
  entities::CategoryTable categories;
};

// What one thread reuses from call to call.
struct Scratch {
  Scan scan;
  std::vector<Candidate> candidates;
};

absl::Status CheckVocabulary(const std::vector<VocabularyEntry>& entries, std::string_view field) {
  for (size_t i = 0; i < entries.size(); ++i) {
    const VocabularyEntry& e = entries[i];
    const std::string where = absl::StrCat("EntityExtractorOptions.", ToAbsl(field), "[", i, "]");
    if (text::Tokenize(e.phrase).empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": phrase \"", e.phrase, "\" has no words"));
    }
    if (e.value.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(where, " (\"", e.phrase, "\"): empty value"));
    }
    if (!e.language.empty() && !text::ParseLanguage(e.language).has_value()) {
      return absl::InvalidArgumentError(absl::StrCat(where, " (\"", e.phrase,
                                                     "\"): unknown language \"", e.language,
                                                     "\" (want en, it or fr)"));
    }
  }
  return absl::OkStatus();
}

bool ForLanguage(const VocabularyEntry& e, Language language) {
  return e.language.empty() || text::ParseLanguage(e.language) == language;
}

}  // namespace

struct EntityExtractor::Rep {
  EntityExtractorOptions options;
  std::unique_ptr<entities::CatalogNames> catalog;  // null without a catalog
  entities::ScanConfig config;
  std::vector<LanguageTables> languages;  // options.languages order, no duplicates

  // "a pair of headphones": one item when the category is sold in pairs.
  void OnePerPair(std::vector<Candidate>* candidates) const {
    std::vector<Candidate>& c = *candidates;
    for (size_t i = 0; i + 1 < c.size(); ++i) {
      if (c[i].type != entities::EntityType::kQuantity || !c[i].pair) continue;
      const Candidate& next = c[i + 1];
      if (next.type != entities::EntityType::kCategory || next.begin - c[i].end > 24) continue;
      for (const std::string& category : options.pair_categories) {
        if (category == next.value) c[i].number = 1;
      }
    }
  }

  const LanguageTables& Pick(std::string_view code) const {
    if (std::optional<Language> l = text::ParseLanguage(code)) {
      for (const LanguageTables& t : languages) {
        if (t.language == *l) return t;
      }
    }
    return languages.front();
  }
};

absl::StatusOr<std::shared_ptr<const EntityExtractor>> EntityExtractor::Create(
    const EntityExtractorOptions& options) {
  auto rep = std::make_unique<Rep>();
  rep->options = options;
  if (!CurrencyExponent(options.currency).ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("EntityExtractorOptions.currency: \"", options.currency,
                     "\" is not an ISO 4217 currency code (three capitals, e.g. USD)"));
  }
  if (options.languages.empty()) {
    return absl::InvalidArgumentError("EntityExtractorOptions.languages: empty (want en, it, fr)");
  }
  if (!(options.catalog_min_score > 0 && options.catalog_min_score <= 1)) {
    return absl::InvalidArgumentError(absl::StrCat("EntityExtractorOptions.catalog_min_score: ",
                                                   options.catalog_min_score, " is not in (0, 1]"));
  }
  CHATCART_RETURN_IF_ERROR(CheckVocabulary(options.colours, "colours"));
  CHATCART_RETURN_IF_ERROR(CheckVocabulary(options.compatibility, "compatibility"));
  CHATCART_RETURN_IF_ERROR(CheckVocabulary(options.categories, "categories"));
  rep->config.store_currency = options.currency;
  rep->config.dollar_currency =
      entities::IsDollarCurrency(options.currency) ? options.currency : "USD";
  if (options.catalog != nullptr) {
    rep->catalog =
        std::make_unique<entities::CatalogNames>(*options.catalog, options.catalog_min_score);
    rep->config.catalog = rep->catalog.get();
  }
  for (size_t i = 0; i < options.languages.size(); ++i) {
    std::optional<Language> language = text::ParseLanguage(options.languages[i]);
    if (!language.has_value()) {
      return absl::InvalidArgumentError(absl::StrCat("EntityExtractorOptions.languages[", i,
                                                     "]: unknown language \"", options.languages[i],
                                                     "\" (want en, it or fr)"));
    }
    bool seen = false;
    for (const LanguageTables& t : rep->languages) seen = seen || t.language == *language;
    if (seen) continue;
    LanguageTables& tables = rep->languages.emplace_back();
    tables.language = *language;
    entities::LexiconBuilder builder;
    entities::AddNumberWords(*language, &builder);
    entities::AddDateWords(*language, &builder);
    entities::AddMoneyWords(*language, rep->config, &builder);
    entities::AddQuantityWords(*language, &builder);
    entities::AddAgeWords(*language, &builder);
    entities::AddSizeWords(*language, &builder);
    entities::AddColourWords(*language, &builder);
    entities::AddCompatibilityWords(*language, &builder);
    for (const VocabularyEntry& e : options.colours) {
      if (ForLanguage(e, *language)) entities::AddColour(e.phrase, e.value, &builder);
    }
    for (const VocabularyEntry& e : options.compatibility) {
      if (ForLanguage(e, *language)) entities::AddPlatform(e.phrase, e.value, &builder);
    }
    for (const VocabularyEntry& e : options.categories) {
      if (ForLanguage(e, *language)) tables.categories.Add(e.phrase, e.value, *language, &builder);
    }
    if (rep->catalog != nullptr) {
      rep->catalog->AddWords(*language, &builder,
                             options.categories_from_catalog ? &tables.categories : nullptr);
    }
    tables.categories.Finish();
    tables.lexicon = builder.Build();
  }
  return std::shared_ptr<const EntityExtractor>(new EntityExtractor(std::move(rep)));
}

EntityExtractor::EntityExtractor(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
EntityExtractor::~EntityExtractor() = default;

const EntityExtractorOptions& EntityExtractor::options() const { return rep_->options; }

std::vector<std::string> EntityExtractor::Words(std::string_view language) const {
  std::vector<std::string> words;
  std::optional<Language> l = text::ParseLanguage(language);
  if (!l.has_value()) return words;
  for (const LanguageTables& t : rep_->languages) {
    if (t.language != *l) continue;
    t.lexicon->ForEachWord([&words](std::string_view w) { words.emplace_back(w); });
  }
  std::sort(words.begin(), words.end());  // the same order on every run
  return words;
}

std::vector<Entity> EntityExtractor::Extract(std::string_view text,
                                             std::string_view language) const {
  ExtractResult result;
  Extract(text, language, &result);
  return std::move(result.entities);
}

void EntityExtractor::Extract(std::string_view input, std::string_view language,
                              ExtractResult* result) const {
  result->entities.clear();
  const LanguageTables& tables = rep_->Pick(language);
  result->language = text::LanguageCode(tables.language);
  const size_t cut = text::Utf8PrefixBytes(input, rep_->options.max_text_chars);
  result->truncated = cut < input.size();
  const std::string_view text = input.substr(0, cut);

  thread_local Scratch scratch;
  Scan& scan = scratch.scan;
  scan.text = text;
  scan.language = tables.language;
  scan.lexicon = tables.lexicon.get();
  scan.config = &rep_->config;
  text::Tokenize(text, {.keep_symbols = true}, &scan.tokens);
  entities::Segment(&scan);
  entities::ReadNumbers(&scan);
  entities::MaskNotAmounts(&scan);

  std::vector<Candidate>& candidates = scratch.candidates;
  candidates.clear();
  entities::FindMoney(scan, &candidates);
  entities::FindAges(scan, &candidates);
  entities::FindQuantities(scan, &candidates);
  entities::FindOrdinals(scan, &candidates);
  entities::FindSizes(scan, &candidates);
  entities::FindColours(scan, &candidates);
  entities::FindCompatibility(scan, &candidates);
  tables.categories.Find(scan, &candidates);
  if (rep_->catalog != nullptr) rep_->catalog->Find(scan, &candidates);
  entities::FindNumbers(scan, &candidates);
  entities::Resolve(&candidates);
  entities::MarkNegationsAndJoinLists(scan, &candidates);
  if (!rep_->options.pair_categories.empty()) rep_->OnePerPair(&candidates);

  result->entities.reserve(candidates.size());
  for (Candidate& c : candidates) {
    Entity& e = result->entities.emplace_back();
    e.type = entities::EntityTypeName(c.type);
    e.start = static_cast<int>(c.begin);
    e.end = static_cast<int>(c.end);
    // The span's bytes as typed (entities.h), ill-formed ones included: a
    // host that needs UTF-8 scrubs at its boundary, as the C API's JSON does.
    e.text = std::string(text.substr(c.begin, c.end - c.begin));
    e.confidence = c.confidence;
    e.money = BudgetValue{c.kind, c.min, c.max, c.currency_stated};
    e.number = c.number;
    e.either = c.either;
    e.negated = c.negated;
    if (!c.values.empty()) {
      e.values = std::move(c.values);
    } else if (entities::ListType(c.type)) {
      e.values.assign(1, c.value);
    }
    e.value = std::move(c.value);
  }
  // Nothing of this call may outlive it in the thread's scratch.
  scan.text = {};
}

}  // namespace chatcart
