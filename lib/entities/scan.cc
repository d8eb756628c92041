// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/scan.h"

namespace chatcart::entities {

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kMoney:
      return "money";
    case EntityType::kNumber:
      return "number";
    case EntityType::kQuantity:
      return "quantity";
    case EntityType::kOrdinal:
      return "ordinal";
    case EntityType::kAge:
      return "age";
    case EntityType::kColour:
      return "colour";
    case EntityType::kSize:
      return "size";
    case EntityType::kCompatibility:
      return "compatibility";
    case EntityType::kCategory:
      return "category";
    case EntityType::kBrand:
      return "brand";
    case EntityType::kProduct:
      return "product";
    case EntityType::kModel:
      return "model";
  }
  return "number";
}

void Segment(Scan* scan) {
  const std::vector<text::Token>& tokens = scan->tokens;
  std::vector<Unit>& units = scan->units;
  units.clear();
  size_t i = 0;
  while (i < tokens.size()) {
    const text::Token& t = tokens[i];
    Unit& u = units.emplace_back();
    u.begin = static_cast<uint32_t>(t.begin);
    u.end = static_cast<uint32_t>(t.end);
    u.text = t.text;
    u.kind = t.kind;
    u.first_token = static_cast<uint32_t>(i);
    const LexiconEntry* entry = scan->lexicon->Find(t.text);
    u.entry = entry;
    size_t next = i + 1;
    if (entry != nullptr) {
      if (entry->is_word) u.info = &entry->word;
      for (const Phrase& p : entry->phrases) {
        if (i + 1 + p.rest.size() > tokens.size()) continue;
        bool match = true;
        for (size_t k = 0; k < p.rest.size() && match; ++k) {
          match = tokens[i + 1 + k].text == p.rest[k];
        }
        if (match) {
          u.info = &p.info;
          u.phrase = true;
          next = i + 1 + p.rest.size();
          u.end = static_cast<uint32_t>(tokens[next - 1].end);
          break;
        }
      }
    }
    u.last_token = static_cast<uint32_t>(next);
    i = next;
  }
}

}  // namespace chatcart::entities
