// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The experimental part of the C API (c.h, CHATCART_C_EXPERIMENTAL): cart
// commands on a session, catalog find and query, recommend, classify and
// entities. Requests and results that have no proto message cross as JSON
// built from google.protobuf.Struct (see json_value.h): objects with their
// keys in sorted order, so equal inputs give equal bytes.

#define CHATCART_C_EXPERIMENTAL
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "c_api/c_api_internal.h"
#include "c_api/json_value.h"
#include "chatcart/c.h"
#include "chatcart/cart.h"
#include "chatcart/catalog.h"
#include "chatcart/engine.h"
#include "chatcart/entities.h"
#include "chatcart/intent.h"
#include "chatcart/recommend.h"
#include "chatcart/session.h"
#include "chatcart/v1/cart_apply.pb.h"
#include "chatcart/v1/cart_commands.pb.h"
#include "common/status_macros.h"
#include "google/protobuf/struct.pb.h"

using chatcart::c_api::Bytes;
using chatcart::c_api::Guard;
using chatcart::c_api::NullArgument;
using chatcart::c_api::Output;
namespace json = chatcart::c_api::json;
using google::protobuf::ListValue;
using google::protobuf::Struct;
using google::protobuf::Value;

namespace {

absl::Status NoComponent(const chatcart::Engine& engine, std::string_view what) {
  return absl::FailedPreconditionError(
      absl::StrCat("bundle \"", engine.identity().name, "\" has no ", std::string(what)));
}

Value MoneyValue(const chatcart::Money& money) {
  Struct s;
  json::Set(&s, "minorUnits", json::String(absl::StrCat(money.minor_units())));
  json::Set(&s, "currency", json::String(money.currency()));
  return json::Object(std::move(s));
}

Value ProductValue(const chatcart::Catalog& catalog, chatcart::ProductIndex i) {
  chatcart::Product p = catalog.product(i);
  Struct s;
  json::Set(&s, "id", json::String(p.id));
  json::Set(&s, "name", json::String(p.name));
  if (!p.brand.empty()) json::Set(&s, "brand", json::String(p.brand));
  if (p.price.has_value()) json::Set(&s, "price", MoneyValue(*p.price));
  json::Set(&s, "category", json::String(catalog.CategoryPath(p.category)));
  return json::Object(std::move(s));
}

// ---- recommend: request

absl::StatusOr<chatcart::RecommendRequest> ParseRecommendRequest(const Struct& in,
                                                                 const chatcart::Engine& engine) {
  static constexpr char kWhat[] = "recommend request";
  CHATCART_RETURN_IF_ERROR(
      json::OnlyKeys(in, kWhat,
                     {"where", "budget", "age", "containsAll", "inStockOnly", "prefer", "reference",
                      "critiques", "exclude", "otherApproaches", "top", "locale", "ladder",
                      "probeAt"}));
  chatcart::RecommendRequest request;
  for (const auto& [key, value] : in.fields()) {
    std::string where = absl::StrCat(kWhat, ": ", key);
    if (key == "where") {
      CHATCART_ASSIGN_OR_RETURN(request.where, json::Strings(value, where));
    } else if (key == "budget") {
      CHATCART_ASSIGN_OR_RETURN(const Struct* budget, json::AsObject(value, where));
      CHATCART_RETURN_IF_ERROR(json::OnlyKeys(*budget, where, {"min", "max", "around"}));
      for (const auto& [bound, amount] : budget->fields()) {
        std::string at = absl::StrCat(where, ".", bound);
        CHATCART_ASSIGN_OR_RETURN(std::string decimal, json::AsString(amount, at));
        absl::StatusOr<chatcart::Money> money = chatcart::Money::Parse(decimal, engine.currency());
        if (!money.ok()) {
          return absl::InvalidArgumentError(absl::StrCat(at, ": ", money.status().message()));
        }
        (bound == "min"   ? request.budget.min
         : bound == "max" ? request.budget.max
                          : request.budget.around) = *money;
      }
    } else if (key == "age") {
      CHATCART_ASSIGN_OR_RETURN(int64_t age, json::AsInteger(value, where, 0, 150));
      request.age = static_cast<int>(age);
    } else if (key == "containsAll") {
      CHATCART_ASSIGN_OR_RETURN(const Struct* all, json::AsObject(value, where));
      for (const auto& [attribute, values] : all->fields()) {
        chatcart::ContainsAll c;
        c.attribute = attribute;
        CHATCART_ASSIGN_OR_RETURN(c.values,
                                  json::Strings(values, absl::StrCat(where, ".", attribute)));
        request.contains_all.push_back(std::move(c));
      }
    } else if (key == "inStockOnly") {
      CHATCART_ASSIGN_OR_RETURN(request.in_stock_only, json::AsBool(value, where));
    } else if (key == "prefer") {
      CHATCART_ASSIGN_OR_RETURN(std::vector<std::string> texts, json::Strings(value, where));
      for (const std::string& text : texts) {
        absl::StatusOr<chatcart::Preference> p = chatcart::Preference::Parse(text);
        if (!p.ok())
          return absl::InvalidArgumentError(absl::StrCat(where, ": ", p.status().message()));
        request.prefer.push_back(*std::move(p));
      }
    } else if (key == "reference") {
      CHATCART_ASSIGN_OR_RETURN(request.reference, json::AsString(value, where));
    } else if (key == "critiques") {
      CHATCART_ASSIGN_OR_RETURN(std::vector<std::string> texts, json::Strings(value, where));
      for (const std::string& text : texts) {
        absl::StatusOr<chatcart::Critique> c = chatcart::Critique::Parse(text);
        if (!c.ok())
          return absl::InvalidArgumentError(absl::StrCat(where, ": ", c.status().message()));
        request.critiques.push_back(*std::move(c));
      }
    } else if (key == "exclude") {
      CHATCART_ASSIGN_OR_RETURN(request.exclude, json::Strings(value, where));
    } else if (key == "otherApproaches") {
      CHATCART_ASSIGN_OR_RETURN(const ListValue* list, json::AsList(value, where));
      for (int i = 0; i < list->values_size(); ++i) {
        CHATCART_ASSIGN_OR_RETURN(std::vector<std::string> approach,
                                  json::Strings(list->values(i), absl::StrCat(where, "[", i, "]")));
        request.other_approaches.push_back(std::move(approach));
      }
    } else if (key == "top") {
      CHATCART_ASSIGN_OR_RETURN(int64_t top, json::AsInteger(value, where, 1, 100));
      request.top = static_cast<int>(top);
    } else if (key == "locale") {
      CHATCART_ASSIGN_OR_RETURN(request.locale, json::AsString(value, where));
    } else if (key == "ladder") {
      CHATCART_ASSIGN_OR_RETURN(std::string mode, json::AsString(value, where));
      if (mode != "auto" && mode != "off" && mode != "on") {
        return absl::InvalidArgumentError(
            absl::StrCat(where, ": \"", mode, "\" is not auto, off or on"));
      }
      request.ladder = mode == "auto"  ? chatcart::LadderMode::kAuto
                       : mode == "off" ? chatcart::LadderMode::kOff
                                       : chatcart::LadderMode::kOn;
    } else if (key == "probeAt") {
      CHATCART_ASSIGN_OR_RETURN(int64_t at, json::AsInteger(value, where, 0, 1 << 30));
      request.probe_at = static_cast<size_t>(at);
    }
  }
  return request;
}

// ---- recommend: result

Value PickValue(const chatcart::Pick& pick) {
  Struct s;
  json::Set(&s, "id", json::String(pick.id));
  json::Set(&s, "name", json::String(pick.name));
  if (!pick.brand.empty()) json::Set(&s, "brand", json::String(pick.brand));
  if (pick.price.has_value()) json::Set(&s, "price", MoneyValue(*pick.price));
  json::Set(&s, "score", json::Number(pick.score));
  static constexpr const char* kKinds[] = {
      "meets",     "within_budget", "near_target", "preference", "rating",  "best_of_picks",
      "trade_off", "alternative",   "merchant",    "similar",    "critique", "ladder",
      "spec",      "price_rank"};
  ListValue reasons, details;
  for (const chatcart::Reason& reason : pick.reasons) {
    *reasons.add_values() = json::String(reason.text);
    Struct d;
    json::Set(&d, "kind", json::String(kKinds[static_cast<int>(reason.kind)]));
    json::Set(&d, "subject", json::String(reason.subject));
    if (!reason.label.empty()) json::Set(&d, "label", json::String(reason.label));
    if (!reason.value.empty()) json::Set(&d, "value", json::String(reason.value));
    if (!reason.other.empty()) json::Set(&d, "other", json::String(reason.other));
    if (reason.versus >= 0) json::Set(&d, "versus", json::Number(reason.versus));
    json::Set(&d, "text", json::String(reason.text));
    *details.add_values() = json::Object(std::move(d));
  }
  json::Set(&s, "reasons", json::List(std::move(reasons)));
  json::Set(&s, "reasonDetails", json::List(std::move(details)));
  if (!pick.tier.empty()) json::Set(&s, "tier", json::String(pick.tier));
  ListValue why;
  if (pick.alternative & chatcart::kAlternativeCheaper) *why.add_values() = json::String("cheaper");
  if (pick.alternative & chatcart::kAlternativeOtherBrand) {
    *why.add_values() = json::String("other_brand");
  }
  if (pick.alternative & chatcart::kAlternativeOtherApproach) {
    *why.add_values() = json::String("other_approach");
  }
  if (why.values_size() > 0) json::Set(&s, "alternativeBecause", json::List(std::move(why)));
  return json::Object(std::move(s));
}

Struct RecommendationStruct(const chatcart::Recommendation& rec) {
  Struct s;
  ListValue picks;
  for (const chatcart::Pick& pick : rec.picks) *picks.add_values() = PickValue(pick);
  json::Set(&s, "picks", json::List(std::move(picks)));
  json::Set(&s, "alternative", json::Number(rec.alternative));
  if (rec.other_approach.has_value())
    json::Set(&s, "otherApproach", PickValue(*rec.other_approach));
  json::Set(&s, "matches", json::Number(static_cast<double>(rec.matches)));
  ListValue constraints;
  for (const chatcart::AppliedConstraint& c : rec.constraints) {
    Struct one;
    json::Set(&one, "text", json::String(c.text));
    json::Set(&one, "phrase", json::String(c.phrase));
    *constraints.add_values() = json::Object(std::move(one));
  }
  json::Set(&s, "constraints", json::List(std::move(constraints)));
  ListValue relaxations;
  for (const chatcart::Relaxation& r : rec.relaxations) {
    Struct one;
    json::Set(&one, "text", json::String(r.text));
    json::Set(&one, "matches", json::Number(static_cast<double>(r.matches)));
    *relaxations.add_values() = json::Object(std::move(one));
  }
  json::Set(&s, "relaxations", json::List(std::move(relaxations)));
  if (!rec.explanation.empty()) json::Set(&s, "explanation", json::String(rec.explanation));
  json::Set(&s, "ladder", json::Bool(rec.ladder));
  if (rec.question.has_value()) {
    Struct q;
    json::Set(&q, "attribute", json::String(rec.question->attribute));
    json::Set(&q, "label", json::String(rec.question->label));
    json::Set(&q, "text", json::String(rec.question->text));
    ListValue options;
    for (const chatcart::QuestionOption& o : rec.question->options) {
      Struct one;
      json::Set(&one, "value", json::String(o.value));
      ListValue where;
      for (const std::string& w : o.where) *where.add_values() = json::String(w);
      json::Set(&one, "where", json::List(std::move(where)));
      json::Set(&one, "matches", json::Number(static_cast<double>(o.matches)));
      *options.add_values() = json::Object(std::move(one));
    }
    json::Set(&q, "options", json::List(std::move(options)));
    json::Set(&s, "question", json::Object(std::move(q)));
  }
  json::Set(&s, "locale", json::String(rec.locale));
  return s;
}

// ---- entities

Value EntityValue(const chatcart::Entity& e) {
  Struct s;
  json::Set(&s, "type", json::String(e.type));
  json::Set(&s, "start", json::Number(e.start));
  json::Set(&s, "end", json::Number(e.end));
  json::Set(&s, "text", json::String(e.text));
  json::Set(&s, "confidence", json::Number(e.confidence));
  if (e.type == "money") {
    Struct money;
    json::Set(&money, "kind", json::String(chatcart::BudgetKindName(e.money.kind)));
    if (e.money.min.has_value()) json::Set(&money, "min", MoneyValue(*e.money.min));
    if (e.money.max.has_value()) json::Set(&money, "max", MoneyValue(*e.money.max));
    json::Set(&money, "currencyStated", json::Bool(e.money.currency_stated));
    json::Set(&s, "money", json::Object(std::move(money)));
  } else if (e.type == "number" || e.type == "quantity" || e.type == "ordinal" || e.type == "age") {
    json::Set(&s, "number", json::Number(static_cast<double>(e.number)));
    // A number's exact decimal ("1.5", "0.5" for "1/2"), as a string.
    if (e.type == "number" && !e.value.empty()) json::Set(&s, "decimal", json::String(e.value));
  } else {
    json::Set(&s, "value", json::String(e.value));
    if (e.type == "model") json::Set(&s, "products", json::Number(static_cast<double>(e.number)));
    if (!e.values.empty()) {  // every value of a list ("nere o blu": black, blue)
      google::protobuf::ListValue values;
      for (const std::string& v : e.values) *values.add_values() = json::String(v);
      json::Set(&s, "values", json::List(std::move(values)));
      json::Set(&s, "either", json::Bool(e.either));
    }
    json::Set(&s, "negated", json::Bool(e.negated));
  }
  return json::Object(std::move(s));
}

std::string_view SourceName(chatcart::IntentSource source) {
  switch (source) {
    case chatcart::IntentSource::kPattern:
      return "pattern";
    case chatcart::IntentSource::kClassifier:
      return "classifier";
    case chatcart::IntentSource::kNone:
      break;
  }
  return "none";
}

}  // namespace

