// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <algorithm>
#include <string>
#include <utility>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "chatcart/catalog_sources.h"
#include "common/echo.h"
#include "common/mutex.h"
#include "common/strings.h"

namespace chatcart {

struct CatalogSources::Overrides {
  mutable absl::Mutex mu;
  absl::flat_hash_map<ProductIndex, Money> prices ABSL_GUARDED_BY(mu);
  absl::flat_hash_map<ProductIndex, int64_t> stock ABSL_GUARDED_BY(mu);
};

CatalogSources::CatalogSources(std::shared_ptr<const Catalog> catalog)
    : catalog_(std::move(catalog)), overrides_(std::make_unique<Overrides>()) {}

CatalogSources::~CatalogSources() = default;

absl::StatusOr<ProductIndex> CatalogSources::Resolve(std::string_view product_id,
                                                     std::string_view sku) const {
  std::optional<ProductIndex> product = catalog_->Lookup(product_id);
  if (!product) {
    return absl::NotFoundError(absl::StrCat("no product \"", Echo(product_id), "\" in catalog \"",
                                            ToAbsl(catalog_->name()), "\""));
  }
  if (sku.empty()) return *product;
  std::optional<ProductIndex> variant = catalog_->Lookup(sku);
  std::span<const ProductIndex> group = catalog_->Variants(*product);
  if (!variant || !std::binary_search(group.begin(), group.end(), *variant)) {
    return absl::NotFoundError(
        absl::StrCat("product \"", Echo(product_id), "\" has no variant \"", Echo(sku), "\""));
  }
  return *variant;
}

absl::Status CatalogSources::SetPrice(std::string_view product_id, std::string_view sku,
                                      Money unit_price) {
  absl::StatusOr<ProductIndex> p = Resolve(product_id, sku);
  if (!p.ok()) return p.status();
  if (unit_price.is_negative() || !unit_price.has_currency()) {
    return absl::InvalidArgumentError(absl::StrCat("price override for \"", ToAbsl(product_id),
                                                   "\": ", unit_price.ToString(),
                                                   " is negative or has no currency"));
  }
  std::string_view currency = catalog_->price_currency(*p);
  if (!currency.empty() && currency != unit_price.currency()) {
    return absl::InvalidArgumentError(
        absl::StrCat("price override for \"", ToAbsl(product_id), "\": ", unit_price.ToString(),
                     " is not in the catalog's currency ", ToAbsl(currency)));
  }
  MutexLock lock(&overrides_->mu);
  overrides_->prices.insert_or_assign(*p, unit_price);
  return absl::OkStatus();
}

absl::Status CatalogSources::SetStock(std::string_view product_id, std::string_view sku,
                                      int64_t available) {
  absl::StatusOr<ProductIndex> p = Resolve(product_id, sku);
  if (!p.ok()) return p.status();
  if (available < 0) {
    return absl::InvalidArgumentError(absl::StrCat("stock override for \"", ToAbsl(product_id),
                                                   "\": ", available, " is below 0"));
  }
  MutexLock lock(&overrides_->mu);
  overrides_->stock.insert_or_assign(*p, available);
  return absl::OkStatus();
}

void CatalogSources::ClearOverrides() {
  MutexLock lock(&overrides_->mu);
  overrides_->prices.clear();
  overrides_->stock.clear();
}

absl::StatusOr<PriceQuote> CatalogSources::Quote(std::string_view product_id,
                                                 std::string_view sku) const {
  absl::StatusOr<ProductIndex> p = Resolve(product_id, sku);
  if (!p.ok()) return p.status();
  Product product = catalog_->product(*p);
  PriceQuote quote;
  {
    MutexLock lock(&overrides_->mu);
    auto it = overrides_->prices.find(*p);
    if (it != overrides_->prices.end()) {
      quote.unit_price = it->second;
    } else if (product.price) {
      quote.unit_price = *product.price;
    } else {
      return absl::FailedPreconditionError(absl::StrCat("product \"", ToAbsl(product.id), "\" (",
                                                        ToAbsl(product.name),
                                                        ") has no price: not purchasable"));
    }
  }
  quote.title = std::string(product.name);
  quote.category = catalog_->CategoryPath(product.category);
  return quote;
}

absl::StatusOr<int64_t> CatalogSources::Available(std::string_view product_id,
                                                  std::string_view sku) const {
  absl::StatusOr<ProductIndex> p = Resolve(product_id, sku);
  if (!p.ok()) return p.status();
  {
    MutexLock lock(&overrides_->mu);
    auto it = overrides_->stock.find(*p);
    if (it != overrides_->stock.end()) return it->second;
  }
  std::optional<int64_t> stock = catalog_->product(*p).stock;
  return stock.value_or(kUntracked);
}

}  // namespace chatcart
