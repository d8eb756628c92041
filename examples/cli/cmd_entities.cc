// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// `chatcart entities`: prints the commerce entities of each text as one JSON
// object per line.
//
//   chatcart entities --lang en|it|fr [--currency USD] [--lexicon FILE.jsonl]
//       [TEXT...]            (no TEXT: one text per line on stdin)
//
//   {"text":"under 40 quid","entities":[{"type":"money","start":0,"end":13,
//     "text":"under 40 quid","confidence":0.95,"value":{"kind":"under",
//     "amount_minor":4000,"currency":"GBP","currency_stated":true}}]}
//
// Values by type: money {"kind", "amount_minor" (or "min_minor" and
// "max_minor" for between), "currency", "currency_stated"}; number,
// quantity, ordinal {"number"}; age {"number", "unit"}; colour {"colour"};
// size {"size", "system"}; compatibility {"platform", "model"}; category,
// brand, product {"value"}. --lexicon reads JSON Lines of {"type":
// "category|brand|product", "phrase", "value", "language"}. --catalog and
// --mapping (a catalog as the lexicon) wait for the catalog component.

#include <cmath>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "chatcart/entities.h"
#include "command.h"
#include "simdjson.h"

namespace chatcart::cli {
namespace {

std::string Json(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string Number(double v) {
  char buf[32];
  if (std::fabs(v) < 1e15 && v == std::floor(v)) {
    std::snprintf(buf, sizeof(buf), "%lld", static_cast<long long>(v));
  } else {
    std::snprintf(buf, sizeof(buf), "%.10g", v);
  }
  return buf;
}

std::string ValueJson(const Entity& e) {
  switch (e.type) {
    case EntityType::kMoney: {
      std::string out = "{\"kind\":" + Json(MoneyKindName(e.money.kind));
      if (e.money.kind == MoneyKind::kBetween) {
        out += ",\"min_minor\":" + std::to_string(e.money.min_minor) +
               ",\"max_minor\":" + std::to_string(e.money.max_minor);
      } else {
        out += ",\"amount_minor\":" + std::to_string(e.money.amount_minor);
      }
      out += ",\"currency\":" + Json(e.money.currency) +
             ",\"currency_stated\":" + (e.money.currency_stated ? "true" : "false") + "}";
      return out;
    }
    case EntityType::kNumber:
    case EntityType::kQuantity:
    case EntityType::kOrdinal:
      return "{\"number\":" + Number(e.number) + "}";
    case EntityType::kAge:
      return "{\"number\":" + Number(e.number) + ",\"unit\":" + Json(e.detail) + "}";
    case EntityType::kColour:
      return "{\"colour\":" + Json(e.value) + "}";
    case EntityType::kSize:
      return "{\"size\":" + Json(e.value) + ",\"system\":" + Json(e.detail) + "}";
    case EntityType::kCompatibility:
      return "{\"platform\":" + Json(e.value) + ",\"model\":" + Json(e.detail) + "}";
    case EntityType::kCategory:
    case EntityType::kBrand:
    case EntityType::kProduct:
      return "{\"value\":" + Json(e.value) + "}";
  }
  return "{}";
}

std::string LineJson(std::string_view text, const std::vector<Entity>& entities) {
  std::string out = "{\"text\":" + Json(text) + ",\"entities\":[";
  for (size_t i = 0; i < entities.size(); ++i) {
    const Entity& e = entities[i];
    if (i > 0) out += ",";
    out += "{\"type\":" + Json(EntityTypeName(e.type)) + ",\"start\":" + std::to_string(e.start) +
           ",\"end\":" + std::to_string(e.end) +
           ",\"text\":" + Json(text.substr(e.start, e.end - e.start)) +
           ",\"confidence\":" + Number(e.confidence) + ",\"value\":" + ValueJson(e) + "}";
  }
  return out + "]}";
}

// Reads a JSON Lines lexicon; errors name file:line.
bool ReadLexicon(const std::string& path, std::vector<LexiconEntry>* out, std::string* error) {
  simdjson::padded_string content;
  if (simdjson::padded_string::load(path).get(content) != simdjson::SUCCESS) {
    *error = path + ": cannot read";
    return false;
  }
  simdjson::ondemand::parser parser;
  std::string_view all(content.data(), content.size());
  size_t line_no = 0;
  while (!all.empty()) {
    const size_t nl = all.find('\n');
    const std::string_view line = all.substr(0, nl);
    all = nl == std::string_view::npos ? std::string_view() : all.substr(nl + 1);
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = path + ":" + std::to_string(line_no);
    simdjson::padded_string padded(line);
    simdjson::ondemand::document doc;
    simdjson::ondemand::object object;
    if (parser.iterate(padded).get(doc) != simdjson::SUCCESS ||
        doc.get_object().get(object) != simdjson::SUCCESS) {
      *error = where + ": not a JSON object";
      return false;
    }
    LexiconEntry entry;
    std::string type;
    for (auto field : object) {
      std::string_view key, value;
      if (field.unescaped_key().get(key) != simdjson::SUCCESS) continue;
      if (field.value().get_string().get(value) != simdjson::SUCCESS) continue;
      if (key == "type") type = std::string(value);
      if (key == "phrase") entry.phrase = std::string(value);
      if (key == "value") entry.value = std::string(value);
      if (key == "language") entry.language = std::string(value);
    }
    if (type == "category") {
      entry.type = EntityType::kCategory;
    } else if (type == "brand") {
      entry.type = EntityType::kBrand;
    } else if (type == "product") {
      entry.type = EntityType::kProduct;
    } else {
      *error = where + ": \"type\" must be category, brand or product, got \"" + type + "\"";
      return false;
    }
    if (entry.value.empty()) entry.value = entry.phrase;
    out->push_back(std::move(entry));
  }
  return true;
}

int RunEntities(Args& args) {
  const std::string lang = args.ValueOr("lang", "en");
  EntityExtractorOptions options;
  options.currency = args.ValueOr("currency", "USD");
  const std::optional<std::string> lexicon = args.Value("lexicon");
  const std::optional<std::string> catalog = args.Value("catalog");
  const std::optional<std::string> mapping = args.Value("mapping");
  const std::vector<std::string> texts = args.Positional();
  if (std::string error = args.Finish(); !error.empty()) {
    std::fprintf(stderr, "chatcart entities: %s\n", error.c_str());
    return kExitUsage;
  }
  if (lang != "en" && lang != "it" && lang != "fr") {
    std::fprintf(stderr, "chatcart entities: --lang must be en, it or fr, got \"%s\"\n",
                 lang.c_str());
    return kExitUsage;
  }
  if (catalog.has_value() || mapping.has_value()) {
    std::fprintf(stderr,
                 "chatcart entities: --catalog/--mapping need the catalog component, which this "
                 "build does not have yet; pass --lexicon FILE.jsonl instead\n");
    return kExitUsage;
  }
  if (lexicon.has_value()) {
    std::string error;
    if (!ReadLexicon(*lexicon, &options.lexicon, &error)) {
      std::fprintf(stderr, "chatcart entities: %s\n", error.c_str());
      return kExitUsage;
    }
  }
  absl::StatusOr<std::shared_ptr<const EntityExtractor>> extractor =
      EntityExtractor::Create(options);
  if (!extractor.ok()) {
    std::fprintf(stderr, "chatcart entities: %s\n",
                 std::string(extractor.status().message()).c_str());
    return kExitUsage;
  }
  std::vector<Entity> entities;
  auto run = [&](const std::string& text) {
    (*extractor)->Extract(text, lang, &entities);
    std::printf("%s\n", LineJson(text, entities).c_str());
  };
  if (!texts.empty()) {
    for (const std::string& t : texts) run(t);
  } else {
    std::string line;
    while (std::getline(std::cin, line)) run(line);
  }
  return kExitOk;
}

CHATCART_CLI_COMMAND(entities, "entities",
                     "Prints the commerce entities (money, numbers, ages...) of texts as JSON",
                     RunEntities);

}  // namespace
}  // namespace chatcart::cli