extern "C" {

chatcart_code chatcart_experimental_session_apply_cart_command(
    chatcart_session_t* session, chatcart_format format, const char* command, size_t command_len,
    char** response, size_t* response_len, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_session_apply_cart_command";
    CHATCART_C_REQUIRE(kFn, session);
    CHATCART_C_ASSIGN_BYTES(std::string_view in, kFn, command, command_len);
    CHATCART_C_REQUIRE(kFn, response);
    chatcart::v1::CartCommand proto;
    CHATCART_RETURN_IF_ERROR(json::ParseMessage(format, in, kFn, "cart command", &proto));
    CHATCART_ASSIGN_OR_RETURN(chatcart::CartCommand parsed, chatcart::CartCommandFromProto(proto));
    absl::StatusOr<chatcart::ApplyResult> result = session->rep->ApplyCartCommand(parsed);
    if (!result.ok()) return result.status();
    chatcart::v1::CartApplyResponse out;
    chatcart::CartApplyResponseToProto(*session->rep->cart(), result, &out);
    CHATCART_ASSIGN_OR_RETURN(std::string bytes, json::SerializeMessage(format, out));
    return Output(bytes, response, response_len);
  });
}

chatcart_code chatcart_experimental_catalog_find(const chatcart_engine_t* engine, const char* text,
                                                 size_t text_len, uint32_t limit, char** result,
                                                 size_t* result_len, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_catalog_find";
    CHATCART_C_REQUIRE(kFn, engine);
    CHATCART_C_ASSIGN_BYTES(std::string_view query, kFn, text, text_len);
    CHATCART_C_REQUIRE(kFn, result);
    const chatcart::Catalog* catalog = engine->rep->catalog();
    if (catalog == nullptr) return NoComponent(*engine->rep, "catalog");
    chatcart::FindOptions options;
    if (limit > 0) options.limit = static_cast<int>(std::min<uint32_t>(limit, 1000));
    Struct out;
    ListValue matches;
    for (const chatcart::NameMatch& m : catalog->FindByName(query, options)) {
      Value product = ProductValue(*catalog, m.product);
      json::Set(product.mutable_struct_value(), "score", json::Number(m.score));
      *matches.add_values() = std::move(product);
    }
    json::Set(&out, "matches", json::List(std::move(matches)));
    CHATCART_ASSIGN_OR_RETURN(std::string bytes, json::SerializeStruct(out));
    return Output(bytes, result, result_len);
  });
}

