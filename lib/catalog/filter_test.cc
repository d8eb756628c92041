// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <memory>
#include <string>
#include <vector>

#include "catalog/test_catalog.h"
#include "chatcart/catalog.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

TEST(Constraint, ParsesFieldOpAndValues) {
  absl::StatusOr<Constraint> c = Constraint::Parse(" price <= 300 USD ");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->field, "price");
  EXPECT_EQ(c->op, CompareOp::kLe);
  EXPECT_THAT(c->values, ElementsAre("300 USD"));
  c = Constraint::Parse("brand=MSI| Asus |");
  ASSERT_TRUE(c.ok());
  EXPECT_THAT(c->values, ElementsAre("MSI", "Asus"));
  EXPECT_EQ(c->ToString(), "brand=MSI|Asus");
  EXPECT_EQ(Constraint::Parse("a!=b")->op, CompareOp::kNe);
  EXPECT_EQ(Constraint::Parse("a>=1")->op, CompareOp::kGe);
  EXPECT_EQ(Constraint::Parse("a>1")->op, CompareOp::kGt);
  EXPECT_EQ(Constraint::Parse("a<1")->op, CompareOp::kLt);
  EXPECT_EQ(Constraint::Parse("a==1")->op, CompareOp::kEq);
}

class ConstraintRejects : public ::testing::TestWithParam<const char*> {};
TEST_P(ConstraintRejects, Malformed) {
  EXPECT_THAT(Constraint::Parse(GetParam()), StatusIs(absl::StatusCode::kInvalidArgument));
}
INSTANTIATE_TEST_SUITE_P(Table, ConstraintRejects,
                         ::testing::Values("price 300", "=5", "brand=", "brand=|", "a!5",
                                           "a<=1|2"));

class SelectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    catalog_ = ::chatcart::testing::TestCatalog();
    ASSERT_NE(catalog_, nullptr);
  }
  // The ids selected by `constraints`, in product order.
  std::vector<std::string> Ids(std::vector<std::string> constraints) {
    std::vector<Constraint> parsed;
    for (const std::string& text : constraints) {
      absl::StatusOr<Constraint> c = Constraint::Parse(text);
      EXPECT_TRUE(c.ok()) << c.status();
      if (c.ok()) parsed.push_back(*c);
    }
    absl::StatusOr<ProductSet> set = catalog_->Select(parsed);
    EXPECT_TRUE(set.ok()) << set.status();
    std::vector<std::string> ids;
    if (!set.ok()) return ids;
    set->ForEach([&](ProductIndex i) { ids.emplace_back(catalog_->id(i)); });
    return ids;
  }
  absl::Status Error(const std::string& text) {
    return catalog_->Select({*Constraint::Parse(text)}).status();
  }
  std::shared_ptr<const Catalog> catalog_;
};

struct SelectCase {
  std::vector<std::string> constraints;
  std::vector<std::string> ids;
};

class SelectCases : public SelectTest, public ::testing::WithParamInterface<SelectCase> {};

TEST_P(SelectCases, SelectExactlyTheseProducts) {
  EXPECT_THAT(Ids(GetParam().constraints), ElementsAreArray(GetParam().ids));
}

