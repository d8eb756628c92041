// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "recommend/relax.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace chatcart::recommend {
namespace {

// Each constraint's products (within base), and set algebra over them.
class Sets {
 public:
  Sets(std::vector<ProductSet> sets, const ProductSet& base)
      : sets_(std::move(sets)), base_(base) {}

  // Whether some product of base meets every constraint in `s`.
  bool Consistent(std::span<const size_t> s) const {
    if (s.empty()) return !base_.empty();
    std::span<const uint64_t> first = sets_[s[0]].words();
    for (size_t w = 0; w < first.size(); ++w) {
      uint64_t acc = first[w];
      for (size_t k = 1; k < s.size() && acc != 0; ++k) acc &= sets_[s[k]].words()[w];
      if (acc != 0) return true;
    }
    return false;
  }

  // base ∩ every constraint but those in `skip`.
  ProductSet AllBut(std::span<const size_t> skip) const {
    ProductSet out = base_;
    for (size_t k = 0; k < sets_.size(); ++k) {
      if (std::find(skip.begin(), skip.end(), k) == skip.end()) out.IntersectWith(sets_[k]);
    }
    return out;
  }

  size_t size() const { return sets_.size(); }

 private:
  std::vector<ProductSet> sets_;
  const ProductSet& base_;
};

// QuickXplain: a minimal subset of `c` inconsistent together with `b`.
// REQUIRES: b ∪ c is inconsistent.
std::vector<size_t> QuickXplain(const Sets& sets, std::vector<size_t> b, bool delta,
                                std::span<const size_t> c) {
  if (delta && !sets.Consistent(b)) return {};
  if (c.size() == 1) return {c[0]};
  const size_t half = c.size() / 2;
  std::span<const size_t> c1 = c.subspan(0, half), c2 = c.subspan(half);
  std::vector<size_t> b1 = b;
  b1.insert(b1.end(), c1.begin(), c1.end());
  std::vector<size_t> d2 = QuickXplain(sets, std::move(b1), !c1.empty(), c2);
  std::vector<size_t> b2 = b;
  b2.insert(b2.end(), d2.begin(), d2.end());
  std::vector<size_t> d1 = QuickXplain(sets, std::move(b2), !d2.empty(), c1);
  d1.insert(d1.end(), d2.begin(), d2.end());
  return d1;
}

std::vector<size_t> Conflict(const Sets& sets, std::span<const size_t> among) {
  if (sets.Consistent(among)) return {};
  std::vector<size_t> conflict = QuickXplain(sets, {}, false, among);
  std::sort(conflict.begin(), conflict.end());
  return conflict;
}

std::string NumberText(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

bool IsUpper(CompareOp op) { return op == CompareOp::kLe || op == CompareOp::kLt; }

// The currency of a price constraint ("300 EUR", or the catalog's only one).
std::string CurrencyOf(const Catalog& catalog, const Constraint& c) {
  static const std::string kNone;
  std::string_view number, unit;
  SplitQuantity(c.values.empty() ? kNone : c.values[0], &number, &unit);
  std::string currency = absl::AsciiStrToUpper(ToAbsl(unit));
  if (currency.empty() && !catalog.currencies().empty()) currency = catalog.currencies()[0];
  return currency;
}

// The relaxed form of `c` that lets in some product of `r` (the products
// meeting every other constraint), or nullopt: drop it.
std::optional<HardConstraint> RelaxAgainst(const Recommender::Rep& rep, const HardConstraint& c,
                                           const ProductSet& r) {
  const Catalog& catalog = *rep.catalog;
  const Constraint& k = c.constraint;
  HardConstraint out = c;
  out.constraint.values.clear();

  if (c.ordering() && (c.field == FieldKind::kPrice || c.field == FieldKind::kListPrice ||
                       c.field == FieldKind::kRating || c.field == FieldKind::kNumber)) {
    const bool upper = IsUpper(k.op);
    const std::string currency = c.field == FieldKind::kPrice || c.field == FieldKind::kListPrice
                                     ? CurrencyOf(catalog, k)
                                     : "";
    double best =
        upper ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
    bool any = false;
    r.ForEach([&](ProductIndex i) {
      double v = 0;
      switch (c.field) {
        case FieldKind::kPrice: {
          const int64_t p = catalog.price_column()[i];
          if (p == Catalog::kNoPrice || catalog.price_currency(i) != currency) return;
          v = static_cast<double>(p);
          break;
        }
        case FieldKind::kListPrice: {
          std::optional<Money> lp = catalog.product(i).list_price;
          if (!lp || lp->currency() != currency) return;
          v = static_cast<double>(lp->minor_units());
          break;
        }
        case FieldKind::kRating: {
          std::optional<double> x = catalog.rating_column().Get(i);
          if (!x) return;
          v = *x;
          break;
        }
        default: {
          std::optional<double> x = catalog.number_column(*c.attribute).Get(i);
          if (!x) return;
          v = *x;
          break;
        }
      }
      any = true;
      best = upper ? std::min(best, v) : std::max(best, v);
    });
    if (!any) return std::nullopt;
    out.constraint.op = upper ? CompareOp::kLe : CompareOp::kGe;
    if (!currency.empty()) {
      absl::StatusOr<Money> zero = Money::Zero(currency);
      if (!zero.ok()) return std::nullopt;
      absl::StatusOr<Money> m = Money::FromMinorUnits(
          RoundMoney(static_cast<int64_t>(best), zero->exponent(), upper), currency);
      if (!m.ok()) return std::nullopt;
      out.constraint.values = {absl::StrCat(m->ToDecimalString(), " ", currency)};
    } else {
      out.constraint.values = {NumberText(best)};
    }
    return out;
  }

  if (k.op != CompareOp::kEq || c.origin == AppliedConstraint::kContainsAll) return std::nullopt;

  // An equality: the value most of r has (or, for numbers, the nearest).
  switch (c.field) {
    case FieldKind::kBrand: {
      std::vector<uint32_t> counts(catalog.brands().size() + 1, 0);
      r.ForEach([&](ProductIndex i) { ++counts[catalog.brand_code(i)]; });
      counts[0] = 0;
      auto it = std::max_element(counts.begin(), counts.end());
      if (*it == 0) return std::nullopt;
      out.constraint.values = {catalog.brands()[static_cast<size_t>(it - counts.begin()) - 1]};
      return out;
    }
    case FieldKind::kCodes:
    case FieldKind::kList: {
      std::vector<uint32_t> counts(catalog.dictionary(*c.attribute).size(), 0);
      if (c.field == FieldKind::kCodes) {
        const CodeColumn& col = catalog.code_column(*c.attribute);
        r.ForEach([&](ProductIndex i) {
          if (std::optional<uint32_t> code = col.Get(i)) ++counts[*code];
        });
      } else {
        r.ForEach([&](ProductIndex i) {
          for (uint32_t code : catalog.list_codes(*c.attribute, i)) ++counts[code];
        });
      }
      if (counts.empty()) return std::nullopt;
      auto it = std::max_element(counts.begin(), counts.end());
      if (*it == 0) return std::nullopt;
      out.constraint.values = {
          catalog.dictionary(*c.attribute)[static_cast<size_t>(it - counts.begin())]};
      return out;
    }
    case FieldKind::kNumber: {
      if (k.values.size() != 1) return std::nullopt;
      std::string_view number, unit;
      SplitQuantity(k.values[0], &number, &unit);
      double target = 0;
      auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), target);
      if (ec != std::errc() || !unit.empty()) return std::nullopt;
      const NumberColumn& col = catalog.number_column(*c.attribute);
      double best = 0, best_distance = std::numeric_limits<double>::infinity();
      r.ForEach([&](ProductIndex i) {
        std::optional<double> v = col.Get(i);
        if (v && std::abs(*v - target) < best_distance) {
          best = *v;
          best_distance = std::abs(*v - target);
        }
      });
      if (std::isinf(best_distance)) return std::nullopt;
      out.constraint.values = {NumberText(best)};
      return out;
    }
    default:
      return std::nullopt;
  }
}

