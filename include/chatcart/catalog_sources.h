// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// CatalogSources: a Catalog's prices and stock as the cart's PriceSource and
// StockSource (chatcart/cart.h). The catalog's own fields are the default;
// the host overrides a product's price or stock when it knows better (a live
// inventory feed, a flash sale) without reloading the catalog.
//
//   auto sources = std::make_shared<CatalogSources>(catalog);
//   sources->SetStock("cpu-00001", "", 3);        // from the host's inventory
//   CartSources cart_sources{.prices = sources.get(), .stock = sources.get()};
//   cart->Apply(command, cart_sources);
//
// The cart names a product by (product_id, sku): product_id is a catalog id
// or key (Catalog::Lookup: id, then SKU, UPC... as the mapping declares); sku
// is empty for the product itself, or the id or key of another product of
// the same variant group ("Samsung 990 Pro" 1 TB vs 2 TB). A product without
// a price (and no override) is FAILED_PRECONDITION: not purchasable.
// Untracked stock (no stock field in the mapping, or none in the row) is
// StockSource::kUntracked.
//
// Thread safety: safe for concurrent access from multiple threads without any
// external synchronization; overrides may be set while carts read.

#ifndef CHATCART_CATALOG_SOURCES_H_
#define CHATCART_CATALOG_SOURCES_H_

#include <cstdint>
#include <memory>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/cart.h"
#include "chatcart/catalog.h"
#include "chatcart/money.h"

namespace chatcart {

class CatalogSources final : public PriceSource, public StockSource {
 public:
  // REQUIRES: catalog != nullptr.
  explicit CatalogSources(std::shared_ptr<const Catalog> catalog);
  ~CatalogSources() override;
  CatalogSources(const CatalogSources&) = delete;
  CatalogSources& operator=(const CatalogSources&) = delete;

  const Catalog& catalog() const { return *catalog_; }

  // The product a cart's (product_id, sku) names, or NOT_FOUND naming what is
  // unknown (also for a sku that is not a variant of product_id).
  absl::StatusOr<ProductIndex> Resolve(std::string_view product_id, std::string_view sku) const;

  // Overrides the catalog's price of one product (until cleared). NOT_FOUND
  // for an unknown product; INVALID_ARGUMENT for a negative price or one in
  // another currency than the catalog's price of that product, when it has one.
  absl::Status SetPrice(std::string_view product_id, std::string_view sku, Money unit_price);
  // Overrides the catalog's stock of one product: >= 0 units, or
  // kUntracked. NOT_FOUND for an unknown product; INVALID_ARGUMENT below 0.
  absl::Status SetStock(std::string_view product_id, std::string_view sku, int64_t available);
  // Back to the catalog's values for every product.
  void ClearOverrides();

  // PriceSource: the unit price (override, else the catalog's), the product's
  // name as title and its category path ("General > CPUs") as category.
  absl::StatusOr<PriceQuote> Quote(std::string_view product_id,
                                   std::string_view sku) const override;
  // StockSource: the override, else the catalog's stock, else kUntracked.
  absl::StatusOr<int64_t> Available(std::string_view product_id,
                                    std::string_view sku) const override;

 private:
  struct Overrides;
  std::shared_ptr<const Catalog> catalog_;
  std::unique_ptr<Overrides> overrides_;
};

}  // namespace chatcart

#endif  // CHATCART_CATALOG_SOURCES_H_