chatcart_code chatcart_experimental_catalog_query(const chatcart_engine_t* engine,
                                                  const char* request, size_t request_len,
                                                  char** result, size_t* result_len,
                                                  char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_catalog_query";
    static constexpr char kWhat[] = "catalog query";
    CHATCART_C_REQUIRE(kFn, engine);
    CHATCART_C_ASSIGN_BYTES(std::string_view in, kFn, request, request_len);
    CHATCART_C_REQUIRE(kFn, result);
    const chatcart::Catalog* catalog = engine->rep->catalog();
    if (catalog == nullptr) return NoComponent(*engine->rep, "catalog");
    Struct req;
    CHATCART_RETURN_IF_ERROR(json::ParseMessage(CHATCART_FORMAT_JSON, in, kFn, kWhat, &req));
    CHATCART_RETURN_IF_ERROR(json::OnlyKeys(req, kWhat, {"where", "limit"}));
    std::vector<chatcart::Constraint> constraints;
    int64_t limit = 20;
    for (const auto& [key, value] : req.fields()) {
      std::string where = absl::StrCat(kWhat, ": ", key);
      if (key == "limit") {
        CHATCART_ASSIGN_OR_RETURN(limit, json::AsInteger(value, where, 0, 1000000));
        continue;
      }
      CHATCART_ASSIGN_OR_RETURN(std::vector<std::string> texts, json::Strings(value, where));
      for (const std::string& text : texts) {
        absl::StatusOr<chatcart::Constraint> c = chatcart::Constraint::Parse(text);
        if (!c.ok())
          return absl::InvalidArgumentError(absl::StrCat(where, ": ", c.status().message()));
        constraints.push_back(*std::move(c));
      }
    }
    absl::StatusOr<chatcart::ProductSet> set = catalog->Select(constraints);
    if (!set.ok())
      return absl::InvalidArgumentError(absl::StrCat(kWhat, ": ", set.status().message()));
    Struct out;
    ListValue products;
    int64_t listed = 0;
    set->ForEach([&](chatcart::ProductIndex i) {
      if (listed++ < limit) *products.add_values() = ProductValue(*catalog, i);
    });
    json::Set(&out, "count", json::Number(static_cast<double>(set->Count())));
    json::Set(&out, "products", json::List(std::move(products)));
    CHATCART_ASSIGN_OR_RETURN(std::string bytes, json::SerializeStruct(out));
    return Output(bytes, result, result_len);
  });
}

