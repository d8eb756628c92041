// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "catalog/test_catalog.h"
#include "chatcart/catalog.h"
#include "chatcart/limits.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
using ::chatcart::testing::TestCatalog;
using ::chatcart::testing::TestMapping;
using ::testing::AllOf;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;

TEST(CatalogLoad, KeepsEveryFieldOfAGoodRow) {
  CatalogLoadReport report;
  absl::StatusOr<std::shared_ptr<const Catalog>> loaded =
      Catalog::FromJsonlText(testing::kTestRows, "test.jsonl", TestMapping(), {}, &report);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  const Catalog& c = **loaded;
  EXPECT_EQ(c.size(), 7u);
  EXPECT_EQ(report.rows_read, 7);
  EXPECT_EQ(report.rows_kept, 7);
  EXPECT_EQ(report.rows_without_price, 1);
  EXPECT_GT(report.bytes_in_memory, 0);
  EXPECT_DOUBLE_EQ(report.fill_rates.at("gb"), 4.0 / 7);
  EXPECT_DOUBLE_EQ(report.fill_rates.at("wireless"), 2.0 / 7);

  Product p = c.product(*c.FindById("p1"));
  EXPECT_EQ(p.name, "Samsung 990 Pro");
  EXPECT_EQ(p.brand, "Samsung");
  ASSERT_TRUE(p.price.has_value());
  EXPECT_EQ(p.price->ToString(), "149.99 USD");
  EXPECT_EQ(p.stock, 5);
  EXPECT_EQ(c.CategoryPath(p.category), "Storage > SSD");
  EXPECT_EQ(c.product(*c.FindById("p3")).price->ToString(), "56.95 USD");  // a JSON number
  EXPECT_FALSE(c.product(*c.FindById("p4")).purchasable());
  EXPECT_EQ(c.product(*c.FindById("p5")).rating, 4.5);  // a numeric string
  EXPECT_EQ(c.product(*c.FindById("p7")).price->ToString(), "10.00 EUR");
  EXPECT_THAT(c.currencies(), ElementsAre("USD", "EUR"));
}

TEST(CatalogLoad, LooksUpByIdAndKeys) {
  std::shared_ptr<const Catalog> c = TestCatalog();
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->FindByKey("sku", "1002"), c->FindById("p2"));
  EXPECT_EQ(c->Lookup("1001"), c->FindById("p1"));
  EXPECT_EQ(c->Lookup("p6"), c->FindById("p6"));
  EXPECT_EQ(c->FindById("nope"), std::nullopt);
  EXPECT_EQ(c->FindByKey("nokey", "1001"), std::nullopt);
  EXPECT_EQ(c->FindByKey("sku", ""), std::nullopt);
}

TEST(CatalogLoad, GroupsVariantsByName) {
  std::shared_ptr<const Catalog> c = TestCatalog();
  ASSERT_NE(c, nullptr);
  ProductIndex p1 = *c->FindById("p1"), p2 = *c->FindById("p2"), p3 = *c->FindById("p3");
  EXPECT_THAT(c->Variants(p1), ElementsAre(p1, p2));
  EXPECT_THAT(c->Variants(p3), ElementsAre(p3));
  ASSERT_EQ(c->variant_axes().size(), 1u);
  EXPECT_EQ(c->attributes()[c->variant_axes()[0]].name, "gb");
}

TEST(CatalogLoad, StoresTypedAttributes) {
  std::shared_ptr<const Catalog> c = TestCatalog();
  ASSERT_NE(c, nullptr);
  AttributeId gb = *c->FindAttribute("gb");
  EXPECT_EQ(c->FindAttribute("Capacity"), gb);  // by label, case-insensitive
  EXPECT_EQ(c->number_column(gb).Get(*c->FindById("p4")), 4000.0);
  EXPECT_FALSE(c->number_column(gb).Has(*c->FindById("p5")));
  EXPECT_EQ(c->AttributeValueText(gb, *c->FindById("p1")), "2000 GB");
  AttributeId wireless = *c->FindAttribute("wireless");
  EXPECT_EQ(c->AttributeValueText(wireless, *c->FindById("p5")), "Yes");
  EXPECT_EQ(c->AttributeValueText(wireless, *c->FindById("p6")), "No");
  AttributeId ports = *c->FindAttribute("ports");
  EXPECT_EQ(c->AttributeValueText(ports, *c->FindById("p5")), "USB-C, Bluetooth");
  const AttributeInfo& info = c->attributes()[gb];
  EXPECT_EQ(info.rows_with_value, 4);
  EXPECT_DOUBLE_EQ(info.min_value, 1000);
  EXPECT_DOUBLE_EQ(info.max_value, 4000);
}

