// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Recommender::VerifyClaims and the Verifier's ground (verifier.h): the
// products that fit, recomputed from the applied constraints; the problems
// reported; the values for people as the catalog holds them.

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "recommend/verifier.h"

namespace chatcart::claims {

size_t Verifier::Run() {
  absl::StatusOr<Lang> lang = recommend::ParseLang(rec_.locale);
  if (!lang.ok()) {
    Fail(-2, -1, rec_.locale, "the result's locale is not en, it or fr");
    return checked_;
  }
  lang_ = *lang;
  if (!Setup()) return checked_;
  for (size_t p = 0; p < rec_.picks.size(); ++p) CheckPick(static_cast<int>(p), rec_.picks[p]);
  if (rec_.other_approach) CheckPick(-1, *rec_.other_approach);
  CheckAlternative();
  CheckExplanation();
  CheckQuestion();
  return checked_;
}

bool Verifier::Setup() {
  std::vector<Constraint> parsed;
  for (const AppliedConstraint& a : rec_.constraints) {
    if (a.origin == AppliedConstraint::kAge) continue;
    absl::StatusOr<Constraint> k = Constraint::Parse(a.text);
    if (!k.ok()) {
      Fail(-2, -1, a.text, "an applied constraint does not parse");
      return false;
    }
    parsed.push_back(*std::move(k));
  }
  absl::StatusOr<ProductSet> set = c_.Select(parsed);
  if (!set.ok()) {
    Fail(-2, -1, "constraints", std::string(set.status().message()));
    return false;
  }
  std::vector<ProductIndex> excluded;
  for (const std::string& id : req_.exclude) {
    if (std::optional<ProductIndex> i = c_.FindById(id)) excluded.push_back(*i);
  }
  if (!req_.reference.empty()) {
    if (std::optional<ProductIndex> i = c_.FindById(req_.reference)) {
      excluded.push_back(*i);
      reference_ = *i;
    }
  }
  set->ForEach([&](ProductIndex i) {
    if (!Available(i) || !AgeFits(i)) return;
    fitting_before_exclusion_.push_back(i);
    if (std::find(excluded.begin(), excluded.end(), i) == excluded.end()) fit_.push_back(i);
  });
  return true;
}

bool Verifier::Available(ProductIndex i) const {
  if (c_.price_column()[i] == Catalog::kNoPrice) return false;
  if (!req_.in_stock_only) return true;
  std::optional<int64_t> stock = c_.product(i).stock;
  return !stock || *stock > 0;
}

bool Verifier::AgeFits(ProductIndex i) const {
  if (!req_.age) return true;
  const double age = *req_.age;
  if (rep_.age_min) {
    std::optional<double> lo = c_.number_column(*rep_.age_min).Get(i);
    if (lo && *lo > age) return false;
  }
  if (rep_.age_max) {
    std::optional<double> hi = c_.number_column(*rep_.age_max).Get(i);
    if (hi && *hi < age) return false;
  }
  return true;
}

void Verifier::Fail(int pick, int reason, std::string claim, std::string problem) {
  problems_->push_back({pick, reason, std::move(claim), std::move(problem)});
}

void Verifier::Check(bool ok, int pick, int reason, const std::string& claim, std::string problem) {
  ++checked_;
  if (!ok) Fail(pick, reason, claim, std::move(problem));
}

std::optional<Money> Verifier::Price(ProductIndex i) const {
  const int64_t p = c_.price_column()[i];
  if (p == Catalog::kNoPrice) return std::nullopt;
  absl::StatusOr<Money> m = Money::FromMinorUnits(p, c_.price_currency(i));
  return m.ok() ? std::optional<Money>(*m) : std::nullopt;
}

std::string Verifier::MoneyText(const Money& m) const { return FormatMoney(m, lang_); }

std::string Verifier::PriceText(ProductIndex i) const {
  std::optional<Money> m = Price(i);
  return m ? MoneyText(*m) : Unknown();
}

std::string Verifier::Unknown() const { return Render(lang_, Msg::kUnknown); }

std::string Verifier::NumberText(AttributeId a, double v) const {
  std::string s = FormatNumber(v, lang_);
  if (!c_.attributes()[a].unit.empty()) absl::StrAppend(&s, " ", c_.attributes()[a].unit);
  return s;
}

std::string Verifier::Label(AttributeId a) const {
  return std::string(c_.attributes()[a].LabelIn(text::LanguageCode(lang_)));
}

std::string Verifier::BrandOf(ProductIndex i) const {
  return c_.brand_code(i) == 0 ? "" : c_.brands()[c_.brand_code(i) - 1];
}

bool Verifier::SameProduct(ProductIndex a, ProductIndex b) const {
  if (c_.Variants(a).front() == c_.Variants(b).front()) return true;
  return c_.brand_code(a) == c_.brand_code(b) && c_.product_name(a) == c_.product_name(b);
}

std::optional<TermFacts> Verifier::Term(const std::string& name) const {
  return recommend::verify::TermOf(rep_, req_, name);
}

}  // namespace chatcart::claims

namespace chatcart {

std::vector<ClaimProblem> Recommender::VerifyClaims(const RecommendRequest& request,
                                                    const Recommendation& rec,
                                                    size_t* checked) const {
  std::vector<ClaimProblem> problems;
  const size_t n = claims::Verifier(*rep_, request, rec, &problems).Run();
  if (checked != nullptr) *checked = n;
  return problems;
}

}  // namespace chatcart
