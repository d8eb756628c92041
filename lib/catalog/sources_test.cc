// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <memory>
#include <string>

#include "catalog/test_catalog.h"
#include "chatcart/cart.h"
#include "chatcart/catalog_sources.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::HasSubstr;

class CatalogSourcesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::shared_ptr<const Catalog> catalog = ::chatcart::testing::TestCatalog();
    ASSERT_NE(catalog, nullptr);
    sources_ = std::make_unique<CatalogSources>(catalog);
  }
  std::unique_ptr<CatalogSources> sources_;
};

TEST_F(CatalogSourcesTest, QuotesTheCatalogsPriceNameAndCategory) {
  absl::StatusOr<PriceQuote> q = sources_->Quote("p1", "");
  ASSERT_TRUE(q.ok()) << q.status();
  EXPECT_EQ(q->unit_price.ToString(), "149.99 USD");
  EXPECT_EQ(q->title, "Samsung 990 Pro");
  EXPECT_EQ(q->category, "Storage > SSD");
  // By key (the SKU), and a variant of the same group.
  EXPECT_EQ(sources_->Quote("1001", "")->unit_price.ToString(), "149.99 USD");
  EXPECT_EQ(sources_->Quote("p1", "p2")->unit_price.ToString(), "89.99 USD");
  EXPECT_EQ(sources_->Quote("p1", "1002")->unit_price.ToString(), "89.99 USD");
  EXPECT_EQ(sources_->Quote("p7", "")->unit_price.ToString(), "10.00 EUR");
}

TEST_F(CatalogSourcesTest, UnknownProductsAndForeignVariantsAreNotFound) {
  EXPECT_THAT(sources_->Quote("nope", ""),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("no product \"nope\"")));
  EXPECT_THAT(sources_->Quote("p1", "p3"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("has no variant \"p3\"")));
  EXPECT_THAT(sources_->Available("nope", ""), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(CatalogSourcesTest, AProductWithoutAPriceIsNotPurchasableUntilOverridden) {
  EXPECT_THAT(sources_->Quote("p4", ""),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not purchasable")));
  ASSERT_OK(sources_->SetPrice("p4", "", *Money::Parse("79.90", "USD")));
  EXPECT_EQ(sources_->Quote("p4", "")->unit_price.ToString(), "79.90 USD");
  sources_->ClearOverrides();
  EXPECT_THAT(sources_->Quote("p4", ""), StatusIs(absl::StatusCode::kFailedPrecondition));
}

TEST_F(CatalogSourcesTest, PriceOverridesKeepTheCurrency) {
  EXPECT_THAT(sources_->SetPrice("p1", "", *Money::Parse("1", "EUR")),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("currency USD")));
  EXPECT_THAT(sources_->SetPrice("p1", "", *Money::Parse("-1", "USD")),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(sources_->SetPrice("nope", "", *Money::Parse("1", "USD")),
              StatusIs(absl::StatusCode::kNotFound));
  ASSERT_OK(sources_->SetPrice("p1", "", *Money::Parse("139.99", "USD")));
  EXPECT_EQ(sources_->Quote("p1", "")->unit_price.ToString(), "139.99 USD");
  EXPECT_EQ(sources_->Quote("p1", "p2")->unit_price.ToString(), "89.99 USD");  // untouched
}

TEST_F(CatalogSourcesTest, StockIsTheCatalogsOrUntrackedUnlessOverridden) {
  EXPECT_EQ(*sources_->Available("p1", ""), 5);
  EXPECT_EQ(*sources_->Available("p2", ""), StockSource::kUntracked);
  ASSERT_OK(sources_->SetStock("p2", "", 0));
  EXPECT_EQ(*sources_->Available("p1", "p2"), 0);
  EXPECT_THAT(sources_->SetStock("p2", "", -3), StatusIs(absl::StatusCode::kInvalidArgument));
}

CartCommand Add(const char* product_id, int64_t quantity) {
  commands::AddLine line;
  line.product_id = product_id;
  line.quantity = quantity;
  CartCommand command;
  command.action = line;
  return command;
}

TEST_F(CatalogSourcesTest, ACartTakesPricesAndStockFromTheCatalog) {
  absl::StatusOr<std::shared_ptr<const CartPolicy>> policy =
      CartPolicy::FromJson(R"({"currency": "USD"})");
  ASSERT_TRUE(policy.ok()) << policy.status();
  absl::StatusOr<Cart> cart = Cart::Create(*policy, "c1");
  ASSERT_TRUE(cart.ok()) << cart.status();
  CartSources cart_sources;
  cart_sources.prices = sources_.get();
  cart_sources.stock = sources_.get();
  absl::StatusOr<ApplyResult> r = cart->Apply(Add("p1", 2), cart_sources);
  ASSERT_TRUE(r.ok()) << r.status();
  absl::StatusOr<CartTotals> totals = cart->Totals();
  ASSERT_TRUE(totals.ok()) << totals.status();
  EXPECT_EQ(totals->subtotal.ToString(), "299.98 USD");
  // 5 in stock: 2 + 4 is too many.
  EXPECT_THAT(cart->Apply(Add("p1", 4), cart_sources),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("only 5 of product p1")));
  // Not purchasable.
  EXPECT_THAT(cart->Apply(Add("p4", 1), cart_sources),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("not purchasable")));
}

}  // namespace
}  // namespace chatcart
