// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Property test: thousands of random requests over the three real catalogs
// (../shared/data; each skipped with one line when absent) and the demo
// bundle's catalog. Random category, budget (none, under, between, around,
// impossible), preferences (numbers up/down/target, named, brand, attribute
// values, rating), "works with all of", exclusions, critiques of a reference,
// locale and top. For every request: no error, every pick keeps every
// constraint, every pick carries a reason, and Recommender::VerifyClaims
// finds no false claim.

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "chatcart/recommend.h"
#include "common/strings.h"
#include "gtest/gtest.h"
#include "recommend/real_shops.h"

namespace chatcart {
namespace {

using ::chatcart::testing::LoadShop;
using ::chatcart::testing::RealShop;

class RandomRequests {
 public:
  RandomRequests(const Catalog& c, uint32_t seed) : c_(c), rng_(seed) {
    for (CategoryId k = 1; k < c.categories().size(); ++k) {
      if (c.categories()[k].product_count >= 2) categories_.push_back(k);
    }
  }

  template <typename T>
  const T& Any(const std::vector<T>& v) {
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng_)];
  }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }

  // A request and a line describing it.
  RecommendRequest Next(std::string* said) {
    RecommendRequest q;
    const std::string currency = c_.currencies().empty() ? "USD" : c_.currencies()[0];
    std::vector<ProductIndex> in;
    if (!categories_.empty()) {
      const CategoryId k = Any(categories_);
      q.where.push_back("category=" + c_.CategoryPath(k));
      absl::StatusOr<ProductSet> s = c_.Select({*Constraint::Parse(q.where[0])});
      if (s.ok()) in = s->ToVector();
    }
    std::vector<int64_t> prices;
    for (ProductIndex i : in) {
      if (c_.price_column()[i] != Catalog::kNoPrice) prices.push_back(c_.price_column()[i]);
    }
    std::sort(prices.begin(), prices.end());
    auto quantile = [&](double x) {
      return prices[std::min(prices.size() - 1, static_cast<size_t>(x * prices.size()))];
    };
    if (!prices.empty()) {
      switch (Int(0, 5)) {
        case 0:
          break;  // no budget
        case 1:
        case 2:
          q.budget.max = *Money::FromMinorUnits(quantile(std::uniform_real_distribution<>(0.1, 1)(rng_)) + Int(0, 999), currency);
          break;
        case 3: {
          int64_t lo = quantile(0.2), hi = quantile(0.8);
          if (lo < hi) {
            q.budget.min = *Money::FromMinorUnits(lo, currency);
            q.budget.max = *Money::FromMinorUnits(hi, currency);
          }
          break;
        }
        case 4:
          q.budget.around = *Money::FromMinorUnits(
              std::max<int64_t>(1, quantile(std::uniform_real_distribution<>(0, 1)(rng_))),
              currency);
          break;
        case 5:  // below everything: nothing fits
          q.budget.max = *Money::FromMinorUnits(std::max<int64_t>(1, prices[0] / 2), currency);
          break;
      }
    }
    // Preferences from what the category's products have.
    std::vector<AttributeId> numbers, codes;
    if (!in.empty()) {
      for (int tries = 0; tries < 6; ++tries) {
        const ProductIndex i = Any(in);
        for (const AttributeInfo& a : c_.attributes()) {
          if (a.type == AttributeType::kNumber && c_.number_column(a.id).Has(i)) numbers.push_back(a.id);
          if ((a.type == AttributeType::kEnum || a.type == AttributeType::kList) &&
              !c_.AttributeValueText(a.id, i).empty()) {
            codes.push_back(a.id);
          }
        }
      }
    }
    const int prefs = Int(0, 2);
    for (int k = 0; k < prefs; ++k) {
      const int what = Int(0, 5);
      std::string text;
      if (what <= 1 && !numbers.empty()) {
        const AttributeInfo& a = c_.attributes()[Any(numbers)];
        text = absl::StrCat(what == 0 ? "more:" : "less:", a.name);
      } else if (what == 2 && !numbers.empty()) {
        const AttributeInfo& a = c_.attributes()[Any(numbers)];
        std::optional<double> v = c_.number_column(a.id).Get(Any(in));
        if (v) text = absl::StrCat(a.name, "~", *v);
      } else if (what == 3 && !in.empty()) {
        const ProductIndex i = Any(in);
        if (c_.brand_code(i) != 0) text = "brand=" + c_.brands()[c_.brand_code(i) - 1];
      } else if (what == 4 && !codes.empty()) {
        const AttributeId a = Any(codes);
        const ProductIndex i = Any(in);
        std::string v = c_.AttributeValueText(a, i);
        if (c_.attributes()[a].type == AttributeType::kList) v = v.substr(0, v.find(", "));
        if (!v.empty() && v.find('|') == std::string::npos) {
          text = absl::StrCat(c_.attributes()[a].name, Chance(0.8) ? "=" : "!=", v);
        }
      } else {
        text = Chance(0.5) ? "rating" : "cheap";
      }
      if (text.empty()) continue;
      absl::StatusOr<Preference> p = Preference::Parse(text);
      if (p.ok()) q.prefer.push_back(*p);
    }
    // "Works with all of": values of a LIST attribute a product holds.
    if (!in.empty() && Chance(0.3)) {
      const ProductIndex i = Any(in);
      for (const AttributeInfo& a : c_.attributes()) {
        if (a.type != AttributeType::kList || c_.list_codes(a.id, i).empty()) continue;
        ContainsAll all;
        all.attribute = a.name;
        for (uint32_t code : c_.list_codes(a.id, i)) {
          const std::string& v = c_.dictionary(a.id)[code];
          if (Chance(0.6) && v.find('|') == std::string::npos) all.values.push_back(v);
        }
        if (!all.values.empty()) q.contains_all.push_back(all);
        break;
      }
    }
    if (!in.empty() && Chance(0.15)) q.exclude.push_back(std::string(c_.id(Any(in))));
    if (!in.empty() && Chance(0.15)) {
      const ProductIndex ref = Any(in);
      if (c_.price_column()[ref] != Catalog::kNoPrice) {
        q.reference = std::string(c_.id(ref));
        static const char* kCritiques[] = {"cheaper", "other_brand", "more_like"};
        q.critiques.push_back(*Critique::Parse(kCritiques[Int(0, 2)]));
        if (!numbers.empty() && Chance(0.4)) {
          q.critiques.push_back(*Critique::Parse(
              absl::StrCat(Chance(0.5) ? "more:" : "less:", c_.attributes()[Any(numbers)].name)));
        }
        q.exclude.clear();
      }
    }
    static const char* kLocales[] = {"en", "it", "fr"};
    q.locale = kLocales[Int(0, 2)];
    q.top = Int(1, 8);
    std::vector<std::string> parts = q.where;
    if (q.budget.max) parts.push_back("max " + q.budget.max->ToString());
    if (q.budget.min) parts.push_back("min " + q.budget.min->ToString());
    if (q.budget.around) parts.push_back("around " + q.budget.around->ToString());
    for (const Preference& p : q.prefer) parts.push_back("prefer " + p.ToString());
    for (const ContainsAll& a : q.contains_all) {
      parts.push_back(absl::StrCat("contains ", a.attribute, "=", absl::StrJoin(a.values, ",")));
    }
    for (const std::string& e : q.exclude) parts.push_back("exclude " + e);
    if (!q.reference.empty()) {
      std::vector<std::string> cs;
      for (const Critique& k : q.critiques) cs.push_back(k.ToString());
      parts.push_back(absl::StrCat("reference ", q.reference, " ", absl::StrJoin(cs, "+")));
    }
    parts.push_back(absl::StrCat("top ", q.top, " ", q.locale));
    *said = absl::StrJoin(parts, "; ");
    return q;
  }

 private:
  const Catalog& c_;
  std::mt19937 rng_;
  std::vector<CategoryId> categories_;
};

