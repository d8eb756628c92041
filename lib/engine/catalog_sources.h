// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The catalog as the cart's PriceSource and StockSource: a product's current
// price, title and top-level category, and its stock (untracked when the
// catalog has none). Products without a price are not for sale (NOT_FOUND
// says so). Immutable; safe for concurrent use.

#ifndef CHATCART_ENGINE_CATALOG_SOURCES_H_
#define CHATCART_ENGINE_CATALOG_SOURCES_H_

#include <string>

#include "chatcart/cart.h"
#include "chatcart/catalog.h"

namespace chatcart::engine {

class CatalogSources final : public PriceSource, public StockSource {
 public:
  explicit CatalogSources(const Catalog& catalog) : catalog_(catalog) {}

  absl::StatusOr<PriceQuote> Quote(std::string_view product_id,
                                   std::string_view sku) const override;
  absl::StatusOr<int64_t> Available(std::string_view product_id,
                                    std::string_view sku) const override;

  CartSources sources() const { return {this, this}; }

  // The category a cart line carries for tax and discount codes: the
  // product's top-level category name ("Toys").
  std::string LineCategory(ProductIndex index) const;

 private:
  absl::StatusOr<ProductIndex> Find(std::string_view product_id, std::string_view sku) const;
  const Catalog& catalog_;
};

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_CATALOG_SOURCES_H_
