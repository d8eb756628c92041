// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Data-driven tests on the shared catalogs (../shared/data): each loads once
// and checks figures the data's README documents, or that were counted
// independently of this code. Skipped, with a message, where the data is
// absent.

#include <memory>
#include <string>
#include <vector>

#include "chatcart/catalog.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "common/testing/data.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

struct Loaded {
  std::shared_ptr<const Catalog> catalog;
  CatalogLoadReport report;
};

// Loads examples/catalogs/<name>.textproto over data/<name>/products.jsonl once
// per test binary.
const Loaded* LoadOnce(const std::string& name, const std::string& data_path) {
  static auto* cache = new std::map<std::string, Loaded>();
  auto it = cache->find(name);
  if (it != cache->end()) return &it->second;
  absl::StatusOr<v1::CatalogMapping> mapping = LoadCatalogMapping(
      ::chatcart::testing::SourceDir() + "/examples/catalogs/" + name + ".textproto");
  EXPECT_TRUE(mapping.ok()) << mapping.status();
  if (!mapping.ok()) return nullptr;
  Loaded loaded;
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog =
      Catalog::LoadJsonl(data_path, *mapping, {}, &loaded.report);
  EXPECT_TRUE(catalog.ok()) << catalog.status();
  if (!catalog.ok()) return nullptr;
  loaded.catalog = *catalog;
  return &cache->emplace(name, std::move(loaded)).first->second;
}

size_t Count(const Catalog& c, std::vector<std::string> where) {
  std::vector<Constraint> constraints;
  for (const std::string& w : where) constraints.push_back(*Constraint::Parse(w));
  absl::StatusOr<ProductSet> set = c.Select(constraints);
  EXPECT_TRUE(set.ok()) << set.status();
  return set.ok() ? set->Count() : 0;
}

TEST(PcParts, LoadsEveryRowAndCountsMissingPrices) {
  CHATCART_REQUIRE_DATA_FILE(path, "pcparts/products.jsonl");
  const Loaded* l = LoadOnce("pcparts", path);
  ASSERT_NE(l, nullptr);
  const Catalog& c = *l->catalog;
  EXPECT_EQ(c.size(), 66778u);
  EXPECT_EQ(l->report.rows_skipped, 0);
  EXPECT_EQ(l->report.rows_without_price, 50556);
  EXPECT_EQ(c.brands().size(), 690u);
  EXPECT_THAT(c.currencies(), ElementsAre("USD"));
  EXPECT_EQ(c.categories().size(), 1u + 4 + 25);  // root, groups, categories
  // Memory's speed is a [5, 6000] pair except in 4 rows, where the DDR
  // generation is dropped and counted.
  EXPECT_EQ(l->report.values_dropped.at("ddr: wrong type"), 4);
}

TEST(PcParts, KeepsTheSourcesTypedValues) {
  CHATCART_REQUIRE_DATA_FILE(path, "pcparts/products.jsonl");
  const Loaded* l = LoadOnce("pcparts", path);
  ASSERT_NE(l, nullptr);
  const Catalog& c = *l->catalog;
  Product cpu = c.product(*c.FindById("cpu-00001"));
  EXPECT_EQ(cpu.name, "AMD Ryzen 7 9800X3D");
  EXPECT_EQ(cpu.price->ToString(), "451.50 USD");  // "451.5" in the source
  EXPECT_EQ(c.CategoryPath(cpu.category), "General > CPUs");
  EXPECT_EQ(c.AttributeValueText(*c.FindAttribute("core_clock"), cpu.index), "4700 MHz");
  ProductIndex ram = *c.FindById("memory-00001");
  EXPECT_EQ(c.AttributeValueText(*c.FindAttribute("memory_speed"), ram), "6000 MHz");
  EXPECT_EQ(c.AttributeValueText(*c.FindAttribute("ddr"), ram), "5");
  EXPECT_EQ(c.AttributeValueText(*c.FindAttribute("module_size"), ram), "16 GB");
  // "Samsung 990 Pro" is one variant group over its capacities.
  ProductIndex ssd = *c.FindById("internal-hard-drive-00001");
  EXPECT_GT(c.Variants(ssd).size(), 1u);
  for (ProductIndex v : c.Variants(ssd)) EXPECT_EQ(c.product_name(v), "Samsung 990 Pro");
}