TEST(CatalogLoad, BuildsTheCategoryTreeInPreorder) {
  std::shared_ptr<const Catalog> c = TestCatalog();
  ASSERT_NE(c, nullptr);
  std::vector<CategoryId> storage = c->FindCategories("storage");
  ASSERT_EQ(storage.size(), 1u);
  const CategoryNode& node = c->categories()[storage[0]];
  EXPECT_EQ(node.product_count, 4u);
  EXPECT_EQ(node.subtree_end, storage[0] + 3);  // Storage, SSD, HDD
  EXPECT_EQ(c->FindCategories("Storage > SSD").size(), 1u);
  EXPECT_EQ(c->FindCategories("Mouse").size(), 0u);
  EXPECT_EQ(c->FindCategories("Mice > SSD").size(), 0u);
  EXPECT_EQ(c->categories()[kRootCategory].product_count, 7u);
  EXPECT_EQ(c->product(*c->FindById("p7")).category, kRootCategory);
}

// Broken rows: a strict load fails naming file:line and field; a lenient load
// skips the row and counts it under its reason.
struct BadRow {
  const char* row;
  const char* message;  // in the strict error
  const char* reason;   // in the lenient report
};

class CatalogLoadBadRow : public ::testing::TestWithParam<BadRow> {};

TEST_P(CatalogLoadBadRow, FailsStrictAndIsCountedLenient) {
  const std::string text = std::string(R"({"id": "ok1", "name": "Fine", "price": "1.00"})") + "\n" +
                           GetParam().row + "\n" +
                           R"({"id": "ok2", "name": "Also fine", "price": "2.50"})" + "\n";
  EXPECT_THAT(
      Catalog::FromJsonlText(text, "bad.jsonl", TestMapping()),
      StatusIs(absl::StatusCode::kInvalidArgument,
               ::testing::AllOf(HasSubstr("bad.jsonl:2: "), HasSubstr(GetParam().message))));
  CatalogLoadOptions lenient;
  lenient.lenient = true;
  CatalogLoadReport report;
  absl::StatusOr<std::shared_ptr<const Catalog>> c =
      Catalog::FromJsonlText(text, "bad.jsonl", TestMapping(), lenient, &report);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ((*c)->size(), 2u);
  EXPECT_EQ(report.rows_read, 3);
  EXPECT_EQ(report.rows_skipped, 1);
  EXPECT_THAT(report.skipped_by_reason, ElementsAre(Pair(GetParam().reason, 1)));
  ASSERT_EQ(report.error_examples.size(), 1u);
  EXPECT_THAT(report.error_examples[0], HasSubstr("bad.jsonl:2: "));
  // The rows around the bad one are intact.
  EXPECT_EQ((*c)->product(1).id, "ok2");
  EXPECT_EQ((*c)->product(1).price->ToString(), "2.50 USD");
}

INSTANTIATE_TEST_SUITE_P(
    Table, CatalogLoadBadRow,
    ::testing::Values(
        BadRow{R"({"id": "x", "name": "Broken", "price": "1.00")", "malformed JSON",
               "malformed JSON"},
        BadRow{R"({"id": "x", "name": "Broken",, })", "malformed JSON", "malformed JSON"},
        BadRow{"not json at all", "malformed JSON", "malformed JSON"},
        BadRow{R"(["id", "x"])", "not a JSON object", "not a JSON object"},
        BadRow{R"({"name": "No id"})", "field \"id\" (id) is missing", "missing field \"id\""},
        BadRow{R"({"id": null, "name": "Null id"})", "field \"id\" (id) is missing",
               "missing field \"id\""},
        BadRow{R"({"id": {"a": 1}, "name": "Object id"})",
               "field \"id\" (id): expected a string or an integer, got an object",
               "wrong type for field \"id\""},
        BadRow{R"({"id": "x"})", "field \"name\" (name) is missing", "missing field \"name\""},
        BadRow{R"({"id": "x", "name": "   "})", "field \"name\" (name) is empty",
               "missing field \"name\""},
        BadRow{R"({"id": "x", "name": 42})",
               "field \"name\" (name): expected a string, got a number",
               "wrong type for field \"name\""},
        BadRow{R"({"id": "x", "name": "P", "price": "1.234"})", "field \"price\" (price)",
               "unparsable price"},
        BadRow{R"({"id": "x", "name": "P", "price": "12,50"})", "field \"price\" (price)",
               "unparsable price"},
        BadRow{R"({"id": "x", "name": "P", "price": "-5"})", "negative price", "unparsable price"},
        BadRow{R"({"id": "x", "name": "P", "price": true})",
               "expected a decimal string or number, got a boolean",
               "wrong type for field \"price\""},
        BadRow{R"({"id": "x", "name": "P", "price": "1", "currency": "XYZ"})", "XYZ",
               "bad currency"},
        BadRow{R"({"id": "ok1", "name": "Again"})", "duplicate id \"ok1\" (first at line 1)",
               "duplicate id"},
        BadRow{"{\"id\": \"x\", \"name\": \"Bad \xC3\x28 UTF-8\"}", "not valid UTF-8",
               "invalid UTF-8"},
        BadRow{"{\"id\": \"x\", \"name\": \"Truncated \xE2\x82\"}", "not valid UTF-8",
               "invalid UTF-8"},
        BadRow{R"({"id": "x", "name": "P", "specs": {"gb": "lots"}})",
               "field \"gb\" (specs.gb): expected a number, got a string",
               "wrong type for field \"gb\""},
        BadRow{R"({"id": "x", "name": "P", "specs": 7})", "field \"gb\" (specs.gb)",
               "wrong type for field \"gb\""},
        BadRow{R"({"id": "x", "name": "P", "specs": {"wireless": "maybe"}})", "expected a boolean",
               "wrong type for field \"wireless\""},
        BadRow{R"({"id": "x", "name": "P", "specs": {"ports": [{"a": 1}]}})",
               "expected a list of strings", "wrong type for field \"ports\""},
        BadRow{R"({"id": "x", "name": "P", "cat": 5})",
               "field \"category\" (cat): expected a list of strings or a string",
               "wrong type for field \"category\""},
        BadRow{R"({"id": "x", "name": "P", "stock": -1})", "field \"stock\" (stock)",
               "wrong type for field \"stock\""},
        BadRow{R"({"id": "x", "name": "P", "rating": "good"})", "field \"rating\" (rating)",
               "wrong type for field \"rating\""}));

