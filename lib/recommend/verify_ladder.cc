// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The Verifier's checks of the reasons about the catalog's quality ladder
// (verifier.h): the tier a pick stands on and what the next one buys, a spec
// stated, the pick's price rank among the products that fit.

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "recommend/verifier.h"

namespace chatcart::claims {

std::vector<QualityAttribute> Verifier::Quality() const {
  std::map<const QualitySpec*, size_t> count;
  for (ProductIndex j : fit_) {
    if (const QualitySpec* q = c_.QualityFor(c_.product(j).category)) ++count[q];
  }
  const QualitySpec* best = nullptr;
  size_t most = 0;
  for (const auto& [q, n] : count) {
    if (n > most || (n == most && best != nullptr && q->category < best->category)) {
      best = q;
      most = n;
    }
  }
  return best == nullptr ? std::vector<QualityAttribute>() : best->attributes;
}

std::optional<std::vector<double>> Verifier::QualityValues(const std::vector<QualityAttribute>& q,
                                                           ProductIndex i) const {
  std::vector<double> out;
  for (const QualityAttribute& a : q) {
    std::optional<double> v = c_.number_column(a.attribute).Get(i);
    if (!v) return std::nullopt;
    out.push_back(a.more_is_better ? *v : -*v);
  }
  return out;
}

std::string Verifier::Labels(const std::vector<QualityAttribute>& q) const {
  std::string out;
  for (size_t k = 0; k < q.size(); ++k) {
    if (k > 0) out.append(k + 1 == q.size() ? Render(lang_, Msg::kAnd) : ", ");
    out.append(Label(q[k].attribute));
  }
  return out;
}

std::string Verifier::MoneyOf(int64_t minor, ProductIndex i) const {
  absl::StatusOr<Money> m = Money::FromMinorUnits(minor, c_.price_currency(i));
  return m.ok() ? MoneyText(*m) : "";
}

void Verifier::CheckLadder(int p, int r, const Pick& pick, ProductIndex i, const Reason& reason) {
  const std::string& tier = reason.subject;
  const int64_t price = c_.price_column()[i];
  const std::string n = FormatCount(static_cast<int64_t>(fit_.size()), lang_);
  Check(pick.tier == tier, p, r, reason.text, "the pick's tier is not the reason's");
  if (tier == "top" || tier == "middle" || tier == "lowest") {
    const int64_t top = req_.budget.max ? req_.budget.max->minor_units() : 0;
    int64_t lowest = INT64_MAX, dearest = 0;
    for (ProductIndex j : fit_) {
      const int64_t pj = c_.price_column()[j];
      if (pj == Catalog::kNoPrice) continue;
      lowest = std::min(lowest, pj);
      dearest = std::max(dearest, pj);
    }
    bool holds = false;
    if (tier == "top" && reason.text == Render(lang_, Msg::kLadderTop)) {
      holds = req_.budget.max && price >= top - top / 5 && price <= top;
    } else if (tier == "top" && reason.text == Render(lang_, Msg::kLadderDearest, {{"n", n}})) {
      holds = price >= dearest - dearest / 5;
    } else if (tier == "middle" && reason.text == Render(lang_, Msg::kLadderMiddle)) {
      holds = req_.budget.max && price >= (top * 2) / 5 && price < top - top / 5;
    } else if (tier == "lowest" && reason.text == Render(lang_, Msg::kLadderLowest, {{"n", n}})) {
      holds = price == lowest;
    }
    Check(holds, p, r, reason.text, "the price is not where the claim puts it");
    return;
  }
  const std::vector<QualityAttribute> q = Quality();
  std::optional<std::vector<double>> mine = QualityValues(q, i);
  if (q.empty() || !mine) {
    Check(false, p, r, reason.text, "no quality attributes, or the pick lacks one");
    return;
  }
  const std::string labels = Labels(q);
  auto matches = [&](ProductIndex j, bool strictly) {
    std::optional<std::vector<double>> v = QualityValues(q, j);
    if (!v) return false;
    bool more = false;
    for (size_t k = 0; k < q.size(); ++k) {
      if ((*v)[k] < (*mine)[k]) return false;
      more = more || (*v)[k] > (*mine)[k];
    }
    return !strictly || more;
  };
  if (tier == "best") {
    // "Nothing from lo to hi beats it": hi is the budget's top, or the
    // dearest product that fits with every quality value.
    std::vector<int64_t> tops;
    if (req_.budget.max) tops.push_back(req_.budget.max->minor_units());
    int64_t dearest = 0;
    for (ProductIndex j : fit_) {
      if (c_.price_column()[j] != Catalog::kNoPrice && QualityValues(q, j)) {
        dearest = std::max(dearest, c_.price_column()[j]);
      }
    }
    tops.push_back(dearest);
    bool holds = false, said = false;
    for (int64_t hi : tops) {
      const int64_t lo = hi - hi / 5;
      if (reason.text !=
          Render(lang_, Msg::kLadderBest,
                 {{"lo", MoneyOf(lo, i)}, {"hi", MoneyOf(hi, i)}, {"labels", labels}})) {
        continue;
      }
      said = true;
      holds = price >= lo && price <= hi;
      for (ProductIndex j : fit_) {
        const int64_t pj = c_.price_column()[j];
        if (j != i && pj >= lo && pj <= hi && matches(j, true)) holds = false;
      }
    }
    Check(said && holds, p, r, reason.text,
          said ? "a product that fits in that price range beats it on every attribute"
               : "not the claim for this ladder");
    return;
  }
  const Msg msg = tier == "better" ? Msg::kLadderBetter : Msg::kLadderGood;
  bool holds = tier == "better" || tier == "good";
  for (ProductIndex j : fit_) {
    const int64_t pj = c_.price_column()[j];
    if (pj != Catalog::kNoPrice && pj < price && matches(j, false)) holds = false;
  }
  Check(holds && reason.text == Render(lang_, msg, {{"labels", labels}}), p, r, reason.text,
        "a cheaper product that fits matches it on every attribute");
}

void Verifier::CheckSpec(int p, int r, ProductIndex i, const Reason& reason) {
  std::string expected;
  for (const QualityAttribute& a : Quality()) {
    std::optional<TermFacts> t = Term(c_.attributes()[a.attribute].name);
    std::optional<double> v = c_.number_column(a.attribute).Get(i);
    if ((t && t->stated) || !v) continue;
    if (!expected.empty()) expected.append(", ");
    expected.append(
        Render(lang_, Msg::kValue,
               {{"label", Label(a.attribute)}, {"value", NumberText(a.attribute, *v)}}));
  }
  Check(!expected.empty() && reason.text == expected, p, r, reason.text,
        absl::StrCat("the catalog says \"", expected, "\""));
}

void Verifier::CheckPriceRank(int p, int r, ProductIndex i, const Reason& reason) {
  const int64_t price = c_.price_column()[i];
  int64_t cheaper = 0;
  for (ProductIndex j : fit_) {
    const int64_t pj = c_.price_column()[j];
    cheaper += pj != Catalog::kNoPrice && pj < price;
  }
  const std::string n = FormatCount(static_cast<int64_t>(fit_.size()), lang_);
  const std::string expected =
      cheaper == 0
          ? absl::StrCat(PriceText(i), "; ", Render(lang_, Msg::kLadderLowest, {{"n", n}}))
          : Render(lang_, Msg::kPriceRank,
                   {{"price", PriceText(i)}, {"k", FormatCount(cheaper, lang_)}, {"n", n}});
  Check(reason.text == expected, p, r, reason.text,
        absl::StrCat("the catalog says \"", expected, "\""));
}

}  // namespace chatcart::claims
