// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/catalog_sources.h"

#include "absl/strings/str_cat.h"

namespace chatcart::engine {

absl::StatusOr<ProductIndex> CatalogSources::Find(std::string_view product_id,
                                                  std::string_view sku) const {
  // A variant is a product of its own in the catalog: the SKU, when given,
  // names it.
  std::optional<ProductIndex> index = catalog_.FindById(sku.empty() ? product_id : sku);
  if (!index.has_value()) {
    return absl::NotFoundError(absl::StrCat("no product \"", std::string(sku.empty() ? product_id : sku),
                                            "\" in the catalog"));
  }
  return *index;
}

std::string CatalogSources::LineCategory(ProductIndex index) const {
  CategoryId category = catalog_.product(index).category;
  std::span<const CategoryNode> nodes = catalog_.categories();
  while (category != kRootCategory && nodes[category].depth > 1) category = nodes[category].parent;
  return category == kRootCategory ? std::string() : nodes[category].name;
}

absl::StatusOr<PriceQuote> CatalogSources::Quote(std::string_view product_id,
                                                 std::string_view sku) const {
  absl::StatusOr<ProductIndex> index = Find(product_id, sku);
  if (!index.ok()) return index.status();
  Product product = catalog_.product(*index);
  if (!product.price.has_value()) {
    return absl::NotFoundError(
        absl::StrCat("\"", std::string(product.name), "\" has no price and is not for sale"));
  }
  return PriceQuote{*product.price, std::string(product.name), LineCategory(*index)};
}

absl::StatusOr<int64_t> CatalogSources::Available(std::string_view product_id,
                                                  std::string_view sku) const {
  absl::StatusOr<ProductIndex> index = Find(product_id, sku);
  if (!index.ok()) return index.status();
  std::optional<int64_t> stock = catalog_.product(*index).stock;
  return stock.has_value() ? std::max<int64_t>(*stock, 0) : kUntracked;
}

}  // namespace chatcart::engine