// Which kinds of change people would rather hear first.
int Preference(const HardConstraint& c) {
  switch (c.origin) {
    case AppliedConstraint::kBudget:
      return 0;
    case AppliedConstraint::kCritique:
      return 1;
    case AppliedConstraint::kContainsAll:
      return 4;
    default:
      break;
  }
  switch (c.field) {
    case FieldKind::kPrice:
    case FieldKind::kListPrice:
      return 0;
    case FieldKind::kNumber:
    case FieldKind::kRating:
      return 2;
    default:
      return 3;
  }
}

}  // namespace

int64_t RoundMoney(int64_t minor_units, int exponent, bool up) {
  int64_t unit = 1;
  for (int e = 0; e < exponent; ++e) unit *= 10;
  const double major = static_cast<double>(minor_units) / static_cast<double>(unit);
  int64_t step = unit;  // at least one major unit
  if (major >= 100) {
    const int digits = static_cast<int>(std::floor(std::log10(major)));
    for (int d = 1; d < digits; ++d) step *= 10;
  }
  if (step <= 0) return minor_units;
  const int64_t q = minor_units / step;
  if (up) return (minor_units % step == 0) ? minor_units : (q + 1) * step;
  return q * step;
}

absl::StatusOr<Diagnosis> Diagnose(const Recommender::Rep& rep,
                                   std::span<const HardConstraint> constraints,
                                   const ProductSet& base) {
  Diagnosis out;
  if (base.empty()) return out;
  std::vector<ProductSet> per;
  per.reserve(constraints.size());
  for (const HardConstraint& c : constraints) {
    CHATCART_ASSIGN_OR_RETURN(ProductSet s, SelectOne(rep, c, base));
    per.push_back(std::move(s));
  }
  const Sets sets(std::move(per), base);
  std::vector<size_t> all(constraints.size());
  for (size_t k = 0; k < all.size(); ++k) all[k] = k;
  out.conflict = Conflict(sets, all);
  if (out.conflict.empty()) return out;  // consistent after all (REQUIRES violated)

  const int max_changes = std::max(1, rep.options.max_relaxation_changes);
  std::vector<std::vector<size_t>> tried;
  // Relaxes every constraint of `skip` against the others; a proposal when
  // something then fits.
  auto propose = [&](std::vector<size_t> skip) -> absl::Status {
    std::sort(skip.begin(), skip.end());
    if (std::find(tried.begin(), tried.end(), skip) != tried.end()) return absl::OkStatus();
    tried.push_back(skip);
    ProductSet r = sets.AllBut(skip);
    if (r.empty()) return absl::OkStatus();
    Proposal p;
    for (size_t k : skip) {
      Change change{k, RelaxAgainst(rep, constraints[k], r)};
      if (change.to) {
        CHATCART_ASSIGN_OR_RETURN(ProductSet narrowed, SelectOne(rep, *change.to, r));
        if (!narrowed.empty())
          r = std::move(narrowed);
        else
          change.to.reset();
      }
      p.changes.push_back(std::move(change));
    }
    p.matches = r.Count();
    out.proposals.push_back(std::move(p));
    return absl::OkStatus();
  };

  // One change: any relaxable member of the conflict whose relaxation is
  // enough on its own.
  std::vector<size_t> single;
  for (size_t k : out.conflict) {
    if (!constraints[k].relaxable) continue;
    const size_t before = out.proposals.size();
    CHATCART_RETURN_IF_ERROR(propose({k}));
    if (out.proposals.size() > before) single.push_back(k);
  }
  // Two changes: k from this conflict and j from the conflict that remains
  // without k (a hitting set of both), skipping supersets of single ones.
  if (max_changes >= 2) {
    for (size_t k : out.conflict) {
      if (!constraints[k].relaxable || std::find(single.begin(), single.end(), k) != single.end()) {
        continue;
      }
      std::vector<size_t> rest;
      for (size_t j = 0; j < constraints.size(); ++j) {
        if (j != k) rest.push_back(j);
      }
      for (size_t j : Conflict(sets, rest)) {
        if (!constraints[j].relaxable ||
            std::find(single.begin(), single.end(), j) != single.end()) {
          continue;
        }
        CHATCART_RETURN_IF_ERROR(propose({k, j}));
      }
    }
  }

  std::stable_sort(out.proposals.begin(), out.proposals.end(),
                   [&](const Proposal& a, const Proposal& b) {
                     if (a.changes.size() != b.changes.size()) {
                       return a.changes.size() < b.changes.size();
                     }
                     int pa = 0, pb = 0;
                     for (const Change& c : a.changes) pa += Preference(constraints[c.constraint]);
                     for (const Change& c : b.changes) pb += Preference(constraints[c.constraint]);
                     if (pa != pb) return pa < pb;
                     return a.matches > b.matches;
                   });
  const size_t keep = static_cast<size_t>(std::max(0, rep.options.max_relaxations));
  if (out.proposals.size() > keep) out.proposals.resize(keep);
  return out;
}

}  // namespace chatcart::recommend
