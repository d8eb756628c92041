// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// `chatcart entities`: the commerce entities of each text, as JSON Lines.
// With --catalog and --mapping (as for `chatcart catalog`), brands, products,
// models and the catalog's category names are found too.
//
//   chatcart entities --lang en|it|fr [--currency USD] [--category PHRASE=VALUE]...
//       [--catalog FILE --mapping FILE] [TEXT...]
//
// With no TEXT, reads one text per line from stdin. Prints one JSON object
// per text (the shape is relied on):
//
//   {"text":"under 40 quid","entities":[{"type":"money","start":0,"end":13,
//    "text":"under 40 quid","confidence":0.95,
//    "value":{"kind":"under","amount_minor":4000,"currency":"GBP"}}]}
//
// Values by type: money {"kind", "amount_minor", "currency"}, where the
// amount is the maximum for under and the minimum for over, and between has
// "min_minor" and "max_minor" instead of "amount_minor"; number, quantity,
// ordinal and age {"number": n}; colour, size, compatibility, category and
// brand {"name": "..."}; product {"product_id": "..."}; model {"name": "...",
// "products": n}, the model as the catalog writes it and how many products
// carry it. A text cut at the
// maximum length adds "truncated":true.

#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog_cli.h"
#include "chatcart/catalog.h"
#include "chatcart/entities.h"
#include "command.h"

namespace chatcart::cli {
namespace {

// Appends `s` as a JSON string; ill-formed UTF-8 becomes U+FFFD.
void AppendJsonString(std::string_view s, std::string* out) {
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '"':
          out->append("\\\"");
          break;
        case '\\':
          out->append("\\\\");
          break;
        case '\n':
          out->append("\\n");
          break;
        case '\r':
          out->append("\\r");
          break;
        case '\t':
          out->append("\\t");
          break;
        default:
          if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof(buf), "\\u%04x", c);
            out->append(buf);
          } else {
            out->push_back(static_cast<char>(c));
          }
      }
      ++i;
      continue;
    }
    // A well-formed multi-byte sequence is copied; anything else is U+FFFD.
    size_t n = c >= 0xF0 ? 4 : (c >= 0xE0 ? 3 : (c >= 0xC2 ? 2 : 0));
    bool ok = n != 0 && c <= 0xF4 && i + n <= s.size();
    for (size_t k = 1; ok && k < n; ++k) {
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    }
    if (ok && n == 3) {
      const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
    } else if (ok && n == 4) {
      const unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (ok) {
      out->append(s.substr(i, n));
      i += n;
    } else {
      out->append("\xEF\xBF\xBD");
      ++i;
    }
  }
  out->push_back('"');
}

void AppendValue(const Entity& e, std::string* out) {
  if (e.type == "money") {
    const BudgetValue& b = e.money;
    *out += "{\"kind\":\"" + std::string(BudgetKindName(b.kind)) + "\"";
    const Money* any = b.min.has_value() ? &*b.min : (b.max.has_value() ? &*b.max : nullptr);
    if (b.kind == BudgetKind::kBetween) {
      *out += ",\"min_minor\":" + std::to_string(b.min->minor_units());
      *out += ",\"max_minor\":" + std::to_string(b.max->minor_units());
    } else if (any != nullptr) {
      // exact, around: the amount; under: the maximum; over: the minimum.
      *out += ",\"amount_minor\":" + std::to_string(any->minor_units());
    }
    if (any != nullptr) *out += ",\"currency\":\"" + std::string(any->currency()) + "\"";
    *out += "}";
  } else if (e.type == "number" || e.type == "quantity" || e.type == "ordinal" || e.type == "age") {
    *out += "{\"number\":" + std::to_string(e.number) + "}";
  } else if (e.type == "model") {
    *out += "{\"name\":";
    AppendJsonString(e.value, out);
    *out += ",\"products\":" + std::to_string(e.number) + "}";
  } else {
    *out += e.type == "product" ? "{\"product_id\":" : "{\"name\":";
    AppendJsonString(e.value, out);
    *out += "}";
  }
}

std::string ToJson(std::string_view text, const ExtractResult& result) {
  std::string out = "{\"text\":";
  AppendJsonString(text, &out);
  out += ",\"entities\":[";
  for (size_t i = 0; i < result.entities.size(); ++i) {
    const Entity& e = result.entities[i];
    if (i > 0) out += ",";
    out += "{\"type\":\"" + e.type + "\",\"start\":" + std::to_string(e.start) +
           ",\"end\":" + std::to_string(e.end) + ",\"text\":";
    AppendJsonString(e.text, &out);
    char confidence[32];
    std::snprintf(confidence, sizeof(confidence), "%.2f", e.confidence);
    out += ",\"confidence\":";
    out += confidence;
    out += ",\"value\":";
    AppendValue(e, &out);
    out += "}";
  }
  out += "]";
  if (result.truncated) out += ",\"truncated\":true";
  out += "}";
  return out;
}

int RunEntities(Args& args) {
  EntityExtractorOptions options;
  const std::string language = args.ValueOr("lang", "en");
  options.languages = {language};
  options.currency = args.ValueOr("currency", "USD");
  for (const std::string& category : args.Values("category")) {
    const size_t eq = category.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == category.size()) {
      std::fprintf(stderr, "chatcart entities: --category \"%s\": want PHRASE=VALUE\n",
                   category.c_str());
      return kExitUsage;
    }
    options.categories.push_back(
        {.phrase = category.substr(0, eq), .value = category.substr(eq + 1), .language = ""});
  }
  const std::optional<std::string> catalog = args.Value("catalog");
  const std::optional<std::string> mapping = args.Value("mapping");
  std::vector<std::string> texts = args.Positional();
  if (std::string error = args.Finish(); !error.empty()) {
    std::fprintf(stderr, "chatcart entities: %s\n", error.c_str());
    return kExitUsage;
  }
  std::shared_ptr<const Catalog> loaded;  // outlives the extractor
  if (catalog.has_value() != mapping.has_value()) {
    std::fprintf(stderr, "chatcart entities: --catalog and --mapping go together\n");
    return kExitUsage;
  }
  if (catalog.has_value()) {
    CatalogFlags flags;
    flags.catalog = *catalog;
    flags.mapping = *mapping;
    CatalogLoadReport report;
    loaded = LoadCatalogOrReport("entities", flags, &report);
    if (loaded == nullptr) return kExitUsage;
    options.catalog = loaded.get();
  }
  absl::StatusOr<std::shared_ptr<const EntityExtractor>> extractor =
      EntityExtractor::Create(options);
  if (!extractor.ok()) {
    std::fprintf(stderr, "chatcart entities: %s\n",
                 std::string(extractor.status().message()).c_str());
    return kExitUsage;
  }
  ExtractResult result;
  auto print = [&](std::string_view text) {
    (*extractor)->Extract(text, language, &result);
    std::string line = ToJson(text, result);
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), stdout);
  };
  if (!texts.empty()) {
    for (const std::string& text : texts) print(text);
    return kExitOk;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    print(line);
  }
  return kExitOk;
}

CHATCART_CLI_COMMAND(entities, "entities",
                     "Prints the entities (money, numbers, age, size...) of each text as JSON",
                     RunEntities);

}  // namespace
}  // namespace chatcart::cli
