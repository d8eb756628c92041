// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/understand.h"

#include <algorithm>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "chatcart/entities.h"
#include "common/strings.h"
#include "converse/acts.h"
#include "entities/money.h"
#include "text/tokenize.h"

namespace chatcart::engine {
namespace {

// A classifier answer at least this sure stands without word support.
constexpr double kUnsupportedIntentTrusted = 0.8;

// `money` in the store's currency: the same amount, when it was said in
// another one ("30 bucks" in a euro store is 30 €).
std::optional<Money> InStoreCurrency(const std::optional<Money>& money,
                                     std::string_view store_currency) {
  if (!money.has_value() || money->currency() == store_currency) return money;
  const std::string decimal = money->ToDecimalString();
  absl::StatusOr<Money> same = Money::Parse(decimal, store_currency);
  if (!same.ok()) {
    // More decimals than the store's currency has (2.50 USD in a yen store):
    // the whole units.
    same = Money::Parse(decimal.substr(0, decimal.find('.')), store_currency);
  }
  if (!same.ok()) return std::nullopt;
  return *same;
}

// An extracted entity in the dialogue's terms: a slot value ready to fill.
dialogue::Entity ToDialogue(const Entity& e) {
  dialogue::Entity out;
  out.type = e.negated ? "not_" + e.type : e.type;
  out.start = e.start;
  out.end = e.end;
  out.text = e.text;
  out.confidence = e.confidence;
  out.value.display = e.text;
  if (e.type == "money") {
    out.value.type = dialogue::SlotType::kMoney;
    out.value.budget.kind = e.money.kind;
    out.value.budget.min = e.money.min;
    out.value.budget.max = e.money.max;
    if (e.money.kind == BudgetKind::kUnder) {
      // "I don't want to go over 900": "max 900", not the span's "over 900".
      out.value.display = entities::MostToSpendDisplay(e.text);
    }
  } else if (e.type == "number" || e.type == "quantity" || e.type == "ordinal" || e.type == "age") {
    out.value.number = e.number;
  } else {
    out.value.text = e.value;
  }
  return out;
}

bool CatalogMention(std::string_view type) {
  return type == "product" || type == "brand" || type == "model";
}

}  // namespace

bool MaskCatalogMentions(std::string_view text, const std::vector<Entity>& entities,
                         std::string* out) {
  size_t at = 0;
  bool masked = false;
  for (const Entity& e : entities) {
    if (!CatalogMention(e.type) || e.start < static_cast<int>(at)) continue;
    if (!masked) out->clear();
    masked = true;
    out->append(text.substr(at, static_cast<size_t>(e.start) - at));
    out->append(kCatalogWord);
    at = static_cast<size_t>(e.end);
  }
  if (masked) out->append(text.substr(at));
  return masked;
}

std::string_view AfterGreeting(std::string_view text) {
  static constexpr std::string_view kGreetings[] = {
      "good morning", "good evening", "good afternoon", "hello", "hiya",  "hey",
      "hi",           "buongiorno",   "buonasera",      "ciao",  "salve", "bonjour",
      "bonsoir",      "salut",        "coucou",         "slt",   "yo"};
  size_t at = 0;
  while (at < text.size() && text[at] == ' ') ++at;
  for (std::string_view greeting : kGreetings) {
    if (text.size() - at < greeting.size() ||
        !absl::EqualsIgnoreCase(ToAbsl(text.substr(at, greeting.size())), ToAbsl(greeting))) {
      continue;
    }
    size_t end = at + greeting.size();
    if (end < text.size() && absl::ascii_isalnum(static_cast<unsigned char>(text[end]))) continue;
    while (end < text.size() && (text[end] == ' ' || text[end] == ',' || text[end] == '!' ||
                                 text[end] == '.' || text[end] == '-')) {
      ++end;
    }
    // At least two words after it: a request, not "hi there".
    const std::string_view rest = text.substr(end);
    if (std::count(rest.begin(), rest.end(), ' ') >= 1 && rest.size() >= 6) return rest;
    return text;
  }
  return text;
}

IntentResult ClassifyMasked(const engine_internal::EngineRep& engine, std::string_view text,
                            std::string_view session_language, ExtractResult* extracted) {
  // The language from the words as said (product names included), then the
  // entities in it, then the intent of the text with its catalog mentions
  // masked, in that language.
  const std::string_view language =
      engine.intents != nullptr  ? engine.intents->Language(text, {.language = session_language})
      : session_language.empty() ? std::string_view(engine.default_language)
                                 : session_language;
  extracted->entities.clear();
  if (engine.entities != nullptr) engine.entities->Extract(text, language, extracted);
  IntentResult result;
  if (engine.intents == nullptr) {
    result.language = extracted->language;
    return result;
  }
  thread_local std::string masked;
  const std::string_view read =
      MaskCatalogMentions(text, extracted->entities, &masked) ? std::string_view(masked) : text;
  // "Hi do you sell phone chargers": the request after the greeting.
  engine.intents->Classify(AfterGreeting(read), {.language = language}, &result);
  return result;
}

dialogue::Understanding Understand(const engine_internal::EngineRep& engine, std::string_view text,
                                   std::string_view session_language, UnderstandNotes* notes) {
  dialogue::Understanding u;
  u.language = std::string(session_language.empty() ? engine.default_language : session_language);
  ExtractResult extracted;
  IntentResult result = ClassifyMasked(engine, text, session_language, &extracted);
  if (engine.intents != nullptr) {
    u.out_of_scope = result.out_of_scope;
    // The classifier alone, unsure, with no word of the text ever said for
    // the intent: not heard ("parfait, mets-le moi" is no forget_me); the
    // turn is read from its words and context instead.
    const bool unsupported = result.source == IntentSource::kClassifier && !result.word_support &&
                             result.confidence < kUnsupportedIntentTrusted;
    if (!result.out_of_scope && !unsupported) u.intent = std::string(result.intent);
    u.confidence = result.confidence;
    if (!result.language.empty()) u.language = std::string(result.language);
    u.truncated = result.truncated;
  }
  if (engine.entities != nullptr) {
    u.entities.reserve(extracted.entities.size());
    for (const Entity& e : extracted.entities) {
      dialogue::Entity& d = u.entities.emplace_back(ToDialogue(e));
      if (e.type != "money" || engine.currency.empty()) continue;
      const Money* said = e.money.min.has_value()   ? &*e.money.min
                          : e.money.max.has_value() ? &*e.money.max
                                                    : nullptr;
      if (said == nullptr || said->currency() == engine.currency) continue;
      d.value.budget.min = InStoreCurrency(e.money.min, engine.currency);
      d.value.budget.max = InStoreCurrency(e.money.max, engine.currency);
      if (notes != nullptr && !notes->currency_read.has_value()) {
        notes->currency_said = *said;
        notes->currency_read =
            d.value.budget.max.has_value() ? d.value.budget.max : d.value.budget.min;
      }
    }
  }
  for (const text::Token& token : text::Tokenize(text)) {
    if (token.kind != text::TokenKind::kSymbol) {
      u.words.push_back(token.text);
    }
  }
  const converse::ActDetector& acts =
      engine.acts != nullptr ? *engine.acts : converse::ActDetector::Builtin();
  acts.Detect(text, &u.acts);
  return u;
}

}  // namespace chatcart::engine