// Whether product i keeps the request's constraints (from the request, not
// the recommender's list).
bool Keeps(const Catalog& c, const RecommendRequest& q, ProductIndex i) {
  std::vector<Constraint> ks;
  for (const std::string& w : q.where) ks.push_back(*Constraint::Parse(w));
  auto money = [](const Money& m) { return absl::StrCat(m.ToDecimalString(), " ", ToAbsl(m.currency())); };
  if (q.budget.max) ks.push_back(*Constraint::Parse("price<=" + money(*q.budget.max)));
  if (q.budget.min) ks.push_back(*Constraint::Parse("price>=" + money(*q.budget.min)));
  for (const ContainsAll& all : q.contains_all) {
    for (const std::string& v : all.values) ks.push_back(*Constraint::Parse(all.attribute + "=" + v));
  }
  absl::StatusOr<ProductSet> s = c.Select(ks);
  return s.ok() && s->Contains(i);
}

void RunProperty(const std::string& name, int requests, uint32_t seed) {
  const RealShop* shop = LoadShop(name);
  if (shop == nullptr) GTEST_SKIP() << "catalog " << name << " not found (shared data absent)";
  RandomRequests gen(*shop->catalog, seed);
  int failures = 0, picks = 0, reasons = 0, with_picks = 0, refused = 0;
  size_t claims = 0;
  for (int n = 0; n < requests; ++n) {
    std::string said;
    const RecommendRequest q = gen.Next(&said);
    absl::StatusOr<Recommendation> rec = shop->recommender->Recommend(q);
    if (!rec.ok()) {
      // Critiques of a reference can contradict the request's own
      // constraints ("cheaper" than a product below the minimum budget):
      // that is the caller's error, said as such.
      // Two preferences about one attribute ("more:x" and "less:x") are
      // refused as well, naming both.
      const bool invalid = rec.status().code() == absl::StatusCode::kInvalidArgument;
      const bool contradiction =
          invalid && (!q.reference.empty() ||
                      std::string(rec.status().message()).find("say it once") != std::string::npos);
      refused += contradiction;
      EXPECT_TRUE(contradiction) << name << " #" << n << " " << said << ": " << rec.status();
      failures += !contradiction;
      continue;
    }
    with_picks += !rec->picks.empty();
    for (const Pick& p : rec->picks) {
      ++picks;
      reasons += static_cast<int>(p.reasons.size());
      const bool kept = Keeps(*shop->catalog, q, p.product);
      const bool reasoned = !p.reasons.empty();
      EXPECT_TRUE(kept) << name << " #" << n << " " << said << ": " << p.id << " breaks a constraint";
      EXPECT_TRUE(reasoned) << name << " #" << n << " " << said << ": " << p.id << " has no reason";
      failures += !kept + !reasoned;
    }
    size_t checked = 0;
    for (const ClaimProblem& problem : shop->recommender->VerifyClaims(q, *rec, &checked)) {
      ADD_FAILURE() << name << " #" << n << " " << said << ": pick " << problem.pick << " \""
                    << problem.claim << "\": " << problem.problem;
      ++failures;
    }
    claims += checked;
    if (failures > 40) break;  // enough to go on
  }
  std::printf(
      "%s: %d random requests (%d refused as contradictory), %d with picks, %d picks, %d reasons, "
      "%zu claims checked\n",
      name.c_str(), requests, refused, with_picks, picks, reasons, claims);
}

TEST(RandomRequestsProperty, PcParts) { RunProperty("pcparts", 800, 17); }
TEST(RandomRequestsProperty, BestBuy) { RunProperty("bestbuy", 800, 18); }
TEST(RandomRequestsProperty, Flipkart) { RunProperty("flipkart", 800, 19); }
TEST(RandomRequestsProperty, Demo) { RunProperty("demo", 800, 20); }

}  // namespace
}  // namespace chatcart
