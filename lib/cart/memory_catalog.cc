// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// InMemoryCatalog: a map-backed PriceSource and StockSource.

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "chatcart/cart.h"
#include "common/echo.h"
#include "common/strings.h"

namespace chatcart {
namespace {

// "product\x1fsku": the unit separator cannot appear in ids typed by people.
void KeyOf(std::string_view product_id, std::string_view sku, std::string* key) {
  key->assign(product_id);
  key->push_back('\x1f');
  key->append(sku);
}

absl::Status Unknown(std::string_view product_id, std::string_view sku) {
  return absl::NotFoundError(absl::StrCat("unknown product ", Echo(product_id),
                                          sku.empty() ? "" : " variant ", Echo(sku)));
}

}  // namespace

struct InMemoryCatalog::Rep {
  struct Entry {
    PriceQuote quote;
    int64_t available;
  };
  absl::flat_hash_map<std::string, Entry> entries;

  const Entry* Find(std::string_view product_id, std::string_view sku) const {
    thread_local std::string key;
    KeyOf(product_id, sku, &key);
    auto it = entries.find(key);
    return it == entries.end() ? nullptr : &it->second;
  }
  Entry* Find(std::string_view product_id, std::string_view sku) {
    return const_cast<Entry*>(static_cast<const Rep*>(this)->Find(product_id, sku));
  }
};

InMemoryCatalog::InMemoryCatalog() : rep_(std::make_unique<Rep>()) {}
InMemoryCatalog::~InMemoryCatalog() = default;

void InMemoryCatalog::Set(std::string_view product_id, std::string_view sku, PriceQuote quote,
                          int64_t available) {
  std::string key;
  KeyOf(product_id, sku, &key);
  rep_->entries[key] = Rep::Entry{std::move(quote), available};
}

absl::Status InMemoryCatalog::SetAvailable(std::string_view product_id, std::string_view sku,
                                           int64_t available) {
  Rep::Entry* entry = rep_->Find(product_id, sku);
  if (entry == nullptr) return Unknown(product_id, sku);
  entry->available = available;
  return absl::OkStatus();
}

absl::Status InMemoryCatalog::SetPrice(std::string_view product_id, std::string_view sku,
                                       Money unit_price) {
  Rep::Entry* entry = rep_->Find(product_id, sku);
  if (entry == nullptr) return Unknown(product_id, sku);
  entry->quote.unit_price = unit_price;
  return absl::OkStatus();
}

absl::StatusOr<PriceQuote> InMemoryCatalog::Quote(std::string_view product_id,
                                                  std::string_view sku) const {
  const Rep::Entry* entry = rep_->Find(product_id, sku);
  if (entry == nullptr) return Unknown(product_id, sku);
  return entry->quote;
}

absl::StatusOr<int64_t> InMemoryCatalog::Available(std::string_view product_id,
                                                   std::string_view sku) const {
  const Rep::Entry* entry = rep_->Find(product_id, sku);
  if (entry == nullptr) return Unknown(product_id, sku);
  return entry->available;
}

}  // namespace chatcart