TEST(CatalogLoad, AStringCategoryIsSplitOnTheSeparator) {
  v1::CatalogMapping m = TestMapping();
  m.mutable_category()->set_separator(" >> ");
  absl::StatusOr<std::shared_ptr<const Catalog>> c = Catalog::FromJsonlText(
      R"({"id": "a", "name": "A", "cat": "Home >> Kitchen >>  Pans "})", "t.jsonl", m);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ((*c)->CategoryPath((*c)->product(0).category), "Home > Kitchen > Pans");
}

TEST(CatalogLoad, MinorUnitPricesAreIntegers) {
  v1::CatalogMapping m = TestMapping();
  m.mutable_price()->set_form(v1::Price::MINOR_UNITS);
  absl::StatusOr<std::shared_ptr<const Catalog>> c =
      Catalog::FromJsonlText(R"({"id": "a", "name": "A", "price": 45150})", "t.jsonl", m);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ((*c)->product(0).price->ToString(), "451.50 USD");
  EXPECT_THAT(
      Catalog::FromJsonlText(R"({"id": "a", "name": "A", "price": "451.50"})", "t.jsonl", m),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("minor units")));
}

TEST(CatalogLoad, DropWrongTypeCountsInsteadOfFailing) {
  v1::CatalogMapping m = TestMapping();
  m.mutable_attributes(0)->set_drop_wrong_type(true);
  CatalogLoadReport report;
  absl::StatusOr<std::shared_ptr<const Catalog>> c = Catalog::FromJsonlText(
      R"({"id": "a", "name": "A", "specs": {"gb": "lots"}})", "t.jsonl", m, {}, &report);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_THAT(report.values_dropped, ElementsAre(Pair("gb: wrong type", 1)));
}

TEST(CatalogLoad, CrlfLineEndsAndALastLineWithoutNewline) {
  absl::StatusOr<std::shared_ptr<const Catalog>> c =
      Catalog::FromJsonlText("{\"id\": \"a\", \"name\": \"A\"}\r\n{\"id\": \"b\", \"name\": \"B\"}",
                             "t.jsonl", TestMapping());
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ((*c)->size(), 2u);
}

TEST(CatalogLoad, ALenientLoadThatKeepsNothingFails) {
  CatalogLoadOptions lenient;
  lenient.lenient = true;
  EXPECT_THAT(Catalog::FromJsonlText("{\n}\n", "t.jsonl", TestMapping(), lenient),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("no row could be loaded")));
}

TEST(CatalogLoad, AnEmptyFileIsAnEmptyCatalog) {
  absl::StatusOr<std::shared_ptr<const Catalog>> c =
      Catalog::FromJsonlText("\n\n", "t.jsonl", TestMapping());
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ((*c)->size(), 0u);
}

TEST(CatalogLoad, AMissingFileIsNotFound) {
  EXPECT_THAT(Catalog::LoadJsonl("/nonexistent/products.jsonl", TestMapping()),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("/nonexistent/products.jsonl")));
}