TEST(PcParts, FiltersMatchAnIndependentCount) {
  CHATCART_REQUIRE_DATA_FILE(path, "pcparts/products.jsonl");
  const Loaded* l = LoadOnce("pcparts", path);
  ASSERT_NE(l, nullptr);
  const Catalog& c = *l->catalog;
  // Counted with Python's json and decimal modules over the same file.
  EXPECT_EQ(Count(c, {"category=Video Card", "price<=300 USD", "memory>=12"}), 8u);
  EXPECT_EQ(Count(c, {"category=CPUs", "core_count>=8", "core_clock>=4 GHz"}), 33u);
  EXPECT_EQ(Count(c, {"category=Storage", "type=SSD", "capacity>=2 TB", "brand=Samsung"}), 37u);
  EXPECT_EQ(Count(c, {"socket=AM5", "form_factor=Micro ATX", "part_type=motherboard"}), 191u);
  EXPECT_EQ(Count(c, {"category=Memory"}), 13553u);
  EXPECT_EQ(Count(c, {"category=General"}), 52008u);
}

TEST(BestBuy, LoadsTheSample) {
  CHATCART_REQUIRE_DATA_FILE(path, "bestbuy/products.jsonl");
  const Loaded* l = LoadOnce("bestbuy", path);
  ASSERT_NE(l, nullptr);
  const Catalog& c = *l->catalog;
  EXPECT_EQ(c.size(), 1000u);
  EXPECT_EQ(l->report.rows_without_price, 0);
  EXPECT_THAT(l->report.skipped_by_reason, IsEmpty());
  Product p = c.product(*c.FindById("43900"));
  EXPECT_EQ(p.name, "Duracell - AAA Batteries (4-Pack)");
  EXPECT_EQ(p.brand, "Duracell");
  EXPECT_EQ(p.model, "MN2400B4Z");
  EXPECT_EQ(p.price->ToString(), "5.49 USD");
  EXPECT_EQ(c.Lookup("041333424019"), p.index);  // the UPC, leading zero kept
  EXPECT_EQ(c.CategoryPath(p.category),
            "Connected Home & Housewares > Housewares > Household Batteries > Alkaline Batteries");
  // "34.8" and "99" are exact.
  EXPECT_EQ(Count(c, {"price=34.80 USD"}), Count(c, {"price>=34.8", "price<=34.8"}));
}

TEST(Flipkart, LoadsRupeesAndRowsWithoutPrice) {
  CHATCART_REQUIRE_DATA_FILE(path, "flipkart/products.jsonl");
  const Loaded* l = LoadOnce("flipkart", path);
  ASSERT_NE(l, nullptr);
  const Catalog& c = *l->catalog;
  EXPECT_EQ(c.size(), 20000u);
  EXPECT_EQ(l->report.rows_without_price, 78);
  EXPECT_EQ(c.brands().size(), 3500u);
  EXPECT_THAT(c.currencies(), ElementsAre("INR"));
  EXPECT_EQ(
      c.categories()[kRootCategory].product_count -
          [&] {
            uint32_t below = 0;
            for (const CategoryNode& n : c.categories()) {
              if (n.depth == 1) below += n.product_count;
            }
            return below;
          }(),
      323u);  // rows whose category tree is the title alone
  Product p = c.product(*c.FindById("c2d766ca982eca8304150849735ffef9"));
  EXPECT_EQ(p.price->ToString(), "379.00 INR");
  EXPECT_EQ(p.list_price->ToString(), "999.00 INR");
  EXPECT_EQ(c.FindByKey("pid", "SRTEH2FF9KEDEFGF"), p.index);
  EXPECT_EQ(Count(c, {"category=Clothing > Women's Clothing", "price<=500"}), 2387u);
  EXPECT_EQ(c.AttributeValueText(*c.FindAttribute("ideal_for"), p.index), "Women's");
}

}  // namespace
}  // namespace chatcart