chatcart_code chatcart_experimental_recommend(const chatcart_engine_t* engine, const char* request,
                                              size_t request_len, char** result, size_t* result_len,
                                              char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_recommend";
    CHATCART_C_REQUIRE(kFn, engine);
    CHATCART_C_ASSIGN_BYTES(std::string_view in, kFn, request, request_len);
    CHATCART_C_REQUIRE(kFn, result);
    const chatcart::Recommender* recommender = engine->rep->recommender();
    if (recommender == nullptr) return NoComponent(*engine->rep, "catalog to recommend from");
    Struct req;
    CHATCART_RETURN_IF_ERROR(
        json::ParseMessage(CHATCART_FORMAT_JSON, in, kFn, "recommend request", &req));
    CHATCART_ASSIGN_OR_RETURN(chatcart::RecommendRequest parsed,
                              ParseRecommendRequest(req, *engine->rep));
    CHATCART_ASSIGN_OR_RETURN(chatcart::Recommendation rec, recommender->Recommend(parsed));
    CHATCART_ASSIGN_OR_RETURN(std::string bytes, json::SerializeStruct(RecommendationStruct(rec)));
    return Output(bytes, result, result_len);
  });
}

chatcart_code chatcart_experimental_classify(const chatcart_engine_t* engine, const char* text,
                                             size_t text_len, const char* language, char** result,
                                             size_t* result_len, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_classify";
    CHATCART_C_REQUIRE(kFn, engine);
    CHATCART_C_ASSIGN_BYTES(std::string_view in, kFn, text, text_len);
    CHATCART_C_REQUIRE(kFn, result);
    const chatcart::IntentModel* model = engine->rep->intent_model();
    if (model == nullptr) return NoComponent(*engine->rep, "intents");
    chatcart::ClassifyOptions options;
    if (language != nullptr) options.language = language;
    chatcart::IntentResult r = model->Classify(in, options);
    Struct out;
    json::Set(&out, "intent", json::String(r.intent));
    json::Set(&out, "confidence", json::Number(r.confidence));
    json::Set(&out, "outOfScope", json::Bool(r.out_of_scope));
    json::Set(&out, "source", json::String(SourceName(r.source)));
    ListValue top;
    for (const chatcart::IntentScore& score : r.top) {
      Struct one;
      json::Set(&one, "intent", json::String(score.intent));
      json::Set(&one, "confidence", json::Number(score.confidence));
      *top.add_values() = json::Object(std::move(one));
    }
    json::Set(&out, "top", json::List(std::move(top)));
    json::Set(&out, "language", json::String(r.language));
    json::Set(&out, "truncated", json::Bool(r.truncated));
    json::Set(&out, "wordSupport", json::Bool(r.word_support));
    CHATCART_ASSIGN_OR_RETURN(std::string bytes, json::SerializeStruct(out));
    return Output(bytes, result, result_len);
  });
}