// Seeded random damage (flipped, dropped, duplicated and inserted bytes,
// cut lines) to good rows: a lenient load keeps or skips every row and
// never crashes; a strict load returns an error or a catalog. Run under ASan
// by scripts/test.sh.
TEST(CatalogLoad, SurvivesRandomlyDamagedRows) {
  std::mt19937 rng(20260101);
  const std::string good = testing::kTestRows;
  std::vector<std::string> lines = absl::StrSplit(good, '\n', absl::SkipEmpty());
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int k = 0; k < 20; ++k) {
      std::string line = lines[rng() % lines.size()];
      const int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits && !line.empty(); ++e) {
        const size_t at = rng() % line.size();
        switch (rng() % 5) {
          case 0:
            line[at] = static_cast<char>(rng() % 256);
            break;
          case 1:
            line.erase(at, 1);
            break;
          case 2:
            line.insert(at, 1, line[at]);
            break;
          case 3:
            line.insert(at, 1, "\"{}[],:0\\\x80\xff"[rng() % 12]);
            break;
          case 4:
            line.resize(at);
            break;
        }
      }
      text += line + "\n";
    }
    CatalogLoadOptions lenient;
    lenient.lenient = true;
    CatalogLoadReport report;
    absl::StatusOr<std::shared_ptr<const Catalog>> c =
        Catalog::FromJsonlText(text, "damaged.jsonl", TestMapping(), lenient, &report);
    if (c.ok()) {
      EXPECT_EQ(report.rows_kept + report.rows_skipped, report.rows_read);
      EXPECT_EQ(static_cast<int64_t>((*c)->size()), report.rows_kept);
      for (ProductIndex i = 0; i < (*c)->size(); ++i) {
        (*c)->product(i);
        (*c)->FindByName((*c)->product_name(i));
      }
    } else {
      EXPECT_THAT(c.status().message(), HasSubstr("no row could be loaded"));
    }
    absl::StatusOr<std::shared_ptr<const Catalog>> strict =
        Catalog::FromJsonlText(text, "damaged.jsonl", TestMapping());
    if (!strict.ok()) {
      EXPECT_THAT(strict.status().message(), HasSubstr("damaged.jsonl:"));
    }
  }
}

TEST(CatalogLoad, LimitsErrorExamples) {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "garbage\n";
  text += R"({"id": "a", "name": "A"})";
  CatalogLoadOptions lenient;
  lenient.lenient = true;
  lenient.max_error_examples = 3;
  CatalogLoadReport report;
  ASSERT_TRUE(Catalog::FromJsonlText(text, "t.jsonl", TestMapping(), lenient, &report).ok());
  EXPECT_EQ(report.rows_skipped, 30);
  EXPECT_EQ(report.error_examples.size(), 3u);
}

// A catalog row padded with spaces to exactly `bytes` bytes.
std::string RowOf(const std::string& id, size_t bytes) {
  std::string row = absl::StrCat(R"({"id": ")", id, R"(", "name": "Long Row", "price": "1.00"})");
  row.append(bytes - row.size(), ' ');
  return row;
}

TEST(CatalogLineLimit, Issue22ALineAtTheLimitLoadsAndOneByteLongerFailsNamingTheLine) {
  const std::string first = RowOf("p1", 100);
  absl::StatusOr<std::shared_ptr<const Catalog>> loaded =
      Catalog::FromJsonlText(absl::StrCat(first, "\n", RowOf("p2", kMaxCatalogLineBytes), "\r\n"),
                             "big.jsonl", TestMapping());
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ((*loaded)->size(), 2u);

  for (bool lenient : {false, true}) {
    SCOPED_TRACE(lenient ? "lenient" : "strict");
    // With and without the line break after it (the last line has none).
    for (std::string end : {"\n", ""}) {
      EXPECT_THAT(
          Catalog::FromJsonlText(
              absl::StrCat(first, "\n", RowOf("p2", kMaxCatalogLineBytes + 1), end), "big.jsonl",
              TestMapping(), {.lenient = lenient}),
          StatusIs(absl::StatusCode::kResourceExhausted,
                   AllOf(HasSubstr("big.jsonl:2: line longer than the limit of 1048576 bytes"),
                         HasSubstr("kMaxCatalogLineBytes"))));
    }
  }
}

TEST(CatalogLineLimit, Issue22AFileWithAHugeLineStopsAtTheLimitNamingTheLine) {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               absl::StrCat("chatcart-line-limit-", getpid(), ".jsonl");
  {
    std::ofstream out(path, std::ios::binary);
    out << RowOf("p1", 100) << "\n"
        << RowOf("p2", 100) << "\n"
        << std::string(9 << 20, 'x');  // 9 MiB, no line break: past the 4 MiB chunk
  }
  EXPECT_THAT(Catalog::LoadJsonl(path.string(), TestMapping(), {.lenient = true}),
              StatusIs(absl::StatusCode::kResourceExhausted,
                       HasSubstr(absl::StrCat(path.string(), ":3: line longer than the limit"))));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace chatcart