INSTANTIATE_TEST_SUITE_P(
    Table, SelectCases,
    ::testing::Values(
        SelectCase{{}, {"p1", "p2", "p3", "p4", "p5", "p6", "p7"}},
        SelectCase{{"category=Storage"}, {"p1", "p2", "p3", "p4"}},
        SelectCase{{"category=ssd"}, {"p1", "p2", "p3"}},
        SelectCase{{"category=Storage > HDD"}, {"p4"}},
        SelectCase{{"category=Mouse|Mice"}, {"p5", "p6"}}, SelectCase{{"category=Mie"}, {}},
        SelectCase{{"category!=Storage"}, {"p5", "p6"}},  // p7 has no category
        SelectCase{{"brand=samsung"}, {"p1", "p2"}},
        SelectCase{{"brand=Samsung|Razer"}, {"p1", "p2", "p6"}},
        SelectCase{{"brand!=Samsung"}, {"p3", "p4", "p5", "p6"}},  // p7 has no brand
        SelectCase{{"price<=99 USD"}, {"p2", "p3", "p5", "p6"}},
        SelectCase{{"price<99 usd"}, {"p2", "p3", "p6"}}, SelectCase{{"price=99 USD"}, {"p5"}},
        SelectCase{{"price>=10 EUR"}, {"p7"}}, SelectCase{{"price>0 JPY"}, {}},
        SelectCase{{"gb>=2000"}, {"p1", "p4"}}, SelectCase{{"gb>=2 TB"}, {"p1", "p4"}},
        SelectCase{{"capacity<1.5tb"}, {"p2", "p3"}},
        SelectCase{{"gb=1000|4000"}, {"p2", "p3", "p4"}}, SelectCase{{"gb!=1000"}, {"p1", "p4"}},
        SelectCase{{"color=black"}, {"p1", "p2", "p6"}},
        SelectCase{{"color=BLUE|graphite"}, {"p4", "p5"}},
        SelectCase{{"color!=black"}, {"p4", "p5"}}, SelectCase{{"color=purple"}, {}},
        SelectCase{{"wireless=yes"}, {"p5"}}, SelectCase{{"wireless=false"}, {"p6"}},
        SelectCase{{"ports=usb-c"}, {"p5"}}, SelectCase{{"ports=USB-A|Bluetooth"}, {"p5", "p6"}},
        SelectCase{{"note=WIRED"}, {"p6"}}, SelectCase{{"rating>=4.5"}, {"p5"}},
        SelectCase{{"rating<5"}, {"p5", "p6"}}, SelectCase{{"id=p3|p5"}, {"p3", "p5"}},
        SelectCase{{"stock>0", "category=SSD"}, {"p1", "p2", "p3"}},  // p2, p3 untracked
        SelectCase{{"stock<5"}, {}}, SelectCase{{"stock<=5"}, {"p1"}},
        SelectCase{{"category=Storage", "price<=100 USD", "gb>=1000"}, {"p2", "p3"}},
        SelectCase{{"category=Storage", "brand=Samsung", "color=black", "gb>1000"}, {"p1"}},
        SelectCase{{"category=Mice", "wireless=yes", "price<50 USD"}, {}}));

TEST_F(SelectTest, ErrorsNameTheConstraint) {
  EXPECT_THAT(Error("weight>5"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("constraint \"weight>5\": no field or attribute")));
  EXPECT_THAT(Error("gb>=lots"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("not a number")));
  EXPECT_THAT(Error("gb>=5 GHz"), StatusIs(absl::StatusCode::kInvalidArgument,
                                           HasSubstr("\"GHz\" does not convert to GB")));
  EXPECT_THAT(Error("price<=1.234 USD"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("1.234")));
  EXPECT_THAT(Error("price<=5"), StatusIs(absl::StatusCode::kInvalidArgument,
                                          HasSubstr("several currencies (USD, EUR)")));
  EXPECT_THAT(Error("color>black"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("use = or !=")));
  EXPECT_THAT(Error("wireless=maybe"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("yes or no")));
  EXPECT_THAT(Error("category<5"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(Error("rating>=4 stars"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("no unit")));
}

TEST(ProductSet, SetAlgebra) {
  ProductSet a(130), b(130);
  for (ProductIndex i : {0u, 5u, 64u, 129u}) a.Insert(i);
  for (ProductIndex i : {5u, 64u, 100u}) b.Insert(i);
  EXPECT_EQ(a.Count(), 4u);
  EXPECT_TRUE(a.Contains(129));
  EXPECT_FALSE(a.Contains(130));
  ProductSet both = a;
  both.IntersectWith(b);
  EXPECT_THAT(both.ToVector(), ElementsAre(5, 64));
  ProductSet either = a;
  either.UnionWith(b);
  EXPECT_THAT(either.ToVector(), ElementsAre(0, 5, 64, 100, 129));
  a.Subtract(b);
  EXPECT_THAT(a.ToVector(), ElementsAre(0, 129));
  EXPECT_EQ(ProductSet::All(130).Count(), 130u);
  EXPECT_EQ(ProductSet::All(128).Count(), 128u);
}

}  // namespace
}  // namespace chatcart