chatcart_code chatcart_experimental_entities(const chatcart_engine_t* engine, const char* text,
                                             size_t text_len, const char* language, char** result,
                                             size_t* result_len, char** errmsg) {
  return Guard(errmsg, [&]() -> absl::Status {
    static constexpr char kFn[] = "chatcart_experimental_entities";
    CHATCART_C_REQUIRE(kFn, engine);
    CHATCART_C_ASSIGN_BYTES(std::string_view in, kFn, text, text_len);
    CHATCART_C_REQUIRE(kFn, result);
    const chatcart::EntityExtractor* extractor = engine->rep->entity_extractor();
    if (extractor == nullptr) return NoComponent(*engine->rep, "entity extractor");
    chatcart::ExtractResult r;
    extractor->Extract(in, language != nullptr ? std::string_view(language) : std::string_view(),
                       &r);
    Struct out;
    ListValue entities;
    for (const chatcart::Entity& e : r.entities) *entities.add_values() = EntityValue(e);
    json::Set(&out, "entities", json::List(std::move(entities)));
    json::Set(&out, "language", json::String(r.language));
    json::Set(&out, "truncated", json::Bool(r.truncated));
    CHATCART_ASSIGN_OR_RETURN(std::string bytes, json::SerializeStruct(out));
    return Output(bytes, result, result_len);
  });
}

}  // extern "C"
