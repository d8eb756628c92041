// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The Verifier's checks of the recommendation as a whole (verifier.h): the
// alternative's flags, the explanation (all shown, none fit, relaxations and
// their counts) and the probing question with each option's count.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "recommend/verifier.h"

namespace chatcart::claims {

void Verifier::CheckQuestion() {
  if (!rec_.question) return;
  const Question& q = *rec_.question;
  std::string listed;
  for (size_t k = 0; k < q.options.size(); ++k) {
    if (k > 0) listed.append(k + 1 == q.options.size() ? Render(lang_, Msg::kOr) : ", ");
    listed.append(q.options[k].value);
  }
  Check(q.text == Render(lang_, Msg::kQuestion,
                         {{"n", FormatCount(static_cast<int64_t>(fit_.size()), lang_)},
                          {"label", q.label},
                          {"options", listed}}),
        -2, -1, q.text, "the question does not state how many products fit");
  for (const QuestionOption& o : q.options) {
    std::vector<Constraint> ks;
    bool parsed = true;
    for (const std::string& w : o.where) {
      absl::StatusOr<Constraint> k = Constraint::Parse(w);
      parsed = parsed && k.ok();
      if (k.ok()) ks.push_back(*k);
    }
    absl::StatusOr<ProductSet> s = c_.Select(ks);
    size_t n = 0;
    if (parsed && s.ok()) {
      for (ProductIndex j : fit_) n += s->Contains(j);
    }
    Check(parsed && s.ok() && n == o.matches && n > 0, -2, -1, o.value,
          absl::StrCat("with this answer ", n, " products fit, not ", o.matches));
  }
}

void Verifier::CheckAlternative() {
  if (rec_.picks.empty()) return;
  const ProductIndex first = rec_.picks[0].product;
  for (size_t p = 1; p < rec_.picks.size(); ++p) {
    const Pick& pick = rec_.picks[p];
    if (pick.alternative == kAlternativeNone) continue;
    const bool cheaper_ok = !(pick.alternative & kAlternativeCheaper) ||
                            (pick.price && rec_.picks[0].price &&
                             pick.price->currency() == rec_.picks[0].price->currency() &&
                             pick.price->minor_units() < rec_.picks[0].price->minor_units());
    const bool brand_ok = !(pick.alternative & kAlternativeOtherBrand) ||
                          (!BrandOf(pick.product).empty() && !BrandOf(first).empty() &&
                           BrandOf(pick.product) != BrandOf(first));
    Check(cheaper_ok && brand_ok && rec_.alternative == static_cast<int>(p), static_cast<int>(p),
          -1, pick.id, "the alternative flags are not true");
  }
}

void Verifier::CheckExplanation() {
  const std::string& text = rec_.explanation;
  if (text.empty()) return;
  const int k = -2;
  if (text == Render(lang_, Msg::kAllShown)) {
    Check(fit_.empty() && !fitting_before_exclusion_.empty(), k, -1, text,
          "some product that fits was not shown");
    return;
  }
  if (text == Render(lang_, Msg::kNoneAvailable) || text == Render(lang_, Msg::kEmptyCatalog)) {
    bool any = false;
    for (ProductIndex i = 0; i < c_.size() && !any; ++i) any = Available(i);
    Check(!any, k, -1, text, "some product is available");
    return;
  }
  if (!rec_.picks.empty()) {
    const Pick& first = rec_.picks[0];
    if (text == Render(lang_, Msg::kOnlyOne, {{"first", first.name}})) {
      Check(fit_.size() == 1, k, -1, text, absl::StrCat(fit_.size(), " products fit, not one"));
      return;
    }
    if (text ==
        Render(lang_, Msg::kNoAlternative, {{"first", first.name}, {"brand", first.brand}})) {
      bool holds = !first.brand.empty();
      for (ProductIndex j : fit_) {
        if (SameProduct(j, first.product)) continue;
        const int64_t pj = c_.price_column()[j], pf = c_.price_column()[first.product];
        if (BrandOf(j) != first.brand || pj < pf) holds = false;
      }
      Check(holds, k, -1, text, "a product that fits is of another brand or cheaper");
      return;
    }
    if (text == Render(lang_, Msg::kNoCheaper, {{"first", first.name}})) {
      bool holds = true;
      for (ProductIndex j : fit_) {
        if (SameProduct(j, first.product)) continue;
        if (c_.price_column()[j] < c_.price_column()[first.product]) holds = false;
      }
      Check(holds, k, -1, text, "a product that fits is cheaper");
      return;
    }
    Check(false, k, -1, text, "an explanation beside picks that is not known");
    return;
  }
  // An empty result: its conflict matches nothing together, and is
  // minimal; every relaxation lets in the products it counts.
  auto count = [&](const std::vector<size_t>& which,
                   const std::vector<std::pair<size_t, std::string>>& changes) -> int64_t {
    std::vector<Constraint> ks;
    bool age = false;
    for (size_t a : which) {
      std::string t = rec_.constraints[a].text;
      bool dropped = false;
      for (const auto& [at, to] : changes) {
        if (at == a) {
          t = to;
          dropped = to.empty();
        }
      }
      if (dropped) continue;
      if (rec_.constraints[a].origin == AppliedConstraint::kAge) {
        age = true;
        continue;
      }
      absl::StatusOr<Constraint> parsed = Constraint::Parse(t);
      if (!parsed.ok()) return -1;
      ks.push_back(*parsed);
    }
    absl::StatusOr<ProductSet> s = c_.Select(ks);
    if (!s.ok()) return -1;
    int64_t n = 0;
    s->ForEach([&](ProductIndex i) { n += Available(i) && (!age || AgeFits(i)); });
    return n;
  };
  if (!rec_.conflict.empty()) {
    Check(count(rec_.conflict, {}) == 0, k, -1, text, "the products fit the conflict together");
    for (size_t drop : rec_.conflict) {
      std::vector<size_t> rest;
      for (size_t a : rec_.conflict) {
        if (a != drop) rest.push_back(a);
      }
      Check(count(rest, {}) > 0, k, -1, text,
            absl::StrCat("the conflict is not minimal without ", rec_.constraints[drop].text));
    }
  }
  std::vector<size_t> all;
  for (size_t a = 0; a < rec_.constraints.size(); ++a) all.push_back(a);
  for (const Relaxation& relax : rec_.relaxations) {
    std::vector<std::pair<size_t, std::string>> changes;
    for (const RelaxationChange& ch : relax.changes) changes.emplace_back(ch.constraint, ch.to);
    const int64_t n = count(all, changes);
    const std::string said = n == 1 ? "" : FormatCount(n, lang_);
    Check(n == static_cast<int64_t>(relax.matches) && text.find(relax.text) != std::string::npos &&
              (said.empty() || relax.text.find(said) != std::string::npos),
          k, -1, relax.text,
          absl::StrCat("with these changes ", n, " products fit, not ", relax.matches));
  }
}

}  // namespace chatcart::claims
